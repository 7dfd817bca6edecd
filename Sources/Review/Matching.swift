import Catalogue
import Synchronization

/// Pairs the elements of two lists by what they say, not where they stand: a dossier item moved to the
/// top and lightly reworded is still the same item.
///
/// Exact matches (same `comparisonKey`) pair first, in order; the rest pair greedily by the Dice
/// coefficient of their `searchKey` words, best first, when it reaches `threshold`. The default, 0.6,
/// keeps apart papers that merely share a head ("Bản sao Giấy khai sinh" and "Bản sao Giấy xác nhận
/// khuyết tật" share half their words) while a reworded name ("Giấy tờ, tài liệu chứng minh chỗ ở
/// hợp pháp") still pairs with its old self.
enum Matching {
    struct Result {
        var pairs: [(old: Int, new: Int)]
        var removed: [Int]
        var added: [Int]
    }

    static func match(_ old: [String], _ new: [String], threshold: Double = 0.6) -> Result {
        var oldTaken = Array(repeating: false, count: old.count)
        var newTaken = Array(repeating: false, count: new.count)
        var pairs: [(old: Int, new: Int)] = []
        // Most lists are unchanged: pair equal texts in place before computing any key.
        for i in old.indices where i < new.count && old[i] == new[i] {
            pairs.append((i, i))
            oldTaken[i] = true
            newTaken[i] = true
        }
        // With one text left on a side, an exact match is also the best likeness: skip the keys.
        let single = oldTaken.count { !$0 } == 1 || newTaken.count { !$0 } == 1
        var byKey: [UTF8Key: [Int]] = [:]
        for (j, text) in new.enumerated() where !newTaken[j] && !single { byKey[UTF8Key(key(text)), default: []].append(j) }
        for (i, text) in old.enumerated() where !oldTaken[i] && !single {
            let key = UTF8Key(key(text))
            if var candidates = byKey[key], !candidates.isEmpty {
                let j = candidates.removeFirst()
                byKey[key] = candidates
                pairs.append((i, j))
                oldTaken[i] = true
                newTaken[j] = true
            }
        }
        guard oldTaken.contains(false), newTaken.contains(false) else {
            pairs.sort { $0.new < $1.new }
            return Result(pairs: pairs, removed: old.indices.filter { !oldTaken[$0] }, added: new.indices.filter { !newTaken[$0] })
        }
        let oldWords = old.indices.map { oldTaken[$0] ? [:] : words(old[$0]) }
        let newWords = new.indices.map { newTaken[$0] ? [:] : words(new[$0]) }
        var scored: [(score: Double, old: Int, new: Int)] = []
        for i in old.indices where !oldTaken[i] {
            for j in new.indices where !newTaken[j] {
                let s = dice(oldWords[i], newWords[j])
                if s >= threshold { scored.append((s, i, j)) }
            }
        }
        scored.sort { ($0.score, -$0.old - $0.new, -$0.old) > ($1.score, -$1.old - $1.new, -$1.old) }
        for candidate in scored where !oldTaken[candidate.old] && !newTaken[candidate.new] {
            pairs.append((candidate.old, candidate.new))
            oldTaken[candidate.old] = true
            newTaken[candidate.new] = true
        }
        pairs.sort { $0.new < $1.new }
        return Result(
            pairs: pairs,
            removed: old.indices.filter { !oldTaken[$0] },
            added: new.indices.filter { !newTaken[$0] })
    }

    /// The key two texts pair exactly by: the words' comparison keys (`WordDiff`), so tone
    /// placement, case, spacing and punctuation do not keep apart what the diff calls the same.
    static func key(_ text: String) -> String {
        WordDiff.units(text).map(\.key).joined(separator: " ")
    }

    /// The words of a text, diacritics folded, as a multiset. Each distinct word is folded once.
    static func words(_ text: String) -> [String: Int] {
        var counts: [UTF8Key: Int] = [:]
        func separates(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return !(("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)) }
            return !c.properties.isAlphabetic && c.properties.numericType == nil
        }
        for word in text.unicodeScalars.split(whereSeparator: separates) {
            counts[UTF8Key(Substring(word)), default: 0] += 1
        }
        var folded: [String: Int] = [:]
        for (word, n) in counts {
            folded[fold(word.text), default: 0] += n
        }
        return folded
    }

    /// `VietnameseText.searchKey` of one word; non-ASCII words through a cache shared by the run.
    static func fold(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        let text = String(word)
        if let known = folds.withLock({ $0[UTF8Key(text)] }) { return known }
        let key = VietnameseText.searchKey(text)
        folds.withLock { cache in
            if cache.count >= 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[UTF8Key(text)] = key
        }
        return key
    }

    static let folds = Mutex<[UTF8Key: String]>([:])

    /// 2·|A ∩ B| / (|A| + |B|) over word multisets: symmetric, so matching does not depend on which
    /// side is old.
    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let common = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return 2 * Double(common) / Double(total)
    }
}
