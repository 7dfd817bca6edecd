import Catalogue

/// Any JSON file read into a tree whose values remember where they start, for readers of other
/// systems' JSON (the national portal's records) that must name the file, line, column and JSON path
/// of every problem.
///
/// `JSONScanner` checks the syntax first, with its exact messages and nesting limit; the tree is then
/// built from text known to be valid, so building has no error paths of its own. Text is NFC (the
/// whole file is composed on input, and values spelt with `\u` escapes are composed again).
public struct JSONTree: Sendable {
    public let file: String
    public let root: JSONValue
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// UTF-8 continuation bytes before each multiple of `checkpointStride`, so a column (characters,
    /// not bytes) is found without counting from the start of a long line: portal records are often
    /// one line of tens of kilobytes, with several messages each.
    private let continuationsBefore: [Int]
    private static let checkpointStride = 512

    /// Reads a file's bytes; refuses what is not UTF-8 JSON with an object at its root.
    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> JSONTree {
        let text = try InputText.decode(bytes, file: file)
        var utf8 = Array(text.utf8)
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        guard let start, utf8[start] == UInt8(ascii: "{") else {
            let at = start.map { JSONLocator.position(of: $0, in: utf8.withUnsafeBufferPointer { $0 }) }
            throw FormatError(.error(
                start == nil ? "the file is empty; expected one JSON object { … }" : "the file must hold one JSON object { … }",
                at: SourceLocation(file: file, line: at?.line ?? 0, column: at?.column ?? 0)))
        }
        let scan = utf8.withUnsafeBufferPointer { JSONScanner.scan($0, rootShape: nil) }
        if scan.fatal || !scan.problems.isEmpty {
            throw FormatError(scan.problems.map {
                .error($0.message, at: SourceLocation(file: file, line: $0.position.line, column: $0.position.column))
            })
        }
        let root = utf8.withUnsafeMutableBufferPointer { p in
            var builder = Builder(p: UnsafeBufferPointer(p), i: start, compose: scan.escapedNonASCII)
            return builder.value()
        }
        var lineStarts = [0]
        for (k, b) in utf8.enumerated() where b == 0x0A { lineStarts.append(k + 1) }
        var continuationsBefore = [0]
        utf8.withUnsafeBytes { p in
            var from = 0
            while from + checkpointStride <= p.count {
                continuationsBefore.append(continuationsBefore[continuationsBefore.count - 1]
                    + continuationBytes(p, from: from, to: from + checkpointStride))
                from += checkpointStride
            }
        }
        return JSONTree(file: file, root: root, bytes: utf8, lineStarts: lineStarts, continuationsBefore: continuationsBefore)
    }

    /// Where a value of this tree starts.
    public func location(of value: JSONValue) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= value.offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low], end = min(value.offset, bytes.count)
        let continuation = bytes.withUnsafeBytes { p in
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

    /// Builds values from text the scanner has found valid.
    private struct Builder {
        let p: UnsafeBufferPointer<UInt8>
        var i: Int
        let compose: Bool

        mutating func skip() {
            while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
        }

        mutating func value() -> JSONValue {
            skip()
            let offset = i
            switch p[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [JSONValue.Member] = []
                skip()
                if p[i] == UInt8(ascii: "}") {
                    i += 1
                    return JSONValue(.object(members), offset: offset)
                }
                while true {
                    skip()
                    let keyOffset = i
                    let key = string()
                    skip()
                    i += 1  // ':'
                    members.append(JSONValue.Member(key: key, keyOffset: keyOffset, value: value()))
                    skip()
                    let b = p[i]
                    i += 1
                    if b == UInt8(ascii: "}") { return JSONValue(.object(members), offset: offset) }
                }
            case UInt8(ascii: "["):
                i += 1
                var elements: [JSONValue] = []
                skip()
                if p[i] == UInt8(ascii: "]") {
                    i += 1
                    return JSONValue(.array(elements), offset: offset)
                }
                while true {
                    elements.append(value())
                    skip()
                    let b = p[i]
                    i += 1
                    if b == UInt8(ascii: "]") { return JSONValue(.array(elements), offset: offset) }
                }
            case UInt8(ascii: "\""):
                return JSONValue(.string(string()), offset: offset)
            case UInt8(ascii: "t"):
                i += 4
                return JSONValue(.bool(true), offset: offset)
            case UInt8(ascii: "f"):
                i += 5
                return JSONValue(.bool(false), offset: offset)
            case UInt8(ascii: "n"):
                i += 4
                return JSONValue(.null, offset: offset)
            default:
                let end = JSONLocator.skipValue(p, i)
                let literal = String(decoding: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self)
                i = end
                return JSONValue(.number(literal), offset: offset)
            }
        }

        /// A string at its opening quote, escapes resolved.
        mutating func string() -> String {
            let open = i
            let end = JSONLocator.skipString(p, open)
            i = end
            let body = UnsafeBufferPointer(rebasing: p[(open + 1)..<(end - 1)])
            guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(body.count)
            func hex4(_ at: Int) -> UInt32 {
                var v: UInt32 = 0
                for b in body[at..<(at + 4)] {
                    let d: UInt32 = switch b {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
                    default: UInt32(b - UInt8(ascii: "A") + 10)
                    }
                    v = v * 16 + d
                }
                return v
            }
            var k = 0
            while k < body.count {
                let b = body[k]
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    k += 1
                    continue
                }
                let e = body[k + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var v = hex4(k + 2)
                    if (0xD800..<0xDC00).contains(v) {
                        let low = hex4(k + 8)
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        k += 6
                    }
                    out.append(contentsOf: UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}")!)
                    k += 6
                    continue
                default: out.append(e)  // \" \\ \/
                }
                k += 2
            }
            let s = String(decoding: out, as: UTF8.self)
            return compose && !InputText.isSurelyNFC(utf8: out[...]) ? VietnameseText.nfc(s) : s
        }
    }
}

/// One value of a `JSONTree`, with the byte offset where it starts.
public struct JSONValue: Sendable {
    /// Not `indirect`: lists and objects are arrays, which already hold their elements out of line,
    /// and a boxed case would cost an allocation for every value of every record.
    public enum Content: Sendable {
        /// Members in file order; a key written twice appears twice.
        case object([Member])
        case array([JSONValue])
        case string(String)
        /// The number exactly as written, so amounts keep every digit.
        case number(String)
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        public var key: String
        public var keyOffset: Int
        public var value: JSONValue
    }

    public var content: Content
    public var offset: Int

    init(_ content: Content, offset: Int) {
        self.content = content
        self.offset = offset
    }

    /// What the value is, for "expected …, found …" messages.
    public var kindDescription: String {
        switch content {
        case .object: "an object"
        case .array: "a list"
        case .string(let s): "text \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .number(let n): "the number \(n)"
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }
}
