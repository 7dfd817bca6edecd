/// The `\uXXXX` escape of JSON text, shared by the scanner (`JSONScanner`) and the tree (`JSONTree`).
enum JSONEscape {
    /// The value of the four hex digits at `at`; nil when the text ends first or one is not a hex digit.
    /// Portal records spell every Vietnamese letter this way, so the four digits are read without a
    /// loop or a branch per digit.
    @inline(__always)
    static func hex4(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= p.count else { return nil }
        let d0 = digit(p[at]), d1 = digit(p[at + 1]), d2 = digit(p[at + 2]), d3 = digit(p[at + 3])
        // A byte that is not a hex digit reads as 0x100, which no four digits reach.
        guard (d0 | d1 | d2 | d3) < 16 else { return nil }
        return d0 << 12 | d1 << 8 | d2 << 4 | d3
    }

    /// A hex digit's value (either case), or 0x100.
    @inline(__always)
    private static func digit(_ b: UInt8) -> UInt32 {
        let decimal = UInt32(b) &- 0x30
        if decimal < 10 { return decimal }
        // 'A'–'F' and 'a'–'f' (setting bit 5 maps only 'A'–'F' onto 'a'–'f').
        let letter = (UInt32(b) | 0x20) &- 0x61
        return letter < 6 ? letter + 10 : 0x100
    }
}
