import Catalogue

/// Diffs that involve the catalogue in force: two whole states (`DIR@D1 DIR@D2`), or a draft decision
/// against the state it would change (`DIR@ DRAFT.xml`).
public enum CatalogueDiff {
    /// What changed between two states: procedures added, removed, changed. Procedures are paired by
    /// key; then a replacement (`successions`: predecessor key → successor keys, from the replay's
    /// histories) pairs an old code with its successor; then `Similarity` pairs what is left. Only
    /// entries with something to say are listed; `unchanged` counts the rest.
    ///
    /// Linear in the size of the states (a merge of two sorted lists; unchanged procedures are the
    /// same value and skip the field-by-field walk), plus `Similarity` over the unpaired ones.
    public static func compare(
        _ old: CatalogueState, _ new: CatalogueState, successions: [String: [String]] = [:]
    ) -> DecisionDiff {
        let a = old.entries, b = new.entries
        var pairs: [Pair] = []
        var unchanged = 0
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].key < b[j].key) {
                pairs.append(Pair(old: Row(a[i].procedure, key: a[i].key), new: nil))
                i += 1
            } else if i == a.count || b[j].key < a[i].key {
                pairs.append(Pair(old: nil, new: Row(b[j].procedure, key: b[j].key)))
                j += 1
            } else {
                // Stored properties all the way, so the comparison borrows instead of copying.
                if a[i].version.procedure == b[j].version.procedure {
                    unchanged += 1
                } else {
                    pairs.append(Pair(old: Row(a[i].procedure, key: a[i].key), new: Row(b[j].procedure, key: b[j].key)))
                }
                i += 1
                j += 1
            }
        }
        let all = Pair.joinSimilar(joinSuccessions(pairs, successions)).map { $0.entry() }
        let entries = all.filter { !$0.isUnchanged }
        return DecisionDiff(entries: entries, unchanged: unchanged + all.count - entries.count)
    }

    /// Joins a procedure found only in the old state with its successor found only in the new one
    /// (or, for a diff read backwards in time, the other way round).
    static func joinSuccessions(_ pairs: [Pair], _ successions: [String: [String]]) -> [Pair] {
        guard !successions.isEmpty else { return pairs }
        var oldOnly: [String: Int] = [:], newOnly: [String: Int] = [:]
        for (index, p) in pairs.enumerated() {
            if let o = p.old, p.new == nil { oldOnly[o.key] = index }
            if let n = p.new, p.old == nil { newOnly[n.key] = index }
        }
        var out = pairs
        var dropped = Set<Int>()
        for predecessor in successions.keys.sorted() {
            for successor in successions[predecessor] ?? [] {
                if let i = oldOnly[predecessor], let j = newOnly[successor], !dropped.contains(i), out[j].old == nil {
                    out[j].old = pairs[i].old
                    out[j].match = Match(kind: .replaces, key: predecessor)
                    dropped.insert(i)
                } else if let i = oldOnly[successor], let j = newOnly[predecessor], !dropped.contains(i), out[j].old == nil {
                    out[j].old = pairs[i].old
                    out[j].match = Match(kind: .replacedBy, key: successor)
                    dropped.insert(i)
                }
            }
        }
        return out.indices.filter { !dropped.contains($0) }.map { out[$0] }
    }

    /// What a draft decision changes in the catalogue in force: each row against the version of the
    /// code(s) it names. A `new` row compares with nothing (unless a procedure in force is very like
    /// it, which the entry says); an `amended` row with the code in force; a `replaced` row with the
    /// most alike of the codes it replaces, the others shown as replaced by it; an `abolished` row
    /// shows the procedure in force as removed. With `draftIsNew` false the draft is the old side and
    /// every entry reads the other way.
    public static func draft(_ decision: Decision, against state: CatalogueState, draftIsNew: Bool = true) -> DecisionDiff {
        var inForce: [String: Procedure] = [:]
        inForce.reserveCapacity(state.count)
        for e in state.entries { inForce[e.key] = e.procedure }
        func current(_ key: String) -> Row? { inForce[key].map { Row($0, key: key) } }
        var pairs: [Pair] = []
        var claimed = Set<String>()
        for item in decision.items {
            var row = Row(item)
            if item.action == .amended { row.declared = item.changedParts }
            let key = item.subjectCode?.key
            switch item.action {
            case .new, .amended:
                if let key, let old = current(key) {
                    claimed.insert(key)
                    pairs.append(Pair(old: old, new: row))
                } else {
                    pairs.append(Pair(old: nil, new: row))
                }
            case .replaced:
                let olds = item.replaces.map(\.key).filter { inForce[$0] != nil && !claimed.contains($0) }
                claimed.formUnion(olds)
                guard let procedure = item.procedure, !olds.isEmpty else {
                    pairs.append(Pair(old: nil, new: row))
                    continue
                }
                let words = Matching.words(procedure.name)
                let best = olds.max { a, b in
                    (Matching.dice(Matching.words(inForce[a]!.name), words), b) < (Matching.dice(Matching.words(inForce[b]!.name), words), a)
                }!
                pairs.append(Pair(old: current(best), new: row, match: best == row.key ? nil : Match(kind: .replaces, key: best)))
                for other in olds where other != best {
                    // The group's other codes end here; the entry says which code takes them over.
                    var removed = current(other)!
                    removed.action = nil
                    pairs.append(Pair(old: removed, new: Row(key: other, name: removed.name, procedure: nil, action: .replaced)))
                }
            case .abolished:
                if let key, let old = current(key) {
                    // Not claimed: a new row of the same draft that is very like it is worth pointing out.
                    pairs.append(Pair(old: old, new: Row(key: key, name: old.name, procedure: nil, action: .abolished)))
                } else {
                    pairs.append(Pair(old: nil, new: row))
                }
            }
        }
        pairs = joinInForce(pairs, inForce: inForce, claimed: claimed)
        if !draftIsNew { pairs = pairs.map(\.swapped) }
        return DecisionDiff(entries: pairs.map { $0.entry() })
    }

    /// A draft row that no code pairs (a new procedure without a code, or with a code not in force)
    /// is compared with the procedure in force most like it, if one is alike enough.
    static func joinInForce(_ pairs: [Pair], inForce: [String: Procedure], claimed: Set<String>) -> [Pair] {
        let lonely = pairs.indices.filter { pairs[$0].old == nil && pairs[$0].new?.procedure != nil }
        guard !lonely.isEmpty else { return pairs }
        let keys = inForce.keys.filter { !claimed.contains($0) }.sorted()
        let found = Similarity.pair(keys.map { inForce[$0]! }, lonely.map { pairs[$0].new!.procedure! })
        var out = pairs
        for f in found {
            let key = keys[f.old], j = lonely[f.new]
            out[j].old = Row(inForce[key]!, key: key)
            out[j].match = Match(kind: .similar, key: key, name: f.name, content: f.content)
        }
        return out
    }
}
