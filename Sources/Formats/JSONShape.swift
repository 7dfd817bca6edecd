import Catalogue

/// What the JSON reader expects at one place in a file: the keys an object may hold, in the model's
/// declaration order, and what kind of value each key takes.
///
/// The model's synthesized `Codable` silently drops keys it does not know, so a typo such as
/// `"signedon"` would vanish without a word; the scanner compares every key against this table
/// instead. The writer uses the same order. `Schemas/tthc.schema.json` says the same thing for other
/// tools; `JSONShapeTests` checks the three (model, table, schema) agree key for key.
final class JSONShape: Sendable {
    enum Kind: Sendable, Equatable {
        case object
        case array
        /// Free text or an identifier as printed ("3218/QĐ-UBND"): anything but blank.
        case text
        /// Text whose line breaks are kept.
        case prose
        /// A code ("1.001193", "G15-TP07"): no white space. Opaque otherwise (DOMAIN.md §4).
        case code
        /// An ISO 4217 currency code: three capital letters.
        case currency
        /// A whole number from `minimum` to `JSONShape.maximumCount`.
        case integer(minimum: Int)
        /// A `DecimalNumber`: a JSON number (or digits in a string), never negative.
        case decimal
        case boolean
        /// A `LocalDate`, `YYYY-MM-DD`.
        case date
        /// One of `values`; `noun` names the set in messages ("a time unit").
        case enumeration(noun: String, values: [String])
    }

    /// A key of an object.
    struct Property: Sendable {
        let name: String
        let utf8: [UInt8]
        let shape: JSONShape
        let required: Bool
        let description: String
    }

    /// Values the scanner records the position of, so replay errors can point at them.
    enum Mark: Sendable, Equatable {
        case decision
        case procedure
        case item
    }

    let kind: Kind
    /// For objects: the keys, in declaration order.
    let properties: [Property]
    /// For arrays: the shape of every element.
    let element: JSONShape?
    let mark: Mark?
    /// For schema checks and docs: what this object is ("Decision", "Procedure").
    let name: String?

    private init(kind: Kind, properties: [Property] = [], element: JSONShape? = nil, mark: Mark? = nil, name: String? = nil) {
        self.kind = kind
        self.properties = properties
        self.element = element
        self.mark = mark
        self.name = name
    }

    func property(named key: String) -> Property? { properties.first { $0.name == key } }

    /// What a value of this shape is, for "expected …, found …" messages.
    var expected: String {
        switch kind {
        case .object: "an object { … }"
        case .array: "a list [ … ]"
        case .text, .prose: "text in double quotes"
        case .code: "a code in double quotes, with no spaces"
        case .currency: "a currency code in double quotes, three capital letters such as USD"
        case .integer(let minimum): "a whole number (\(minimum) or more)"
        case .decimal: "a number such as 16.5 or 400000"
        case .boolean: "true or false"
        case .date: "a date in double quotes, YYYY-MM-DD"
        case .enumeration(let noun, let values): "\(noun) in double quotes, one of \(values.joined(separator: ", "))"
        }
    }
}

// MARK: - The table

extension JSONShape {
    private static func object(_ name: String, mark: Mark? = nil, _ properties: [Property]) -> JSONShape {
        JSONShape(kind: .object, properties: properties, mark: mark, name: name)
    }

    private static func list(_ element: JSONShape) -> JSONShape { JSONShape(kind: .array, element: element) }

    private static func key(_ name: String, _ shape: JSONShape, required: Bool = false, _ description: String) -> Property {
        Property(name: name, utf8: Array(name.utf8), shape: shape, required: required, description: description)
    }

    private static func enumeration<E: RawRepresentable & CaseIterable>(_: E.Type, _ noun: String) -> JSONShape
    where E.RawValue == String {
        JSONShape(kind: .enumeration(noun: noun, values: E.allCases.map(\.rawValue)))
    }

    /// The largest count the XML schema allows (`xs:nonNegativeInteger` up to 2³¹ − 1); JSON keeps to
    /// it so that every JSON file converts to XML.
    static let maximumCount = 2_147_483_647

    static let text = JSONShape(kind: .text)
    /// Text whose line breaks are kept; other text is one line (docs/xml-format.md, "Text").
    static let prose = JSONShape(kind: .prose)
    static let code = JSONShape(kind: .code)
    static let currency = JSONShape(kind: .currency)
    static let date = JSONShape(kind: .date)
    static let decimal = JSONShape(kind: .decimal)
    static let boolean = JSONShape(kind: .boolean)
    static let count = JSONShape(kind: .integer(minimum: 0))

    static let legalBasis = object("LegalBasis", [
        key("number", text, required: true, "The text's number, e.g. 63/2010/NĐ-CP."),
        key("title", text, "The text's title."),
        key("article", text, "Article or clause, e.g. Điều 8."),
        key("issuedOn", date, "Date of issue."),
    ])

    static let field = object("Field", [
        key("name", text, required: true, "The field (lĩnh vực), e.g. Hộ tịch."),
        key("code", code, "The national portal's field code, e.g. G15-TP07."),
    ])

    static let reception = object("Reception", [
        key("place", enumeration(Reception.Place.self, "a reception place"), required: true, "Where dossiers are received."),
        key("communes", list(code), "For commune-counter: the communes that receive it, by code; none listed means every commune."),
        key("name", text, "The centre's or agency's name."),
    ])

    static let step = object("Step", [
        key("title", text, "A short title, e.g. Bước 1: Nộp hồ sơ."),
        key("text", prose, required: true, "What happens."),
    ])

    static let stepGroup = object("StepGroup", [
        key("case", text, "The case these steps are for; absent when there is one way through."),
        key("steps", list(step), "The steps, in order."),
    ])

    static let timeUnit = enumeration(TimeUnit.self, "a time unit")

    static let stage = object("Stage", [
        key("name", text, required: true, "The stage or agency, e.g. Sở Tư pháp."),
        key("value", decimal, "Its share of the time."),
        key("unit", timeUnit, "The unit of value."),
    ])

    static let processingTime = object("ProcessingTime", [
        key("value", decimal, "The time, e.g. 16.5; absent for same-day."),
        key("unit", timeUnit, "The unit of value."),
        key("text", text, "The decision's own wording, for display or times no unit captures."),
        key("stages", list(stage), "The time split by stage."),
    ])

    static let fee = object("Fee", [
        key("kind", enumeration(Fee.Kind.self, "a fee kind"), required: true, "fee (lệ phí) or charge (phí)."),
        key("amount", decimal, "Amount in đồng (or currency); 0 means free."),
        key("currency", currency, "ISO 4217 code when not đồng, e.g. USD."),
        key("text", text, "Wording when the law fixes no figure."),
        key("description", prose, "What the fee is for."),
        key("exemptions", list(text), "Who is exempt."),
    ])

    static let channel = object("Channel", [
        key("method", enumeration(SubmissionMethod.self, "a submission method"), required: true, "How the dossier is submitted."),
        key("time", processingTime, required: true, "Processing time on this channel."),
        key("fees", list(fee), "Fees and charges on this channel."),
        key("description", prose, "How to submit this way."),
    ])

    static let dossierItem = object("DossierItem", [
        key("name", text, required: true, "The paper."),
        key("code", code, "The national portal's item code."),
        key("form", text, "The form to fill in, e.g. Mẫu CT01."),
        key("originals", count, "Originals to hand in; 1 when absent."),
        key("copies", count, "Copies to hand in; 0 when absent."),
        key("required", boolean, "false when optional; true when absent."),
        key("presentation", enumeration(DossierItem.Presentation.self, "a presentation"), "submit (handed in) or show (shown at the counter); submit when absent."),
        key("note", prose, "A note on the paper."),
    ])

    static let dossierCase = object("DossierCase", [
        key("name", text, "The case; absent for a single-case dossier."),
        key("items", list(dossierItem), "The papers."),
    ])

    static let dossier = object("Dossier", [
        key("cases", list(dossierCase), "One or more cases, each with its papers."),
        key("sets", count, "Number of sets (số bộ hồ sơ)."),
    ])

    static let agency = object("Agency", [
        key("role", enumeration(Agency.Role.self, "an agency role"), required: true, "The agency's role."),
        key("name", text, required: true, "The agency."),
    ])

    static let outcome = object("Outcome", [
        key("name", text, required: true, "What the citizen receives, e.g. Giấy khai sinh."),
        key("code", code, "The national portal's result code."),
    ])

    static let form = object("Form", [
        key("name", text, required: true, "The form's name."),
        key("code", code, "Its code, e.g. CT01."),
        key("source", text, "Where it is issued, e.g. Thông tư 66/2023/TT-BCA."),
        key("file", text, "File name or URL of the blank form."),
    ])

    static let requirement = object("Requirement", [
        key("text", prose, required: true, "The requirement or condition."),
        key("basis", text, "The legal text it rests on."),
    ])

    static let onlineService = object("OnlineService", [
        key("level", enumeration(OnlineLevel.self, "an online level"), required: true, "How far it can be done online (Decree 42/2022)."),
        key("codes", list(code), "Online-service codes, e.g. 1.001193.01."),
        key("url", text, "Where to submit online."),
    ])

    static let procedureProperties: [Property] = [
        key("code", code, "The national code (1.001193) or local copy; absent on a new procedure with no code yet."),
        key("name", text, required: true, "The procedure's name."),
        key("levels", list(enumeration(Level.self, "a level")), "The levels that carry it out."),
        key("fields", list(field), "Its fields (lĩnh vực)."),
        key("reception", list(reception), "Where dossiers are received."),
        key("steps", list(stepGroup), "The steps (trình tự), per case."),
        key("channels", list(channel), "Ways to submit, each with its time and fees."),
        key("dossier", dossier, "The papers to prepare; absent when there are none."),
        key("subjects", list(text), "Who may do it (đối tượng)."),
        key("agencies", list(agency), "The agencies and their roles."),
        key("results", list(outcome), "What the citizen receives."),
        key("forms", list(form), "Forms to fill in."),
        key("requirements", list(requirement), "Requirements and conditions."),
        key("legalBases", list(legalBasis), "Its legal basis (căn cứ pháp lý)."),
        key("online", onlineService, "Online service."),
        key("type", enumeration(ProcedureType.self, "a procedure type"), "ordinary when absent."),
        key("annualVolume", count, "Dossiers a year, when known."),
        key("keywords", list(text), "Search keywords."),
        key("notes", prose, "Anything else the decision says."),
    ]

    static let procedure = object("Procedure", procedureProperties)
    /// The same, as the root of a standalone procedure file, whose position is recorded.
    static let rootProcedure = object("Procedure", mark: .procedure, procedureProperties)

    static let decisionItem = object("DecisionItem", mark: .item, [
        key("action", enumeration(DecisionItem.Action.self, "an action"), required: true, "new, amended, replaced or abolished."),
        key("code", code, "The code the row concerns (for abolished rows, the only code)."),
        key("name", text, "The name as listed."),
        key("level", enumeration(Level.self, "a level"), "The level under which Phần I lists the row."),
        key("field", field, "The field under which Phần I lists the row."),
        key("effectiveOn", date, "Overrides the decision's effective date for this row."),
        key("replaces", list(code), "For replaced rows: the codes replaced."),
        key("changedParts", list(enumeration(Part.self, "a part")), "For amended rows: the parts changed."),
        key("basis", text, "The legal text that amends, replaces or abolishes."),
        key("procedure", procedure, "Full content (Phần II), for new, amended and replaced rows."),
    ])

    static let signer = object("Signer", [
        key("name", text, required: true, "Who signed."),
        key("onBehalfOf", text, "KT. CHỦ TỊCH, when signing on behalf of someone."),
        key("title", text, required: true, "PHÓ CHỦ TỊCH."),
    ])

    static let decision = object("Decision", mark: .decision, [
        key("number", text, required: true, "The decision's number, e.g. 3218/QĐ-UBND."),
        key("signedOn", date, required: true, "Date of signing."),
        key("place", text, "Place of signing."),
        key("authority", text, required: true, "The issuing authority, e.g. ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH."),
        key("signer", signer, "Who signed, and in what capacity."),
        key("title", text, required: true, "The title (trích yếu)."),
        key("effectiveOn", date, "When it takes effect; the signing date when absent."),
        key("legalBases", list(legalBasis), "The decision's own legal bases (căn cứ)."),
        key("parentDecision", text, "The ministry decision this one follows."),
        key("items", list(decisionItem), "The rows: procedures announced as new, amended, replaced or abolished."),
    ])

    /// The file itself: exactly one of `decision` or `procedure`, and an optional `$schema`.
    static let root = object("Root", [
        key("$schema", text, "The schema this file follows; ignored by tthc."),
        key("decision", decision, "A decision announcing procedures."),
        key("procedure", rootProcedure, "A single procedure."),
    ])
}
