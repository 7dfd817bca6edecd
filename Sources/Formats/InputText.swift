import Catalogue
import Foundation

/// Turns a file's bytes into NFC text, refusing what is not UTF-8 with a message that says how to fix it.
///
/// Decisions come from word processors and other systems: UTF-16 exports, legacy TCVN3 (ABC) and VNI
/// 8-bit encodings (DOMAIN.md §7), and decomposed Unicode all happen. We refuse the first two rather
/// than guess, and compose the third.
public enum InputText {
    /// Files larger than this are refused before parsing: a decision is a few hundred kilobytes, and the
    /// synthetic national catalogue is split into files well under it.
    public static let maximumBytes = 32 * 1024 * 1024

    public static func decode(_ bytes: [UInt8], file: String) throws(FormatError) -> String {
        if bytes.count > maximumBytes {
            throw FormatError(.error(
                "the file is \(bytes.count / (1024 * 1024)) MiB, over the \(maximumBytes / (1024 * 1024)) MiB limit for one file; split the decision into several files",
                at: SourceLocation(file: file)))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw FormatError(.error(
                "the file is UTF-16; save it as UTF-8 (in LibreOffice or Notepad: Save As, encoding UTF-8)",
                at: SourceLocation(file: file, line: 1, column: 1)))
        }
        // The usual case: valid UTF-8 with no NUL, checked by the standard library in one fast pass.
        if let text = body.withUnsafeBufferPointer({ buffer -> String? in
            guard let base = buffer.baseAddress, memchr(base, 0, buffer.count) == nil else { return nil }
            return String(validating: buffer, as: UTF8.self)
        }) {
            return isSurelyNFC(utf8: body) ? text : text.precomposedStringWithCanonicalMapping
        }
        if body.isEmpty { return "" }
        // Otherwise find the first bad byte, to say where it is.
        var line = 1, column = 1
        var index = body.startIndex
        while index < body.endIndex {
            let b = body[index]
            if b == 0 {
                throw FormatError(.error(
                    "the file holds a NUL byte, so it is UTF-16, UTF-32 or binary, not UTF-8 text; save it as UTF-8",
                    at: SourceLocation(file: file, line: line, column: column)))
            }
            let length = utf8SequenceLength(body, at: index)
            if length == 0 {
                throw FormatError(.error(
                    "byte 0x\(String(b, radix: 16, uppercase: true)) is not UTF-8: the file looks like a legacy 8-bit Vietnamese encoding (TCVN3/ABC or VNI); convert it to Unicode UTF-8 (e.g. with UniKey's converter) and try again",
                    at: SourceLocation(file: file, line: line, column: column)))
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        let text = String(decoding: body, as: UTF8.self)
        return isSurelyNFC(utf8: body) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every character is one that NFC leaves alone whatever surrounds it: below U+0300
    /// (ASCII, Latin-1, Latin Extended-A/B), precomposed Vietnamese letters (U+1EA0–U+1EF9), common
    /// punctuation (U+2010–U+2027, U+2030–U+205E) and the đồng sign (U+20AB). Almost every decision is
    /// such text, and composing it again was the most expensive step of a load; anything else (a
    /// combining mark, say) takes the full path. Works on valid UTF-8 bytes without decoding them.
    static func isSurelyNFC(utf8 bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isSurelyNFC($0) }
    }

    /// Whether one scalar is one `isSurelyNFC` accepts: below U+0300, a precomposed Vietnamese
    /// letter, common punctuation or the đồng sign.
    @inline(__always)
    static func isSurelyNFC(scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x300, 0x1EA0...0x1EF9, 0x2010...0x2027, 0x2030...0x205E, 0x20AB: return true
        default: return false
        }
    }

    /// `isSurelyNFC(utf8:)` on bytes in memory.
    static func isSurelyNFC(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        let raw = UnsafeRawBufferPointer(p)
        while i < n {
            // Eight ASCII bytes at a time: most of a record (keys, codes, numbers) is ASCII.
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b < 0xE0 {
                // Two bytes: U+0080–U+07FF; below U+0300 means lead byte C2…CB.
                if b > 0xCB { return false }
                i += 2
                continue
            }
            guard b < 0xF0, i + 2 < n else { return false }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
            switch scalar {
            case 0x1EA0...0x1EF9, 0x2010...0x2027, 0x2030...0x205E, 0x20AB: i += 3
            default: return false
            }
        }
        return true
    }

    /// The length of a well-formed UTF-8 sequence at `i`, or 0 when it is not one.
    private static func utf8SequenceLength(_ s: ArraySlice<UInt8>, at i: Int) -> Int {
        let b0 = s[i]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { i + k < s.endIndex && s[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1) && s[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1) && s[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xF0: return cont(1) && s[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1) && s[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}
