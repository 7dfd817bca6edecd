/// The `\uXXXX` escape of JSON text, shared by the scanner (`JSONScanner`) and the tree (`JSONTree`).
enum JSONEscape {
    /// The value of the four hex digits at `at`; nil when the text ends first or one is not a hex digit.
    @inline(__always)
    static func hex4(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= p.count else { return nil }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let b = p[k]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value * 16 + digit
        }
        return value
    }
}
