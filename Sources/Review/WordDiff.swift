import Catalogue
import Synchronization

/// A run of words that a redline shows one way: kept, inserted or deleted.
public struct WordRun: Hashable, Codable, Sendable {
    public var kind: Kind
    /// The words as written (new text for kept and inserted runs, old text for deleted ones),
    /// joined by single spaces.
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public enum Kind: String, Codable, Sendable {
        case same
        case inserted
        case deleted
        /// A sentence that moved, where it stood in the old text.
        case movedFrom = "moved-from"
        /// The same sentence where it stands in the new text.
        case movedTo = "moved-to"

        /// Whether the run is part of the old text / of the new text.
        public var inOld: Bool { self != .inserted && self != .movedTo }
        public var inNew: Bool { self != .deleted && self != .movedFrom }
    }

    /// The same run seen from the other side: inserted ↔ deleted, moved-from ↔ moved-to.
    public var inverted: WordRun {
        switch kind {
        case .same: self
        case .inserted: WordRun(.deleted, text)
        case .deleted: WordRun(.inserted, text)
        case .movedFrom: WordRun(.movedTo, text)
        case .movedTo: WordRun(.movedFrom, text)
        }
    }
}

/// Word-level redlines over Vietnamese prose.
///
/// Vietnamese writes one syllable per space-separated token, so tokens are the unit. Tokens compare by
/// `VietnameseText.comparisonKey` of the word without the punctuation around it: old and new tone
/// placement (hoà / hòa), case, decomposed input, spacing and punctuation ("rơi" / "rơi;") are the
/// same word, while a changed number ("15" / "10", "20.000" / "10.000") is a change; a token of
/// punctuation alone ("–", ";") is shown with the word before it and never counts. Sentences found
/// once on each side, but out of order, are shown as moved (`movedFrom` where they stood, `movedTo`
/// where they stand) rather than deleted and inserted; the rest is diffed word by word.
///
/// The diff is Myers' O(ND) algorithm after trimming the common head and tail; past `maximumEdits`
/// edits it stops searching and splits the texts at words found once on each side (patience diff),
/// diffing between them, or shows the stretch as replaced when there are none. The result is always
/// a correct redline, minimal when the texts are close, and a 10,000-word rewrite stays fast.
public enum WordDiff {
    /// The edit distance past which the middle is shown as replaced outright.
    public static let maximumEdits = 1_000

    /// The fewest words a sentence needs to be shown as moved (shorter ones are diffed as words).
    public static let minimumMovedWords = 4

    /// Splits on white space.
    public static func tokens(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let space = scalars[i].isSpace
            if space, let s = start {
                out.append(text[s..<i])
                start = nil
            } else if !space, start == nil {
                start = i
            }
            i = scalars.index(after: i)
        }
        if let s = start { out.append(text[s..<scalars.endIndex]) }
        return out
    }

    /// A word as shown (with any punctuation around it, and punctuation-only tokens after it) and
    /// the key it compares by.
    struct Unit {
        var display: String
        var key: String
        /// Whether the unit ends a sentence (., !, ?, ; or … at its end).
        var endsSentence: Bool
    }

    /// Whether a scalar is punctuation that does not change the meaning of the word it touches
    /// (Unicode's punctuation categories, except "%").
    static func isLoosePunctuation(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            switch c {
            case "!", "\"", "#", "&", "'", "(", ")", "*", ",", "-", ".", "/", ":", ";", "?", "@", "[", "\\", "]", "_", "{", "}":
                return true
            default:
                return false
            }
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func units(_ text: String) -> [Unit] {
        var out: [Unit] = []
        var pending = ""  // punctuation-only tokens before the first word
        // Prose repeats its words: compute each distinct word's key once.
        var keys: [UTF8Key: String] = [:]
        for token in tokens(text) {
            let scalars = token.unicodeScalars
            guard let first = scalars.firstIndex(where: { !isLoosePunctuation($0) }),
                  let last = scalars.lastIndex(where: { !isLoosePunctuation($0) })
            else {
                if out.isEmpty {
                    pending += pending.isEmpty ? String(token) : " " + token
                } else {
                    out[out.count - 1].display += " " + token
                    out[out.count - 1].endsSentence = out[out.count - 1].endsSentence || endsSentence(token)
                }
                continue
            }
            let core = token[first..<scalars.index(after: last)]
            let key: String
            if let known = keys[UTF8Key(core)] {
                key = known
            } else {
                key = wordKey(core)
                keys[UTF8Key(core)] = key
            }
            let display = pending.isEmpty ? String(token) : pending + " " + token
            pending = ""
            out.append(Unit(display: display, key: key, endsSentence: endsSentence(token)))
        }
        if !pending.isEmpty { out.append(Unit(display: pending, key: "", endsSentence: false)) }
        return out
    }

    /// `VietnameseText.comparisonKey` of one word, without Foundation's normalisation for plain ASCII;
    /// other words go through a cache shared by every diff of the run, since a catalogue's prose uses
    /// a few thousand syllables over and over.
    static func wordKey(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        let text = String(word)
        if let known = wordKeys.withLock({ $0[UTF8Key(text)] }) { return known }
        let key = VietnameseText.comparisonKey(text)
        wordKeys.withLock { cache in
            if cache.count >= 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[UTF8Key(text)] = key
        }
        return key
    }

    static let wordKeys = Mutex<[UTF8Key: String]>([:])

    static func endsSentence(_ token: Substring) -> Bool {
        for scalar in token.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "”", "’", ")", "»", "]": continue  // closing quotes and brackets after the stop
            case ".", "!", "?", ";", "…": return true
            default: return false
            }
        }
        return false
    }

    /// Whether two texts are the same words for the diff (punctuation, spacing and tone placement aside).
    public static func same(_ old: String, _ new: String) -> Bool {
        if old == new { return true }
        let a = units(old), b = units(new)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.key == $1.key }
    }

    /// The runs that turn `old` into `new`; deletions come before insertions at the same place.
    public static func runs(_ old: String, _ new: String) -> [WordRun] {
        let a = units(old), b = units(new)
        // Intern comparison keys so the inner loop compares integers.
        var ids: [UTF8Key: Int] = [:]
        func id(_ unit: Unit) -> Int {
            let key = UTF8Key(unit.key)
            if let existing = ids[key] { return existing }
            let next = ids.count
            ids[key] = next
            return next
        }
        let x = a.map(id), y = b.map(id)
        let moves = movedSentences(a, x, b, y)
        var keptX: [Int] = [], keptY: [Int] = []
        keptX.reserveCapacity(x.count)
        keptY.reserveCapacity(y.count)
        for i in x.indices where moves.old[i] == nil { keptX.append(x[i]) }
        for j in y.indices where moves.new[j] == nil { keptY.append(y[j]) }
        let script = editScript(keptX, keptY)
        var runs: [WordRun] = []
        func append(_ kind: WordRun.Kind, _ word: String) {
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append(WordRun(kind, word))
            }
        }
        var i = 0, j = 0
        /// Moved sentences starting where the walk stands are shown there, each as its own run.
        func emitMoves() {
            while i < a.count, let sentence = moves.old[i] {
                runs.append(WordRun(.movedFrom, a[i].display))
                i += 1
                while i < a.count, moves.old[i] == sentence { runs[runs.count - 1].text += " " + a[i].display; i += 1 }
            }
            while j < b.count, let sentence = moves.new[j] {
                runs.append(WordRun(.movedTo, b[j].display))
                j += 1
                while j < b.count, moves.new[j] == sentence { runs[runs.count - 1].text += " " + b[j].display; j += 1 }
            }
        }
        for op in script {
            emitMoves()
            switch op {
            case .keep: append(.same, b[j].display); i += 1; j += 1
            case .delete: append(.deleted, a[i].display); i += 1
            case .insert: append(.inserted, b[j].display); j += 1
            }
        }
        emitMoves()
        return ordered(runs)
    }

    /// Sentences that occur exactly once on each side (same words) but out of order: the longest
    /// run of them in the same order stays put, the others moved. Returns, for each unit of either
    /// side, the number of the moved sentence it belongs to, or nil.
    static func movedSentences(_ a: [Unit], _ x: [Int], _ b: [Unit], _ y: [Int]) -> (old: [Int?], new: [Int?]) {
        var old = [Int?](repeating: nil, count: a.count), new = [Int?](repeating: nil, count: b.count)
        let sa = sentences(a), sb = sentences(b)
        guard sa.count > 1, sb.count > 1 else { return (old, new) }
        func key(_ r: Range<Int>, _ ids: [Int]) -> [Int] { Array(ids[r]) }
        var countA: [[Int]: Int] = [:], countB: [[Int]: Int] = [:], whereB: [[Int]: Int] = [:]
        for r in sa where r.count >= minimumMovedWords { countA[key(r, x), default: 0] += 1 }
        for (n, r) in sb.enumerated() where r.count >= minimumMovedWords {
            countB[key(r, y), default: 0] += 1
            whereB[key(r, y)] = n
        }
        var pairs: [(i: Int, j: Int)] = []
        for (m, r) in sa.enumerated() where r.count >= minimumMovedWords {
            let k = key(r, x)
            if countA[k] == 1, countB[k] == 1, let n = whereB[k] { pairs.append((m, n)) }
        }
        guard pairs.count > 1 else { return (old, new) }
        let inOrder = Set(longestIncreasing(pairs).map(\.i))
        var number = 0
        for p in pairs where !inOrder.contains(p.i) {
            for u in sa[p.i] { old[u] = number }
            for u in sb[p.j] { new[u] = number }
            number += 1
        }
        return (old, new)
    }

    /// The ranges of units that make up each sentence.
    static func sentences(_ units: [Unit]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (i, u) in units.enumerated() where u.endsSentence {
            out.append(start..<(i + 1))
            start = i + 1
        }
        if start < units.count { out.append(start..<units.count) }
        return out
    }

    enum Operation { case keep, delete, insert }

    /// A shortest edit script (up to `maximumEdits`), as keep/delete/insert operations in order.
    static func editScript(_ x: [Int], _ y: [Int]) -> [Operation] {
        var head = 0
        while head < x.count, head < y.count, x[head] == y[head] { head += 1 }
        var tail = 0
        while tail < x.count - head, tail < y.count - head, x[x.count - 1 - tail] == y[y.count - 1 - tail] {
            tail += 1
        }
        let a = Array(x[head..<(x.count - tail)]), b = Array(y[head..<(y.count - tail)])
        // Nothing in common (a rewrite): replaced outright, without searching.
        let inA = Set(a)
        let middle = !a.isEmpty && !b.isEmpty && !b.contains(where: inA.contains)
            ? Array(repeating: .delete, count: a.count) + Array(repeating: .insert, count: b.count)
            : myers(a, b) ?? anchored(a, b)
        return Array(repeating: .keep, count: head) + middle + Array(repeating: .keep, count: tail)
    }

    /// When the texts differ too much for Myers within the limit: pair the words that occur exactly
    /// once on each side, keep the longest run of such pairs in the same order (patience diff), and
    /// diff the stretches between them. Without any such word the stretch is shown as replaced.
    static func anchored(_ a: [Int], _ b: [Int]) -> [Operation] {
        var countA: [Int: Int] = [:], countB: [Int: Int] = [:], positionB: [Int: Int] = [:]
        for t in a { countA[t, default: 0] += 1 }
        for (j, t) in b.enumerated() { countB[t, default: 0] += 1; positionB[t] = j }
        let candidates: [(i: Int, j: Int)] = a.enumerated().compactMap { i, t in
            countA[t] == 1 && countB[t] == 1 ? (i, positionB[t]!) : nil
        }
        let anchors = longestIncreasing(candidates)
        guard !anchors.isEmpty else {
            return Array(repeating: .delete, count: a.count) + Array(repeating: .insert, count: b.count)
        }
        var ops: [Operation] = []
        var i = 0, j = 0
        for anchor in anchors + [(a.count, b.count)] {
            ops += editScript(Array(a[i..<anchor.i]), Array(b[j..<anchor.j]))
            if anchor.i < a.count { ops.append(.keep) }
            i = anchor.i + 1
            j = anchor.j + 1
        }
        return ops
    }

    /// The longest subsequence of pairs (in `i` order) whose `j` also increases, in O(n log n).
    static func longestIncreasing(_ pairs: [(i: Int, j: Int)]) -> [(i: Int, j: Int)] {
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = Array(repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].j < pair.j { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var out: [(i: Int, j: Int)] = []
        var k = tails.last ?? -1
        while k >= 0 { out.append(pairs[k]); k = previous[k] }
        return out.reversed()
    }

    /// Myers' greedy forward algorithm with the frontier of every round kept for the backtrack;
    /// nil when more than `maximumEdits` edits are needed.
    static func myers(_ a: [Int], _ b: [Int]) -> [Operation]? {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                v.withUnsafeMutableBufferPointer { v in
                    search: for d in 0...limit {
                        trace.append(Array(v[(offset - d)...(offset + d)]))
                        for k in stride(from: -d, through: d, by: 2) {
                            var px: Int
                            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                                px = v[offset + k + 1]
                            } else {
                                px = v[offset + k - 1] + 1
                            }
                            var py = px - k
                            while px < n, py < m, a[px] == b[py] { px += 1; py += 1 }
                            v[offset + k] = px
                            if px >= n, py >= m { found = true; break search }
                        }
                    }
                }
            }
        }
        guard found else { return nil }
        // Backtrack from (n, m) through the saved frontiers.
        var ops: [Operation] = []
        var px = n, py = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]  // the frontier before round d, indexed k + d
            func at(_ k: Int) -> Int { saved[k + d] }
            let k = px - py
            let prevK: Int
            if d == 0 {
                prevK = 0
            } else if k == -d || (k != d && at(k - 1) < at(k + 1)) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = d == 0 ? 0 : at(prevK)
            let prevY = prevX - prevK
            while px > prevX, py > prevY {
                ops.append(.keep); px -= 1; py -= 1
            }
            if d > 0 {
                if px == prevX { ops.append(.insert) } else { ops.append(.delete) }
                px = prevX
                py = prevY
            }
        }
        return ops.reversed()
    }

    /// Within each stretch of changes, puts the deleted words before the inserted ones so a
    /// replacement reads "[-old-]{+new+}".
    static func ordered(_ runs: [WordRun]) -> [WordRun] {
        var out: [WordRun] = []
        var deleted: [String] = [], inserted: [String] = []
        func flush() {
            if !deleted.isEmpty { out.append(WordRun(.deleted, deleted.joined(separator: " "))) }
            if !inserted.isEmpty { out.append(WordRun(.inserted, inserted.joined(separator: " "))) }
            deleted = []
            inserted = []
        }
        for run in runs {
            switch run.kind {
            case .same, .movedFrom, .movedTo: flush(); out.append(run)
            case .deleted: deleted.append(run.text)
            case .inserted: inserted.append(run.text)
            }
        }
        flush()
        return out
    }

    /// The old text a list of runs reproduces (kept, deleted and moved-from words).
    public static func oldText(_ runs: [WordRun]) -> String {
        runs.filter(\.kind.inOld).map(\.text).joined(separator: " ")
    }

    /// The new text a list of runs reproduces (kept, inserted and moved-to words).
    public static func newText(_ runs: [WordRun]) -> String {
        runs.filter(\.kind.inNew).map(\.text).joined(separator: " ")
    }
}
