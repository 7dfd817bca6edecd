import Catalogue

/// One side of a pairing: a decision row or a procedure in force.
struct Row: Sendable {
    /// The code key, or the name for a row without a code.
    var key: String
    var name: String
    var procedure: Procedure?
    /// The row's action, when the side is a decision row.
    var action: DecisionItem.Action?
    /// For an amended draft row set against the version in force: the parts it declares it changes.
    var declared: [Part]?

    init(key: String, name: String, procedure: Procedure?, action: DecisionItem.Action?) {
        self.key = key
        self.name = name
        self.procedure = procedure
        self.action = action
    }

    init(_ item: DecisionItem) {
        self.init(key: DecisionDiff.displayKey(item), name: item.subjectName ?? "", procedure: item.procedure,
                  action: item.action)
    }

    init(_ procedure: Procedure, key: String) {
        self.init(key: key, name: procedure.name, procedure: procedure, action: nil)
    }
}

/// What the diff shows as one procedure: the old side, the new side, or both.
struct Pair: Sendable {
    var old: Row?
    var new: Row?
    var match: Match?

    var swapped: Pair {
        Pair(old: new, new: old, match: match.map { m in m.inverted(key: new?.key ?? m.key) })
    }

    /// The entry a report shows; compares the contents when both sides have them.
    func entry() -> DecisionDiff.Entry {
        let shown = new ?? old
        /// A row that takes a procedure out (abolished, or replaced by another code) has no content.
        func endsIt(_ row: Row) -> Bool { row.procedure == nil && (row.action == .abolished || row.action == .replaced) }
        let status: DecisionDiff.Entry.Status = switch (old, new) {
        case (nil, nil): .compared
        case (let a?, let b?):
            a.procedure != nil && endsIt(b) ? .removed : b.procedure != nil && endsIt(a) ? .added : .compared
        case (_?, nil): .removed
        case (nil, _?): .added
        }
        var diff: ProcedureDiff?
        if let p = old?.procedure, let q = new?.procedure {
            // Most procedures of two catalogue states are the same value: skip the field-by-field walk.
            diff = p == q ? ProcedureDiff(code: q.code ?? p.code, name: q.name, changes: []) : ProcedureDiff.compare(p, q)
        }
        var entry = DecisionDiff.Entry(
            key: shown?.key ?? "", name: shown?.name ?? "", status: status, oldAction: old?.action,
            newAction: new?.action, diff: diff, match: match)
        if let declared = new?.declared ?? old?.declared, let p = old?.procedure, let q = new?.procedure {
            entry.parts = PartsCheck(declared: declared, changed: Part.allCases.filter { $0.differs(p, q) })
        }
        return entry
    }

    /// Joins, among `pairs`, one-sided pairs whose procedures are alike (by `Similarity`), keeping the
    /// joined pair where the new side stood.
    static func joinSimilar(_ pairs: [Pair]) -> [Pair] {
        let oldOnly = pairs.indices.filter { pairs[$0].new == nil && pairs[$0].old?.procedure != nil }
        let newOnly = pairs.indices.filter { pairs[$0].old == nil && pairs[$0].new?.procedure != nil }
        let found = Similarity.pair(oldOnly.map { pairs[$0].old!.procedure! }, newOnly.map { pairs[$0].new!.procedure! })
        guard !found.isEmpty else { return pairs }
        var out = pairs
        var dropped = Set<Int>()
        for f in found {
            let i = oldOnly[f.old], j = newOnly[f.new]
            let old = pairs[i].old!
            out[j].old = old
            out[j].match = Match(kind: .similar, key: old.key, name: f.name, content: f.content)
            dropped.insert(i)
        }
        return out.indices.filter { !dropped.contains($0) }.map { out[$0] }
    }
}
