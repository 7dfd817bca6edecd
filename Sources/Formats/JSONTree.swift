import Catalogue
import Foundation

/// Any JSON file read into a tree whose values remember where they are in the file's bytes, for
/// readers of other systems' JSON (the national portal's records) that must name the file, line,
/// column and JSON path of every problem.
///
/// One pass over the bytes checks the syntax and builds the tree. The tree holds no text of its own:
/// a string, number or key is a byte range of the file, and becomes a Swift `String` only when a
/// reader asks for it (`string(of:)`, `key(of:)`, `literal(of:)`) — most of a portal record (ids,
/// timestamps, the keys themselves) is compared or skipped, never kept. When the pass finds the text
/// is not JSON, `JSONScanner` reads it again for its exact messages and nesting limit, so messages
/// are the scanner's.
///
/// Text is NFC: a file that is not surely NFC is composed on input, and values spelt with `\u`
/// escapes are composed again when read.
public struct JSONTree: Sendable {
    public let file: String
    public let root: JSONValue
    private let storage: Storage
    private var bytes: UnsafeMutableBufferPointer<UInt8> { storage.bytes }
    private let lineStarts: [Int]
    /// No byte is over 0x7F (the portal writes `\u` escapes): then a column is a byte count.
    private let isASCII: Bool
    /// UTF-8 continuation bytes before each multiple of `checkpointStride`, so a column (characters,
    /// not bytes) is found without counting from the start of a long line: portal records are often
    /// one line of tens of kilobytes, with several messages each. Empty for ASCII files.
    private let continuationsBefore: [Int]
    private static let checkpointStride = 512

    /// Reads a file's bytes; refuses what is not UTF-8 JSON with an object at its root.
    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> JSONTree {
        let utf8: [UInt8]
        let isASCII: Bool
        if let plain = plainText(bytes) {
            utf8 = plain.bytes
            isASCII = plain.isASCII
        } else {
            utf8 = Array(try InputText.decode(bytes, file: file).utf8)
            isASCII = false
        }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        guard let start, utf8[start] == UInt8(ascii: "{") else {
            let at = start.map { JSONLocator.position(of: $0, in: utf8.withUnsafeBufferPointer { $0 }) }
            throw FormatError(.error(
                start == nil ? "the file is empty; expected one JSON object { … }" : "the file must hold one JSON object { … }",
                at: SourceLocation(file: file, line: at?.line ?? 0, column: at?.column ?? 0)))
        }
        var lineStarts = [0]
        let root: JSONValue? = utf8.withUnsafeBufferPointer { p in
            var builder = Builder(p: p, i: 0)
            let root = builder.document()
            lineStarts += builder.lineStarts
            return root
        }
        guard let root else {
            let scan = utf8.withUnsafeBufferPointer { JSONScanner.scan($0, rootShape: nil) }
            let problems = scan.problems.isEmpty
                ? [JSONScanner.Problem(position: scan.root, message: "the file is not valid JSON")]
                : scan.problems
            throw FormatError(problems.map {
                .error($0.message, at: SourceLocation(file: file, line: $0.position.line, column: $0.position.column))
            })
        }
        var continuationsBefore: [Int] = []
        if !isASCII {
            continuationsBefore = [0]
            utf8.withUnsafeBytes { p in
                var from = 0
                while from + checkpointStride <= p.count {
                    continuationsBefore.append(continuationsBefore[continuationsBefore.count - 1]
                        + continuationBytes(p, from: from, to: from + checkpointStride))
                    from += checkpointStride
                }
            }
        }
        return JSONTree(
            file: file, root: root, storage: Storage(utf8), lineStarts: lineStarts, isASCII: isASCII,
            continuationsBefore: continuationsBefore)
    }

    /// The bytes themselves when they need no decoding: within the size limit, no byte order mark,
    /// no NUL, valid UTF-8 and surely NFC (`InputText.decode` would return them unchanged); nil
    /// otherwise, for `InputText` to compose them or say what is wrong. Portal records are ASCII.
    private static func plainText(_ bytes: [UInt8]) -> (bytes: [UInt8], isASCII: Bool)? {
        guard bytes.count <= InputText.maximumBytes, let first = bytes.first, first < 0x80 else { return nil }
        let ascii = bytes.withUnsafeBytes { p -> Bool in
            var k = 0
            let n = p.count
            while k + 8 <= n {
                let w = p.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                // Any byte over 0x7F, or any zero byte.
                if w & 0x8080_8080_8080_8080 != 0 || (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                k += 8
            }
            while k < n {
                if p[k] == 0 || p[k] >= 0x80 { return false }
                k += 1
            }
            return true
        }
        if ascii { return (bytes, true) }
        let valid = bytes.withUnsafeBufferPointer { p in
            memchr(p.baseAddress!, 0, p.count) == nil && String(validating: p, as: UTF8.self) != nil
        }
        return valid && InputText.isSurelyNFC(utf8: bytes[...]) ? (bytes, false) : nil
    }

    /// Where a value of this tree starts.
    public func location(of value: JSONValue) -> SourceLocation {
        location(ofOffset: value.offset)
    }

    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low], end = min(offset, bytes.count)
        guard !isASCII else { return SourceLocation(file: file, line: low + 1, column: 1 + max(0, end - start)) }
        let continuation = withExtendedLifetime(storage) {
            let p = UnsafeRawBufferPointer(bytes)
            func before(_ x: Int) -> Int {
                let k = x / Self.checkpointStride
                return continuationsBefore[k] + Self.continuationBytes(p, from: k * Self.checkpointStride, to: x)
            }
            return before(max(start, end)) - before(start)
        }
        let column = 1 + (end - start) - continuation
        return SourceLocation(file: file, line: low + 1, column: column)
    }

    /// How many UTF-8 continuation bytes (10xxxxxx) lie in `from..<to`, eight bytes at a time: portal
    /// records are often one line, so every message's column counts over most of the file.
    static func continuationBytes(_ p: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        var n = 0, k = from
        while k + 8 <= to {
            let w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            // Bit 7 set and bit 6 clear, in each byte.
            n += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            k += 8
        }
        while k < to {
            if p[k] & 0xC0 == 0x80 { n += 1 }
            k += 1
        }
        return n
    }

    // MARK: - Text of values

    /// The file's bytes, kept at a fixed address for as long as any copy of the tree lives.
    private final class Storage: @unchecked Sendable {
        let bytes: UnsafeMutableBufferPointer<UInt8>

        init(_ source: [UInt8]) {
            bytes = .allocate(capacity: max(1, source.count))
            _ = bytes.initialize(from: source)
            if source.isEmpty { bytes[0] = 0 }
        }

        deinit { bytes.deallocate() }
    }

    /// The text of values, read from the file's bytes. Valid only while its tree lives: a reader
    /// that keeps the tree (a record's diagnostics do) can hold it and read values without copying
    /// the tree or counting references.
    public struct Text {
        public let bytes: UnsafeBufferPointer<UInt8>
        /// Every byte is ASCII: text spelt without `\u` escapes of non-ASCII is then surely NFC.
        let isASCII: Bool

        /// The text of a string value, escapes resolved and NFC; nil for other values.
        public func string(of value: JSONValue) -> String? {
            withText(of: value) { bytes, _ in ValidUTF8.string(bytes) }
        }

        /// Calls `body` with the UTF-8 of a string value (escapes resolved, NFC) and whether it is
        /// known to be in the form `InputText.isSurelyNFC` accepts, without making a `String`; nil
        /// for other values.
        public func withText<R>(of value: JSONValue, _ body: (UnsafeBufferPointer<UInt8>, _ surelyNFC: Bool) -> R) -> R? {
            guard case .string = value.content else { return nil }
            return withString(from: value.offset, to: value.end, escaped: value.escaped, body)
        }

        /// The number exactly as written; nil for other values.
        public func literal(of value: JSONValue) -> String? {
            guard case .number = value.content else { return nil }
            return ValidUTF8.string(UnsafeBufferPointer(rebasing: bytes[value.offset..<value.end]))
        }

        /// The key of an object's member, escapes resolved and NFC.
        public func key(of member: JSONValue.Member) -> String {
            withString(from: member.keyOffset, to: member.keyEnd, escaped: member.keyEscaped) { bytes, _ in
                ValidUTF8.string(bytes)
            }
        }

        /// Whether a member's key is `key`, compared on the bytes when the file spells it plainly.
        public func member(_ member: JSONValue.Member, hasKey key: String) -> Bool {
            if member.keyEscaped { return self.key(of: member) == key }
            var key = key
            return key.withUTF8 { hasKey(member.keyOffset, member.keyEnd, $0) }
        }

        /// Whether the plainly spelt key literal `start..<end` (quotes included) is `key`.
        @inline(__always)
        public func hasKey(_ start: Int, _ end: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
            let length = end - start - 2
            guard key.count == length else { return false }
            return length == 0 || memcmp(bytes.baseAddress! + start + 1, key.baseAddress!, length) == 0
        }

        /// Whether two members have the same key.
        public func member(_ a: JSONValue.Member, hasKeyOf b: JSONValue.Member) -> Bool {
            if a.keyEscaped || b.keyEscaped { return key(of: a) == key(of: b) }
            let length = a.keyEnd - a.keyOffset
            guard b.keyEnd - b.keyOffset == length else { return false }
            return memcmp(bytes.baseAddress! + a.keyOffset, bytes.baseAddress! + b.keyOffset, length) == 0
        }

        /// What a value is, for "expected …, found …" messages.
        public func kindDescription(of value: JSONValue) -> String {
            switch value.content {
            case .object: return "an object"
            case .array: return "a list"
            case .string:
                let s = string(of: value) ?? ""
                return "text \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
            case .number: return "the number \(literal(of: value) ?? "")"
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            }
        }

        /// The bytes of the string literal `from..<to` (quotes included), escapes resolved and composed.
        private func withString<R>(
            from: Int, to: Int, escaped: Bool, _ body: (UnsafeBufferPointer<UInt8>, _ surelyNFC: Bool) -> R
        ) -> R {
            let literal = UnsafeBufferPointer(rebasing: bytes[(from + 1)..<(to - 1)])
            guard escaped else { return body(literal, isASCII) }
            return JSONTree.unescaped(literal, asciiFile: isASCII, body)
        }
    }

    /// The text of values; see `Text` for how long it is valid.
    public var text: Text { Text(bytes: UnsafeBufferPointer(storage.bytes), isASCII: isASCII) }

    /// The text of a string value, escapes resolved and NFC; nil for other values.
    public func string(of value: JSONValue) -> String? {
        withExtendedLifetime(storage) { text.string(of: value) }
    }

    /// The number exactly as written; nil for other values.
    public func literal(of value: JSONValue) -> String? {
        withExtendedLifetime(storage) { text.literal(of: value) }
    }

    /// The key of an object's member, escapes resolved and NFC.
    public func key(of member: JSONValue.Member) -> String {
        withExtendedLifetime(storage) { text.key(of: member) }
    }

    /// Whether a member's key is `key`.
    public func member(_ member: JSONValue.Member, hasKey key: String) -> Bool {
        withExtendedLifetime(storage) { text.member(member, hasKey: key) }
    }

    /// Whether two members have the same key.
    public func member(_ a: JSONValue.Member, hasKeyOf b: JSONValue.Member) -> Bool {
        withExtendedLifetime(storage) { text.member(a, hasKeyOf: b) }
    }

    /// What a value is, for "expected …, found …" messages.
    public func kindDescription(of value: JSONValue) -> String {
        withExtendedLifetime(storage) { text.kindDescription(of: value) }
    }

    /// Resolves the escapes of a string's body (valid: the builder has checked it) and composes the
    /// result when a `\u` escape spelt something that may not be NFC.
    fileprivate static func unescaped<R>(
        _ body: UnsafeBufferPointer<UInt8>, asciiFile: Bool, _ use: (UnsafeBufferPointer<UInt8>, _ surelyNFC: Bool) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count) { out in
            var n = 0
            // Escapes were checked when the tree was built: four hex digits follow every \u.
            func hex4(_ at: Int) -> UInt32 { JSONEscape.checkedHex4(body, at: at) }
            var nonASCII = false
            // In an ASCII file every non-ASCII scalar comes from an escape: whether the result is in
            // the form `InputText.isSurelyNFC` accepts is then decided escape by escape, without a
            // second pass over the result.
            var surelyNFC = true
            var k = 0
            while k < body.count {
                let b = body[k]
                guard b == UInt8(ascii: "\\") else {
                    out[n] = b
                    n += 1
                    k += 1
                    continue
                }
                let e = body[k + 1]
                switch e {
                case UInt8(ascii: "n"): out[n] = 0x0A
                case UInt8(ascii: "t"): out[n] = 0x09
                case UInt8(ascii: "r"): out[n] = 0x0D
                case UInt8(ascii: "b"): out[n] = 0x08
                case UInt8(ascii: "f"): out[n] = 0x0C
                case UInt8(ascii: "u"):
                    var v = hex4(k + 2)
                    if (0xD800..<0xDC00).contains(v) {
                        let low = hex4(k + 8)
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        k += 6
                    }
                    // At most four bytes from six or twelve of escape: never longer than the input.
                    if v < 0x80 {
                        out[n] = UInt8(v); n += 1
                    } else {
                        nonASCII = true
                        if surelyNFC, !InputText.isSurelyNFC(scalar: v) { surelyNFC = false }
                        if v < 0x800 {
                            out[n] = UInt8(0xC0 | (v >> 6)); out[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                        } else if v < 0x10000 {
                            out[n] = UInt8(0xE0 | (v >> 12)); out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                            out[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
                        } else {
                            out[n] = UInt8(0xF0 | (v >> 18)); out[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                            out[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                        }
                    }
                    k += 6
                    continue
                default: out[n] = e  // \" \\ \/
                }
                n += 1
                k += 2
            }
            let result = UnsafeBufferPointer(rebasing: out[0..<n])
            guard nonASCII else { return use(result, asciiFile) }
            if asciiFile ? !surelyNFC : !InputText.isSurelyNFC(result) {
                var composed = VietnameseText.nfc(ValidUTF8.string(result))
                return composed.withUTF8 { use($0, false) }
            }
            return use(result, true)
        }
    }

    // MARK: - Building

    /// Checks and builds in one pass; nil at the first thing `JSONScanner` would report (it then says
    /// what and where). Accepts exactly what the scanner accepts with no shape: RFC 8259 JSON with
    /// one object at the root, at most `JSONScanner.maximumDepth` containers deep.
    private struct Builder {
        let p: UnsafeBufferPointer<UInt8>
        var i: Int
        var depth = 0
        var lineStarts: [Int] = []
        /// Whether the last string read had a backslash.
        var escaped = false

        @inline(__always)
        mutating func skip() {
            while i < p.count {
                switch p[i] {
                case 0x20, 0x09, 0x0D: i += 1
                case 0x0A:
                    i += 1
                    lineStarts.append(i)
                default: return
                }
            }
        }

        mutating func document() -> JSONValue? {
            skip()
            guard let root = value() else { return nil }
            skip()
            return i == p.count ? root : nil
        }

        mutating func value() -> JSONValue? {
            skip()
            guard i < p.count else { return nil }
            let offset = i
            switch p[i] {
            case UInt8(ascii: "{"):
                guard depth < JSONScanner.maximumDepth else { return nil }
                depth += 1
                defer { depth -= 1 }
                i += 1
                var members: [JSONValue.Member] = []
                skip()
                if i < p.count, p[i] == UInt8(ascii: "}") {
                    i += 1
                    return JSONValue(.object(members), offset: offset, end: i)
                }
                while true {
                    skip()
                    guard i < p.count, p[i] == UInt8(ascii: "\"") else { return nil }
                    let keyOffset = i
                    guard string() else { return nil }
                    let keyEnd = i, keyEscaped = escaped
                    skip()
                    guard i < p.count, p[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let v = value() else { return nil }
                    members.append(JSONValue.Member(keyOffset: keyOffset, keyEnd: keyEnd, keyEscaped: keyEscaped, value: v))
                    skip()
                    guard i < p.count else { return nil }
                    let b = p[i]
                    i += 1
                    if b == UInt8(ascii: "}") { return JSONValue(.object(members), offset: offset, end: i) }
                    guard b == UInt8(ascii: ",") else { return nil }
                }
            case UInt8(ascii: "["):
                guard depth < JSONScanner.maximumDepth else { return nil }
                depth += 1
                defer { depth -= 1 }
                i += 1
                var elements: [JSONValue] = []
                skip()
                if i < p.count, p[i] == UInt8(ascii: "]") {
                    i += 1
                    return JSONValue(.array(elements), offset: offset, end: i)
                }
                while true {
                    guard let v = value() else { return nil }
                    elements.append(v)
                    skip()
                    guard i < p.count else { return nil }
                    let b = p[i]
                    i += 1
                    if b == UInt8(ascii: "]") { return JSONValue(.array(elements), offset: offset, end: i) }
                    guard b == UInt8(ascii: ",") else { return nil }
                    // "[1, ]": the scanner reports the comma.
                    skip()
                    if i < p.count, p[i] == UInt8(ascii: "]") { return nil }
                }
            case UInt8(ascii: "\""):
                guard string() else { return nil }
                return JSONValue(.string, offset: offset, end: i, escaped: escaped)
            case UInt8(ascii: "t"):
                return word("true") ? JSONValue(.bool(true), offset: offset, end: i) : nil
            case UInt8(ascii: "f"):
                return word("false") ? JSONValue(.bool(false), offset: offset, end: i) : nil
            case UInt8(ascii: "n"):
                return word("null") ? JSONValue(.null, offset: offset, end: i) : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return number() ? JSONValue(.number, offset: offset, end: i) : nil
            default:
                return nil
            }
        }

        /// A string at its opening quote; leaves `i` after the closing one. Portal records spell
        /// every non-ASCII letter as a `\u` escape, so that case is tested first.
        mutating func string() -> Bool {
            var k = i + 1
            defer { i = k }
            escaped = false
            let n = p.count
            while k < n {
                let b = p[k]
                if b == UInt8(ascii: "\"") {
                    k += 1
                    return true
                }
                if b == UInt8(ascii: "\\") {
                    escaped = true
                    guard k + 1 < n else { return false }
                    let e = p[k + 1]
                    if e == UInt8(ascii: "u") {
                        guard JSONEscape.isHex4(p, at: k + 2) else { return false }
                        // Only an escape starting "d" or "D" can be a surrogate (D800–DFFF): only
                        // then is the value worked out.
                        if p[k + 2] | 0x20 == UInt8(ascii: "d"), let v = hex4(k + 2), v & 0xF800 == 0xD800 {
                            // A surrogate: a high one followed by the escape of a low one.
                            guard v < 0xDC00, k + 7 < n, p[k + 6] == UInt8(ascii: "\\"), p[k + 7] == UInt8(ascii: "u"),
                                  let low = hex4(k + 8), low & 0xFC00 == 0xDC00 else { return false }
                            k += 6
                        }
                        k += 6
                        continue
                    }
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        k += 2
                    default:
                        return false
                    }
                    continue
                }
                if b < 0x20 { return false }
                k += 1
            }
            return false
        }

        func hex4(_ at: Int) -> UInt32? { JSONEscape.hex4(p, at: at) }

        @inline(__always)
        func isDigit(_ k: Int) -> Bool {
            k < p.count && p[k] >= UInt8(ascii: "0") && p[k] <= UInt8(ascii: "9")
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259).
        mutating func number() -> Bool {
            if p[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return false }
            if p[i] == UInt8(ascii: "0"), isDigit(i + 1) { return false }
            while isDigit(i) { i += 1 }
            if i < p.count, p[i] == UInt8(ascii: ".") {
                i += 1
                guard isDigit(i) else { return false }
                while isDigit(i) { i += 1 }
            }
            if i < p.count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
                i += 1
                if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
                guard isDigit(i) else { return false }
                while isDigit(i) { i += 1 }
            }
            return true
        }

        /// `true`, `false` or `null`, not followed by a letter, digit or '_'.
        mutating func word(_ w: StaticString) -> Bool {
            let n = w.utf8CodeUnitCount
            guard i + n <= p.count else { return false }
            for k in 0..<n where p[i + k] != w.utf8Start[k] { return false }
            if i + n < p.count {
                let b = p[i + n]
                if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b >= 0x80 {
                    return false
                }
            }
            i += n
            return true
        }
    }
}

/// One value of a `JSONTree`: what it is, and where it lies in the file's bytes. Text (strings,
/// numbers, keys) is read through the tree.
public struct JSONValue: Sendable {
    /// Not `indirect`: lists and objects are arrays, which already hold their elements out of line,
    /// and a boxed case would cost an allocation for every value of every record.
    public enum Content: Sendable {
        /// Members in file order; a key written twice appears twice.
        case object([Member])
        case array([JSONValue])
        /// Text: `JSONTree.string(of:)`.
        case string
        /// A number, kept exactly as written so amounts keep every digit: `JSONTree.literal(of:)`.
        case number
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        /// The key's literal, quotes included: `keyOffset..<keyEnd`.
        public var keyOffset: Int
        public var keyEnd: Int
        public var keyEscaped: Bool
        public var value: JSONValue
    }

    public var content: Content
    /// Where the value starts (for text, its opening quote) and ends, in bytes.
    public var offset: Int
    var end: Int
    /// Text with a backslash, whose escapes must be resolved.
    var escaped: Bool

    init(_ content: Content, offset: Int, end: Int, escaped: Bool = false) {
        self.content = content
        self.offset = offset
        self.end = end
        self.escaped = escaped
    }
}
