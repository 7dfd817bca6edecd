import Foundation

/// Writes pretty JSON straight into one UTF-8 buffer while the value is being encoded, byte for byte
/// what `JSONWriter`'s tree gives, without a node and a string per value.
///
/// Streaming is only possible while containers are used in nested (last opened, first finished)
/// order and every key is written once, which is what synthesized `Codable` always does. Anything
/// else the tree encoder allows — a key encoded twice (the later value replaces the earlier one in
/// place), a container written after a sibling was opened, a second container asked of one encoder,
/// a `superEncoder` — marks the attempt as failed, the rest of the encoding does nothing, and
/// `JSONWriter` encodes the value again with the tree, so the output stays exactly as before.
final class JSONStreamWriter {
    /// The JSON written so far.
    private(set) var out: [UInt8] = []
    /// Set when the value used its encoder in a way only the tree can reproduce.
    private(set) var failed = false

    /// An object or array whose closing bracket is still to be written.
    private struct Frame {
        var id: Int
        var isObject: Bool
        var count: Int
        /// Where this object's keys start in `keys`.
        var keysStart: Int
        /// The indentation of the line with the closing bracket.
        var indent: Int
    }

    private var frames: [Frame] = []
    /// The keys of the open objects, innermost last, to notice a key written twice.
    private var keys: [String] = []
    private var nextID = 1

    /// The value being written: the place right after a key (or an array's separator, or the start).
    private struct Slot {
        var id = 0
        var filled = false
        /// The frame that was innermost when the slot began; the value must open right there.
        var parent = 0
        /// `out.count` when the slot began; nothing may have been written since.
        var start = 0
        var indent = 0
    }

    private var slot = Slot()

    /// Coding paths as a parent chain, made into an array only when someone asks.
    private var pathParents: [Int] = []
    private var pathKeys: [any CodingKey] = []

    init() {
        out.reserveCapacity(8192)
    }

    // MARK: - Entry points

    /// `{"<rootKey>": value}` followed by a newline, or nil when only the tree can write it.
    static func write(_ value: some Encodable, rootKey: String) throws -> [UInt8]? {
        let writer = JSONStreamWriter()
        let root = writer.open(isObject: true, indent: 0)
        if writer.beginKey(in: root, rootKey) {
            try writer.encodeValue(value, path: -1)
        }
        return writer.finish()
    }

    /// The value followed by a newline, or nil when only the tree can write it.
    static func write(_ value: some Encodable) throws -> [UInt8]? {
        let writer = JSONStreamWriter()
        try writer.encodeValue(value, path: -1)
        return writer.finish()
    }

    private func finish() -> [UInt8]? {
        guard !failed else { return nil }
        while let frame = frames.popLast() { close(frame) }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    func fail() {
        failed = true
    }

    // MARK: - Frames

    private var topID: Int { frames.last?.id ?? 0 }

    private func open(isObject: Bool, indent: Int) -> Int {
        let id = nextID
        nextID += 1
        frames.append(Frame(id: id, isObject: isObject, count: 0, keysStart: keys.count, indent: indent))
        out.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return id
    }

    private func close(_ frame: Frame) {
        if frame.count > 0 {
            out.append(UInt8(ascii: "\n"))
            appendIndent(frame.indent)
        }
        out.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        if frame.isObject { keys.removeLast(keys.count - frame.keysStart) }
    }

    /// Makes the frame `id` the innermost one, finishing the frames opened inside it since (they are
    /// done once their parent writes its next value). False if that frame is already finished.
    private func makeInnermost(_ id: Int) -> Bool {
        if topID == id { return true }
        guard let index = frames.lastIndex(where: { $0.id == id }) else { return false }
        while frames.count > index + 1 { close(frames.removeLast()) }
        return true
    }

    /// Starts the next member of the object `id`: separator, indentation, the key and `: `.
    func beginKey(in id: Int, _ key: String) -> Bool {
        guard !failed else { return false }
        guard makeInnermost(id) else { fail(); return false }
        let top = frames.count - 1
        for index in frames[top].keysStart..<keys.count where keys[index] == key {
            // The tree replaces the earlier value in place; only it can do that.
            fail()
            return false
        }
        keys.append(key)
        separate(top)
        appendString(key)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        return true
    }

    /// Starts the next element of the array `id`; its index, or nil if the attempt failed.
    func beginElement(in id: Int) -> Int? {
        guard !failed else { return nil }
        guard makeInnermost(id) else { fail(); return nil }
        let index = frames[frames.count - 1].count
        separate(frames.count - 1)
        return index
    }

    private func separate(_ top: Int) {
        if frames[top].count == 0 {
            out.append(UInt8(ascii: "\n"))
        } else {
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: "\n"))
        }
        frames[top].count += 1
        appendIndent(frames[top].indent + 2)
    }

    /// The number of elements of the array `id`, if it is still open.
    func count(of id: Int) -> Int {
        guard !failed, let frame = frames.last(where: { $0.id == id }) else {
            fail()
            return 0
        }
        return frame.count
    }

    /// Opens an object or array right after a key or separator just written into `id`.
    func openNested(in id: Int, isObject: Bool) -> Int {
        guard !failed else { return -1 }
        return open(isObject: isObject, indent: frames[frames.count - 1].indent + 2)
    }

    // MARK: - Values

    /// Encodes a value into a new slot right after the key or separator just written.
    func encodeValue<T: Encodable>(_ value: T, path: Int) throws {
        let saved = slot
        defer { slot = saved }
        slot = Slot(id: nextID, filled: false, parent: topID, start: out.count, indent: frames.isEmpty ? 0 : frames[frames.count - 1].indent + 2)
        nextID += 1
        try encodeIntoSlot(value, slot: slot.id, path: path)
        if !failed && !slot.filled {
            // A value that encoded nothing: the tree writes it as an empty object.
            guard out.count == slot.start, topID == slot.parent else { fail(); return }
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Encodes a value into the current slot (a single-value container passing its value on).
    func encodeIntoSlot<T: Encodable>(_ value: T, slot id: Int, path: Int) throws {
        // Decimal's own Encodable writes its internal fields; JSON wants the number.
        if let decimal = value as? Decimal {
            fillScalar(slot: id, JSONWriter.decimalLiteral(decimal))
        } else {
            try value.encode(to: StreamEncoder(writer: self, slot: id, path: path))
        }
    }

    /// True if the slot `id` is the value being written and nothing has been put there yet.
    func canFill(slot id: Int) -> Bool {
        guard !failed else { return false }
        guard id == slot.id, !slot.filled, out.count == slot.start, topID == slot.parent else {
            fail()
            return false
        }
        return true
    }

    func fillScalar(slot id: Int, _ json: String) {
        guard canFill(slot: id) else { return }
        slot.filled = true
        out.append(contentsOf: json.utf8)
    }

    func fillString(slot id: Int, _ text: String) {
        guard canFill(slot: id) else { return }
        slot.filled = true
        appendString(text)
    }

    func fillContainer(slot id: Int, isObject: Bool) -> Int {
        guard canFill(slot: id) else { return -1 }
        slot.filled = true
        return open(isObject: isObject, indent: slot.indent)
    }

    /// Checks that the slot `id` is still the one being written, for a single-value container.
    func isCurrent(slot id: Int) -> Bool {
        guard !failed else { return false }
        guard id == slot.id, !slot.filled else { fail(); return false }
        return true
    }

    // MARK: - Scalars

    func append(_ json: String) {
        out.append(contentsOf: json.utf8)
    }

    func appendInteger(_ value: some BinaryInteger & CustomStringConvertible) {
        out.append(contentsOf: value.description.utf8)
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private func appendIndent(_ count: Int) {
        if count <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal, escaped exactly as `JSONWriter.appendString` escapes it, on UTF-8 bytes.
    func appendString(_ s: String) {
        Self.appendString(s, to: &out)
    }

    /// A JSON string literal appended to `out`, escaped exactly as `JSONWriter.appendString` escapes it.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { bytes in
            var pending = 0
            for index in 0..<bytes.count {
                let b = bytes[index]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if pending < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index])) }
                pending = index + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(Self.hexDigits[Int(b >> 4)])
                    out.append(Self.hexDigits[Int(b & 0x0F)])
                }
            }
            if pending < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: - Coding paths

    func path(_ parent: Int, _ key: some CodingKey) -> Int {
        pathParents.append(parent)
        pathKeys.append(key)
        return pathParents.count - 1
    }

    func codingPath(_ index: Int) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var index = index
        while index >= 0 {
            keys.append(pathKeys[index])
            index = pathParents[index]
        }
        return keys.reversed()
    }
}

// MARK: - Encoder and containers

private struct StreamEncoder: Encoder {
    let writer: JSONStreamWriter
    let slot: Int
    let path: Int
    var codingPath: [any CodingKey] { writer.codingPath(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = writer.fillContainer(slot: slot, isObject: true)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(writer: writer, id: id, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let id = writer.fillContainer(slot: slot, isObject: false)
        return StreamUnkeyedContainer(writer: writer, id: id, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleContainer(writer: writer, slot: slot, path: path)
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let id: Int
    let path: Int
    var codingPath: [any CodingKey] { writer.codingPath(path) }

    private func set(_ json: String, _ key: Key) {
        if writer.beginKey(in: id, key.stringValue) { writer.append(json) }
    }

    private func setInteger(_ value: some BinaryInteger & CustomStringConvertible, _ key: Key) {
        if writer.beginKey(in: id, key.stringValue) { writer.appendInteger(value) }
    }

    mutating func encodeNil(forKey key: Key) throws { set("null", key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(value ? "true" : "false", key) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        if writer.beginKey(in: id, key.stringValue) { writer.appendString(value) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(JSONWriter.floatingLiteral(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(JSONWriter.floatingLiteral(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { setInteger(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard writer.beginKey(in: id, key.stringValue) else { return }
        try writer.encodeValue(value, path: writer.path(path, key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        guard writer.beginKey(in: id, key.stringValue) else {
            return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(writer: writer, id: -1, path: path))
        }
        let nested = writer.openNested(in: id, isObject: true)
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(writer: writer, id: nested, path: writer.path(path, key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        guard writer.beginKey(in: id, key.stringValue) else {
            return StreamUnkeyedContainer(writer: writer, id: -1, path: path)
        }
        let nested = writer.openNested(in: id, isObject: false)
        return StreamUnkeyedContainer(writer: writer, id: nested, path: writer.path(path, key))
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail()
        return StreamEncoder(writer: writer, slot: -1, path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.fail()
        return StreamEncoder(writer: writer, slot: -1, path: path)
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let id: Int
    let path: Int
    var codingPath: [any CodingKey] { writer.codingPath(path) }
    var count: Int { writer.count(of: id) }

    private func append(_ json: String) {
        if writer.beginElement(in: id) != nil { writer.append(json) }
    }

    private func appendInteger(_ value: some BinaryInteger & CustomStringConvertible) {
        if writer.beginElement(in: id) != nil { writer.appendInteger(value) }
    }

    mutating func encodeNil() throws { append("null") }
    mutating func encode(_ value: Bool) throws { append(value ? "true" : "false") }
    mutating func encode(_ value: String) throws {
        if writer.beginElement(in: id) != nil { writer.appendString(value) }
    }
    mutating func encode(_ value: Double) throws { append(JSONWriter.floatingLiteral(value)) }
    mutating func encode(_ value: Float) throws { append(JSONWriter.floatingLiteral(value)) }
    mutating func encode(_ value: Int) throws { appendInteger(value) }
    mutating func encode(_ value: Int8) throws { appendInteger(value) }
    mutating func encode(_ value: Int16) throws { appendInteger(value) }
    mutating func encode(_ value: Int32) throws { appendInteger(value) }
    mutating func encode(_ value: Int64) throws { appendInteger(value) }
    mutating func encode(_ value: UInt) throws { appendInteger(value) }
    mutating func encode(_ value: UInt8) throws { appendInteger(value) }
    mutating func encode(_ value: UInt16) throws { appendInteger(value) }
    mutating func encode(_ value: UInt32) throws { appendInteger(value) }
    mutating func encode(_ value: UInt64) throws { appendInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard let index = writer.beginElement(in: id) else { return }
        try writer.encodeValue(value, path: writer.path(path, JSONWriter.IndexKey(index)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        guard let index = writer.beginElement(in: id) else {
            return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(writer: writer, id: -1, path: path))
        }
        let nested = writer.openNested(in: id, isObject: true)
        return KeyedEncodingContainer(
            StreamKeyedContainer<NestedKey>(writer: writer, id: nested, path: writer.path(path, JSONWriter.IndexKey(index))))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        guard let index = writer.beginElement(in: id) else {
            return StreamUnkeyedContainer(writer: writer, id: -1, path: path)
        }
        let nested = writer.openNested(in: id, isObject: false)
        return StreamUnkeyedContainer(writer: writer, id: nested, path: writer.path(path, JSONWriter.IndexKey(index)))
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail()
        return StreamEncoder(writer: writer, slot: -1, path: path)
    }
}

private struct StreamSingleContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let slot: Int
    let path: Int
    var codingPath: [any CodingKey] { writer.codingPath(path) }

    private func set(_ json: String) { writer.fillScalar(slot: slot, json) }

    mutating func encodeNil() throws { set("null") }
    mutating func encode(_ value: Bool) throws { set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.fillString(slot: slot, value) }
    mutating func encode(_ value: Double) throws { set(JSONWriter.floatingLiteral(value)) }
    mutating func encode(_ value: Float) throws { set(JSONWriter.floatingLiteral(value)) }
    mutating func encode(_ value: Int) throws { set(String(value)) }
    mutating func encode(_ value: Int8) throws { set(String(value)) }
    mutating func encode(_ value: Int16) throws { set(String(value)) }
    mutating func encode(_ value: Int32) throws { set(String(value)) }
    mutating func encode(_ value: Int64) throws { set(String(value)) }
    mutating func encode(_ value: UInt) throws { set(String(value)) }
    mutating func encode(_ value: UInt8) throws { set(String(value)) }
    mutating func encode(_ value: UInt16) throws { set(String(value)) }
    mutating func encode(_ value: UInt32) throws { set(String(value)) }
    mutating func encode(_ value: UInt64) throws { set(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard writer.isCurrent(slot: slot) else { return }
        try writer.encodeIntoSlot(value, slot: slot, path: path)
    }
}
