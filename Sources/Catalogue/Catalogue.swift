/// The replayed catalogue: every decision and the full history of every procedure they announced.
///
/// Built by `Replay`; asks for the catalogue in force on any date with `state(at:)`.
public struct Catalogue: Sendable {
    /// Decisions by number.
    public var decisions: [String: Decision]
    /// Histories by procedure key.
    public var histories: [String: ProcedureHistory]

    public init(decisions: [String: Decision] = [:], histories: [String: ProcedureHistory] = [:]) {
        self.decisions = decisions
        self.histories = histories
    }

    /// The procedures in force on a date, sorted by key.
    public func state(at date: LocalDate) -> CatalogueState {
        state(at: date, sortedKeys: histories.keys.sorted())
    }

    /// The same, given every key of `histories` sorted (a caller that needs them sorted anyway):
    /// the keys are sorted, not the entries, which are large to move.
    public func state(at date: LocalDate, sortedKeys: [String]) -> CatalogueState {
        var entries: [CatalogueState.Entry] = []
        entries.reserveCapacity(sortedKeys.count)
        for key in sortedKeys {
            if let version = histories[key]?.version(at: date) {
                entries.append(CatalogueState.Entry(key: key, version: version))
            }
        }
        return CatalogueState(date: date, entries: entries)
    }

    /// Finds a history by code as typed: national code, local copy, or provisional key.
    public func history(for code: String) -> ProcedureHistory? {
        histories[ProcedureCode(code).key] ?? histories[code]
    }

    /// Decisions in the order they take effect.
    public var decisionsByEffectiveDate: [Decision] {
        decisions.values.sorted {
            ($0.effectiveDate, $0.signedOn, $0.number) < ($1.effectiveDate, $1.signedOn, $1.number)
        }
    }
}

/// The catalogue in force on one date: who may do what, where, with which papers, in how long, for how much.
public struct CatalogueState: Sendable {
    public var date: LocalDate
    public var entries: [Entry]

    public struct Entry: Sendable {
        public var key: String
        public var version: ProcedureVersion
        public var procedure: Procedure { version.procedure }
    }

    public var procedures: [Procedure] { entries.map(\.procedure) }
    public var count: Int { entries.count }

    /// Entries that carry one of the levels / one of the fields given (by name, diacritics-insensitive).
    public func filtered(levels: [Level] = [], fields: [String] = []) -> CatalogueState {
        let folded = fields.map { VietnameseText.searchKey($0) }
        let kept = entries.filter { entry in
            let p = entry.procedure
            let levelOK = levels.isEmpty || p.levels.contains { levels.contains($0) }
            let fieldOK = folded.isEmpty || p.fields.contains { f in
                folded.contains(VietnameseText.searchKey(f.name)) || folded.contains { $0 == f.code?.lowercased() }
            }
            return levelOK && fieldOK
        }
        return CatalogueState(date: date, entries: kept)
    }
}
