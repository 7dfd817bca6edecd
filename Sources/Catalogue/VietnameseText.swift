import Foundation

/// Vietnamese text handling shared by loading, search, diff and review (DOMAIN.md §7).
///
/// - `nfc` is what every loader stores: other systems often send decomposed text.
/// - `comparisonKey` treats old and new tone placement alike ("hoà" = "hòa", "thuỷ" = "thủy") and
///   ignores case and spacing, but keeps every letter and mark.
/// - `searchKey` folds tones, vowel marks and đ → d, for users who type without diacritics
///   ("dang ky khai sinh" finds "Đăng ký khai sinh").
public enum VietnameseText {
    /// Canonical composition (NFC).
    public static func nfc(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
    }

    /// NFC, with runs of white space (including non-breaking and tabs) folded to one space and trimmed.
    public static func clean(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in nfc(s) {
            if ch.isWhitespace && !ch.isNewline {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// The five tone marks, as combining characters after canonical decomposition.
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// Lower-cased, spacing folded, and each syllable's tone moved to the end of the syllable, so the
    /// old and the new placement of a tone give the same key.
    public static func comparisonKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        var pendingSpace = false
        func endSyllable() {
            if let t = tone { out.append(t) }
            tone = nil
        }
        for scalar in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(scalar) {
                tone = scalar
            } else if scalar.properties.isWhitespace {
                endSyllable()
                pendingSpace = !out.isEmpty
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.numericType != nil
            {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                endSyllable()
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        endSyllable()
        return String(String.UnicodeScalarView(out)).precomposedStringWithCanonicalMapping
    }

    /// Lower-cased ASCII-ish key: every mark dropped, đ → d, spacing folded.
    public static func searchKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar == "đ" ? "d" : scalar)
        }
        return String(out)
    }

    /// Whether two texts are the same words, whatever the tone placement, case or spacing.
    public static func sameWords(_ a: String, _ b: String) -> Bool {
        comparisonKey(a) == comparisonKey(b)
    }
}
