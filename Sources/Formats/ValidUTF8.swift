/// Strings made from bytes already known to be valid UTF-8, without checking them again.
///
/// `String(decoding:as:)` and `String(unsafeUninitializedCapacity:…)` validate every byte, about ten
/// instructions a byte for Vietnamese text; the importer makes a string of every value it keeps
/// from bytes that `JSONTree` has checked (or decoded from its own checked escapes), so that second
/// check was most of the cost of making them.
public enum ValidUTF8 {
    /// A string of `bytes`, which must be valid UTF-8 (a caller's promise: it is not checked).
    @inline(__always)
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        return String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    /// A string of at most `capacity` bytes written by `body` (which returns how many it wrote), which
    /// must be valid UTF-8.
    @inline(__always)
    public static func string(
        capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) -> String {
        guard capacity > 0 else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
            let n = body(out)
            return string(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }
}
