import CLibXML2
import Catalogue
import Foundation

/// Where the builder is in the document: one case per kind of element it understands.
enum XMLSlot: UInt8 {
    case root, ignored
    case decision, decisionPlace, decisionAuthority, decisionTitle
    case signer, signerName, signerOnBehalfOf, signerTitle
    case decisionLegalBases, decisionLegalBasis, procedureLegalBases, procedureLegalBasis, legalBasisTitle, legalBasisArticle
    case items, item, itemName, itemField, itemBasis, replaces, replacedCode, changedParts, changedPart
    case fieldName
    case procedure, procedureName, procedureNotes, levels, level, fields, procedureField
    case reception, receptionPlace, communes, commune, receptionName
    case groups, group, groupCase, steps, step, stepTitle, stepText
    case channels, channel, channelDescription, time, timeText, stages, stage, stageName
    case fees, fee, feeText, feeDescription, exemptions, exemption
    case dossier, cases, dossierCase, dossierCaseName, dossierItems, dossierItem, dossierItemName, dossierItemForm, dossierItemNote
    case subjects, subject, agencies, agency, agencyName, results, result, resultName
    case forms, form, formName, formSource, requirements, requirement, requirementText, requirementBasis
    case online, onlineCodes, onlineCode, keywords, keyword

    /// Text elements whose line breaks are kept (docs/xml-format.md, "Text").
    var isProse: Bool {
        switch self {
        case .procedureNotes, .stepText, .channelDescription, .feeDescription, .dossierItemNote, .requirementText: true
        default: false
        }
    }

    /// Elements whose content is text the builder keeps.
    var holdsText: Bool {
        switch self {
        case .decisionPlace, .decisionAuthority, .decisionTitle, .signerName, .signerOnBehalfOf, .signerTitle,
            .legalBasisTitle, .legalBasisArticle, .itemName, .itemBasis, .replacedCode, .changedPart, .fieldName,
            .procedureName, .procedureNotes, .level, .commune, .receptionName, .groupCase, .stepTitle, .stepText,
            .channelDescription, .timeText, .stageName, .feeText, .feeDescription, .exemption, .dossierCaseName,
            .dossierItemName, .dossierItemForm, .dossierItemNote, .subject, .agencyName, .resultName, .formName,
            .formSource, .requirementText, .requirementBasis, .onlineCode, .keyword:
            true
        default:
            false
        }
    }
}

/// Builds a `Decision` or `Procedure` from start/text/end events, one object of each kind under
/// construction at a time (the format never nests a kind inside itself).
struct XMLModelBuilder {
    let file: String
    let text: XMLText
    let errors: LibXMLErrors
    var names = XMLNameTable()

    private var stack: [XMLSlot] = [.root]
    private var buffer: [UInt8] = []
    /// Conversions the schema should have made impossible; reported only for otherwise valid files.
    private(set) var diagnostics: [Diagnostic] = []

    // The results.
    private(set) var decision: SourcedDecision?
    private(set) var rootProcedure: (Procedure, SourceLocation)?

    // The decision's own members.
    private var number = "", signedOn: LocalDate?, effectiveOn: LocalDate?, parentDecision: String?
    private var place: String?, authority = "", title = "", signer: Decision.Signer?
    private var decisionLegalBases: [LegalBasis] = [], items: [DecisionItem] = []
    private var rootLocation = SourceLocation(file: ""), itemLocations: [SourceLocation] = []

    // What is under construction.
    private var legalBasis = LegalBasis(number: "")
    private var item = DecisionItem(action: .new)
    private var field = Field(name: "")
    private var procedure = Procedure(name: "")
    private var reception = Reception(place: .agency)
    private var group = StepGroup()
    private var step = Step(text: "")
    private var channel = Channel(method: .inPerson, time: ProcessingTime())
    private var time = ProcessingTime()
    private var stage = ProcessingTime.Stage(name: "")
    private var fee = Fee()
    private var dossier = Dossier()
    private var dossierCase = DossierCase()
    private var dossierItem = DossierItem(name: "")
    private var agency = Agency(role: .performing, name: "")
    private var outcome = Outcome(name: "")
    private var form = Form(name: "")
    private var requirement = Requirement(text: "")
    private var online = OnlineService(level: .none)

    /// The parser while a parse runs (not owned), to find where tags start.
    var parser: xmlParserCtxtPtr?
    /// The bytes being parsed, while a parse runs, to turn positions into locations.
    var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Set when the root element is wrong: the parse stops and this is the only error.
    private(set) var rootProblem: Diagnostic?

    // Where schema errors go. libxml2 reports them with no position when no tree is built; the plugged-in
    // validator sees each start and end event right after the builder, so an error belongs to the
    // element just started or, after an end event, to the element just ended: point at its start tag.
    private var openTags: [XMLPosition] = []
    private var lastEnded = XMLPosition()
    private var afterEnd = false

    /// The start tag of the element the validator is looking at.
    var validatedLocation: SourceLocation {
        location(afterEnd ? lastEnded : (openTags.last ?? XMLPosition()))
    }

    init(file: String, text: XMLText, errors: LibXMLErrors) {
        self.file = file
        self.text = text
        self.errors = errors
        rootLocation = SourceLocation(file: file)
        stack.reserveCapacity(16)
        openTags.reserveCapacity(16)
        buffer.reserveCapacity(1024)
    }

    var isAtRoot: Bool { stack.count == 1 }

    /// The root must be `<decision>` or `<procedure>` in the format's namespace; say plainly what else means.
    static func checkRoot(_ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, at location: SourceLocation) -> Diagnostic? {
        let local = String(cString: name)
        guard local == "decision" || local == "procedure" else {
            return .error(
                "the root element is <\(local)>, but a tthc XML file holds one <decision> or <procedure> element in namespace \(XMLFormat.namespace)",
                at: location)
        }
        let href = namespace.map { String(cString: $0) }
        guard href == XMLFormat.namespace else {
            let actual = href.map { "namespace '\($0)'" } ?? "no namespace"
            return .error("<\(local)> is in \(actual); write <\(local) xmlns=\"\(XMLFormat.namespace)\" …> so tthc knows the format", at: location)
        }
        return nil
    }

    // MARK: Events

    @inline(__always)
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if stack[stack.count - 1].holdsText { buffer.append(contentsOf: bytes) }
    }

    func location(_ position: XMLPosition) -> SourceLocation {
        let (line, column) = position.start(in: input)
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func start(_ rawName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: XMLAttributes) {
        let position = parser?.position ?? XMLPosition()
        openTags.append(position)
        afterEnd = false
        if isAtRoot, let problem = XMLModelBuilder.checkRoot(rawName, namespace: namespace, at: location(position)) {
            // A wrong root: that is the one thing to say, so stop and let nothing else through.
            rootProblem = problem
            errors.silenced = true
            if let parser { xmlStopParser(parser) }
            return
        }
        let name = names.lookup(rawName)
        let slot = XMLModelBuilder.slot(for: name, in: stack.last!)
        stack.append(slot)
        if slot.holdsText {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        switch slot {
        case .decision:
            rootLocation = location(position)
            attributes.forEach(names) { name, value in
                switch name {
                case .number: number = line(value)
                case .signedOn: signedOn = date(value, .signedOn)
                case .effectiveOn: effectiveOn = date(value, .effectiveOn)
                case .parentDecision: parentDecision = line(value)
                default: break
                }
            }
        case .signer:
            signer = Decision.Signer(name: "", title: "")
        case .decisionLegalBasis, .procedureLegalBasis:
            legalBasis = LegalBasis(number: "")
            attributes.forEach(names) { name, value in
                switch name {
                case .number: legalBasis.number = line(value)
                case .issuedOn: legalBasis.issuedOn = date(value, .issuedOn)
                default: break
                }
            }
        case .item:
            item = DecisionItem(action: .new)
            itemLocations.append(location(position))
            attributes.forEach(names) { name, value in
                switch name {
                case .action: item.action = enumeration(value, .action) ?? .new
                case .code: item.code = ProcedureCode(line(value))
                case .level: item.level = enumeration(value, .level)
                case .effectiveOn: item.effectiveOn = date(value, .effectiveOn)
                default: break
                }
            }
        case .itemField, .procedureField:
            field = Field(name: "")
            attributes.forEach(names) { name, value in
                if name == .code { field.code = line(value) }
            }
        case .procedure:
            if stack.count == 2 { rootLocation = location(position) }
            procedure = Procedure(name: "")
            attributes.forEach(names) { name, value in
                switch name {
                case .code: procedure.code = ProcedureCode(line(value))
                case .type: procedure.type = enumeration(value, .type) ?? .ordinary
                case .annualVolume: procedure.annualVolume = count(value, .annualVolume)
                default: break  // version, on a root <procedure>
                }
            }
        case .receptionPlace:
            reception = Reception(place: .agency)
            attributes.forEach(names) { name, value in
                if name == .place { reception.place = enumeration(value, .place) ?? .agency }
            }
        case .group:
            group = StepGroup()
        case .step:
            step = Step(text: "")
        case .channel:
            channel = Channel(method: .inPerson, time: ProcessingTime())
            attributes.forEach(names) { name, value in
                if name == .method { channel.method = enumeration(value, .method) ?? .inPerson }
            }
        case .time:
            time = ProcessingTime()
            attributes.forEach(names) { name, value in
                switch name {
                case .value: time.value = decimal(value, .value)
                case .unit: time.unit = enumeration(value, .unit)
                default: break
                }
            }
        case .stage:
            stage = ProcessingTime.Stage(name: "")
            attributes.forEach(names) { name, value in
                switch name {
                case .value: stage.value = decimal(value, .value)
                case .unit: stage.unit = enumeration(value, .unit)
                default: break
                }
            }
        case .fee:
            fee = Fee()
            attributes.forEach(names) { name, value in
                switch name {
                case .kind: fee.kind = enumeration(value, .kind) ?? .fee
                case .amount: fee.amount = decimal(value, .amount)
                case .currency: fee.currency = line(value)
                default: break
                }
            }
        case .dossier:
            dossier = Dossier()
            attributes.forEach(names) { name, value in
                if name == .sets { dossier.sets = count(value, .sets) }
            }
        case .dossierCase:
            dossierCase = DossierCase()
        case .dossierItem:
            dossierItem = DossierItem(name: "")
            attributes.forEach(names) { name, value in
                switch name {
                case .code: dossierItem.code = line(value)
                case .originals: dossierItem.originals = count(value, .originals) ?? 1
                case .copies: dossierItem.copies = count(value, .copies) ?? 0
                case .required: dossierItem.required = boolean(value, .required) ?? true
                case .presentation: dossierItem.presentation = enumeration(value, .presentation) ?? .submit
                default: break
                }
            }
        case .agency:
            agency = Agency(role: .performing, name: "")
            attributes.forEach(names) { name, value in
                if name == .role { agency.role = enumeration(value, .role) ?? .performing }
            }
        case .result:
            outcome = Outcome(name: "")
            attributes.forEach(names) { name, value in
                if name == .code { outcome.code = line(value) }
            }
        case .form:
            form = Form(name: "")
            attributes.forEach(names) { name, value in
                switch name {
                case .code: form.code = line(value)
                case .file: form.file = line(value)
                default: break
                }
            }
        case .requirement:
            requirement = Requirement(text: "")
        case .online:
            online = OnlineService(level: .none)
            attributes.forEach(names) { name, value in
                switch name {
                case .level: online.level = enumeration(value, .level) ?? .none
                case .url: online.url = line(value)
                default: break
                }
            }
        default:
            break
        }
    }

    mutating func end() {
        lastEnded = openTags.popLast() ?? XMLPosition()
        afterEnd = true
        guard stack.count > 1 else { return }
        let slot = stack.removeLast()
        if slot.holdsText {
            let value = slot.isProse ? prose() : line()
            assign(value, to: slot)
            return
        }
        switch slot {
        // Objects, into their owner.
        case .decisionLegalBasis: decisionLegalBases.append(take(&legalBasis, LegalBasis(number: "")))
        case .procedureLegalBasis: procedure.legalBases.append(take(&legalBasis, LegalBasis(number: "")))
        case .item: items.append(take(&item, DecisionItem(action: .new)))
        case .itemField: item.field = take(&field, Field(name: ""))
        case .procedureField: procedure.fields.append(take(&field, Field(name: "")))
        case .procedure:
            if stack.last == .item {
                item.procedure = take(&procedure, Procedure(name: ""))
            } else {
                rootProcedure = (take(&procedure, Procedure(name: "")), rootLocation)
            }
        case .receptionPlace: procedure.reception.append(take(&reception, Reception(place: .agency)))
        case .group: procedure.steps.append(take(&group, StepGroup()))
        case .step: group.steps.append(take(&step, Step(text: "")))
        case .channel: procedure.channels.append(take(&channel, Channel(method: .inPerson, time: ProcessingTime())))
        case .time: channel.time = take(&time, ProcessingTime())
        case .stage: time.stages.append(take(&stage, ProcessingTime.Stage(name: "")))
        case .fee: channel.fees.append(take(&fee, Fee()))
        case .dossier: procedure.dossier = take(&dossier, Dossier())
        case .dossierCase: dossier.cases.append(take(&dossierCase, DossierCase()))
        case .dossierItem: dossierCase.items.append(take(&dossierItem, DossierItem(name: "")))
        case .agency: procedure.agencies.append(take(&agency, Agency(role: .performing, name: "")))
        case .result: procedure.results.append(take(&outcome, Outcome(name: "")))
        case .form: procedure.forms.append(take(&form, Form(name: "")))
        case .requirement: procedure.requirements.append(take(&requirement, Requirement(text: "")))
        case .online: procedure.online = take(&online, OnlineService(level: .none))
        case .decision:
            let built = Decision(
                number: number, signedOn: signedOn ?? LocalDate(year: 1, month: 1, day: 1)!, place: place,
                authority: authority, signer: signer, title: title, effectiveOn: effectiveOn,
                legalBases: decisionLegalBases, parentDecision: parentDecision, items: items)
            decision = SourcedDecision(decision: built, location: rootLocation, itemLocations: itemLocations)
        default:
            break
        }
    }

    /// Puts the text of an element that just ended where it belongs.
    private mutating func assign(_ value: String, to slot: XMLSlot) {
        switch slot {
        case .decisionPlace: place = value
        case .decisionAuthority: authority = value
        case .decisionTitle: title = value
        case .signerName: signer?.name = value
        case .signerOnBehalfOf: signer?.onBehalfOf = value
        case .signerTitle: signer?.title = value
        case .legalBasisTitle: legalBasis.title = value
        case .legalBasisArticle: legalBasis.article = value
        case .itemName: item.name = value
        case .itemBasis: item.basis = value
        case .replacedCode: item.replaces.append(ProcedureCode(value))
        case .changedPart: if let part: Part = enumeration(value, .part) { item.changedParts.append(part) }
        case .fieldName: field.name = value
        case .procedureName: procedure.name = value
        case .procedureNotes: procedure.notes = value
        case .level: if let level: Level = enumeration(value, .level) { procedure.levels.append(level) }
        case .commune: reception.communes.append(value)
        case .receptionName: reception.name = value
        case .groupCase: group.caseName = value
        case .stepTitle: step.title = value
        case .stepText: step.text = value
        case .channelDescription: channel.description = value
        case .timeText: time.text = value
        case .stageName: stage.name = value
        case .feeText: fee.text = value
        case .feeDescription: fee.description = value
        case .exemption: fee.exemptions.append(value)
        case .dossierCaseName: dossierCase.name = value
        case .dossierItemName: dossierItem.name = value
        case .dossierItemForm: dossierItem.form = value
        case .dossierItemNote: dossierItem.note = value
        case .subject: procedure.subjects.append(value)
        case .agencyName: agency.name = value
        case .resultName: outcome.name = value
        case .formName: form.name = value
        case .formSource: form.source = value
        case .requirementText: requirement.text = value
        case .requirementBasis: requirement.basis = value
        case .onlineCode: online.codes.append(value)
        case .keyword: procedure.keywords.append(value)
        default: break
        }
    }

    /// Moves a finished object out of its slot, leaving a blank one, so handing it to its owner copies
    /// no references (a plain copy would retain every string and array inside, and the next reset
    /// release them all again).
    @inline(__always)
    private func take<T>(_ value: inout T, _ blank: T) -> T {
        var out = blank
        swap(&out, &value)
        return out
    }

    // MARK: Where each element goes

    /// The slot of a child element, from its parent's slot and its name; `.ignored` for anything else
    /// (the schema reports it), and everything inside an ignored element is ignored.
    static func slot(for name: XMLName?, in parent: XMLSlot) -> XMLSlot {
        guard let name else { return .ignored }
        switch parent {
        case .root:
            switch name {
            case .decision: return .decision
            case .procedure: return .procedure
            default: return .ignored
            }
        case .decision:
            switch name {
            case .place: return .decisionPlace
            case .authority: return .decisionAuthority
            case .title: return .decisionTitle
            case .signer: return .signer
            case .legalBases: return .decisionLegalBases
            case .items: return .items
            default: return .ignored
            }
        case .signer:
            switch name {
            case .name: return .signerName
            case .onBehalfOf: return .signerOnBehalfOf
            case .title: return .signerTitle
            default: return .ignored
            }
        case .decisionLegalBases: return name == .legalBasis ? .decisionLegalBasis : .ignored
        case .procedureLegalBases: return name == .legalBasis ? .procedureLegalBasis : .ignored
        case .decisionLegalBasis, .procedureLegalBasis:
            switch name {
            case .title: return .legalBasisTitle
            case .article: return .legalBasisArticle
            default: return .ignored
            }
        case .items: return name == .item ? .item : .ignored
        case .item:
            switch name {
            case .name: return .itemName
            case .field: return .itemField
            case .replaces: return .replaces
            case .changedParts: return .changedParts
            case .basis: return .itemBasis
            case .procedure: return .procedure
            default: return .ignored
            }
        case .itemField, .procedureField: return name == .name ? .fieldName : .ignored
        case .replaces: return name == .code ? .replacedCode : .ignored
        case .changedParts: return name == .part ? .changedPart : .ignored
        case .procedure:
            switch name {
            case .name: return .procedureName
            case .levels: return .levels
            case .fields: return .fields
            case .reception: return .reception
            case .steps: return .groups
            case .channels: return .channels
            case .dossier: return .dossier
            case .subjects: return .subjects
            case .agencies: return .agencies
            case .results: return .results
            case .forms: return .forms
            case .requirements: return .requirements
            case .legalBases: return .procedureLegalBases
            case .online: return .online
            case .keywords: return .keywords
            case .notes: return .procedureNotes
            default: return .ignored
            }
        case .levels: return name == .level ? .level : .ignored
        case .fields: return name == .field ? .procedureField : .ignored
        case .reception: return name == .place ? .receptionPlace : .ignored
        case .receptionPlace:
            switch name {
            case .communes: return .communes
            case .name: return .receptionName
            default: return .ignored
            }
        case .communes: return name == .commune ? .commune : .ignored
        case .groups: return name == .group ? .group : .ignored
        case .group:
            switch name {
            case .case: return .groupCase
            case .steps: return .steps
            default: return .ignored
            }
        case .steps: return name == .step ? .step : .ignored
        case .step:
            switch name {
            case .title: return .stepTitle
            case .text: return .stepText
            default: return .ignored
            }
        case .channels: return name == .channel ? .channel : .ignored
        case .channel:
            switch name {
            case .time: return .time
            case .fees: return .fees
            case .description: return .channelDescription
            default: return .ignored
            }
        case .time:
            switch name {
            case .text: return .timeText
            case .stages: return .stages
            default: return .ignored
            }
        case .stages: return name == .stage ? .stage : .ignored
        case .stage: return name == .name ? .stageName : .ignored
        case .fees: return name == .fee ? .fee : .ignored
        case .fee:
            switch name {
            case .text: return .feeText
            case .description: return .feeDescription
            case .exemptions: return .exemptions
            default: return .ignored
            }
        case .exemptions: return name == .exemption ? .exemption : .ignored
        case .dossier: return name == .cases ? .cases : .ignored
        case .cases: return name == .case ? .dossierCase : .ignored
        case .dossierCase:
            switch name {
            case .name: return .dossierCaseName
            case .items: return .dossierItems
            default: return .ignored
            }
        case .dossierItems: return name == .item ? .dossierItem : .ignored
        case .dossierItem:
            switch name {
            case .name: return .dossierItemName
            case .form: return .dossierItemForm
            case .note: return .dossierItemNote
            default: return .ignored
            }
        case .subjects: return name == .subject ? .subject : .ignored
        case .agencies: return name == .agency ? .agency : .ignored
        case .agency: return name == .name ? .agencyName : .ignored
        case .results: return name == .result ? .result : .ignored
        case .result: return name == .name ? .resultName : .ignored
        case .forms: return name == .form ? .form : .ignored
        case .form:
            switch name {
            case .name: return .formName
            case .source: return .formSource
            default: return .ignored
            }
        case .requirements: return name == .requirement ? .requirement : .ignored
        case .requirement:
            switch name {
            case .text: return .requirementText
            case .basis: return .requirementBasis
            default: return .ignored
            }
        case .online: return name == .codes ? .onlineCodes : .ignored
        case .onlineCodes: return name == .code ? .onlineCode : .ignored
        case .keywords: return name == .keyword ? .keyword : .ignored
        default:
            // Text elements and ignored ones hold no elements the builder keeps.
            return .ignored
        }
    }

    // MARK: Values

    /// The collected text of the element that just ended, as a single line.
    private func line() -> String {
        buffer.withUnsafeBufferPointer { text.singleLine($0) }
    }

    /// The collected text of the element that just ended, as prose (line breaks kept).
    private func prose() -> String {
        buffer.withUnsafeBufferPointer { text.prose($0) }
    }

    /// An attribute value, cleaned as a single line (the schema's token types compare it so).
    private func line(_ value: UnsafeBufferPointer<UInt8>) -> String {
        text.singleLine(value)
    }

    private mutating func problem(_ message: String) {
        diagnostics.append(.error(message, at: validatedLocation))
    }

    private mutating func enumeration<E: RawRepresentable>(_ value: UnsafeBufferPointer<UInt8>, _ name: XMLName) -> E?
    where E.RawValue == String {
        enumeration(line(value), name)
    }

    private mutating func enumeration<E: RawRepresentable>(_ value: String, _ name: XMLName) -> E? where E.RawValue == String {
        if let e = E(rawValue: value) { return e }
        problem("'\(value)' is not a valid \(name.text)")
        return nil
    }

    private mutating func date(_ value: UnsafeBufferPointer<UInt8>, _ name: XMLName) -> LocalDate? {
        // The usual form, read straight from the bytes: YYYY-MM-DD.
        if value.count == 10, value[4] == UInt8(ascii: "-"), value[7] == UInt8(ascii: "-"),
           let y = XMLModelBuilder.digits(value, 0, 4), let m = XMLModelBuilder.digits(value, 5, 2),
           let d = XMLModelBuilder.digits(value, 8, 2), let date = LocalDate(year: y, month: m, day: d)
        {
            return date
        }
        let s = line(value)
        if let d = LocalDate(iso: s) { return d }
        problem("\(name.text) '\(s)' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-15")
        return nil
    }

    private mutating func decimal(_ value: UnsafeBufferPointer<UInt8>, _ name: XMLName) -> DecimalNumber? {
        // The usual form, read straight from the bytes: digits, maybe a '.' and more digits.
        if let d = XMLModelBuilder.plainDecimal(value) { return d }
        let s = line(value)
        if let d = DecimalNumber(s) { return d }
        problem("\(name.text) '\(s)' is not a number; write digits with '.' for a fraction, e.g. 16.5")
        return nil
    }

    private mutating func count(_ value: UnsafeBufferPointer<UInt8>, _ name: XMLName) -> Int? {
        if value.count > 0, value.count <= 9, let n = XMLModelBuilder.digits(value, 0, value.count) { return n }
        let s = line(value)
        if let n = Int(s), n >= 0 { return n }
        problem("\(name.text) '\(s)' is not a count; write a whole number, e.g. 1")
        return nil
    }

    /// The number written with `count` ASCII digits from `start`, or nil if any is not a digit.
    @inline(__always)
    static func digits(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var n = 0
        for i in start..<(start + count) {
            let d = Int(s[i]) - 48
            guard d >= 0, d <= 9 else { return nil }
            n = n * 10 + d
        }
        return n
    }

    /// `16.5`, `400000`: at most 18 digits in all, one optional point; anything else is left to
    /// `DecimalNumber`'s own parser.
    static func plainDecimal(_ s: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        guard !s.isEmpty, s.count <= 19 else { return nil }
        var significand: UInt64 = 0
        var fractionDigits = 0, digitCount = 0
        var sawPoint = false
        for b in s {
            if b == UInt8(ascii: "."), !sawPoint, digitCount > 0 {
                sawPoint = true
                continue
            }
            let d = Int(b) - 48
            guard d >= 0, d <= 9 else { return nil }
            significand = significand * 10 + UInt64(d)
            digitCount += 1
            if sawPoint { fractionDigits += 1 }
        }
        guard digitCount > 0, !sawPoint || fractionDigits > 0 else { return nil }
        return DecimalNumber(Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand)))
    }

    private mutating func boolean(_ value: UnsafeBufferPointer<UInt8>, _ name: XMLName) -> Bool? {
        switch line(value) {
        case "true", "1": return true
        case "false", "0": return false
        case let s:
            problem("\(name.text) '\(s)' is not true or false")
            return nil
        }
    }
}
