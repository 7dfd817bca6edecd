/// A compact binary encoding of any `Encodable`, for the load cache (`DecisionCache`): much faster to
/// read back than the XML or JSON a decision came from, because nothing is parsed, validated or
/// normalised again. Not an exchange format: only `CompactDecoder` of the same build reads it.
///
/// Every value is a tag byte, a length (LEB128) and that many bytes, so a decoder can skip any value:
/// - `0` nil (no bytes);
/// - `1` a primitive: a string's UTF-8, a number's 8 little-endian bytes, a Bool's one byte;
/// - `2` a keyed container: for each entry the key (length, UTF-8) then the value;
/// - `3` an unkeyed container: the values one after another.
///
/// `codingPath` stays empty: nothing here can fail, so no message needs it, and building a path for
/// every value was a tenth of the cost of filling the cache (the model's encoders do not read it).
public enum CompactEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = CompactNode()
        try value.encode(to: CompactNodeEncoder(node: root, codingPath: []))
        let size = root.measure()
        var out: [UInt8] = []
        out.reserveCapacity(size)
        root.write(into: &out)
        return out
    }

    static func appendLength(_ n: Int, to out: inout [UInt8]) {
        var n = UInt(n)
        while n >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: n) | 0x80)
            n >>= 7
        }
        out.append(UInt8(n))
    }
}

/// A value being encoded: containers are filled after they are handed out, so they are references.
final class CompactNode {
    enum Content {
        case empty
        case null
        case primitive([UInt8])
        /// A string, written as its UTF-8 (kept as a String: no byte array per value).
        case string(String)
        /// A number's 8 little-endian bytes.
        case number(UInt64)
        case keyed([(String, CompactNode)])
        case unkeyed([CompactNode])
    }

    var content: Content = .empty
    /// A container's payload size in bytes, set by `measure()` before `write(into:)`.
    private var payload = 0

    /// The bytes `write(into:)` will append for this value (tag, length and payload), measuring every
    /// container below on the way, so that each length is written before its payload and nothing is
    /// moved afterwards.
    @discardableResult
    func measure() -> Int {
        switch content {
        case .empty, .null:
            return 2
        case .primitive(let bytes):
            return 1 + Self.lengthSize(bytes.count) + bytes.count
        case .string(let text):
            let count = text.utf8.count
            return 1 + Self.lengthSize(count) + count
        case .number:
            return 1 + 1 + 8
        case .keyed(let entries):
            var total = 0
            for (key, value) in entries {
                let count = key.utf8.count
                total += Self.lengthSize(count) + count + value.measure()
            }
            payload = total
            return 1 + Self.lengthSize(total) + total
        case .unkeyed(let values):
            var total = 0
            for value in values { total += value.measure() }
            payload = total
            return 1 + Self.lengthSize(total) + total
        }
    }

    static func lengthSize(_ n: Int) -> Int {
        var n = UInt(n)
        var size = 1
        while n >= 0x80 { n >>= 7; size += 1 }
        return size
    }

    /// Appends the value; `measure()` must have been called on the root first.
    func write(into out: inout [UInt8]) {
        switch content {
        case .empty, .null:
            out.append(0)
            out.append(0)
        case .primitive(let bytes):
            out.append(1)
            CompactEncoder.appendLength(bytes.count, to: &out)
            out.append(contentsOf: bytes)
        case .string(var text):
            out.append(1)
            text.withUTF8 { utf8 in
                CompactEncoder.appendLength(utf8.count, to: &out)
                out.append(contentsOf: utf8)
            }
        case .number(let value):
            out.append(1)
            out.append(8)
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        case .keyed(let entries):
            out.append(2)
            CompactEncoder.appendLength(payload, to: &out)
            for (key, value) in entries {
                var key = key
                key.withUTF8 { utf8 in
                    CompactEncoder.appendLength(utf8.count, to: &out)
                    out.append(contentsOf: utf8)
                }
                value.write(into: &out)
            }
        case .unkeyed(let values):
            out.append(3)
            CompactEncoder.appendLength(payload, to: &out)
            for value in values { value.write(into: &out) }
        }
    }

    func keyedEntries() -> [(String, CompactNode)] {
        if case .keyed(let entries) = content { return entries }
        return []
    }

    func append(key: String) -> CompactNode {
        let child = CompactNode()
        var entries = keyedEntries()
        content = .empty
        entries.append((key, child))
        content = .keyed(entries)
        return child
    }

    func append() -> CompactNode {
        let child = CompactNode()
        var values: [CompactNode] = []
        if case .unkeyed(let existing) = content { values = existing }
        content = .empty
        values.append(child)
        content = .unkeyed(values)
        return child
    }

    var unkeyedCount: Int {
        if case .unkeyed(let values) = content { return values.count }
        return 0
    }
}

struct CompactNodeEncoder: Encoder {
    let node: CompactNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.content {} else { node.content = .keyed([]) }
        return KeyedEncodingContainer(CompactKeyedEncoder<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
        return CompactUnkeyedEncoder(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactSingleEncoder(node: node, codingPath: codingPath)
    }
}

struct CompactSingleEncoder: SingleValueEncodingContainer {
    let node: CompactNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .primitive([value ? 1 : 0]) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Double) throws { node.content = .number(value.bitPattern) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int8) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .number(UInt64(bitPattern: value)) }
    mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .number(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: CompactNodeEncoder(node: node, codingPath: codingPath))
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: CompactNode
    let codingPath: [any CodingKey]

    private func single(_ key: Key) -> CompactSingleEncoder {
        CompactSingleEncoder(node: node.append(key: key.stringValue), codingPath: codingPath)
    }

    mutating func encodeNil(forKey key: Key) throws { var s = single(key); try s.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var s = single(key); try s.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var s = single(key); try s.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        CompactNodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CompactNodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        CompactNodeEncoder(node: node.append(key: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        CompactNodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath)
    }
}

struct CompactUnkeyedEncoder: UnkeyedEncodingContainer {
    let node: CompactNode
    let codingPath: [any CodingKey]
    var count: Int { node.unkeyedCount }

    private func single() -> CompactSingleEncoder { CompactSingleEncoder(node: node.append(), codingPath: codingPath) }

    mutating func encodeNil() throws { var s = single(); try s.encodeNil() }
    mutating func encode(_ value: Bool) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: String) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Double) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Float) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Int) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Int8) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Int16) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Int32) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: Int64) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: UInt) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: UInt8) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: UInt16) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: UInt32) throws { var s = single(); try s.encode(value) }
    mutating func encode(_ value: UInt64) throws { var s = single(); try s.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { var s = single(); try s.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        CompactNodeEncoder(node: node.append(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactNodeEncoder(node: node.append(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        CompactNodeEncoder(node: node.append(), codingPath: codingPath)
    }
}
