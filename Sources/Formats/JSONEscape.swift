/// The `\uXXXX` escape of JSON text, shared by the scanner (`JSONScanner`) and the tree (`JSONTree`).
enum JSONEscape {
    /// The value of the four hex digits at `at`; nil when the text ends first or one is not a hex digit.
    /// Portal records spell every Vietnamese letter this way (a million escapes in 500 records), so
    /// the four digits are loaded as one word and checked and converted together, without a branch
    /// per digit.
    @inline(__always)
    static func hex4(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= p.count else { return nil }
        let word = UInt32(littleEndian: UnsafeRawPointer(p.baseAddress! + at).loadUnaligned(as: UInt32.self))
        return hex4(word: word)
    }

    /// Whether the four bytes at `at` are hex digits: `hex4(_:at:) != nil`, without working out the value.
    @inline(__always)
    static func isHex4(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        guard at >= 0, at + 4 <= p.count else { return false }
        let w = UInt32(littleEndian: UnsafeRawPointer(p.baseAddress! + at).loadUnaligned(as: UInt32.self))
        let digit = (w &+ 0x5050_5050) & ~(w &+ 0x4646_4646)
        let folded = w | 0x2020_2020
        let letter = (folded &+ 0x1F1F_1F1F) & ~(folded &+ 0x1919_1919)
        return w & 0x8080_8080 == 0 && (digit | letter) & 0x8080_8080 == 0x8080_8080
    }

    /// The value of the four bytes at `at`, which the caller has checked are hex digits (the tree
    /// resolving escapes it checked when it was built).
    @inline(__always)
    static func checkedHex4(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32 {
        let w = UInt32(littleEndian: UnsafeRawPointer(p.baseAddress! + at).loadUnaligned(as: UInt32.self))
        return value(w)
    }

    /// The value of four hex digits in a word, first digit in the lowest byte.
    @inline(__always)
    private static func value(_ w: UInt32) -> UInt32 {
        // Each digit's value: its low four bits, plus 9 for a letter (bit 6 set: 0x41… and 0x61…).
        let n = (w & 0x0F0F_0F0F) &+ ((w >> 6) & 0x0101_0101) &* 9
        return (n & 0xFF) << 12 | (n >> 8 & 0xFF) << 8 | (n >> 16 & 0xFF) << 4 | n >> 24
    }

    /// The value of four hex digits (either case) held in a word, the first digit in its lowest byte;
    /// nil when a byte is not a hex digit.
    @inline(__always)
    static func hex4(word w: UInt32) -> UInt32? {
        // With every byte under 0x80 no sum below carries from one byte into the next: bit 7 of a
        // byte of `w + (0x80 - lo)` is set exactly when that byte is at least `lo`.
        let digit = (w &+ 0x5050_5050) & ~(w &+ 0x4646_4646)  // '0'...'9'
        let folded = w | 0x2020_2020  // 'A'...'F' onto 'a'...'f'
        let letter = (folded &+ 0x1F1F_1F1F) & ~(folded &+ 0x1919_1919)  // 'a'...'f'
        guard w & 0x8080_8080 == 0, (digit | letter) & 0x8080_8080 == 0x8080_8080 else { return nil }
        return value(w)
    }
}
