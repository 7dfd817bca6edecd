import Catalogue
import Testing
@testable import Formats

@Suite("JSONTree: any JSON object with positions, checked and built in one pass")
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
        #expect(m.map(t.key(of:)) == ["a", "tên", "a"], "a key written twice is kept twice, in file order")
        guard case .array(let list) = m[0].value.content else { Issue.record("not a list"); return }
        #expect(list.map(t.kindDescription(of:)) == ["the number 1", "the number 16.50", "the number -2e3", "true", "null"])
        #expect(t.literal(of: list[1]) == "16.50" && t.string(of: list[1]) == nil)
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
        guard let s = t.string(of: members(t.root)[0].value) else { Issue.record("not text"); return }
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

    /// The tree checks the syntax in the same pass that builds it, and hands anything it refuses to
    /// `JSONScanner` for the message: what it accepts must be exactly what the scanner accepts.
    @Test(arguments: [
        #"{"a": [1, 2,]}"#, #"{"a": 1,}"#, #"{"a" 1}"#, #"{"a": 01}"#, #"{"a": -}"#, #"{"a": 1.}"#, #"{"a": 1e}"#,
        #"{"a": tru}"#, #"{"a": truex}"#, #"{"a": nul}"#, #"{"a": "x\q"}"#, #"{"a": "\u12G4"}"#,
        #"{"a": "\udc00"}"#, #"{"a": "\ud83d x"}"#, "{\"a\": \"x\ny\"}", "{\"a\": \"x\ty\"}",
        #"{"a": "x}"#, #"{"a": [1 2]}"#, #"{"a": {"b": 1 "c": 2}}"#, #"{"a": 1} x"#, #"{"a": 1}}"#,
        #"{"a": [}"#, #"{"a": +1}"#, #"{"a": 'x'}"#, #"{1: 2}"#, #"{"a": [1, 2"#, #"{"a""#,
    ])
    func refusedWithTheScannersMessage(text: String) throws {
        let expected = Array(text.utf8).withUnsafeBufferPointer { JSONScanner.scan($0, rootShape: nil) }
        #expect(!expected.problems.isEmpty, "the scanner refuses it too")
        do throws(FormatError) {
            _ = try tree(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.diagnostics.map(\.description) == expected.problems.map {
                "t.json:\($0.position.line):\($0.position.column): error: \($0.message)"
            })
        }
    }

    @Test(arguments: [
        #"{}"#, #"{"a": []}"#, #"{"a": [{}, [], "", 0, -0.5e+3, 1E2, true, false, null]}"#,
        "\n\t{ \"a\" : \"\\u00e9\\ud83d\\ude00\\/\" }\r\n", #"{"a": {"b": {"c": [[[]]]}}}"#,
    ])
    func acceptedAsTheScannerDoes(text: String) throws {
        let scanned = Array(text.utf8).withUnsafeBufferPointer { JSONScanner.scan($0, rootShape: nil) }
        #expect(scanned.problems.isEmpty)
        _ = try tree(text)
    }

    /// The nesting limit is the scanner's: 100 containers, the root included.
    @Test func nestingLimitIsTheScanners() throws {
        func nested(_ depth: Int) -> String {
            "{\"a\": " + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}"
        }
        _ = try tree(nested(JSONScanner.maximumDepth))
        #expect(throws: FormatError.self) { try tree(nested(JSONScanner.maximumDepth + 1)) }
    }

    /// Keys are compared on the bytes when spelt plainly, and decoded when escaped.
    @Test func keysCompareAsText() throws {
        let t = try tree(#"{"tên": 1, "t\u00ean": 2, "te\u0302n": 3, "ten": 4}"#)
        let m = members(t.root)
        #expect(m.map(t.key(of:)) == ["tên", "tên", "tên", "ten"])
        #expect(t.member(m[0], hasKey: "tên") && t.member(m[1], hasKey: "tên") && t.member(m[2], hasKey: "tên"))
        #expect(!t.member(m[3], hasKey: "tên") && t.member(m[3], hasKey: "ten") && !t.member(m[0], hasKey: "tê"))
        #expect(t.member(m[0], hasKeyOf: m[1]) && t.member(m[1], hasKeyOf: m[2]) && !t.member(m[0], hasKeyOf: m[3]))
    }

    /// A file in decomposed Unicode is composed on input; values and columns read from the composed text.
    @Test func decomposedFilesAreComposed() throws {
        let t = try tree("{\"a\": \"Te\u{0302}n\", \"b\": 7}")
        let m = members(t.root)
        #expect(t.string(of: m[0].value) == "Tên" && t.string(of: m[0].value)!.unicodeScalars.count == 3)
        #expect(t.location(of: m[1].value) == SourceLocation(file: "t.json", line: 1, column: 19))
    }
}

@Suite("JSONEscape: the four hex digits of a \\u escape")
struct JSONEscapeTests {
    /// One digit at a time, the plain way, to compare the word-at-a-time reading with.
    static func expected(_ bytes: [UInt8]) -> UInt32? {
        var value: UInt32 = 0
        for b in bytes {
            guard let d = UInt32(String(UnicodeScalar(b)), radix: 16), b < 0x80, b != UInt8(ascii: "+"), b != UInt8(ascii: "-") else { return nil }
            value = value << 4 | d
        }
        return value
    }

    /// Every byte value in every position, beside valid digits of either case, and the text ending
    /// before the fourth digit.
    @Test(arguments: 0..<4)
    func everyByteInEveryPosition(position: Int) {
        for filler in [Array("0aF9".utf8), Array("fFa0".utf8), Array("9999".utf8)] {
            for b in 0...255 {
                var bytes = filler
                bytes[position] = UInt8(b)
                let read = bytes.withUnsafeBufferPointer { JSONEscape.hex4($0, at: 0) }
                #expect(read == Self.expected(bytes), "\(bytes)")
                #expect(bytes.withUnsafeBufferPointer { JSONEscape.isHex4($0, at: 0) } == (read != nil))
                if let read { #expect(bytes.withUnsafeBufferPointer { JSONEscape.checkedHex4($0, at: 0) } == read) }
            }
        }
        let short = Array("12a".utf8)
        #expect(short.withUnsafeBufferPointer { JSONEscape.hex4($0, at: 0) } == nil)
        #expect(!short.withUnsafeBufferPointer { JSONEscape.isHex4($0, at: 0) })
        #expect(Array("x1ed9".utf8).withUnsafeBufferPointer { JSONEscape.hex4($0, at: 1) } == 0x1ED9)
    }

    /// Every value from 0000 to FFFF, lower and upper case.
    @Test func everyValue() {
        for v in 0...0xFFFF {
            for upper in [false, true] {
                let hex = String(v, radix: 16, uppercase: upper)
                let bytes = Array((String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                #expect(bytes.withUnsafeBufferPointer { JSONEscape.hex4($0, at: 0) } == UInt32(v))
                #expect(bytes.withUnsafeBufferPointer { JSONEscape.checkedHex4($0, at: 0) } == UInt32(v))
            }
        }
    }
}
