import Foundation

/// Reads what `CompactEncoder` wrote. Any malformed input (truncated, wrong tag, a length past the
/// end) throws `CompactDecoder.Malformed` rather than trapping, so a damaged cache file is only a miss.
public enum CompactDecoder {
    public struct Malformed: Error, Sendable {}

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>) throws -> T {
        var reader = CompactReader(bytes: bytes, position: 0, end: bytes.count)
        let value = try reader.value()
        guard reader.position == bytes.count else { throw Malformed() }
        return try T(from: CompactValueDecoder(source: CompactSource(bytes), value: value))
    }
}

/// The bytes being decoded: only their start, one word with no reference counting, so a decoder
/// (this and a value, three words) sits in an existential without an allocation. Every read stays
/// inside a value's range, and the outermost range is the whole buffer, which outlives the decoding.
struct CompactSource {
    let base: UnsafePointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
    }

    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// A reader over a value's payload.
    func reader(_ start: Int, _ end: Int) -> CompactReader {
        CompactReader(bytes: UnsafeBufferPointer(start: base, count: end), position: start, end: end)
    }
}

/// One encoded value: its tag and where its payload lies, in two words (the tag in the low bits).
struct CompactValue {
    var start: Int
    private var endAndTag: Int

    init(tag: UInt8, start: Int, end: Int) {
        self.start = start
        endAndTag = end << 2 | Int(tag)
    }

    var tag: UInt8 { UInt8(endAndTag & 3) }
    var end: Int { endAndTag >> 2 }
}

struct CompactReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    var atEnd: Bool { position >= end }

    mutating func length() throws -> Int {
        var result = 0
        var shift = 0
        while true {
            guard position < end, shift < 63 else { throw CompactDecoder.Malformed() }
            let b = bytes[position]
            position += 1
            result |= Int(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func value() throws -> CompactValue {
        guard position < end else { throw CompactDecoder.Malformed() }
        let tag = bytes[position]
        position += 1
        guard tag <= 3 else { throw CompactDecoder.Malformed() }
        let n = try length()
        guard n <= end - position else { throw CompactDecoder.Malformed() }
        let v = CompactValue(tag: tag, start: position, end: position + n)
        position += n
        return v
    }

    /// A key's bytes.
    mutating func key() throws -> Range<Int> {
        let n = try length()
        guard n <= end - position else { throw CompactDecoder.Malformed() }
        defer { position += n }
        return position..<(position + n)
    }
}

/// Decoders keep no coding path (the cache only needs to know that an entry is unusable, not where).
struct CompactValueDecoder: Decoder {
    let source: CompactSource
    let value: CompactValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard value.tag == 2 else { throw CompactDecoder.Malformed() }
        return KeyedDecodingContainer(CompactKeyedDecoder<Key>(source: source, value: value))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard value.tag == 3 else { throw CompactDecoder.Malformed() }
        return CompactUnkeyedDecoder(source: source, value: value)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleDecoder(source: source, value: value)
    }
}

struct CompactSingleDecoder: SingleValueDecodingContainer {
    let source: CompactSource
    let value: CompactValue
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { value.tag == 0 }

    private func primitive(_ size: Int? = nil) throws -> UnsafeBufferPointer<UInt8> {
        guard value.tag == 1 else { throw CompactDecoder.Malformed() }
        if let size, value.end - value.start != size { throw CompactDecoder.Malformed() }
        return source[value.start..<value.end]
    }

    private func word() throws -> UInt64 {
        let raw = try primitive(8)
        return UInt64(littleEndian: UnsafeRawPointer(raw.baseAddress!).loadUnaligned(as: UInt64.self))
    }

    private func signed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        guard let v = T(exactly: Int64(bitPattern: try word())) else { throw CompactDecoder.Malformed() }
        return v
    }

    private func unsigned<T: FixedWidthInteger>(_: T.Type) throws -> T {
        guard let v = T(exactly: try word()) else { throw CompactDecoder.Malformed() }
        return v
    }

    func decode(_ type: Bool.Type) throws -> Bool { try primitive(1)[0] != 0 }
    func decode(_ type: String.Type) throws -> String {
        let raw = try primitive()
        guard let s = String(validating: raw, as: UTF8.self) else { throw CompactDecoder.Malformed() }
        return s
    }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try word()) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try signed(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try signed(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try signed(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try signed(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try signed(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try unsigned(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unsigned(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unsigned(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unsigned(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try word() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try decode(String.self) as! T }
        return try T(from: CompactValueDecoder(source: source, value: value))
    }
}

/// A keyed container finds a key by scanning its entries (containers hold a handful of keys, and
/// decoders ask for them mostly in the order they were written, so the scan starts after the last
/// key found).
struct CompactKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: CompactSource
    let value: CompactValue
    var codingPath: [any CodingKey] { [] }

    init(source: CompactSource, value: CompactValue) {
        self.source = source
        self.value = value
    }

    var allKeys: [Key] {
        var out: [Key] = []
        var reader = source.reader(value.start, value.end)
        while !reader.atEnd {
            guard let range = try? reader.key(), (try? reader.value()) != nil else { break }
            if let key = Key(stringValue: String(decoding: source[range], as: UTF8.self)) {
                out.append(key)
            }
        }
        return out
    }

    private func find(_ key: Key) throws -> CompactValue? {
        var name = key.stringValue
        let base = source.base
        return try name.withUTF8 { utf8 -> CompactValue? in
            var reader = source.reader(value.start, value.end)
            while !reader.atEnd {
                let range = try reader.key()
                let v = try reader.value()
                if range.count == utf8.count,
                   range.isEmpty || memcmp(base + range.lowerBound, utf8.baseAddress!, range.count) == 0
                {
                    return v
                }
            }
            return nil
        }
    }

    private func required(_ key: Key) throws -> CompactValue {
        guard let v = try find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "missing in the cache entry"))
        }
        return v
    }

    private func single(_ key: Key) throws -> CompactSingleDecoder {
        CompactSingleDecoder(source: source, value: try required(key))
    }

    func contains(_ key: Key) -> Bool { ((try? find(key)) ?? nil) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try required(key).tag == 0 }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try single(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try single(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try single(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try single(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try single(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try single(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try single(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try single(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try single(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try single(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try single(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try single(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try single(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try single(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try single(key).decode(type) }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let v = try find(key), v.tag != 0 else { return nil }
        return try CompactSingleDecoder(source: source, value: v).decode(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = try find(key), v.tag != 0 else { return nil }
        return try CompactSingleDecoder(source: source, value: v).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try CompactValueDecoder(source: source, value: try required(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try CompactValueDecoder(source: source, value: try required(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let v = try find(Key(stringValue: "super") ?? Key(intValue: 0)!) else { throw CompactDecoder.Malformed() }
        return CompactValueDecoder(source: source, value: v)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        CompactValueDecoder(source: source, value: try required(key))
    }
}

/// Reads values one after another. A class: it moves through its bytes as it is read.
final class CompactUnkeyedDecoder: UnkeyedDecodingContainer {
    let source: CompactSource
    private var position: Int
    private let end: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    /// Unknown until read to the end (Swift's collections only use it as a hint).
    var count: Int? { nil }

    init(source: CompactSource, value: CompactValue) {
        self.source = source
        position = value.start
        end = value.end
    }

    var isAtEnd: Bool { position >= end }

    private func next() throws -> CompactValue {
        var reader = source.reader(position, end)
        let v = try reader.value()
        position = reader.position
        currentIndex += 1
        return v
    }

    private func single() throws -> CompactSingleDecoder {
        CompactSingleDecoder(source: source, value: try next())
    }

    func decodeNil() throws -> Bool {
        var probe = source.reader(position, end)
        guard try probe.value().tag == 0 else { return false }
        position = probe.position
        currentIndex += 1
        return true
    }

    func decode(_ type: Bool.Type) throws -> Bool { try single().decode(type) }
    func decode(_ type: String.Type) throws -> String { try single().decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try single().decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try single().decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try single().decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try single().decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try single().decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try single().decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try single().decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try single().decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try single().decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try single().decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try single().decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try single().decode(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try single().decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try CompactValueDecoder(source: source, value: try next()).container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try CompactValueDecoder(source: source, value: try next()).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        CompactValueDecoder(source: source, value: try next())
    }
}
