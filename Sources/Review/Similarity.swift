import Catalogue

/// Finds, for procedures that no code pairs, the procedure on the other side that is most probably
/// the same one: a new draft without a code, or a replacement whose code changed.
///
/// Not quadratic: procedures are indexed by the syllables of their names, and only procedures that
/// share a syllable that is not everywhere ("đăng", "ký", "cấp" are) become candidates; each
/// procedure looks at most `candidateLimit` of them, the ones sharing the most syllables. Candidates
/// are scored by name (Dice over syllables, diacritics folded) and content (Dice over the syllables
/// of dossier items, steps, results and agencies); pairs are taken best first, each procedure once.
public enum Similarity {
    /// The least name likeness for a match, and the least when contents are very alike too.
    public static let nameThreshold = 0.75
    public static let nameThresholdWithContent = 0.5
    public static let contentThreshold = 0.7
    static let candidateLimit = 32

    public struct Pairing: Sendable, Hashable {
        public var old: Int
        public var new: Int
        public var name: Int
        public var content: Int
    }

    /// A procedure's words, computed once.
    struct Profile {
        var name: [String: Int]
        var nameWords: [String]
        var content: [String: Int]

        init(_ p: Procedure) {
            name = Matching.words(p.name)
            nameWords = name.keys.sorted()
            var texts: [String] = p.dossier.allItems.map(\.name)
            texts += p.steps.flatMap(\.steps).map(\.text)
            texts += p.results.map(\.name)
            texts += p.agencies.map(\.name)
            content = Matching.words(texts.joined(separator: " "))
        }
    }

    /// Pairs `old` and `new` procedures by likeness, best first; each index appears at most once.
    public static func pair(_ old: [Procedure], _ new: [Procedure]) -> [Pairing] {
        guard !old.isEmpty, !new.isEmpty else { return [] }
        let oldProfiles = old.map(Profile.init)
        let newProfiles = new.map(Profile.init)
        var index: [String: [Int]] = [:]
        for (i, p) in oldProfiles.enumerated() {
            for w in p.nameWords { index[w, default: []].append(i) }
        }
        // A syllable in more than this many old names says nothing about which one is meant.
        let common = max(8, old.count / 20)
        var scored: [(score: Double, pairing: Pairing)] = []
        for (j, q) in newProfiles.enumerated() {
            var words = q.nameWords.filter { (index[$0]?.count ?? 0) <= common }
            if words.isEmpty {
                // Only common syllables: use the two rarest.
                words = Array(q.nameWords.filter { index[$0] != nil }
                    .sorted { (index[$0]!.count, $0) < (index[$1]!.count, $1) }.prefix(2))
            }
            var shared: [Int: Int] = [:]
            for w in words {
                for i in (index[w] ?? []).prefix(common) { shared[i, default: 0] += 1 }
            }
            let candidates = shared.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(candidateLimit)
            for (i, _) in candidates {
                let name = Matching.dice(oldProfiles[i].name, q.name)
                guard name >= nameThresholdWithContent else { continue }
                let content = Matching.dice(oldProfiles[i].content, q.content)
                guard name >= nameThreshold || content >= contentThreshold else { continue }
                scored.append((name * 2 + content, Pairing(
                    old: i, new: j, name: Int((name * 100).rounded()), content: Int((content * 100).rounded()))))
            }
        }
        scored.sort { ($0.score, -$0.pairing.old, -$0.pairing.new) > ($1.score, -$1.pairing.old, -$1.pairing.new) }
        var oldTaken = Set<Int>(), newTaken = Set<Int>()
        var out: [Pairing] = []
        for s in scored where !oldTaken.contains(s.pairing.old) && !newTaken.contains(s.pairing.new) {
            out.append(s.pairing)
            oldTaken.insert(s.pairing.old)
            newTaken.insert(s.pairing.new)
        }
        return out.sorted { $0.new < $1.new }
    }
}
