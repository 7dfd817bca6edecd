import Catalogue
import Testing
@testable import Formats

@Suite("JSONTree: any JSON object with positions, after the scanner's syntax check")
struct JSONTreeTests {
    func tree(_ text: String) throws(FormatError) -> JSONTree {
        try JSONTree.read(Array(text.utf8), file: "t.json")
    }

    func members(_ value: JSONValue) -> [JSONValue.Member] {
        if case .object(let m) = value.content { return m }
        return []
    }

    @Test func valuesAndTheirPlaces() throws {
        let t = try tree("{\n  \"a\": [1, 16.50, -2e3, true, null],\n  \"tên\": \"Hộ tịch\", \"a\": {}\n}")
        let m = members(t.root)
        #expect(m.map(\.key) == ["a", "tên", "a"], "a key written twice is kept twice, in file order")
        guard case .array(let list) = m[0].value.content else { Issue.record("not a list"); return }
        #expect(list.map(\.kindDescription) == ["the number 1", "the number 16.50", "the number -2e3", "true", "null"])
        #expect(t.location(of: list[1]) == SourceLocation(file: "t.json", line: 2, column: 12))
        // Columns count characters, not bytes: "tên" and "Hộ tịch" are multi-byte.
        #expect(t.location(of: m[2].value) == SourceLocation(file: "t.json", line: 3, column: 26))
    }

    /// Columns on long lines cross the tree's checkpoints (every 512 bytes): a record on one line with
    /// Vietnamese text of 1 to 3 bytes a character, values placed on both sides of checkpoints.
    @Test(arguments: [0, 1, 170, 171, 509, 1_000, 3_333])
    func columnsOnALongLineCountCharacters(padding: Int) throws {
        let words = (0..<padding).map { ["ệ", "a", "ơ", "Đ"][$0 % 4] }.joined()
        let head = "{\"a\": \"\(words)\", \"tên\": [\"Hộ tịch\", "
        let text = head + "7]}\n"
        let t = try tree(text)
        guard case .array(let list) = members(t.root)[1].value.content else { Issue.record("not a list"); return }
        #expect(t.location(of: list[1]) == SourceLocation(file: "t.json", line: 1, column: head.count + 1))
        #expect(t.location(of: list[0]) == SourceLocation(file: "t.json", line: 1, column: head.count + 1 - "\"Hộ tịch\", ".count))
    }

    @Test func escapesAreResolvedAndComposed() throws {
        // "Tách" spelt with a decomposed á (a + U+0301), an emoji as a surrogate pair, and the usual escapes.
        let t = try tree(#"{"s": "Ta\u0301ch h\u1ed9 \ud83d\ude00 \"x\"\\\/\n\t"}"#)
        guard case .string(let s) = members(t.root)[0].value.content else { Issue.record("not text"); return }
        #expect(s == "Tách hộ 😀 \"x\"\\/\n\t")
        #expect(s.unicodeScalars.count == "Tách hộ 😀 \"x\"\\/\n\t".unicodeScalars.count)
    }

    @Test func syntaxErrorsComeFromTheScanner() {
        #expect(throws: FormatError.self) { try tree(#"{"a": [1, 2,]}"#) }
        do throws(FormatError) {
            _ = try tree("{\"a\": 'x'}")
        } catch {
            #expect(error.diagnostics.first?.description == "t.json:1:7: error: expected a value (text in double quotes, a number, true, false, an object or a list), found '''; JSON text uses double quotes, not single quotes")
        }
    }
}
