import Catalogue

/// Splits texts into token numbers for the builder, remembering each distinct word's keys: a catalogue
/// repeats the same few thousand syllables, and folding through Unicode decomposition is the costly
/// part. Tokens and folded words are numbered in order of first appearance, so the builder's tables
/// are arrays, not string-keyed dictionaries.
struct Tokenizer {
    /// Distinct (folded, spelling) pairs.
    private(set) var tokens: [SearchToken] = []
    /// Token number → folded word number.
    private(set) var foldedOf: [Int] = []
    /// Distinct folded words.
    private(set) var folded: [String] = []

    private var cache: [RawWord: Int] = [:]
    private var tokenNumbers: [SearchToken: Int] = [:]
    private var foldedNumbers: [String: Int] = [:]

    /// The token numbers of a text's words, in order.
    mutating func numbers(_ text: String) -> [Int] {
        SearchToken.words(text).compactMap { number(for: $0) }
    }

    mutating func number(for word: Substring) -> Int? {
        let raw = RawWord(word)
        if let n = cache[raw] { return n < 0 ? nil : n }
        var result = -1
        if let token = SearchToken.token(word) {
            if let n = tokenNumbers[token] {
                result = n
            } else {
                result = tokens.count
                tokens.append(token)
                tokenNumbers[token] = result
                if let f = foldedNumbers[token.folded] {
                    foldedOf.append(f)
                } else {
                    foldedNumbers[token.folded] = folded.count
                    foldedOf.append(folded.count)
                    folded.append(token.folded)
                }
            }
        }
        cache[raw] = result
        return result < 0 ? nil : result
    }

    /// The words a code is found by: the whole code, its national part, and each part that is not
    /// all zeros ("001193" and "h29" find `1.001193.000.00.00.H29`). A procedure without a code is
    /// found by its key.
    mutating func codeNumbers(_ code: String, key: String) -> [Int] {
        var out = numbers(code.isEmpty ? key : code)
        if let national = ProcedureCode(code).national { out += numbers(national) }
        for word in SearchToken.words(code) {
            for part in word.split(separator: ".") where part.contains(where: { $0 != "0" }) {
                if let n = number(for: part) { out.append(n) }
            }
        }
        return out
    }
}

/// A word as written, compared and hashed by its UTF-8 bytes: `String` hashing normalises to NFC,
/// which is most of the cost of a lookup, and two spellings of one word just share a token number.
struct RawWord: Hashable {
    let text: Substring

    init(_ text: Substring) { self.text = text }

    static func == (a: RawWord, b: RawWord) -> Bool {
        let x = a.text.utf8
        let y = b.text.utf8
        guard x.count == y.count else { return false }
        let same: Bool?? = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.elementsEqual(q) }
        }
        if let same = same ?? nil { return same }
        return x.elementsEqual(y)
    }

    func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}
