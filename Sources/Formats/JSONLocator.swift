import Foundation

/// Finds where a value sits in JSON text, given its path, to place a `DecodingError` in the file.
///
/// Only used once something has gone wrong, and only on text the scanner has already found to be
/// valid JSON: it follows the path key by key, skipping whole values it does not need, and never
/// builds one.
enum JSONLocator {
    /// The offset of the value at `path`. When the path leads nowhere (a missing key, an index past
    /// the end), the offset of the last container it reached, and `complete` is false.
    static func locate(_ path: JSONPath, in p: UnsafeBufferPointer<UInt8>) -> (offset: Int, complete: Bool) {
        var i = skipWhitespace(p, 0)
        for component in path.components {
            guard i < p.count else { return (i, false) }
            let container = i
            switch component {
            case .key(let key):
                guard p[i] == UInt8(ascii: "{") else { return (container, false) }
                i = skipWhitespace(p, i + 1)
                var found = false
                while i < p.count, p[i] == UInt8(ascii: "\"") {
                    let keyStart = i
                    i = skipString(p, i)
                    let name = stringValue(UnsafeBufferPointer(rebasing: p[keyStart..<i]))
                    i = skipWhitespace(p, i)
                    if i < p.count, p[i] == UInt8(ascii: ":") { i = skipWhitespace(p, i + 1) }
                    if name == key {
                        found = true
                        break
                    }
                    i = skipWhitespace(p, skipValue(p, i))
                    if i < p.count, p[i] == UInt8(ascii: ",") { i = skipWhitespace(p, i + 1) }
                }
                if !found { return (container, false) }
            case .index(let index):
                guard p[i] == UInt8(ascii: "[") else { return (container, false) }
                i = skipWhitespace(p, i + 1)
                for _ in 0..<index {
                    guard i < p.count, p[i] != UInt8(ascii: "]") else { return (container, false) }
                    i = skipWhitespace(p, skipValue(p, i))
                    if i < p.count, p[i] == UInt8(ascii: ",") { i = skipWhitespace(p, i + 1) }
                }
                if i >= p.count || p[i] == UInt8(ascii: "]") { return (container, false) }
            }
        }
        return (i, true)
    }

    /// Line and column (in Unicode scalars, from 1) of a byte offset.
    static func position(of offset: Int, in p: UnsafeBufferPointer<UInt8>) -> JSONScanner.Position {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, p.count) where p[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        var column = 1
        for k in lineStart..<min(offset, p.count) where p[k] & 0xC0 != 0x80 { column += 1 }
        return JSONScanner.Position(offset: offset, line: line, column: column)
    }

    /// The value at an offset as a message shows it: `"working_days"`, `1.5`, `a list`, `null`.
    static func describeValue(at offset: Int, in p: UnsafeBufferPointer<UInt8>) -> String {
        guard offset < p.count else { return "nothing" }
        switch p[offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "a list"
        case UInt8(ascii: "\""):
            let value = stringValue(at: offset, in: p) ?? ""
            return "text \"\(value.count > 60 ? String(value.prefix(60)) + "…" : value)\""
        default:
            return literal(at: offset, in: p)
        }
    }

    /// The string value at an offset, when a string starts there.
    static func stringValue(at offset: Int, in p: UnsafeBufferPointer<UInt8>) -> String? {
        guard offset < p.count, p[offset] == UInt8(ascii: "\"") else { return nil }
        return stringValue(UnsafeBufferPointer(rebasing: p[offset..<skipString(p, offset)]))
    }

    /// A number, `true`, `false` or `null` at an offset, as written.
    static func literal(at offset: Int, in p: UnsafeBufferPointer<UInt8>) -> String {
        let end = skipValue(p, offset)
        return String(decoding: UnsafeBufferPointer(rebasing: p[offset..<end]), as: UTF8.self)
    }

    /// A string literal (quotes included) with its escapes resolved.
    static func stringValue(_ literal: UnsafeBufferPointer<UInt8>) -> String? {
        if !literal.contains(UInt8(ascii: "\\")), literal.count >= 2 {
            return String(decoding: UnsafeBufferPointer(rebasing: literal.dropFirst().dropLast()), as: UTF8.self)
        }
        return try? JSONDecoder().decode(String.self, from: Data(literal))
    }

    // MARK: - Skipping

    static func skipWhitespace(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
        return i
    }

    /// From an opening quote to just after the closing one.
    static func skipString(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start + 1
        while i < p.count {
            switch p[i] {
            case UInt8(ascii: "\""): return i + 1
            case UInt8(ascii: "\\"): i += 2
            default: i += 1
            }
        }
        return p.count
    }

    /// From the first byte of a value to just after it; nesting is counted, not recursed into.
    static func skipValue(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        guard start < p.count else { return start }
        var i = start
        switch p[i] {
        case UInt8(ascii: "\""):
            return skipString(p, i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < p.count {
                switch p[i] {
                case UInt8(ascii: "\""):
                    i = skipString(p, i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return i
        default:
            while i < p.count {
                switch p[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return i
                default: i += 1
                }
            }
            return i
        }
    }
}
