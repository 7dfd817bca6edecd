/// A compact binary encoding of any `Encodable`, for the load cache (`DecisionCache`): much faster to
/// read back than the XML or JSON a decision came from, because nothing is parsed, validated or
/// normalised again. Not an exchange format: only `CompactDecoder` of the same build reads it.
///
/// Every value is a tag byte, a length (LEB128) and that many bytes, so a decoder can skip any value:
/// - `0` nil (no bytes);
/// - `1` a primitive: a string's UTF-8, a number's 8 little-endian bytes, a Bool's one byte;
/// - `2` a keyed container: for each entry the key (length, UTF-8) then the value;
/// - `3` an unkeyed container: the values one after another.
public enum CompactEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = CompactNode()
        try value.encode(to: CompactNodeEncoder(node: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(4096)
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
        case keyed([(String, CompactNode)])
        case unkeyed([CompactNode])
    }

    var content: Content = .empty

    func write(into out: inout [UInt8]) {
        switch content {
        case .empty, .null:
            out.append(0)
            out.append(0)
        case .primitive(let bytes):
            out.append(1)
            CompactEncoder.appendLength(bytes.count, to: &out)
            out.append(contentsOf: bytes)
        case .keyed(let entries):
            writeContainer(tag: 2, into: &out) { out in
                for (key, value) in entries {
                    var key = key
                    key.withUTF8 { utf8 in
                        CompactEncoder.appendLength(utf8.count, to: &out)
                        out.append(contentsOf: utf8)
                    }
                    value.write(into: &out)
                }
            }
        case .unkeyed(let values):
            writeContainer(tag: 3, into: &out) { out in
                for value in values { value.write(into: &out) }
            }
        }
    }

    /// Writes the payload first, then moves it to make room for its length.
    private func writeContainer(tag: UInt8, into out: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        out.append(tag)
        let start = out.count
        body(&out)
        var length: [UInt8] = []
        CompactEncoder.appendLength(out.count - start, to: &length)
        out.insert(contentsOf: length, at: start)
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

/// The bytes of primitives.
enum CompactPrimitive {
    static func bytes(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}

struct CompactSingleEncoder: SingleValueEncodingContainer {
    let node: CompactNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .primitive([value ? 1 : 0]) }
    mutating func encode(_ value: String) throws { node.content = .primitive(CompactPrimitive.bytes(value)) }
    mutating func encode(_ value: Double) throws { node.content = .primitive(CompactPrimitive.bytes(value.bitPattern)) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int8) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .primitive(CompactPrimitive.bytes(UInt64(bitPattern: value))) }
    mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .primitive(CompactPrimitive.bytes(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: CompactNodeEncoder(node: node, codingPath: codingPath))
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: CompactNode
    let codingPath: [any CodingKey]

    private func single(_ key: Key) -> CompactSingleEncoder {
        CompactSingleEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key])
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
        CompactNodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CompactNodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        CompactNodeEncoder(node: node.append(key: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        CompactNodeEncoder(node: node.append(key: key.stringValue), codingPath: codingPath + [key])
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
