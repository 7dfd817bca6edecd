/// Where one member's key lies in a record's bytes.
struct KeySpan {
    /// The key's literal, quotes included: `start..<end`.
    var start: Int
    var end: Int
    var escaped: Bool
    /// A hash of the key's bytes: one comparison rules out almost every other key.
    var hash: UInt64
}

/// The sizes of a `KeyTable`'s parts.
struct KeyTableSizes {
    var keys: Int
    var slots: Int
}

/// The look-up table of one object of a portal record (`PortalObject`): its key spans, hash slots
/// and read flags in one allocation, tail-allocated after the sizes. The slots and flags follow the
/// spans, in cells of a span's size.
final class KeyTable: ManagedBuffer<KeyTableSizes, KeySpan> {
    static func make(keys: Int, slots: Int) -> KeyTable {
        let stride = MemoryLayout<KeySpan>.stride
        let extraBytes = slots * MemoryLayout<Int32>.stride + keys * MemoryLayout<Bool>.stride
        let cells = keys + (extraBytes + stride - 1) / stride
        let buffer = create(minimumCapacity: max(1, cells)) { _ in KeyTableSizes(keys: keys, slots: slots) }
        let table = unsafeDowncast(buffer, to: KeyTable.self)
        table.withUnsafeMutablePointerToElements { elements in
            // Zero the slots and flags (the spans are written by the owner).
            let raw = UnsafeMutableRawPointer(elements + keys)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: extraBytes)
        }
        return table
    }

    /// The spans, slots and flags. Valid while the table lives (its owner keeps it).
    func pointers(keys: Int, slots: Int) -> (UnsafeMutablePointer<KeySpan>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Bool>) {
        withUnsafeMutablePointerToElements { elements in
            let raw = UnsafeMutableRawPointer(elements + keys)
            let slotPointer = raw.bindMemory(to: Int32.self, capacity: slots)
            let flags = (raw + slots * MemoryLayout<Int32>.stride).bindMemory(to: Bool.self, capacity: keys)
            return (elements, slotPointer, flags)
        }
    }
}
