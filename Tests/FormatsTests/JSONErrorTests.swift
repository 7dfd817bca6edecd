import Catalogue
import Foundation
import Testing

@testable import Formats

/// Every kind of bad input gives `file:line:column: error: message`, pointing at the fault.
@Suite("JSON format: errors")
struct JSONErrorTests {
    typealias S = JSONTestSupport

    /// A small valid decision; each case below edits one spot of it.
    static let base = """
        {
          "decision": {
            "number": "12/QĐ-UBND",
            "signedOn": "2026-03-15",
            "authority": "ỦY BAN NHÂN DÂN TỈNH MẪU",
            "title": "Về việc công bố",
            "items": [
              {
                "action": "new",
                "procedure": {
                  "name": "Đăng ký khai sinh",
                  "channels": [
                    {
                      "method": "in-person",
                      "time": { "value": 1, "unit": "working-days" }
                    }
                  ],
                  "dossier": { "cases": [ { "items": [ { "name": "Tờ khai", "copies": 1 } ] } ] }
                }
              }
            ]
          }
        }
        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Syntax: the real position, found by the scanner.
        Case(name: "missing comma", replace: #""2026-03-15","#, with: #""2026-03-15""#,
             expected: [#"d.json:5:5: error: expected ',' or '}' after the value, found '"'; a comma is probably missing"#]),
        Case(name: "trailing comma", replace: #""unit": "working-days" }"#, with: #""unit": "working-days", }"#,
             expected: ["d.json:15:59: error: a comma before '}' has nothing after it; remove this comma"]),
        Case(name: "decimal comma", replace: #""value": 1,"#, with: #""value": 16,5,"#,
             expected: ["d.json:15:37: error: expected a key in double quotes, found '5'; if this is the fraction of a number, write it with a point (16.5), not a comma"]),
        Case(name: "single quotes", replace: #""title": "Về việc công bố""#, with: #""title": 'Về việc công bố'"#,
             expected: ["d.json:6:14: error: expected a value (text in double quotes, a number, true, false, an object or a list), found '''; JSON text uses double quotes, not single quotes"]),
        Case(name: "unclosed text", replace: #""title": "Về việc công bố","#, with: #""title": "Về việc công bố,"#,
             expected: [#"d.json:6:31: error: a line break inside text must be written \n, or the closing double quote is missing"#]),
        Case(name: "capitalised literal", replace: #""copies": 1"#, with: #""copies": True"#,
             expected: ["d.json:18:79: error: 'True' must be written in lower case: true"]),
        Case(name: "leading zero", replace: #""copies": 1"#, with: #""copies": 01"#,
             expected: ["d.json:18:79: error: numbers are written without leading zeros: write 5, not 05 (put codes such as 05 in double quotes)"]),
        Case(name: "comment", replace: #""items": ["#, with: "// rows\n    \"items\": [",
             expected: ["d.json:7:5: error: expected a key in double quotes, found '/'; JSON has no comments, remove it"]),
        Case(name: "text after the object", replace: "\n}", with: "\n}\n]",
             expected: ["d.json:24:1: error: unexpected ']' after the end of the JSON object; a file holds exactly one object"]),
        Case(name: "cut short", replace: "\n  }\n}", with: "\n",
             expected: ["d.json:22:1: error: the file ends inside an object; a '}' is missing"]),

        // Types, required keys, enums and dates: DecodingError placed by the locator.
        Case(name: "wrong type: a boolean for a number", replace: #""value": 1"#, with: #""value": true"#,
             expected: ["d.json:15:34: error: items[0].procedure.channels[0].time.value: expected a number such as 16.5 or 400000, found true"]),
        Case(name: "wrong type: a number for a date", replace: #""signedOn": "2026-03-15""#, with: #""signedOn": 20260315"#,
             expected: ["d.json:4:17: error: signedOn: expected a date in double quotes, YYYY-MM-DD, found 20260315"]),
        Case(name: "wrong type: an object for a list", replace: #""items": ["#, with: #""items": {}, "x": ["#,
             expected: [
                "d.json:7:14: error: items: expected a list [ … ], found an object",
                "d.json:7:18: error: decision: unknown key 'x'; the keys here are number, signedOn, place, authority, signer, title, effectiveOn, legalBases, parentDecision, items",
             ]),
        Case(name: "wrong type: text for a count", replace: #""copies": 1"#, with: #""copies": "1""#,
             expected: [#"d.json:18:79: error: items[0].procedure.dossier.cases[0].items[0].copies: expected a whole number (0 or more), found text "1""#]),
        Case(name: "a fraction for a count", replace: #""copies": 1"#, with: #""copies": 1.5"#,
             expected: ["d.json:18:79: error: items[0].procedure.dossier.cases[0].items[0].copies: 1.5 is not a whole number; write a whole number (0 or more)"]),
        Case(name: "negative count", replace: #""copies": 1"#, with: #""copies": -1"#,
             expected: ["d.json:18:79: error: items[0].procedure.dossier.cases[0].items[0].copies: -1 is too small; write a whole number (0 or more)"]),
        Case(name: "count too large for XML", replace: #""copies": 1"#, with: #""copies": 2147483648"#,
             expected: ["d.json:18:79: error: items[0].procedure.dossier.cases[0].items[0].copies: 2147483648 is too large; write a whole number (0 or more)"]),
        Case(name: "count too large for Int", replace: #""copies": 1"#, with: #""copies": 99999999999999999999"#,
             expected: ["d.json:18:79: error: items[0].procedure.dossier.cases[0].items[0].copies: 99999999999999999999 is too large; write a whole number (0 or more)"]),
        Case(name: "blank text", replace: #""name": "Tờ khai""#, with: #""name": " \t""#,
             expected: ["d.json:18:58: error: items[0].procedure.dossier.cases[0].items[0].name: the text is blank; write it, or remove the key"]),
        Case(name: "a code with a space", replace: #""action": "new","#, with: #""action": "new", "code": "1.001 193","#,
             expected: ["d.json:9:34: error: items[0].code: '1.001 193' is not a code: a code has no spaces, e.g. 1.001193 or G15-TP07"]),
        Case(name: "negative time", replace: #""value": 1"#, with: #""value": -2.5"#,
             expected: ["d.json:15:34: error: items[0].procedure.channels[0].time.value: -2.5 is negative; write 0 or more"]),
        Case(name: "missing required key", replace: "    \"authority\": \"ỦY BAN NHÂN DÂN TỈNH MẪU\",\n", with: "",
             expected: ["d.json:2:15: error: decision: the required key 'authority' is missing; add it"]),
        Case(name: "missing required key in an item", replace: #""action": "new","#, with: "",
             expected: ["d.json:8:7: error: items[0]: the required key 'action' is missing; add it"]),
        Case(name: "bad enum value", replace: #""working-days""#, with: #""working_days""#,
             expected: ["d.json:15:45: error: items[0].procedure.channels[0].time.unit: 'working_days' is not a time unit; use one of working-days, days, hours, months, same-day"]),
        Case(name: "bad action", replace: #""action": "new""#, with: #""action": "added""#,
             expected: ["d.json:9:19: error: items[0].action: 'added' is not an action; use one of new, amended, replaced, abolished"]),
        Case(name: "bad date", replace: #""2026-03-15""#, with: #""2026-02-30""#,
             expected: ["d.json:4:17: error: signedOn: '2026-02-30' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-15"]),
        Case(name: "Vietnamese date order", replace: #""2026-03-15""#, with: #""15/03/2026""#,
             expected: ["d.json:4:17: error: signedOn: '15/03/2026' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-15"]),
        Case(name: "null", replace: #""title": "Về việc công bố","#, with: #""title": "Về việc công bố", "place": null,"#,
             expected: ["d.json:6:42: error: place: null is not allowed here; leave the key out when there is no value, or write text in double quotes"]),

        // Keys the model does not know.
        Case(name: "unknown key (typo)", replace: #""signedOn""#, with: #""signedon""#,
             expected: [
                "d.json:2:15: error: decision: the required key 'signedOn' is missing; add it",
                "d.json:4:5: error: decision: unknown key 'signedon'; did you mean 'signedOn'?",
             ]),
        Case(name: "unknown key deep down", replace: #""copies": 1"#, with: #""copies": 1, "orignals": 2"#,
             expected: ["d.json:18:82: error: items[0].procedure.dossier.cases[0].items[0]: unknown key 'orignals'; did you mean 'originals'?"]),
        Case(name: "key written twice", replace: #""title": "Về việc công bố","#, with: #""title": "Về việc công bố", "title": "Khác","#,
             expected: ["d.json:6:33: error: decision: the key 'title' appears twice in the same object; keep one"]),
        Case(name: "wrong root key", replace: #""decision""#, with: #""decison""#,
             expected: ["d.json:2:3: error: unknown key 'decison' at the top of the file; did you mean 'decision'? a file holds one key, 'decision' or 'procedure' (and optionally '$schema')"]),
        Case(name: "both roots", replace: "\n  }\n}", with: "\n  },\n  \"procedure\": {\"name\": \"X\"}\n}",
             expected: ["d.json:23:3: error: the file holds both 'decision' and 'procedure'; a file holds one of them, so move one to a file of its own"]),
    ]

    @Test("bad input is reported at its line and column", arguments: cases)
    func badInput(_ c: Case) throws {
        #expect(Self.base.contains(c.replace), "the case must edit the base text")
        let text = Self.base.replacingOccurrences(of: c.replace, with: c.with)
        #expect(S.errors(text) == c.expected)
    }

    @Test("the base text of the table is valid")
    func baseIsValid() throws {
        let sourced = try S.decision(Self.base)
        #expect(sourced.decision.items.count == 1)
        #expect(sourced.itemLocations.map(\.description) == ["d.json:8:7"])
    }

    struct WholeFile: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    @Test("files that are not a decision or procedure at all", arguments: [
        WholeFile(name: "empty file", text: "",
                  expected: [#"f.json:1:1: error: the file is empty; a JSON file holds {"decision": {…}} or {"procedure": {…}}"#]),
        WholeFile(name: "only white space", text: "\n\n  ",
                  expected: [#"f.json:1:1: error: the file is empty; a JSON file holds {"decision": {…}} or {"procedure": {…}}"#]),
        WholeFile(name: "a list at the root", text: "\n[]",
                  expected: [#"f.json:2:1: error: the file must hold one JSON object, {"decision": {…}} or {"procedure": {…}}, but it starts with '['"#]),
        WholeFile(name: "an empty object", text: "{}",
                  expected: [#"f.json:1:1: error: the file holds neither a decision nor a procedure; write {"decision": {…}} or {"procedure": {…}}"#]),
        WholeFile(name: "only $schema", text: #"{"$schema": "x"}"#,
                  expected: [#"f.json:1:1: error: the file holds neither a decision nor a procedure; write {"decision": {…}} or {"procedure": {…}}"#]),
        WholeFile(name: "a decision that is text", text: #"{"decision": "QĐ 12"}"#,
                  expected: [#"f.json:1:14: error: decision: expected an object { … }, found text "QĐ 12""#]),
        WholeFile(name: "a procedure without a name", text: "{\"procedure\": {\n  \"code\": \"1.000001\"}}",
                  expected: ["f.json:1:15: error: procedure: the required key 'name' is missing; add it"]),
        WholeFile(name: "a control character in text", text: "{\"procedure\": {\"name\": \"a\u{1}b\"}}",
                  expected: [#"f.json:1:26: error: control character U+0001 inside text; write it as \u0001 or remove it"#]),
        WholeFile(name: "a bad escape", text: #"{"procedure": {"name": "C:\Users"}}"#,
                  expected: [#"f.json:1:27: error: '\U' is not a JSON escape; write \\ for a backslash, \n for a line break, \" for a quote"#]),
        WholeFile(name: "a lone surrogate", text: #"{"procedure": {"name": "\uD800x"}}"#,
                  expected: [#"f.json:1:25: error: \uD800 is half of a character (a high surrogate without its pair); write the character itself"#]),
    ])
    func wholeFile(_ c: WholeFile) {
        #expect(S.errors(c.text, file: "f.json") == c.expected)
    }

    // MARK: - Encodings and sizes (checked by InputText before any JSON is read)

    @Test("UTF-16 input is refused with a hint to save as UTF-8")
    func utf16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in #"{"procedure": {"name": "Khai sinh"}}"#.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(S.errors(bytes) == ["d.json:1:1: error: the file is UTF-16; save it as UTF-8 (in LibreOffice or Notepad: Save As, encoding UTF-8)"])
    }

    @Test("legacy TCVN3 (ABC) bytes are refused at their position")
    func tcvn3() {
        // "Khai sinh" then TCVN3 "§¨ng ký" (0xA7 = Đ, 0xA8 = ă in TCVN3): not UTF-8.
        let bytes = Array("{\"procedure\": {\n  \"name\": \"Khai sinh ".utf8) + [0xA7, 0xA8, 0x6E, 0x67] + Array("\"}}".utf8)
        let errors = S.errors(bytes)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("d.json:2:22: error: byte 0xA7 is not UTF-8: the file looks like a legacy 8-bit Vietnamese encoding") == true)
    }

    @Test("a file over 32 MiB is refused before parsing")
    func huge() {
        var bytes = Array(#"{"procedure": {"name": "X", "notes": ""#.utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 33 * 1024 * 1024)
        bytes += Array(#""}}"#.utf8)
        #expect(S.errors(bytes) == ["d.json: error: the file is 33 MiB, over the 32 MiB limit for one file; split the decision into several files"])
    }

    @Test("10,000 nested lists are refused at the depth limit, without crashing")
    func deepNesting() {
        let depth = 10_000
        let prefix = #"{"decision": {"items": "#
        let text = prefix + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}"
        // Frames 1 and 2 are the two objects; lists open from column 24 on; the 101st frame is refused.
        let column = prefix.count + (JSONScanner.maximumDepth - 2) + 1
        #expect(S.errors(text) == [
            "d.json:1:\(column): error: the file nests objects and lists more than 100 levels deep here; a decision is never that deep, so look for brackets that are not closed",
        ])
        // Also under a key the format does not know, and at the root.
        let unknown = #"{"procedure": {"name": "X", "extra": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}"
        #expect(S.errors(unknown).count == 2)
        let rootList = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(S.errors(rootList).first?.hasPrefix("d.json:1:1: error: the file must hold one JSON object") == true)
        // Objects that never end, under a key the format does not know.
        let objects = S.errors(String(repeating: "{\"a\":", count: depth))
        #expect(objects.count == 2)
        #expect(objects.first?.hasPrefix("d.json:1:2: error: unknown key 'a' at the top of the file") == true)
        #expect(objects.last == "d.json:1:\(5 * JSONScanner.maximumDepth + 1): error: the file nests objects and lists more than 100 levels deep here; a decision is never that deep, so look for brackets that are not closed")
    }

    @Test("an error in the second of several items points into that item")
    func errorInLaterItem() {
        let text = JSONFormat.write(S.fullDecision).replacingOccurrences(of: #""action": "replaced""#, with: #""action": "replace""#)
        let errors = S.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("error: items[2].action: 'replace' is not an action; use one of new, amended, replaced, abolished") == true)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(#""replace""#) }! + 1
        #expect(errors.first?.hasPrefix("d.json:\(line):19:") == true)
    }
}
