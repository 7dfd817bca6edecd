import Catalogue
import Foundation
import Testing

@testable import Formats

@Suite("JSON format: writing and reading back")
struct JSONRoundTripTests {
    typealias S = JSONTestSupport

    @Test("a decision with every part survives model → JSON → model exactly")
    func fullDecisionRoundTrip() throws {
        let json = JSONFormat.write(S.fullDecision)
        let back = try S.decision(json)
        #expect(back.decision == S.fullDecision)
    }

    @Test("a standalone procedure survives the round trip")
    func procedureRoundTrip() throws {
        let json = JSONFormat.write(S.fullProcedure)
        #expect(json.hasPrefix("{\n  \"procedure\": {\n    \"code\": \"1.004222.000.00.00.H99\",\n"))
        guard case .procedure(let procedure, let location) = try JSONFormat.read(S.bytes(json), file: "p.json") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(procedure == S.fullProcedure)
        #expect(location.description == "p.json:2:16")
    }

    @Test("writing what was read gives the same bytes")
    func byteStable() throws {
        let first = JSONFormat.write(S.fullDecision)
        let second = JSONFormat.write(try S.decision(first).decision)
        #expect(first == second)
        // And writing is deterministic from run to run of the encoder (no hash-ordered keys).
        for _ in 0..<5 { #expect(JSONFormat.write(S.fullDecision) == first) }
    }

    @Test("the full decision is written exactly as the checked-in fixture (TTHC_UPDATE_FIXTURES=1 rewrites it)")
    func matchesFixture() throws {
        let url = S.fixtures.appendingPathComponent("valid/decision-full.json")
        if ProcessInfo.processInfo.environment["TTHC_UPDATE_FIXTURES"] == "1" {
            try JSONFormat.write(S.fullDecision).write(to: url, atomically: true, encoding: .utf8)
        }
        let fixture = try String(contentsOf: url, encoding: .utf8)
        #expect(JSONFormat.write(S.fullDecision) == fixture)
    }

    @Test("the writer's layout: two-space indent, \"key\": value, model key order, trailing newline, slashes and Vietnamese unescaped")
    func layout() {
        let decision = Decision(
            number: "3218/QĐ-UBND", signedOn: S.date("2026-09-01"), authority: "UBND", title: "Tiêu đề",
            items: [DecisionItem(action: .abolished, code: ProcedureCode("1.000894"))])
        let expected = """
            {
              "decision": {
                "number": "3218/QĐ-UBND",
                "signedOn": "2026-09-01",
                "authority": "UBND",
                "title": "Tiêu đề",
                "items": [
                  {
                    "action": "abolished",
                    "code": "1.000894"
                  }
                ]
              }
            }

            """
        #expect(JSONFormat.write(decision) == expected)
    }

    @Test("decimals are written digit for digit", arguments: [
        ("16.5", "16.5"), ("400000", "400000"), ("0.1", "0.1"), ("0", "0"), ("20000", "20000"),
        ("123456789.123456789", "123456789.123456789"), ("1.10", "1.1"),
    ])
    func decimals(input: String, written: String) throws {
        let time = ProcessingTime(value: S.number(input), unit: .days)
        let procedure = Procedure(name: "X", channels: [Channel(method: .online, time: time, fees: [Fee(amount: S.number(input))])])
        let json = JSONFormat.write(procedure)
        #expect(json.contains("\"value\": \(written),\n"))
        #expect(json.contains("\"amount\": \(written)\n"))
        guard case .procedure(let back, _) = try JSONFormat.read(S.bytes(json), file: "p.json") else { return }
        #expect(back.channels[0].time.value == S.number(input))
        #expect(back.channels[0].fees[0].amount == S.number(input))
    }

    @Test("defaults are left out when writing and restored when reading")
    func defaults() throws {
        let procedure = Procedure(name: "Cấp bản sao", dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Đơn")])]))
        let json = JSONFormat.write(procedure)
        for absent in ["originals", "copies", "required", "presentation", "\"type\"", "levels", "forms", "\"steps\""] {
            #expect(!json.contains(absent), "\(absent) should be left out")
        }
        #expect(!JSONFormat.write(Procedure(name: "X")).contains("dossier"))

        let minimal = #"{"procedure": {"name": "X", "dossier": {"cases": [{"items": [{"name": "Đơn"}]}]}}}"#
        guard case .procedure(let read, _) = try JSONFormat.read(S.bytes(minimal), file: "p.json") else { return }
        let item = try #require(read.dossier.cases.first?.items.first)
        #expect(item.originals == 1 && item.copies == 0 && item.required && item.presentation == .submit)
        #expect(read.type == .ordinary && read.levels.isEmpty && read.dossier.sets == nil)
    }

    @Test("'$schema' at the root is allowed and ignored")
    func schemaKey() throws {
        let text = #"{"$schema": "../Schemas/tthc.schema.json", "procedure": {"name": "X"}}"#
        guard case .procedure(let p, _) = try JSONFormat.read(S.bytes(text), file: "p.json") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(p == Procedure(name: "X"))
    }

    @Test("decomposed Unicode, raw or as \\u escapes, is read as NFC")
    func nfc() throws {
        let composed = "Đăng ký khai sinh"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)

        let raw = #"{"procedure": {"name": "\#(decomposed)", "keywords": ["\#(decomposed)"]}}"#
        let escaped = #"{"procedure": {"name": "Đa\u0306ng ky\u0301 khai sinh", "keywords": ["Đa\u0306ng ky\u0301 khai sinh"]}}"#
        for text in [raw, escaped] {
            guard case .procedure(let p, _) = try JSONFormat.read(S.bytes(text), file: "p.json") else {
                Issue.record("expected a procedure")
                continue
            }
            #expect(Array(p.name.unicodeScalars) == Array(composed.unicodeScalars))
            #expect(p.keywords.map { Array($0.unicodeScalars) } == [Array(composed.unicodeScalars)])
        }
    }

    @Test("the decision's and each item's position are recorded, in pretty and in minified files")
    func itemLocations() throws {
        let pretty = JSONFormat.write(S.fullDecision)
        let sourced = try S.decision(pretty, file: "QD-12.json")
        #expect(sourced.location.description == "QD-12.json:2:15")
        let lines = pretty.split(separator: "\n", omittingEmptySubsequences: false)
        // Each item's "{" is the line before its "action", which no other object has.
        let actions = lines.indices.filter { lines[$0].hasPrefix("        \"action\": ") }
        #expect(actions.count == S.fullDecision.items.count)
        #expect(sourced.itemLocations.map(\.line) == actions.map { $0 })
        #expect(actions.allSatisfy { lines[$0 - 1] == "      {" })
        #expect(sourced.itemLocations.allSatisfy { $0.column == 7 && $0.file == "QD-12.json" })
        #expect(sourced.itemLocations.count == S.fullDecision.items.count)

        let minified = #"{"decision":{"number":"1/QĐ","signedOn":"2026-01-01","authority":"Ủy ban","title":"T","items":[{"action":"abolished","code":"1.000001"},{"action":"abolished","code":"1.000002"},"#
            + "\n  " + #"{"action":"abolished","code":"1.000003","name":"Đăng ký"}, {"action":"abolished","code":"1.000004"}]}}"#
        let small = try S.decision(minified)
        #expect(small.location.description == "d.json:1:13")
        // Columns count characters, not bytes: "Đ" and "Ủ" are one column each.
        #expect(small.itemLocations.map(\.description) == ["d.json:1:96", "d.json:1:137", "d.json:2:3", "d.json:2:62"])
        #expect(small.location(ofItem: 2).description == "d.json:2:3")
    }

    @Test("the written JSON keeps every object's keys in the order of the format's table")
    func keyOrder() throws {
        let json = JSONFormat.write(S.fullDecision)
        let tree = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var checked = 0
        // JSONSerialization forgets order, so check the order in the text: each object's keys, as
        // they appear, must follow the table's order.
        func walk(_ value: Any, _ shape: JSONShape) {
            if let object = value as? [String: Any], shape.kind == .object {
                let order = shape.properties.map(\.name)
                let present = order.filter { object[$0] != nil }
                #expect(Set(present) == Set(object.keys), "unexpected keys in \(shape.name ?? "?")")
                checked += 1
                for (key, child) in object { if let p = shape.property(named: key) { walk(child, p.shape) } }
            } else if let array = value as? [Any], let element = shape.element {
                for child in array { walk(child, element) }
            }
        }
        walk(tree, JSONShape.root)
        #expect(checked > 20)
        // The text order: "number" before "signedOn" before … before "items" in the decision, and so on.
        var position = json.startIndex
        for key in JSONShape.decision.properties.map(\.name) {
            guard let found = json.range(of: "\n    \"\(key)\": ", range: position..<json.endIndex) else {
                Issue.record("decision key \(key) missing or out of order")
                return
            }
            position = found.upperBound
        }
        var procedureKeys = json.startIndex
        for key in JSONShape.procedure.properties.map(\.name) {
            guard let found = json.range(of: "\n          \"\(key)\": ", range: procedureKeys..<json.endIndex) else {
                Issue.record("procedure key \(key) missing or out of order")
                return
            }
            procedureKeys = found.upperBound
        }
    }

    @Test("writing escapes quotes, backslashes and control characters, and nothing else")
    func escaping() {
        #expect(JSONWriter.stringLiteral("a\"b\\c/d\ne\tf\u{1}g đ") == #""a\"b\\c/d\ne\tf\u0001g đ""#)
    }
}
