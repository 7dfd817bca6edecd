import Catalogue
import Formats
import Foundation

/// Cleaning of the text portals really send: HTML fragments pasted from an editor, bullets typed
/// before names, stray white space and line breaks, words that mean "nothing" ("không").
///
/// The result is always in the form tthc's readers store (`StoredText`), so a draft written from it
/// reads back unchanged.
enum PortalText {
    /// A name or title on one line, without a leading bullet or a trailing ';' or ','.
    static func name(_ s: String) -> String {
        trimmedName(StoredText.singleLine(stripHTML(s)))
    }

    /// `name` of UTF-8 bytes: cleaned on the bytes, without a `String` of the raw text, unless they may
    /// hold markup.
    static func name(utf8 bytes: UnsafeBufferPointer<UInt8>, surelyNFC: Bool) -> String {
        if mayHoldMarkup(bytes) { return name(ValidUTF8.string(bytes)) }
        return trimmedName(StoredText.singleLine(utf8: bytes, surelyNFC: surelyNFC))
    }

    /// `line` of UTF-8 bytes.
    static func line(utf8 bytes: UnsafeBufferPointer<UInt8>, surelyNFC: Bool) -> String {
        if mayHoldMarkup(bytes) { return line(ValidUTF8.string(bytes)) }
        return StoredText.singleLine(utf8: bytes, surelyNFC: surelyNFC)
    }

    /// `prose` of UTF-8 bytes.
    static func prose(utf8 bytes: UnsafeBufferPointer<UInt8>, surelyNFC: Bool) -> String {
        if mayHoldMarkup(bytes) { return prose(ValidUTF8.string(bytes)) }
        return StoredText.prose(utf8: bytes, surelyNFC: surelyNFC)
    }

    /// A one-line text without its leading bullet and trailing ';' or ','.
    private static func trimmedName(_ line: String) -> String {
        var t = stripBullet(line)
        while let last = t.last, last == ";" || last == "," {
            t.removeLast()
            t = StoredText.singleLine(t)
        }
        return t
    }

    /// One line of text, bullets kept (they may carry meaning inside the line).
    static func line(_ s: String) -> String {
        StoredText.singleLine(stripHTML(s))
    }

    /// Prose: line breaks kept, each line trimmed.
    static func prose(_ s: String) -> String {
        StoredText.prose(stripHTML(s))
    }

    /// ASCII without white space (most codes): then no Character is white space, and the Unicode
    /// look-ups can be skipped.
    static func isPlainASCIIWord(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 }
    }

    /// Whether any byte is '<' or '&', looked for on the contiguous bytes (a tenth of a generic search).
    static func mayHoldMarkup(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { mayHoldMarkup($0) }
    }

    static func mayHoldMarkup(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        // Two `memchr`s (vectorised) cost less than one test per byte: every value kept is looked at.
        guard let base = p.baseAddress, !p.isEmpty else { return false }
        return memchr(base, Int32(UInt8(ascii: "<")), p.count) != nil || memchr(base, Int32(UInt8(ascii: "&")), p.count) != nil
    }

    /// Text that says there is nothing: "không", "Không có", "-", "Không quy định".
    static func meansNothing(_ s: String) -> Bool {
        guard s.utf8.count < 64 else { return false }
        let key = SearchKeyFolding.searchKey(stripBullet(StoredText.singleLine(s))).trimmingCharacters(in: ["."])
        return ["", "khong", "khong co", "khong quy dinh", "-", "khong co thong tin"].contains(key)
    }

    /// Drops a leading bullet: "- ", "+ ", "* ", "• ", "– ", and the same without the space.
    static func stripBullet(_ s: String) -> String {
        var t = Substring(s)
        while let first = t.first, bullets.contains(first) {
            let rest = t.dropFirst()
            // A leading '-' followed by a digit is a sign or a range, not a bullet.
            if first == "-", let next = rest.first, next.isNumber { break }
            t = rest.drop { $0 == " " }
        }
        return String(t)
    }

    static let bullets: Set<Character> = ["-", "+", "*", "•", "–", "—", "●", "▪", "◦", "·"]

    /// Turns an HTML fragment into text: block ends and `<br>` become line breaks, other tags go, and
    /// entities are decoded. Text without '<' or '&' is returned as is.
    static func stripHTML(_ s: String) -> String {
        guard mayHoldMarkup(s) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "<", let close = s[i...].firstIndex(of: ">"), isTag(s[s.index(after: i)..<close]) {
                let tag = s[s.index(after: i)..<close].lowercased()
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "ul", "ol", "table"].contains(String(name)) {
                    if !out.hasSuffix("\n") { out.append("\n") }
                    if name == "li", !tag.hasPrefix("/") { out.append("- ") }
                }
                i = s.index(after: close)
                continue
            }
            if c == "&", let semi = s[i...].prefix(10).firstIndex(of: ";"), let decoded = entity(s[s.index(after: i)..<semi]) {
                out.append(decoded)
                i = s.index(after: semi)
                continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }

    /// `p`, `/p`, `br/`, `span style="…"`: a name of letters (and digits) after an optional '/'.
    private static func isTag(_ inside: Substring) -> Bool {
        let body = inside.first == "/" ? inside.dropFirst() : inside
        guard let first = body.first, first.isASCII, first.isLetter else { return false }
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return name.count <= 10 && (name.count == body.count || [" ", "/", "\n"].contains(body[name.endIndex]))
    }

    private static func entity(_ name: Substring) -> String? {
        switch name {
        case "nbsp": return " "
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "ndash": return "–"
        case "mdash": return "—"
        case "hellip": return "…"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                return String(Character(u))
            }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                return String(Character(u))
            }
            return nil
        }
    }
}
