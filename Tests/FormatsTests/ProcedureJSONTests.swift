import Catalogue
import Foundation
import Synthetic
import Testing

@testable import Formats

/// The procedure's hand-written JSON (`ProcedureJSON`) against the model's `Codable` conformance,
/// which defines the format: the same bytes for every procedure we have, and every field of every
/// model type written, so a change to the model cannot silently leave the two apart.
@Suite("Procedure JSON: written field by field, as the model's Codable writes it")
struct ProcedureJSONTests {
    /// Both ways, and through the tree the streaming writer must also match.
    static func expectSameAsCodable(_ procedure: Procedure, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let codable = JSONWriter.write(procedure, rootKey: "procedure")
        let fast = JSONFormat.bytes(procedure)
        #expect(String(decoding: fast, as: UTF8.self) == codable, sourceLocation: sourceLocation)
        #expect(JSONFormat.write(procedure) == codable, sourceLocation: sourceLocation)
    }

    @Test("a procedure with every part filled in")
    func full() {
        Self.expectSameAsCodable(JSONTestSupport.fullProcedure)
        #expect(JSONWriter.treeWrite(JSONTestSupport.fullProcedure, rootKey: "procedure")
            == JSONFormat.write(JSONTestSupport.fullProcedure))
    }

    @Test("a procedure with nothing but its name, and with default and empty values")
    func minimal() {
        Self.expectSameAsCodable(Procedure(name: "Thủ tục"))
        Self.expectSameAsCodable(Procedure(
            name: "", channels: [Channel(method: .online, time: ProcessingTime())],
            dossier: Dossier(cases: [DossierCase()]), online: OnlineService(level: .none), type: .internal,
            annualVolume: 0, notes: ""))
        Self.expectSameAsCodable(Procedure(name: "x", dossier: Dossier(sets: 0)))
        #expect(JSONFormat.write(Procedure(name: "Thủ tục")) == "{\n  \"procedure\": {\n    \"name\": \"Thủ tục\"\n  }\n}\n")
    }

    @Test("awkward text in every string: escapes, control characters, non-ASCII", arguments: [
        "\"quoted\" \\ back\\slash /slash/", "tab\there\nnew line\r\n\u{8}\u{c}", "\u{0}\u{1}\u{1f}\u{7f}",
        "Thủ tục — đăng ký 🇻🇳 ½ \u{2028}", "e\u{301} decomposed", "",
    ])
    func awkward(text: String) {
        var p = JSONTestSupport.fullProcedure
        p.name = text
        p.notes = text
        p.subjects.append(text)
        p.fields[0].code = text
        p.channels[0].fees[0].exemptions = [text]
        p.dossier.cases[0].items[0].note = text
        p.legalBases[0].article = text
        p.steps[0].steps[0].text = text
        Self.expectSameAsCodable(p)
    }

    static let decisionFiles: [String] = (try? CatalogueFolder.decisionFiles(under: JSONTestSupport.repository
        .appendingPathComponent("catalogue/decisions").path)) ?? []

    @Test("every procedure of the bundled catalogue", arguments: decisionFiles)
    func bundled(path: String) throws {
        guard case .decision(let sourced) = try DocumentFile.read(path) else {
            Issue.record("\(path) holds no decision")
            return
        }
        for procedure in sourced.decision.items.compactMap(\.procedure) {
            Self.expectSameAsCodable(procedure)
        }
    }

    @Test func theBundledCatalogueHasProcedures() throws {
        let count = try Self.decisionFiles.reduce(0) { n, path in
            guard case .decision(let sourced) = try DocumentFile.read(path) else { return n }
            return n + sourced.decision.items.count { $0.procedure != nil }
        }
        #expect(count >= 20)
    }

    @Test("every procedure of a generated 2,000-procedure catalogue")
    func generated() {
        var procedures = 0
        for catalogue in SyntheticCatalogue.generate(.init(procedures: 2000, seed: 1)) {
            for decision in catalogue.decisions {
                for procedure in decision.items.compactMap(\.procedure) {
                    Self.expectSameAsCodable(procedure)
                    procedures += 1
                }
            }
        }
        #expect(procedures >= 2000)
    }

    // MARK: - Every field of the model

    /// The fields `ProcedureJSON` writes, per model type (as `Mirror` names them). A field added to
    /// the model is missing here: write it in `ProcedureJSON`, then add it to this table and to
    /// `JSONTestSupport.fullProcedure`.
    static let writtenFields: [String: [String]] = [
        "Procedure": ["code", "name", "_levels", "_fields", "_reception", "_steps", "_channels", "dossier", "_subjects",
                      "_agencies", "_results", "_forms", "_requirements", "_legalBases", "online", "type",
                      "annualVolume", "_keywords", "notes"],
        "Field": ["name", "code"],
        "Reception": ["place", "_communes", "name"],
        "StepGroup": ["caseName", "_steps"],
        "Step": ["title", "text"],
        "Channel": ["method", "time", "_fees", "description"],
        "ProcessingTime": ["value", "unit", "text", "_stages"],
        "Stage": ["name", "value", "unit"],
        "Fee": ["kind", "amount", "currency", "text", "description", "_exemptions"],
        "Dossier": ["_cases", "sets"],
        "DossierCase": ["name", "_items"],
        "DossierItem": ["name", "code", "form", "originals", "copies", "required", "presentation", "note"],
        "Agency": ["role", "name"],
        "Outcome": ["name", "code"],
        "Form": ["name", "code", "source", "file"],
        "Requirement": ["text", "basis"],
        "LegalBasis": ["number", "title", "article", "issuedOn"],
        "OnlineService": ["level", "_codes", "url"],
    ]

    /// Types written as one scalar (their `Codable` is a single value).
    static let scalars: Set<String> = ["ProcedureCode", "LocalDate", "DecimalNumber", "String", "Int", "Bool"]

    /// For each `Type.field` met in `value`, whether it was ever given (a non-nil optional, a
    /// non-empty list); and the fields of each type in declaration order.
    static func walk(_ value: Any, filled: inout [String: Bool], fields: inout [String: [String]]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection:
            for child in mirror.children { walk(child.value, filled: &filled, fields: &fields) }
        case .struct:
            let type = String(describing: Swift.type(of: value))
            if type.hasPrefix("Many<") {
                for child in mirror.children { walk(child.value, filled: &filled, fields: &fields) }
                return
            }
            guard !scalars.contains(type) else { return }
            fields[type] = mirror.children.compactMap(\.label)
            for child in mirror.children {
                let key = type + "." + (child.label ?? "?")
                filled[key] = (filled[key] ?? false) || isGiven(child.value)
                walk(child.value, filled: &filled, fields: &fields)
            }
        default:
            return
        }
    }

    static func isGiven(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection: return !mirror.children.isEmpty
        case .struct where String(describing: type(of: value)).hasPrefix("Many<"):
            return mirror.children.first.map { isGiven($0.value) } ?? false
        default: return true
        }
    }

    @Test("ProcedureJSON writes every field of every model type a procedure holds, and the fixture fills each one")
    func everyField() {
        var filled: [String: Bool] = [:]
        var fields: [String: [String]] = [:]
        Self.walk(JSONTestSupport.fullProcedure, filled: &filled, fields: &fields)
        for (type, names) in fields.sorted(by: { $0.key < $1.key }) {
            #expect(Self.writtenFields[type] == names,
                    "\(type) has the fields \(names); ProcedureJSON writes \(Self.writtenFields[type] ?? []): update it and this table")
        }
        #expect(Set(fields.keys) == Set(Self.writtenFields.keys), "the fixture does not reach every type ProcedureJSON writes")
        let missing = filled.filter { !$0.value }.map(\.key).sorted()
        #expect(missing.isEmpty, "JSONTestSupport.fullProcedure leaves these empty: \(missing)")
    }
}
