import Formats
import Foundation

/// UTF-8 output built as bytes in one growing buffer, with the escapes the open data needs (JSON
/// string literals, CSV fields, XML text). At 100,000 procedures the open data is tens of megabytes;
/// building it as `String`s (interpolations, `+=`, `joined`, one `String` per CSV field) cost
/// seconds, bytes appended in place a small part of that. Each escape writes exactly what its
/// `String` counterpart writes (`JSONWriter.appendString`, `OpenData.csv`, `MarkupText.escape`),
/// which `OpenDataBytesTests` checks.
struct ByteText {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Text as it is.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ n: Int) {
        append(String(n))
    }

    /// A JSON string literal, quotes included: `"` and `\` and the control characters escaped, the
    /// rest as it is (as `JSONWriter.appendString`).
    mutating func json(_ text: String) {
        JSONFormat.appendStringLiteral(text, to: &bytes)
    }

    /// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a
    /// line break (`OpenData.needsQuotes`), else as it is.
    mutating func csv(_ text: String) {
        guard OpenData.needsQuotes(text) else { return append(text) }
        append("\"" as StaticString)
        if text.utf8.contains(UInt8(ascii: "\"")) {
            // Rare: the same expression as the `String` form, so that every byte is the same.
            append(text.replacingOccurrences(of: "\"", with: "\"\""))
        } else {
            append(text)
        }
        append("\"" as StaticString)
    }

    /// Text escaped for XML and HTML (as `MarkupText.escape`): `& < > " '`.
    mutating func xml(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            for b in utf8 {
                switch b {
                case 0x26: append("&amp;" as StaticString)
                case 0x3C: append("&lt;" as StaticString)
                case 0x3E: append("&gt;" as StaticString)
                case 0x22: append("&quot;" as StaticString)
                case 0x27: append("&#39;" as StaticString)
                default: bytes.append(b)
                }
            }
        }
    }
}
