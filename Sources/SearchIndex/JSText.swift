/// JS source text for the index files: string literals escaped as JSON does, so any procedure text
/// (quotes, backslashes, `</script>`, line separators) stays data.
enum JSText {
    static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// The call every index file makes: `tthcSearch.add("m",3,…);`, so a `<script>` tag can load it
    /// from `file://`, where `fetch` is not allowed.
    static func registration(kind: String, number: Int, payload: String) -> String {
        "tthcSearch.add(\(string(kind)),\(number),\(payload));\n"
    }

    /// Whether `a` sorts before `b` in UTF-16 code units, the order of JS's `<` on strings; search.js
    /// binary-searches the manifest with it.
    static func utf16Less(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}

extension JSText {
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `string(s)`'s bytes appended to `out`: bytes copied as they are but for `"`, `\`, `<`, control
    /// characters and U+2028/U+2029 (E2 80 A8/A9 in UTF-8).
    static func append(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            let n = b.count
            var k = 0
            while k < n {
                let c = b[k]
                switch c {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(c)
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(c)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case UInt8(ascii: "<"): out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, 0x33, 0x63])  // \u003c
                case 0..<0x20:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(c >> 4)], hexDigits[Int(c & 15)]])
                case 0xE2 where k + 2 < n && b[k + 1] == 0x80 && (b[k + 2] == 0xA8 || b[k + 2] == 0xA9):
                    out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, b[k + 2] == 0xA8 ? 0x38 : 0x39])
                    k += 2
                default:
                    out.append(c)
                }
                k += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A non-negative number in decimal.
    static func append(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { append(n / 10, to: &out) }
        out.append(UInt8(0x30 + n % 10))
    }

    static func appendRaw(_ ascii: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }
}
