import Catalogue

/// One word as the index stores it and as `site/assets/search.js` looks it up.
///
/// `folded` is `VietnameseText.searchKey` (no marks, đ → d): what a user typing without diacritics
/// matches. `variant` is `VietnameseText.comparisonKey` (every mark kept, old and new tone placement
/// alike): a query word with the same variant ranks higher. search.js ports both functions; a test
/// runs it on tricky strings and compares.
public struct SearchToken: Hashable, Sendable {
    public var folded: String
    public var variant: String

    public init(folded: String, variant: String) {
        self.folded = folded
        self.variant = variant
    }

    /// The words of a text: runs of letters, digits and marks, with a `.` inside a run kept so a code
    /// (`1.001193`) or an amount (`1.000.000`) stays one word. search.js splits queries the same way.
    public static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            if isWordScalar(s) {
                if start == nil { start = i }
            } else if s == ".", start != nil, let next = scalars.index(i, offsetBy: 1, limitedBy: scalars.endIndex),
                next < scalars.endIndex, isWordScalar(scalars[next])
            {
                // A dot between two word characters joins them.
            } else if let st = start {
                words.append(Substring(scalars[st..<i]))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let st = start { words.append(Substring(scalars[st..<scalars.endIndex])) }
        return words
    }

    /// The tokens of a text, as the index stores them and search.js makes them of a query.
    public static func tokens(_ text: String) -> [SearchToken] {
        words(text).compactMap(token)
    }

    /// The keys of one word; nil for a word of marks alone.
    static func token(_ word: Substring) -> SearchToken? {
        let folded = VietnameseText.searchKey(String(word))
        return folded.isEmpty ? nil : SearchToken(folded: folded, variant: VietnameseText.comparisonKey(String(word)))
    }

    /// Letters, numbers and combining marks (Unicode categories L, N, M), as `[\p{L}\p{N}\p{M}]` in JS.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        // Vietnamese letters, without a Unicode table lookup: Latin-1 letters (not × ÷), Latin
        // Extended-A and -B (đ, ơ, ư…), the combining marks, and Latin Extended Additional (ạ…ỹ).
        if (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x300 && v <= 0x36F)
            || (v >= 0x1E00 && v <= 0x1EFF)
        {
            return true
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
