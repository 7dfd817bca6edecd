import Catalogue

/// Reads a dossier item's name for what it means (DOMAIN.md §5, §7): NFC, diacritics folded and
/// đ → d, abbreviations expanded (CMND, CCCD, GCN, QSDĐ…), the way it is handed in ("bản sao có
/// chứng thực") separated from the document itself, and the document recognised from the synonym lists.
public struct DocumentMatcher: Sendable {
    public let vocabulary: DocumentVocabulary
    /// First word of a phrase → (phrase, concept index), for a scan without trying every phrase.
    private let index: [String: [(words: [String], concept: Int)]]
    private let certifying: [[String]]

    public init(_ vocabulary: DocumentVocabulary) {
        self.vocabulary = vocabulary
        var index: [String: [(words: [String], concept: Int)]] = [:]
        for (i, concept) in vocabulary.concepts.enumerated() {
            for phrase in concept.phrases { index[phrase[0], default: []].append((phrase, i)) }
        }
        self.index = index
        certifying = vocabulary.qualifiers.filter { q in Self.contains(q, ["chung", "thuc"]) }
    }

    /// What an item's name says.
    public struct Reading: Sendable, Hashable {
        /// Folded, expanded words of the whole name.
        public var words: [String]
        /// The words without the leading qualifiers: the document itself.
        public var core: [String]
        /// The recognised document, if any.
        public var concept: DocumentConcept?
        /// The applicant's own paper (form, application), which no database holds.
        public var isApplication: Bool
        /// Asked as a certified copy (bản sao có chứng thực).
        public var isCertifiedCopy: Bool
        /// Whose document it is ("nguoi nhan con nuoi" in "… của người nhận con nuôi"), folded.
        public var owner: String?

        /// What two items must share to be the same document: the concept, else the core words.
        public var identity: String { concept.map { "#" + $0.id } ?? core.joined(separator: " ") }
    }

    public func read(_ name: String) -> Reading {
        let folded = VietnameseText.searchKey(name)
        let words = vocabulary.expand(Self.foldedWords(folded))
        var core = ArraySlice(words)
        var certified = false
        stripping: while true {
            for q in vocabulary.qualifiers where core.starts(with: q) {
                if certifying.contains(q) { certified = true }
                core = core.dropFirst(q.count)
                continue stripping
            }
            break
        }
        if !certified { certified = certifying.contains { Self.contains(Array(core), $0) && Self.contains($0, ["ban", "sao"]) } }
        let isApplication = vocabulary.applications.contains { core.starts(with: $0) }
        return Reading(
            words: words, core: Array(core), concept: isApplication ? nil : concept(in: Array(core)),
            isApplication: isApplication, isCertifiedCopy: certified, owner: Self.owner(folded))
    }

    /// The concept of the longest phrase found in the words, the earliest-defined on a tie.
    public func concept(in words: [String]) -> DocumentConcept? {
        var best: (length: Int, concept: Int)?
        for start in words.indices {
            for candidate in index[words[start]] ?? [] where words[start...].starts(with: candidate.words) {
                if best == nil || candidate.words.count > best!.length
                    || (candidate.words.count == best!.length && candidate.concept < best!.concept)
                {
                    best = (candidate.words.count, candidate.concept)
                }
            }
        }
        return best.map { vocabulary.concepts[$0.concept] }
    }

    /// A text's folded, expanded words, for `mentions`.
    public func textWords(_ text: String) -> [String] {
        vocabulary.expand(Self.foldedWords(VietnameseText.searchKey(text)))
    }

    /// Whether words (of a step, a requirement) hold any of the phrases.
    public func mentions(_ words: [String], any phrases: [[String]]) -> [String]? {
        phrases.first { Self.contains(words, $0) }
    }

    /// Folded words: letters and digits, everything else a separator.
    public static func words(_ text: String) -> [String] {
        foldedWords(VietnameseText.searchKey(text))
    }

    /// The words of text already folded by `VietnameseText.searchKey`.
    static func foldedWords(_ folded: String) -> [String] {
        // Folded text is nearly always ASCII, where a letter or digit is one byte: split the bytes
        // (the same words, without asking each character's Unicode properties).
        guard folded.utf8.allSatisfy({ $0 < 0x80 }) else {
            return folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        return folded.utf8.split { b in !(b >= 0x61 && b <= 0x7A || b >= 0x41 && b <= 0x5A || b >= 0x30 && b <= 0x39) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0...].starts(with: phrase) }
    }

    /// The owner named after "của", up to a comma, parenthesis or the words that start what follows.
    static func owner(_ folded: String) -> String? {
        guard let range = folded.range(of: " cua ") else { return nil }
        var rest = folded[range.upperBound...]
        if let cut = rest.firstIndex(where: { ",;(".contains($0) }) { rest = rest[..<cut] }
        let stops: Set<String> = ["do", "duoc", "kem", "theo", "tai", "trong", "hoac", "va", "chup", "cap"]
        let words = rest.split(separator: " ").map(String.init).prefix { !stops.contains($0) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
