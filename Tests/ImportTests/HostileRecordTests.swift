import Catalogue
import Foundation
import Testing
@testable import Import

@Suite("Hostile portal records give clear errors with file and JSON path")
struct HostileRecordTests {
    func errors(_ json: String) -> [String] {
        readRecord(json, file: "bad.json").diagnostics.errors.map(\.description)
    }

    @Test func missingCodeAndName() {
        let found = errors(#"{"id": "x", "executionSteps": []}"#)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.hasPrefix("bad.json:1:1: error: the required key '") })
        #expect(found.contains { $0.contains("'code' is missing") })
        #expect(found.contains { $0.contains("'name' is missing") })
    }

    /// A key written twice is a warning at the second, and the first is read, whether the keys are
    /// spelt plainly (looked up by hash) or one with escapes (compared decoded, one by one), in small
    /// objects and in one of more than 64 keys.
    @Test(arguments: [
        (#""name": "Thủ tục khác""#, "name"),
        (#""n\u0061me": "Thủ tục khác""#, "name"),
        ((0..<70).map { "\"k\($0)\": 0" }.joined(separator: ", ") + #", "name": "Thủ tục khác""#, "name"),
    ])
    func keysWrittenTwice(extra: String, key: String) throws {
        let json = minimalRecord(extra)
        let (record, diagnostics) = readRecord(json, file: "dup.json")
        #expect(try #require(record).procedure.name == "Thủ tục thử", "the first is read")
        let warnings = diagnostics.warnings.map(\.description).filter { $0.contains("appears twice") }
        let second = json.utf8.count - #""Thủ tục khác"}"#.utf8.count + 1
        let column = String(decoding: Array(json.utf8)[..<(second - 1)], as: UTF8.self).count + 1
        #expect(warnings == ["dup.json:1:\(column): warning: \(key): the key appears twice in the same object; the first is read"])
    }

    @Test func nullAndBlankRequiredKeys() {
        #expect(errors(#"{"code": null, "name": "  "}"#) == [
            "bad.json:1:10: error: code: is null; a portal record always has it",
            "bad.json:1:24: error: name: is blank; a portal record always has it",
        ])
    }

    @Test func wrongTypesNameTheirPath() {
        let json = minimalRecord("""
            "executionMethods": [{"submissionMethod": "DIRECT", "processingTime": true, "fees": {"value": 1}}],
            "executionCases": [{"name": "", "profileComponents": [{"name": "Đơn", "originalQty": "nhiều"}]}],
            "isWard": "yes", "legalBasisesDetails": "51/2019/QH14"
            """)
        let found = errors(json)
        #expect(found.contains { $0.hasSuffix("error: executionMethods[0].processingTime: expected a number, found true") })
        #expect(found.contains { $0.hasSuffix("error: executionMethods[0].fees: expected a list [ … ], found an object") })
        #expect(found.contains { $0.hasSuffix("error: executionCases[0].profileComponents[0].originalQty: expected a whole number from 0 to 1000, found text \"nhiều\"") })
        #expect(found.contains { $0.hasSuffix("error: isWard: expected true or false, found text \"yes\"") })
        #expect(found.contains { $0.hasSuffix("error: legalBasisesDetails: expected a list [ … ], found text \"51/2019/QH14\"") })
        #expect(found.allSatisfy { $0.hasPrefix("bad.json:") })
        #expect(readRecord(json).record == nil)
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        let found = errors("{\n  \"code\": \"1.000001\",\n  \"name\": \"x\"\n  \"type\": 1\n}")
        #expect(found == ["bad.json:4:3: error: expected ',' or '}' after the value, found '\"'; a comma is probably missing"])
        #expect(errors("[1, 2]") == ["bad.json:1:1: error: the file must hold one JSON object { … }"])
        #expect(errors("") == ["bad.json: error: the file is empty; expected one JSON object { … }"])
    }

    @Test func hugeStringsAreRefused() {
        let huge = String(repeating: "Bước 1: nộp hồ sơ. ", count: 5_000)
        let found = errors(minimalRecord(#""executionSteps": [{"name": "", "description": "\#(huge)"}]"#))
        #expect(found.count == 1)
        #expect(found[0].contains("error: executionSteps[0].description: the text is 131 KiB long, over the 64 KiB"))
    }

    @Test func tenThousandItemsAreRefused() {
        let item = #"{"name": "Giấy tờ", "originalQty": 1, "copyQty": 0}"#
        let items = Array(repeating: item, count: 10_000).joined(separator: ",")
        let found = errors(minimalRecord(#""executionCases": [{"name": "", "profileComponents": [\#(items)]}]"#))
        #expect(found == ["bad.json:1:98: error: executionCases[0].profileComponents: holds 10000 entries, over the 1000 a portal record can hold; the record is damaged, export it again"])
    }

    @Test func deepNestingIsRefusedBeforeBuilding() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let found = errors(minimalRecord(#""fees": \#(deep)"#))
        #expect(found.count == 1)
        #expect(found[0].contains("nests objects and lists more than 100 levels"))
    }

    @Test func notUTF8IsRefused() {
        var bytes = Array(minimalRecord().utf8)
        bytes.insert(0xA9, at: 30)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-legacy-\(UUID().uuidString).json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(at: url) }
        let (record, diagnostics) = PortalImport.readFile(url.path)
        #expect(record == nil)
        #expect(diagnostics.errors.first?.message.contains("legacy 8-bit Vietnamese encoding") == true)
    }

    @Test func unknownKeysAndUnheldValuesAreWarnings() throws {
        let (record, diagnostics) = readRecord(minimalRecord(#""newPortalField": {"x": 1}, "isVertical": false, "returningMethods": [], "note": "  "#) + "\"}")
        _ = try #require(record)
        #expect(diagnostics.map(\.description) == [
            "test.json:1:63: warning: newPortalField: an object is not imported: tthc does not know this key of portal records; check the draft by hand"
        ])
    }

    @Test func emptyNamesAndZeroQuantitiesAreReported() throws {
        let json = minimalRecord("""
            "executionCases": [{"name": "", "profileComponents": [
              {"name": "", "originalQty": 1},
              {"name": "Đơn đề nghị", "originalQty": 1, "copyQty": 0},
              {"name": "Giấy tờ khác", "originalQty": 0, "copyQty": 0}]}]
            """)
        let (record, diagnostics) = readRecord(json)
        let items = try #require(record).procedure.dossier.allItems
        #expect(items.map(\.name) == ["Đơn đề nghị", "Giấy tờ khác"])
        #expect(items.map(\.originals) == [1, 1])
        #expect(diagnostics.warnings.map(\.message) == [
            "executionCases[0].profileComponents[0]: a dossier item with no name is left out",
            "executionCases[0]: 'Giấy tờ khác' has 0 originals and 0 copies; read as 1 original",
        ])
    }

    @Test func showAndSubmitHeadingsAndAmountsAsText() throws {
        let json = minimalRecord("""
            "executionCases": [
              {"name": "* Giấy tờ phải nộp:", "profileComponents": [{"name": "Tờ khai", "originalQty": 1}]},
              {"name": "* Giấy tờ phải xuất trình:", "profileComponents": [{"name": "Căn cước", "originalQty": 1}]}],
            "executionMethods": [{"submissionMethod": "DIRECT", "processingTime": "16,5", "processingTimeUnit": "DAY",
              "fees": [{"type": "FEE", "value": "20.000 đồng"}, {"type": "FEE", "value": "Theo quy định"}]}]
            """)
        let p = try #require(readRecord(json).record).procedure
        #expect(p.dossier.cases.count == 1)
        #expect(p.dossier.cases[0].items.map(\.presentation) == [.submit, .show])
        let channel = try #require(p.channel(.inPerson))
        #expect(channel.time == ProcessingTime(value: DecimalNumber("16.5"), unit: .days))
        #expect(channel.fees == [Fee(kind: .fee, amount: 20000), Fee(kind: .fee, text: "Theo quy định")])
    }
}

@Suite("What the record really asks is kept")
struct KeptAsAskedTests {
    @Test func aPaperAskedTwiceInOneCaseStaysTwice() throws {
        let json = minimalRecord("""
            "executionCases": [{"name": "", "profileComponents": [
              {"name": "Căn cước", "code": "KQ1", "originalQty": 1},
              {"name": "Căn cước", "code": "KQ1", "originalQty": 1}]}]
            """)
        let p = try #require(readRecord(json).record).procedure
        #expect(p.dossier.allItems.map(\.name) == ["Căn cước", "Căn cước"])
    }

    @Test func impossibleNumbersAreErrors() {
        let json = minimalRecord(#""executionMethods": [{"submissionMethod": "ONLINE", "processingTime": 1e400, "fees": [{"value": 12345678901234567890}]}]"#)
        let errors = readRecord(json, file: "n.json").diagnostics.errors.map(\.message)
        #expect(errors == [
            "executionMethods[0].processingTime: 1e400 is not a time or an amount tthc can hold (at most 15 digits); the record is damaged, export it again",
            "executionMethods[0].fees[0].value: 12345678901234567890 is not a time or an amount tthc can hold (at most 15 digits); the record is damaged, export it again",
        ])
    }
}
