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
