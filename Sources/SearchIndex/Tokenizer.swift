import Catalogue

/// Splits texts into token numbers for the builder, remembering each distinct word's keys: a catalogue
/// repeats the same few thousand syllables, and folding through Unicode decomposition is the costly
/// part. Tokens and folded words are numbered in order of first appearance, so the builder's tables
/// are arrays, not string-keyed dictionaries.
///
/// Texts are split on their UTF-8 bytes (an ASCII fast path, a scalar decoded only for a non-ASCII
/// byte), and a word as written is looked up by its bytes in `WordTable`; only a word not seen before
/// becomes a `String` and goes through `SearchToken.token`.
struct Tokenizer {
    /// Distinct (folded, spelling) pairs.
    private(set) var tokens: [SearchToken] = []
    /// Token number → folded word number.
    private(set) var foldedOf: [Int] = []
    /// Distinct folded words.
    private(set) var folded: [String] = []

    private var seen = WordTable()
    private var tokenNumbers: [SearchToken: Int] = [:]
    private var foldedNumbers: [String: Int] = [:]

    /// The token numbers of a text's words, in order.
    mutating func numbers(_ text: String) -> [Int] {
        var out: [Int] = []
        append(text, to: &out)
        return out
    }

    /// Appends the token numbers of a text's words, split as `SearchToken.words` splits them.
    mutating func append(_ text: String, to out: inout [Int]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            Self.forEachWord(base, bytes.count) { start, end in
                if let t = number(base + start, end - start) { out.append(t) }
            }
        }
    }

    /// Whether the scalar starting at byte `i` is a word character, and its length in bytes.
    @inline(__always)
    static func scalarAt(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (isWord: Bool, length: Int) {
        let b = p[i]
        if b < 0x80 {
            return ((b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26, 1)
        }
        // Valid UTF-8 (a Swift string's storage): a lead byte and its continuation bytes.
        let value: UInt32
        let length: Int
        if b < 0xE0 {
            value = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
            length = 2
        } else if b < 0xF0 {
            value = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
            length = 3
        } else {
            value = UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value).map(SearchToken.isWordScalar) ?? false, length)
    }

    mutating func number(for word: Substring) -> Int? {
        var s = String(word)
        return s.withUTF8 { bytes in bytes.baseAddress.flatMap { number($0, bytes.count) } }
    }

    /// The token number of a word given as UTF-8 bytes; nil for a word of marks alone.
    private mutating func number(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        let found = seen.find(p, count)
        if let value = found.value { return value < 0 ? nil : value }
        let bytes = UnsafeBufferPointer(start: p, count: count)
        var result = -1
        // A word of ASCII letters, digits and dots folds and spells as itself, lower-cased (what
        // `searchKey` and `comparisonKey` give for it); other words go through them.
        let token: SearchToken?
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let lower = String(decoding: bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            token = SearchToken(folded: lower, variant: lower)
        } else {
            token = SearchToken.token(String(decoding: bytes, as: UTF8.self)[...])
        }
        if let token {
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
        seen.insert(p, count, hash: found.hash, value: result)
        return result < 0 ? nil : result
    }

    /// The words a code is found by: the whole code, its national part, and each part that is not
    /// all zeros ("001193" and "h29" find `1.001193.000.00.00.H29`). A procedure without a code is
    /// found by its key.
    mutating func codeNumbers(_ code: String, key: String) -> [Int] {
        var out = numbers(code.isEmpty ? key : code)
        var code = code
        code.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            let n = b.count
            // The national part (`ProcedureCode.national`): a digit, a dot, six digits, then a dot or the end.
            func digit(_ k: Int) -> Bool { b[k] &- 0x30 < 10 }
            if n >= 8, digit(0), b[1] == 0x2E, (2..<8).allSatisfy(digit), n == 8 || b[8] == 0x2E,
                let t = number(base, 8)
            {
                out.append(t)
            }
            // Each part between dots of each word, unless all zeros.
            Self.forEachWord(base, n) { start, end in
                var k = start
                while k < end {
                    var e = k
                    var zeros = true
                    while e < end, b[e] != 0x2E {
                        if b[e] != 0x30 { zeros = false }
                        e += 1
                    }
                    if e > k, !zeros, let t = number(base + k, e - k) { out.append(t) }
                    k = e + 1
                }
            }
        }
        return out
    }

    /// Calls `body` with the byte range of each word, as `SearchToken.words` splits.
    @inline(__always)
    static func forEachWord(_ base: UnsafePointer<UInt8>, _ n: Int, _ body: (Int, Int) -> Void) {
        var i = 0
        var start = -1
        while i < n {
            let (isWord, length) = scalarAt(base, i, n)
            if isWord {
                if start < 0 { start = i }
            } else if base[i] == 0x2E, start >= 0, i + 1 < n, scalarAt(base, i + 1, n).isWord {
                // A dot between two word characters joins them.
            } else if start >= 0 {
                body(start, i)
                start = -1
            }
            i += length
        }
        if start >= 0 { body(start, n) }
    }
}

/// Words as written, by their UTF-8 bytes, to a number: open addressing over a byte arena, so a
/// lookup hashes and compares bytes without making a `String` (whose hashing normalises to NFC).
/// Two spellings of one word (NFC and not) are two entries with the same token number.
struct WordTable {
    private struct Entry {
        var start: Int32
        var length: Int32
        var value: Int32
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Per slot, the hash in the high 32 bits and the entry number + 1 in the low ones (0: empty), so a
    /// probe reads one array and touches an entry only when the hashes agree. A power of two long, at
    /// most half full.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for k in 0..<count { h = (h ^ UInt32(p[k])) &* 16_777_619 }
        return h ^ (h >> 15)
    }

    /// The value stored for these bytes, if any, and their hash (for `insert`).
    func find(_ p: UnsafePointer<UInt8>, _ count: Int) -> (value: Int?, hash: UInt32) {
        let h = Self.hash(p, count)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var s = Int(h) & mask
                    while true {
                        let slot = slots[s]
                        if slot == 0 { return (nil, h) }
                        if UInt32(truncatingIfNeeded: slot >> 32) == h {
                            let e = entries[Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1]
                            if Int(e.length) == count, memcmp(arena.baseAddress! + Int(e.start), p, count) == 0 {
                                return (Int(e.value), h)
                            }
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    mutating func insert(_ p: UnsafePointer<UInt8>, _ count: Int, hash h: UInt32, value: Int) {
        entries.append(Entry(start: Int32(arena.count), length: Int32(count), value: Int32(value)))
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        let slot = UInt64(h) << 32 | UInt64(entries.count)
        if entries.count * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for o in old where o != 0 { place(o) }
        }
        place(slot)
    }

    private mutating func place(_ slot: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: slot >> 32) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = slot
    }
}

private func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Int {
    for k in 0..<count where a[k] != b[k] { return 1 }
    return 0
}
