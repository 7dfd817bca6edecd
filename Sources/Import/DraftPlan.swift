import Catalogue

/// What to do with each imported record, planned against the catalogue in force: the draft decision,
/// and a row per record (and per proposed abolition) for the summary.
///
/// A code not in force is `new`; a code in force whose content differs is `amended`, with exactly the
/// parts that differ (`Part.changed`); identical content is left out and reported. Parts the portal
/// does not hold (the yearly volume, the province's reception places, keywords, the online-service
/// URL) are carried over from the version in force, so the import never erases them. One pass over
/// the records with dictionary look-ups: linear in records plus procedures in force.
public struct DraftPlan: Sendable {
    public struct Options: Sendable {
        public var number: String
        public var signedOn: LocalDate
        public var effectiveOn: LocalDate?
        public var authority: String
        public var title: String
        /// Only records carrying one of these levels are imported; rows are listed under the first.
        public var levels: [Level]
        /// Fields (by name, without diacritics, or code) whose in-force procedures missing from the
        /// import are proposed for abolition.
        public var abolishMissing: [String]

        public init(
            number: String, signedOn: LocalDate, effectiveOn: LocalDate? = nil, authority: String, title: String,
            levels: [Level] = [], abolishMissing: [String] = []
        ) {
            self.number = number
            self.signedOn = signedOn
            self.effectiveOn = effectiveOn
            self.authority = authority
            self.title = title
            self.levels = levels
            self.abolishMissing = abolishMissing
        }

        public var effectiveDate: LocalDate { effectiveOn ?? signedOn }
    }

    public enum Outcome: Hashable, Sendable {
        case new
        case amended([Part])
        case unchanged
        case abolished
        case skipped(String)
    }

    public struct Row: Hashable, Sendable {
        public var code: String
        public var name: String
        public var file: String?
        public var outcome: Outcome
    }

    public var decision: Decision
    /// Sorted by code, then file.
    public var rows: [Row]

    public static func plan(_ records: [PortalRecord], state: CatalogueState, options: Options) -> DraftPlan {
        var rows: [Row] = []
        func row(_ r: PortalRecord, _ outcome: Outcome) {
            rows.append(Row(code: r.procedure.code?.rawValue ?? "", name: r.procedure.name, file: r.file, outcome: outcome))
        }

        // Level filter.
        var kept: [PortalRecord] = []
        for r in records {
            if !options.levels.isEmpty, !r.procedure.levels.contains(where: options.levels.contains) {
                let asked = options.levels.map { $0.vietnamese.lowercased() }.joined(separator: ", ")
                let has = r.procedure.levels.map { $0.vietnamese.lowercased() }.joined(separator: ", ")
                row(r, .skipped("không thuộc \(asked) (bản ghi: \(has.isEmpty ? "không ghi cấp" : has))"))
            } else {
                kept.append(r)
            }
        }

        // One record per code: the portal's latest edit, then the first file.
        var byKey: [String: PortalRecord] = [:]
        for r in kept {
            let key = r.procedure.code?.key ?? r.file
            guard let other = byKey[key] else {
                byKey[key] = r
                continue
            }
            let rIsNewer = (r.updatedAt ?? .min, other.file) > (other.updatedAt ?? .min, r.file)
            let (winner, loser) = rIsNewer ? (r, other) : (other, r)
            byKey[key] = winner
            row(loser, .skipped("cùng mã với \(winner.file), bản ghi được cập nhật sau hơn nên được dùng"))
        }

        var inForce: [String: Procedure] = [:]
        inForce.reserveCapacity(state.entries.count)
        for entry in state.entries { inForce[entry.key] = entry.procedure }

        var items: [DecisionItem] = []
        for key in byKey.keys.sorted() {
            let r = byKey[key]!
            let imported = r.procedure
            let level = options.levels.first(where: imported.levels.contains) ?? imported.levels.sorted().first
            let basis = r.announcedBy?.number
            guard let current = inForce[key] else {
                items.append(DecisionItem(action: .new, level: level, field: imported.fields.first, basis: basis, procedure: imported))
                row(r, .new)
                continue
            }
            let merged = carryOver(from: current, into: imported)
            let changed = Part.changed(from: current, to: merged).sorted()
            if changed.isEmpty {
                row(r, .unchanged)
                continue
            }
            items.append(DecisionItem(
                action: .amended, level: level, field: merged.fields.first, changedParts: changed, basis: basis,
                procedure: merged))
            row(r, .amended(changed))
        }

        // Proposed abolitions: in force, in one of the fields named, absent from the import.
        if !options.abolishMissing.isEmpty {
            let wanted = options.abolishMissing.map(VietnameseText.searchKey)
            for entry in state.entries where byKey[entry.key] == nil {
                let p = entry.procedure
                guard let field = p.fields.first(where: { f in
                    wanted.contains(VietnameseText.searchKey(f.name)) || f.code.map { wanted.contains($0.lowercased()) } == true
                }) else { continue }
                items.append(DecisionItem(
                    action: .abolished, code: p.code ?? ProcedureCode(entry.key), name: p.name,
                    level: p.levels.sorted().first, field: field))
                rows.append(Row(code: p.code?.rawValue ?? entry.key, name: p.name, file: nil, outcome: .abolished))
            }
        }

        // Phần I order: action, then level, then field, then code. The keys are made once per item,
        // not once per comparison (the level's rank looked up in a fresh `Level.allCases` each time).
        let actionOrder: [DecisionItem.Action] = [.new, .amended, .replaced, .abolished]
        let levels = Level.allCases
        var keyed = items.map { item in
            (key: (actionOrder.firstIndex(of: item.action)!, item.level.flatMap { levels.firstIndex(of: $0) } ?? 99,
                   item.field?.name ?? "", item.subjectCode?.rawValue ?? ""),
             item: item)
        }
        items = []
        keyed.sort { $0.key < $1.key }
        items = keyed.map(\.item)
        rows.sort { ($0.code, $0.file ?? "") < ($1.code, $1.file ?? "") }

        // The ministry decisions the records were announced by are the draft's legal bases.
        var announcing: [String: AnnouncingDecision] = [:]
        for r in byKey.values {
            guard let a = r.announcedBy else { continue }
            if let known = announcing[a.number], (known.signedOn, known.agency) != (nil, nil) { continue }
            announcing[a.number] = a
        }
        let bases = announcing.keys.sorted().map { announcing[$0]!.legalBasis }
        let decision = Decision(
            number: options.number, signedOn: options.signedOn, authority: options.authority, title: options.title,
            effectiveOn: options.effectiveOn, legalBases: bases,
            parentDecision: bases.count == 1 ? bases[0].number : nil, items: items)
        return DraftPlan(decision: decision, rows: rows)
    }

    /// The imported content, with what the portal does not hold kept from the version in force.
    static func carryOver(from current: Procedure, into imported: Procedure) -> Procedure {
        var p = imported
        p.code = current.code ?? imported.code
        p.annualVolume = current.annualVolume
        if p.reception.isEmpty { p.reception = current.reception }
        if p.keywords.isEmpty { p.keywords = current.keywords }
        if p.dossier.sets == nil { p.dossier.sets = current.dossier.sets }
        if p.online != nil, p.online?.url == nil { p.online?.url = current.online?.url }
        return p
    }

    public func count(_ match: (Outcome) -> Bool) -> Int { rows.filter { match($0.outcome) }.count }
}
