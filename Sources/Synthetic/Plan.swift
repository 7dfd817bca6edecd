import Catalogue

/// The national timeline every province follows: which procedures exist, and which decision
/// announces, amends, replaces or abolishes each, on which date.
///
/// Decisions come out in date order and a procedure is acted on at most once per round, so replaying
/// them in order never meets a code that is not in force: the plan is error-free by construction.
/// A procedure whose row has its own later date is never touched again, nor is one already abolished
/// or replaced.
struct Plan {
    /// One procedure code and where it belongs.
    struct Slot {
        let field: Int
        let level: Level
        /// The national code `d.dddddd`.
        let code: String
        /// A replacement that merges a group of linked procedures into one.
        let mergesGroup: Bool
    }

    struct Item {
        var action: DecisionItem.Action
        /// For `new` and `replaced`, the procedure announced; otherwise the one acted on.
        var slot: Int
        var replaces: [Int] = []
        var effectiveOn: LocalDate?
    }

    /// A decision as ministries set it in motion; each province issues its own copy.
    struct Announcement {
        let ordinal: Int
        let signedOn: LocalDate
        let effectiveOn: LocalDate?
        /// True for the future-dated decision, whose effective date is the same in every province;
        /// other dates move with the province.
        let fixedEffectiveDate: Bool
        /// The field when the decision covers one field, as most do.
        let field: Int?
        /// The ministry decision the province follows.
        let parent: LegalBasis?
        /// The legal text that amends, replaces or abolishes, cited on those rows.
        let rowBasis: LegalBasis?
        let rowBasisText: String?
        let items: [Item]
    }

    var slots: [Slot]
    var announcements: [Announcement]

    init(_ options: SyntheticCatalogue.Options) {
        var builder = PlanBuilder(options)
        builder.initialAnnouncements()
        for round in SyntheticCatalogue.Timeline.rounds.indices { builder.round(round) }
        builder.futureDecision()
        slots = builder.slots
        announcements = builder.announcements
    }
}

private struct PlanBuilder {
    let options: SyntheticCatalogue.Options
    var r: SeededRandom
    /// Codes are `(a · slot + b) mod 2 000 000` with `a` coprime to the modulus: unique for every slot,
    /// scattered over 1.000000–2.999999, and computed without remembering the ones already used.
    let codeMultiplier: Int
    let codeOffset: Int

    var slots: [Plan.Slot] = []
    var announcements: [Plan.Announcement] = []
    /// Procedures that may still be acted on, as a whole and per field, with each slot's position.
    var live: [Int] = []
    var livePosition: [Int] = []
    var fieldLive: [[Int]]
    var fieldPosition: [Int] = []
    /// The round in which each slot was last acted on (-1: the first decisions).
    var touched: [Int] = []
    var parentCounters: [Int]

    static let levels: [Level] = [.province, .commune, .shared, .nonTerritorial]
    static let codeSpace = 2_000_000

    init(_ options: SyntheticCatalogue.Options) {
        self.options = options
        r = SeededRandom(seed: options.seed, .plan)
        var c = SeededRandom(seed: options.seed, .codes)
        var a = c.int(in: 100_001...1_999_999) | 1
        if a % 5 == 0 { a += 2 }
        codeMultiplier = a
        codeOffset = c.below(Self.codeSpace)
        fieldLive = Array(repeating: [], count: Vocabulary.fields.count)
        parentCounters = Vocabulary.ministries.indices.map { _ in 0 }
        for i in parentCounters.indices { parentCounters[i] = r.int(in: 100...900) }
        slots.reserveCapacity(options.procedures + options.procedures / 8 + 16)
    }

    // MARK: Slots

    mutating func newSlot(field: Int? = nil, level: Level? = nil, mergesGroup: Bool = false) -> Int {
        let f = field ?? r.weighted(Vocabulary.fieldWeights)
        let l = level ?? Self.levels[r.weighted(Vocabulary.fields[f].levelWeights)]
        let s = slots.count
        let v = (codeMultiplier * s + codeOffset) % Self.codeSpace
        let digits = String(v % 1_000_000)
        let code = "\(1 + v / 1_000_000)." + String(repeating: "0", count: 6 - digits.count) + digits
        slots.append(Plan.Slot(field: f, level: l, code: code, mergesGroup: mergesGroup))
        livePosition.append(-1)
        fieldPosition.append(-1)
        touched.append(-1)
        return s
    }

    mutating func addLive(_ s: Int) {
        livePosition[s] = live.count
        live.append(s)
        let f = slots[s].field
        fieldPosition[s] = fieldLive[f].count
        fieldLive[f].append(s)
    }

    mutating func removeLive(_ s: Int) {
        let i = livePosition[s]
        let lastSlot = live.removeLast()
        if lastSlot != s {
            live[i] = lastSlot
            livePosition[lastSlot] = i
        }
        livePosition[s] = -1
        let f = slots[s].field
        let j = fieldPosition[s]
        let lastInField = fieldLive[f].removeLast()
        if lastInField != s {
            fieldLive[f][j] = lastInField
            fieldPosition[lastInField] = j
        }
        fieldPosition[s] = -1
    }

    /// A live procedure not yet acted on in this round, or nil when none turns up.
    mutating func pickLive(round: Int) -> Int? {
        guard !live.isEmpty else { return nil }
        for _ in 0..<64 {
            let s = live[r.below(live.count)]
            if touched[s] != round { return s }
        }
        return live.first { touched[$0] != round }
    }

    mutating func pickLive(field f: Int, round: Int) -> Int? {
        let pool = fieldLive[f]
        guard !pool.isEmpty else { return nil }
        for _ in 0..<16 {
            let s = pool[r.below(pool.count)]
            if touched[s] != round { return s }
        }
        return nil
    }

    // MARK: Decisions

    /// Splits a list into the fewest decisions the cap allows, of nearly equal size.
    func chunks<T>(_ items: [T]) -> [[T]] {
        let cap = options.maxProceduresPerDecision
        let k = (items.count + cap - 1) / cap
        guard k > 1 else { return [items] }
        var out: [[T]] = []
        var start = 0
        for i in 0..<k {
            let size = items.count / k + (i < items.count % k ? 1 : 0)
            out.append(Array(items[start..<start + size]))
            start += size
        }
        return out
    }

    mutating func parent(field f: Int, signedOn: LocalDate) -> LegalBasis {
        let spec = Vocabulary.fields[f]
        let ministry = Vocabulary.ministries[spec.ministry]
        parentCounters[spec.ministry] += r.int(in: 5...80)
        return LegalBasis(
            number: "\(parentCounters[spec.ministry])/QĐ-\(ministry.short)",
            title: "Quyết định công bố thủ tục hành chính lĩnh vực \(spec.name) thuộc phạm vi chức năng quản lý của \(ministry.name)",
            issuedOn: signedOn.adding(days: -r.int(in: 7...30)))
    }

    mutating func rowBasis(field f: Int, signedOn: LocalDate) -> (LegalBasis, String) {
        let spec = Vocabulary.fields[f]
        let ministry = Vocabulary.ministries[spec.ministry]
        let number = "\(Vocabulary.twoDigits(r.int(in: 1...70)))/\(signedOn.year)/TT-\(ministry.short)"
        let basis = LegalBasis(
            number: number,
            title: "Thông tư sửa đổi, bổ sung một số điều của các thông tư trong lĩnh vực \(spec.name)",
            issuedOn: signedOn.adding(days: -r.int(in: 30...90)))
        return (basis, "Thông tư \(number)")
    }

    mutating func announce(
        signedOn: LocalDate, field: Int?, items: [Plan.Item], withRowBasis: Bool, effectiveOn: LocalDate? = nil
    ) {
        let effective = effectiveOn ?? (r.percent(10) ? signedOn.adding(days: r.int(in: 1...7)) : nil)
        var parent: LegalBasis?
        var basis: (LegalBasis, String)?
        if let field {
            parent = self.parent(field: field, signedOn: signedOn)
            if withRowBasis { basis = rowBasis(field: field, signedOn: signedOn) }
        } else if withRowBasis {
            let number = "\(r.int(in: 100...350))/\(signedOn.year)/NĐ-CP"
            basis = (
                LegalBasis(
                    number: number,
                    title: "Nghị định sửa đổi, bổ sung một số quy định về thủ tục hành chính để cắt giảm giấy tờ dựa trên dữ liệu sẵn có",
                    issuedOn: signedOn.adding(days: -r.int(in: 20...60))),
                "Nghị định \(number)"
            )
        }
        // Phần I order: new, amended, replaced, abolished; then by level.
        func rank(_ a: DecisionItem.Action) -> Int {
            switch a {
            case .new: 0
            case .amended: 1
            case .replaced: 2
            case .abolished: 3
            }
        }
        let sorted = items.sorted { a, b in
            (rank(a.action), slots[a.slot].level, a.slot) < (rank(b.action), slots[b.slot].level, b.slot)
        }
        announcements.append(Plan.Announcement(
            ordinal: announcements.count, signedOn: signedOn, effectiveOn: effective,
            fixedEffectiveDate: effectiveOn != nil, field: field, parent: parent, rowBasis: basis?.0,
            rowBasisText: basis?.1, items: sorted))
    }

    // MARK: Phases

    /// The first decisions: every procedure announced as new, field by field.
    mutating func initialAnnouncements() {
        let n = options.procedures
        var byField = [[Plan.Item]](repeating: [], count: Vocabulary.fields.count)
        for _ in 0..<n {
            let s = newSlot()
            addLive(s)
            byField[slots[s].field].append(Plan.Item(action: .new, slot: s))
        }
        var order = Array(Vocabulary.fields.indices)
        r.shuffle(&order)
        var groups: [(field: Int, items: [Plan.Item])] = []
        for f in order where !byField[f].isEmpty {
            for chunk in chunks(byField[f]) { groups.append((f, chunk)) }
        }
        let span = SyntheticCatalogue.Timeline.initialSpanDays
        for (i, group) in groups.enumerated() {
            let signed = SyntheticCatalogue.Timeline.start.adding(days: i * span / max(1, groups.count))
            announce(signedOn: signed, field: group.field, items: group.items, withRowBasis: false)
        }
    }

    /// A round of change: about a quarter of the year's amendments, replacements, abolitions and new
    /// procedures, one decision per field (more when the cap requires).
    mutating func round(_ index: Int) {
        let n = options.procedures
        let rounds = SyntheticCatalogue.Timeline.rounds.count
        func share(_ total: Int) -> Int { total / rounds + (index < total % rounds ? 1 : 0) }
        let base = SyntheticCatalogue.Timeline.rounds[index]
        var ops: [(field: Int, item: Plan.Item)] = []

        for _ in 0..<share((n * 2 + 50) / 100) {
            guard let s = pickLive(round: index) else { break }
            removeLive(s)
            touched[s] = index
            var item = Plan.Item(action: .abolished, slot: s)
            if r.percent(10) { item.effectiveOn = SyntheticCatalogue.Timeline.rowAbolitionDate }
            ops.append((slots[s].field, item))
        }

        var consumed = 0
        let toReplace = share((n * 2 + 50) / 100)
        while consumed < toReplace, let first = pickLive(round: index) {
            let f = slots[first].field
            removeLive(first)
            touched[first] = index
            var olds = [first]
            let size = r.percent(20) ? r.int(in: 2...3) : 1
            while olds.count < size, let s = pickLive(field: f, round: index) {
                removeLive(s)
                touched[s] = index
                olds.append(s)
            }
            let successor = newSlot(field: f, level: slots[first].level, mergesGroup: olds.count > 1)
            addLive(successor)
            touched[successor] = index
            ops.append((f, Plan.Item(action: .replaced, slot: successor, replaces: olds)))
            consumed += olds.count
        }

        for _ in 0..<share((n * 10 + 50) / 100) {
            guard let s = pickLive(round: index) else { break }
            touched[s] = index
            var item = Plan.Item(action: .amended, slot: s)
            if r.percent(4) {
                item.effectiveOn = base.adding(days: SyntheticCatalogue.Timeline.rowAmendmentDelayDays)
                removeLive(s)
            }
            ops.append((slots[s].field, item))
        }

        for _ in 0..<share((n * 25 + 500) / 1000) {
            let s = newSlot()
            addLive(s)
            touched[s] = index
            ops.append((slots[s].field, Plan.Item(action: .new, slot: s)))
        }

        var byField = [[Plan.Item]](repeating: [], count: Vocabulary.fields.count)
        for op in ops { byField[op.field].append(op.item) }
        var groups: [(field: Int, items: [Plan.Item])] = []
        for f in byField.indices where !byField[f].isEmpty {
            for chunk in chunks(byField[f]) { groups.append((f, chunk)) }
        }
        for (j, group) in groups.enumerated() {
            let signed = base.adding(days: j * SyntheticCatalogue.Timeline.roundSpanDays / max(1, groups.count))
            announce(signedOn: signed, field: group.field, items: group.items, withRowBasis: true)
        }
    }

    /// One decision signed in November 2026 that takes effect on 01/3/2027, across fields.
    mutating func futureDecision() {
        let n = options.procedures
        let index = SyntheticCatalogue.Timeline.rounds.count
        var items: [Plan.Item] = []
        for _ in 0..<max(1, (n + 399) / 400) {
            let s = newSlot()
            touched[s] = index
            items.append(Plan.Item(action: .new, slot: s))
        }
        for _ in 0..<max(1, (n + 199) / 200) {
            guard let s = pickLive(round: index) else { break }
            touched[s] = index
            items.append(Plan.Item(action: .amended, slot: s))
        }
        if let first = pickLive(round: index) {
            let f = slots[first].field
            removeLive(first)
            touched[first] = index
            var olds = [first]
            if let second = pickLive(field: f, round: index) {
                removeLive(second)
                touched[second] = index
                olds.append(second)
            }
            let successor = newSlot(field: f, level: slots[first].level, mergesGroup: olds.count > 1)
            touched[successor] = index
            items.append(Plan.Item(action: .replaced, slot: successor, replaces: olds))
        }
        let abolitions = max(1, (n + 399) / 400)
        for i in 0..<abolitions {
            guard let s = pickLive(round: index) else { break }
            removeLive(s)
            touched[s] = index
            let later = i == abolitions - 1 && abolitions > 1
            items.append(Plan.Item(
                action: .abolished, slot: s, effectiveOn: later ? SyntheticCatalogue.Timeline.futureRowAbolitionDate : nil))
        }
        announce(
            signedOn: SyntheticCatalogue.Timeline.futureDecisionSigned, field: nil,
            items: Array(items.prefix(options.maxProceduresPerDecision)), withRowBasis: true,
            effectiveOn: SyntheticCatalogue.Timeline.futureDecisionEffective)
    }
}
