/// The JSON Schema (draft 2020-12) of decision and procedure files, built from the same table the
/// reader checks keys against (`JSONShape`), so the two cannot drift apart.
///
/// `Schemas/tthc.schema.json` is this document as written by `JSONWriter`; `JSONSchemaTests` fails
/// when the file is out of date and rewrites it when run with `TTHC_UPDATE_SCHEMA=1`.
enum JSONSchema {
    /// The schema document, pretty-printed, with a trailing newline.
    static var text: String { JSONWriter.write(document) }

    static var document: Value {
        var definitions: [(String, Value)] = []
        var seen: Set<String> = []
        func collect(_ shape: JSONShape) {
            if shape.kind == .object, let name = shape.name, name != "Root", !seen.contains(name) {
                seen.insert(name)
                definitions.append((name, objectSchema(shape)))
            }
            for property in shape.properties { collect(property.shape) }
            if let element = shape.element { collect(element) }
        }
        collect(JSONShape.root)

        var root = objectSchema(JSONShape.root).members
        root.insert(contentsOf: [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("tthc decision or procedure")),
            ("description", .string(
                "A decision announcing administrative procedures (thủ tục hành chính), or a single procedure, as tthc reads and writes it. "
                    + "The file holds exactly one of 'decision' or 'procedure'. Text is Unicode NFC; dates are YYYY-MM-DD; "
                    + "lists that would be empty are left out. See docs/json-format.md.")),
        ], at: 0)
        root.append(("oneOf", .array([
            .object([("required", .array([.string("decision")]))]),
            .object([("required", .array([.string("procedure")]))]),
        ])))
        root.append(("$defs", .object(definitions)))
        return .object(root)
    }

    private static func objectSchema(_ shape: JSONShape) -> Value {
        var members: [(String, Value)] = [("type", .string("object"))]
        if let name = shape.name, let about = objectDescriptions[name] { members.append(("description", .string(about))) }
        members.append(("properties", .object(shape.properties.map { ($0.name, propertySchema($0)) })))
        let required = shape.properties.filter(\.required).map { Value.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    private static func propertySchema(_ property: JSONShape.Property) -> Value {
        var members = valueSchema(property.shape)
        members.append(("description", .string(property.description)))
        return .object(members)
    }

    private static func valueSchema(_ shape: JSONShape) -> [(String, Value)] {
        switch shape.kind {
        case .object:
            return [("$ref", .string("#/$defs/\(shape.name!)"))]
        case .array:
            return [("type", .string("array")), ("items", .object(valueSchema(shape.element!)))]
        case .text, .prose:
            return [("type", .string("string")), ("minLength", .integer(1)), ("pattern", .string("\\S"))]
        case .code:
            return [("type", .string("string")), ("pattern", .string("^\\S+$"))]
        case .currency:
            return [("type", .string("string")), ("pattern", .string("^[A-Z]{3}$"))]
        case .integer(let minimum):
            return [
                ("type", .string("integer")), ("minimum", .integer(minimum)), ("maximum", .integer(JSONShape.maximumCount)),
            ]
        case .decimal:
            // DecimalNumber also reads digits in a string ("16.5"); the writer always writes a number.
            return [
                ("type", .array([.string("number"), .string("string")])),
                ("minimum", .integer(0)),
                ("pattern", .string("^[0-9]+(\\.[0-9]+)?$")),
            ]
        case .boolean:
            return [("type", .string("boolean"))]
        case .date:
            return [
                ("type", .string("string")),
                ("format", .string("date")),
                ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            ]
        case .enumeration(_, let values):
            return [("type", .string("string")), ("enum", .array(values.map(Value.string)))]
        }
    }

    private static let objectDescriptions: [String: String] = [
        "Root": "",
        "Decision": "A decision announcing procedures (Quyết định công bố danh mục thủ tục hành chính).",
        "Signer": "Who signed the decision, and in what capacity.",
        "LegalBasis": "A legal text something rests on (căn cứ pháp lý).",
        "DecisionItem": "One row of the decision's list: a procedure announced as new, amended, replacing others, or abolished.",
        "Field": "A field (lĩnh vực), optionally with the national portal's code.",
        "Procedure": "An administrative procedure with every part Decree 63/2010/NĐ-CP, art. 8 lists.",
        "Reception": "Where dossiers are received.",
        "StepGroup": "The steps of one case (trình tự thực hiện).",
        "Step": "One step.",
        "Channel": "A way to submit (cách thức thực hiện), with its own processing time and fees.",
        "ProcessingTime": "How long the agency has to settle a dossier (thời hạn giải quyết).",
        "Stage": "One stage of a time split between agencies or steps.",
        "Fee": "A fee (lệ phí) or charge (phí): an amount, or wording when the law fixes no figure.",
        "Dossier": "The papers to prepare (thành phần, số lượng hồ sơ).",
        "DossierCase": "A case of the dossier; a single-case dossier has one case with no name.",
        "DossierItem": "One paper of a dossier.",
        "Agency": "An agency and its role.",
        "Outcome": "What the citizen receives (kết quả thực hiện).",
        "Form": "A form to fill in (mẫu đơn, tờ khai).",
        "Requirement": "A requirement or condition (yêu cầu, điều kiện) and the legal text it rests on.",
        "OnlineService": "How far the procedure can be done online (Decree 42/2022/NĐ-CP).",
    ].filter { !$0.value.isEmpty }

    /// A JSON value whose objects keep their members in order, for writing the schema.
    indirect enum Value: Encodable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])

        var members: [(String, Value)] {
            if case .object(let m) = self { return m }
            return []
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .string(let s):
                var c = encoder.singleValueContainer()
                try c.encode(s)
            case .integer(let n):
                var c = encoder.singleValueContainer()
                try c.encode(n)
            case .bool(let b):
                var c = encoder.singleValueContainer()
                try c.encode(b)
            case .array(let values):
                var c = encoder.unkeyedContainer()
                for value in values { try c.encode(value) }
            case .object(let members):
                var c = encoder.container(keyedBy: Key.self)
                for (key, value) in members { try c.encode(value, forKey: Key(stringValue: key)) }
            }
        }
    }
}
