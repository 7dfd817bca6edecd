import Catalogue
import Foundation
import Testing

@testable import Formats

/// JSON and XML say the same thing: a model written as one and read back from the other is unchanged.
@Suite("JSON format: one-to-one with XML")
struct JSONXMLParityTests {
    typealias S = JSONTestSupport

    @Test("JSON → model → XML → model gives the same model")
    func jsonThroughXML() throws {
        var inputs = [("full decision", Array(JSONFormat.write(S.fullDecision).utf8))]
        for name in ["valid/decision-minimal.json", "valid/procedure.json"] {
            inputs.append((name, try [UInt8](Data(contentsOf: S.fixtures.appendingPathComponent(name)))))
        }
        for (name, bytes) in inputs {
            switch try JSONFormat.read(bytes, file: name) {
            case .decision(let sourced):
                let xml = XMLFormat.write(sourced.decision)
                guard case .decision(let back) = try XMLFormat.read(Array(xml.utf8), file: "\(name).xml") else {
                    Issue.record("\(name): XML gave back a procedure")
                    continue
                }
                #expect(back.decision == sourced.decision, "\(name)")
                #expect(back.itemLocations.count == sourced.itemLocations.count)
            case .procedure(let procedure, _):
                let xml = XMLFormat.write(procedure)
                guard case .procedure(let back, _) = try XMLFormat.read(Array(xml.utf8), file: "\(name).xml") else {
                    Issue.record("\(name): XML gave back a decision")
                    continue
                }
                #expect(back == procedure, "\(name)")
            }
        }
    }

    @Test("the XML sample → model → JSON → model gives the same model")
    func xmlThroughJSON() throws {
        let url = S.repository.appendingPathComponent("Tests/FormatsTests/Fixtures/xml/decision-sample.xml")
        let bytes = try [UInt8](Data(contentsOf: url))
        guard case .decision(let sourced) = try XMLFormat.read(bytes, file: "decision-sample.xml") else {
            Issue.record("the XML sample is not a decision")
            return
        }
        let json = JSONFormat.write(sourced.decision)
        let back = try S.decision(json)
        #expect(back.decision == sourced.decision)
        #expect(JSONFormat.write(back.decision) == json)
        // Its JSON twin is checked in, and docs/json-format.md shows it whole.
        let twin = try String(contentsOf: S.fixtures.appendingPathComponent("valid/decision-sample.json"), encoding: .utf8)
        #expect(json == twin)
        let docs = try String(contentsOf: S.repository.appendingPathComponent("docs/json-format.md"), encoding: .utf8)
        #expect(docs.contains("```json\n" + twin + "```\n"), "docs/json-format.md must show valid/decision-sample.json as its complete example")
    }
}
