import Foundation

/// Writes `Encodable` values as deterministic, pretty-printed JSON.
///
/// Foundation's `JSONEncoder` on Linux writes an object's keys in hash order, different from run to
/// run, unless told to sort them alphabetically; neither suits files people edit and diff. This
/// encoder keeps the keys in the order the model encodes them (its declaration order), writes
/// `Decimal`s digit for digit as JSON numbers, leaves `/` and non-ASCII text unescaped, indents by two
/// spaces and ends with a newline.
enum JSONWriter {
    /// `{"<rootKey>": value}`, pretty-printed.
    ///
    /// Written by `JSONStreamWriter` straight into a buffer; a value that uses its encoder in a way
    /// only the tree can reproduce (a key twice, containers out of order) is written with the tree.
    static func write(_ value: some Encodable, rootKey: String) -> String {
        do {
            if let bytes = try JSONStreamWriter.write(value, rootKey: rootKey) {
                return String(decoding: bytes, as: UTF8.self)
            }
        } catch {
            preconditionFailure("the model could not be encoded as JSON: \(error)")
        }
        return treeWrite(value, rootKey: rootKey)
    }

    /// The value itself, pretty-printed (streamed, or with the tree when only it can write the value).
    static func write(_ value: some Encodable) -> String {
        do {
            if let bytes = try JSONStreamWriter.write(value) {
                return String(decoding: bytes, as: UTF8.self)
            }
        } catch {
            preconditionFailure("the model could not be encoded as JSON: \(error)")
        }
        return treeWrite(value)
    }

    /// `{"<rootKey>": value}` built as a tree of nodes and then printed: the reference the streaming
    /// writer must match byte for byte, and the fallback for values it cannot stream.
    static func treeWrite(_ value: some Encodable, rootKey: String) -> String {
        let root = Node()
        root.makeObject()
        let child = Node()
        root.keys.append(rootKey)
        root.children.append(child)
        return write(root: root, value: value, into: child)
    }

    /// The value itself, built as a tree and printed.
    static func treeWrite(_ value: some Encodable) -> String {
        let root = Node()
        return write(root: root, value: value, into: root)
    }

    private static func write(root: Node, value: some Encodable, into child: Node) -> String {
        do {
            try TreeEncoder.encode(value, into: child, codingPath: [])
        } catch {
            // The tree encoder itself never throws; only a model type's own `encode(to:)` could.
            preconditionFailure("the model could not be encoded as JSON: \(error)")
        }
        var out = ""
        out.reserveCapacity(4096)
        print(root, indent: 0, into: &out)
        out += "\n"
        return out
    }

    // MARK: - The tree

    /// A JSON value under construction. Scalars are kept already written as JSON text.
    final class Node {
        enum Kind { case unset, scalar, array, object }
        var kind = Kind.unset
        var scalar = ""
        var keys: [String] = []
        var children: [Node] = []

        func makeObject() {
            if kind != .object { kind = .object; keys = []; children = [] }
        }

        func makeArray() {
            if kind != .array { kind = .array; keys = []; children = [] }
        }

        func set(_ json: String) {
            kind = .scalar
            scalar = json
        }

        /// The node for a key, replacing an earlier value under the same key.
        func child(for key: String) -> Node {
            makeObject()
            let node = Node()
            if let existing = keys.firstIndex(of: key) {
                children[existing] = node
            } else {
                keys.append(key)
                children.append(node)
            }
            return node
        }

        func appended() -> Node {
            makeArray()
            let node = Node()
            children.append(node)
            return node
        }
    }

    // MARK: - Printing

    private static func print(_ node: Node, indent: Int, into out: inout String) {
        switch node.kind {
        case .scalar:
            out += node.scalar
        case .unset:
            // A value that encoded nothing; JSONEncoder writes it as an empty object too.
            out += "{}"
        case .array:
            guard !node.children.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (n, child) in node.children.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                print(child, indent: indent + 2, into: &out)
                out += n + 1 < node.children.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object:
            guard !node.children.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (n, child) in node.children.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                appendString(node.keys[n], to: &out)
                out += ": "
                print(child, indent: indent + 2, into: &out)
                out += n + 1 < node.children.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        var pending = s.utf8.startIndex
        var index = pending
        let utf8 = s.utf8
        while index < utf8.endIndex {
            let b = utf8[index]
            let escape: String? = switch b {
            case UInt8(ascii: "\""): #"\""#
            case UInt8(ascii: "\\"): #"\\"#
            case 0x0A: #"\n"#
            case 0x0D: #"\r"#
            case 0x09: #"\t"#
            case 0x08: #"\b"#
            case 0x0C: #"\f"#
            case 0..<0x20: "\\u00" + (b < 0x10 ? "0" : "") + String(b, radix: 16)
            default: nil
            }
            if let escape {
                out += s[pending..<index]
                out += escape
                pending = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += s[pending..<utf8.endIndex]
        out += "\""
    }

    static func stringLiteral(_ s: String) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }

    /// A decimal as a JSON number, exactly as the decimal holds it (`Decimal.description` never uses an
    /// exponent). Not-a-number has no JSON form: it is written as null, which reading refuses.
    static func decimalLiteral(_ d: Decimal) -> String {
        d.isNaN ? "null" : d.description
    }

    static func floatingLiteral<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) -> String {
        value.isFinite ? value.description : "null"
    }

    // MARK: - Encoder

    private struct TreeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        static func encode<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
            // Decimal's own Encodable writes its internal fields; JSON wants the number.
            if let decimal = value as? Decimal {
                node.set(decimalLiteral(decimal))
            } else {
                try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.makeObject()
            return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.makeArray()
            return UnkeyedContainer(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleContainer(node: node, codingPath: codingPath)
        }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        private func set(_ json: String, _ key: Key) { node.child(for: key.stringValue).set(json) }

        mutating func encodeNil(forKey key: Key) throws { set("null", key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(value ? "true" : "false", key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(stringLiteral(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(floatingLiteral(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { set(floatingLiteral(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { set(String(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { set(String(value), key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try TreeEncoder.encode(value, into: node.child(for: key.stringValue), codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = node.child(for: key.stringValue)
            child.makeObject()
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.child(for: key.stringValue)
            child.makeArray()
            return UnkeyedContainer(node: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            TreeEncoder(node: node.child(for: "super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            TreeEncoder(node: node.child(for: key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct IndexKey: CodingKey {
        var stringValue: String { "Index \(intValue!)" }
        var intValue: Int?
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.children.count }

        private func append(_ json: String) { node.appended().set(json) }

        mutating func encodeNil() throws { append("null") }
        mutating func encode(_ value: Bool) throws { append(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { append(stringLiteral(value)) }
        mutating func encode(_ value: Double) throws { append(floatingLiteral(value)) }
        mutating func encode(_ value: Float) throws { append(floatingLiteral(value)) }
        mutating func encode(_ value: Int) throws { append(String(value)) }
        mutating func encode(_ value: Int8) throws { append(String(value)) }
        mutating func encode(_ value: Int16) throws { append(String(value)) }
        mutating func encode(_ value: Int32) throws { append(String(value)) }
        mutating func encode(_ value: Int64) throws { append(String(value)) }
        mutating func encode(_ value: UInt) throws { append(String(value)) }
        mutating func encode(_ value: UInt8) throws { append(String(value)) }
        mutating func encode(_ value: UInt16) throws { append(String(value)) }
        mutating func encode(_ value: UInt32) throws { append(String(value)) }
        mutating func encode(_ value: UInt64) throws { append(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let path = codingPath + [IndexKey(count)]
            try TreeEncoder.encode(value, into: node.appended(), codingPath: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let path = codingPath + [IndexKey(count)]
            let child = node.appended()
            child.makeObject()
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let path = codingPath + [IndexKey(count)]
            let child = node.appended()
            child.makeArray()
            return UnkeyedContainer(node: child, codingPath: path)
        }

        mutating func superEncoder() -> any Encoder {
            let path = codingPath + [IndexKey(count)]
            return TreeEncoder(node: node.appended(), codingPath: path)
        }
    }

    private struct SingleContainer: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.set("null") }
        mutating func encode(_ value: Bool) throws { node.set(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { node.set(stringLiteral(value)) }
        mutating func encode(_ value: Double) throws { node.set(floatingLiteral(value)) }
        mutating func encode(_ value: Float) throws { node.set(floatingLiteral(value)) }
        mutating func encode(_ value: Int) throws { node.set(String(value)) }
        mutating func encode(_ value: Int8) throws { node.set(String(value)) }
        mutating func encode(_ value: Int16) throws { node.set(String(value)) }
        mutating func encode(_ value: Int32) throws { node.set(String(value)) }
        mutating func encode(_ value: Int64) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt8) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt16) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt32) throws { node.set(String(value)) }
        mutating func encode(_ value: UInt64) throws { node.set(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try TreeEncoder.encode(value, into: node, codingPath: codingPath)
        }
    }
}
