import Catalogue

/// Cleans text read from XML, working on the UTF-8 bytes libxml2 hands over.
///
/// The rules are `VietnameseText.clean`'s: runs of Unicode white space (tabs, non-breaking spaces,
/// em spaces…) become one space, and ends are trimmed. Single-line values (names, titles, codes)
/// fold line breaks too, so a long name wrapped over two lines in an editor reads as one line; prose
/// (step text, descriptions, notes) keeps its line breaks, trims each line, and keeps at most one
/// blank line between paragraphs.
///
/// NFC: `InputText` composes the whole file before parsing, and any part of an NFC text cut at a
/// tag or quote is NFC, so values need no composing of their own — unless the file uses character
/// references (`&#x301;`), which can spell out decomposed text; then `composes` is set and every value
/// goes through `VietnameseText.nfc`.
struct XMLText {
    var composes: Bool

    func singleLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(unsafeUninitializedCapacity: bytes.count) { out in
            XMLText.fold(bytes, into: out, keepLines: false)
        }
        return composes ? VietnameseText.nfc(s) : s
    }

    func prose(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(unsafeUninitializedCapacity: bytes.count) { out in
            XMLText.fold(bytes, into: out, keepLines: true)
        }
        return composes ? VietnameseText.nfc(s) : s
    }

    /// `singleLine` of bytes known to be valid UTF-8 (from a `String` or a `JSONTree`): the result is
    /// made without checking them again. Cleaning cuts only at white space, so it stays valid.
    func singleLine(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = ValidUTF8.string(capacity: bytes.count) { XMLText.fold(bytes, into: $0, keepLines: false) }
        return composes ? VietnameseText.nfc(s) : s
    }

    /// `prose` of bytes known to be valid UTF-8.
    func prose(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = ValidUTF8.string(capacity: bytes.count) { XMLText.fold(bytes, into: $0, keepLines: true) }
        return composes ? VietnameseText.nfc(s) : s
    }

    /// Writes the cleaned bytes to `out` (never longer than the input) and returns their count.
    private static func fold(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, keepLines: Bool
    ) -> Int {
        guard let src = input.baseAddress, let dst = output.baseAddress else { return 0 }
        let n = input.count
        var written = 0
        var pendingSpace = false
        var pendingBreaks = 0  // line breaks seen since the last visible character (prose only)
        var i = 0
        while i < n {
            let b = src[i]
            // Most bytes: visible ASCII and UTF-8 continuation bytes, which are never white space.
            if b > 0x20 && b < 0xC2 {
                if written > 0 {
                    if pendingBreaks > 0 {
                        dst[written] = 0x0A
                        written += 1
                        if pendingBreaks > 1 {
                            dst[written] = 0x0A
                            written += 1
                        }
                    } else if pendingSpace {
                        dst[written] = 0x20
                        written += 1
                    }
                }
                pendingSpace = false
                pendingBreaks = 0
                // Copy the run of bytes that need no change — words and the single spaces between
                // them — in one go.
                var j = i + 1
                while j < n {
                    if isPlain(src, j, n) {
                        j += 1
                    } else if src[j] == 0x20, j + 1 < n, isPlain(src, j + 1, n) {
                        j += 2
                    } else {
                        break
                    }
                }
                (dst + written).update(from: src + i, count: j - i)
                written += j - i
                i = j
                continue
            }
            let (length, isBreak) = whitespace(input, i)
            if length > 0 {
                if keepLines && isBreak {
                    // \r\n counts once.
                    if !(b == 0x0A && i > 0 && src[i - 1] == 0x0D) { pendingBreaks += 1 }
                    pendingSpace = false
                } else if pendingBreaks == 0 {
                    pendingSpace = written > 0
                }
                i += length
                continue
            }
            if written > 0 {
                if pendingBreaks > 0 {
                    dst[written] = 0x0A
                    written += 1
                    if pendingBreaks > 1 {
                        dst[written] = 0x0A
                        written += 1
                    }
                } else if pendingSpace {
                    dst[written] = 0x20
                    written += 1
                }
            }
            pendingSpace = false
            pendingBreaks = 0
            dst[written] = b
            written += 1
            i += 1
        }
        return written
    }

    /// Whether the byte at `i` is part of a visible character: not white space, nor the first byte of a
    /// sequence that may be white space (those go through `whitespace`).
    @inline(__always)
    private static func isPlain(_ s: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let b = s[i]
        if b <= 0x20 { return false }
        if b < 0xC2 { return true }  // visible ASCII, continuation bytes
        let next: UInt8 = i + 1 < n ? s[i + 1] : 0
        switch b {
        case 0xC2: return next != 0x85 && next != 0xA0
        case 0xE1: return next != 0x9A
        case 0xE2: return next != 0x80 && next != 0x81
        case 0xE3: return next != 0x80
        default: return true
        }
    }

    /// The byte length of the white-space scalar at `i` (0 when there is none), and whether it breaks
    /// a line. Covers Unicode's White_Space property, which `Character.isWhitespace` uses.
    @inline(__always)
    static func whitespace(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool) {
        let b = s[i]
        switch b {
        case 0x20, 0x09: return (1, false)
        case 0x0A, 0x0B, 0x0C, 0x0D: return (1, true)
        case 0xC2:
            guard i + 1 < s.count else { return (0, false) }
            switch s[i + 1] {
            case 0x85: return (2, true)  // NEXT LINE
            case 0xA0: return (2, false)  // NO-BREAK SPACE
            default: return (0, false)
            }
        case 0xE1:
            guard i + 2 < s.count else { return (0, false) }
            return s[i + 1] == 0x9A && s[i + 2] == 0x80 ? (3, false) : (0, false)  // OGHAM SPACE MARK
        case 0xE2:
            guard i + 2 < s.count else { return (0, false) }
            let b1 = s[i + 1], b2 = s[i + 2]
            if b1 == 0x80 {
                switch b2 {
                case 0x80...0x8A, 0xAF: return (3, false)  // EN QUAD … HAIR SPACE, NARROW NO-BREAK SPACE
                case 0xA8, 0xA9: return (3, true)  // LINE / PARAGRAPH SEPARATOR
                default: return (0, false)
                }
            }
            return b1 == 0x81 && b2 == 0x9F ? (3, false) : (0, false)  // MEDIUM MATHEMATICAL SPACE
        case 0xE3:
            guard i + 2 < s.count else { return (0, false) }
            return s[i + 1] == 0x80 && s[i + 2] == 0x80 ? (3, false) : (0, false)  // IDEOGRAPHIC SPACE
        default:
            return (0, false)
        }
    }
}
