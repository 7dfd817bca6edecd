import Catalogue

/// A made-up but realistic catalogue of any size, for benchmarks and scale tests (`tthc generate`).
///
/// Every province gets a `Province` marked `sample` and a list of decisions whose replay is free of
/// errors and warnings: first the procedures are announced as new, field by field; then four rounds
/// in 2026 amend about 10 % of them (declaring exactly the parts that change), replace about 2 %
/// (some as groups of linked procedures merged into one new code), abolish about 2 % and add a few
/// new ones; last comes one decision signed in November 2026 that takes effect on 01/3/2027.
/// Some rows carry their own later date. See `Timeline` for the dates.
///
/// Provinces share the national codes and the national content, so comparing them is meaningful;
/// they differ in local details: times cut, fees waived online or set by the provincial council,
/// an authorised one-stop centre, communes that receive provincial dossiers, dossier volumes, decision
/// numbers and dates, and whether a decision writes local codes (`<national>.000.00.00.Hnn`).
///
/// The same options always give the same catalogue, on any platform: everything is drawn from seeded
/// SplitMix64 streams, and nothing is taken from `Dictionary` or `Set` order.
public enum SyntheticCatalogue {
    public struct Options: Hashable, Sendable {
        /// Procedures announced as new by the first decisions; about as many are in force at the end.
        public var procedures: Int
        public var provinces: Int
        public var seed: UInt64
        /// Rows per decision. The loader refuses files over 32 MiB; 2,000 full procedures make a few MiB.
        public var maxProceduresPerDecision: Int

        public init(procedures: Int, provinces: Int = 1, seed: UInt64 = 1, maxProceduresPerDecision: Int = 2000) {
            self.procedures = procedures
            self.provinces = provinces
            self.seed = seed
            self.maxProceduresPerDecision = maxProceduresPerDecision
        }

        public static let proceduresRange = 1...1_000_000
        /// Agency codes have two digits: H01…H99.
        public static let provincesRange = 1...99

        /// What is wrong with these options, in one sentence a user can act on; nil when they are fine.
        public var problem: String? {
            if !Self.proceduresRange.contains(procedures) {
                return "the number of procedures must be between \(Self.proceduresRange.lowerBound) and \(Self.proceduresRange.upperBound), not \(procedures)"
            }
            if !Self.provincesRange.contains(provinces) {
                return "the number of provinces must be between \(Self.provincesRange.lowerBound) and \(Self.provincesRange.upperBound), not \(provinces)"
            }
            if maxProceduresPerDecision < 1 {
                return "each decision must be allowed at least one procedure, not \(maxProceduresPerDecision)"
            }
            return nil
        }
    }

    /// One province's files: `province.json` and its decisions, in the order they were signed.
    public struct ProvinceCatalogue: Hashable, Sendable {
        public var province: Province
        public var decisions: [Decision]

        public init(province: Province, decisions: [Decision]) {
            self.province = province
            self.decisions = decisions
        }
    }

    /// The dates the generated decisions follow, for tests and benchmarks that ask for the catalogue
    /// in force at a given point.
    public enum Timeline {
        /// The first decisions are signed from this day (the two-level reform).
        public static let start = LocalDate.known(2025, 7, 1)
        /// By this day every procedure of the first decisions is in force and nothing else has
        /// happened: the catalogue holds exactly `Options.procedures` procedures.
        public static let initialAnnouncementsComplete = LocalDate.known(2025, 12, 31)
        /// The rounds of amendments, replacements and abolitions start on these days.
        public static let rounds = [
            LocalDate.known(2026, 1, 12), LocalDate.known(2026, 4, 13), LocalDate.known(2026, 7, 13),
            LocalDate.known(2026, 10, 12),
        ]
        /// Signing date of the one decision that takes effect in the future (before a province's shift).
        public static let futureDecisionSigned = LocalDate.known(2026, 11, 16)
        public static let futureDecisionEffective = LocalDate.known(2027, 3, 1)
        /// After every event: the catalogue in force at the end.
        public static let end = LocalDate.known(2027, 12, 31)

        static let initialSpanDays = 150
        static let roundSpanDays = 28
        static let rowAmendmentDelayDays = 60
        static let rowAbolitionDate = LocalDate.known(2027, 1, 1)
        static let futureRowAbolitionDate = LocalDate.known(2027, 7, 1)
    }

    /// Generates every province's catalogue. The options must be valid (`problem == nil`).
    public static func generate(_ options: Options) -> [ProvinceCatalogue] {
        precondition(options.problem == nil, options.problem ?? "")
        let plan = Plan(options)
        let factory = ProcedureFactory(seed: options.seed)
        var provinces = (1...options.provinces).map { ProvinceContext(seed: options.seed, index: $0) }
        var current = Array(repeating: [Procedure?](repeating: nil, count: plan.slots.count), count: provinces.count)
        var decisions = Array(repeating: [Decision](), count: provinces.count)
        for i in decisions.indices { decisions[i].reserveCapacity(plan.announcements.count) }

        for announcement in plan.announcements {
            // National content, made once and shared by every province.
            let national: [Procedure?] = announcement.items.map { item in
                guard item.action == .new || item.action == .replaced else { return nil }
                let slot = plan.slots[item.slot]
                return factory.make(
                    slot: item.slot, code: slot.code, field: slot.field, level: slot.level, linked: slot.mergesGroup)
            }
            let amendments: [Amendment?] = announcement.items.map { item in
                guard item.action == .amended, let basis = announcement.rowBasis else { return nil }
                return Amendment(seed: options.seed, slot: item.slot, decision: announcement.ordinal, basis: basis)
            }

            for p in provinces.indices {
                let context = provinces[p]
                let local = context.usesLocalCodes(announcement.ordinal)
                var items: [DecisionItem] = []
                items.reserveCapacity(announcement.items.count)
                for (i, item) in announcement.items.enumerated() {
                    let slot = plan.slots[item.slot]
                    let field = Vocabulary.fields[slot.field].field
                    switch item.action {
                    case .new, .replaced:
                        var procedure = context.localise(national[i]!, slot: item.slot)
                        procedure.code = context.code(slot.code, local: local)
                        if slot.mergesGroup {
                            let names = item.replaces.map { Vocabulary.lowercasedFirst(current[p][$0]!.name) }
                            procedure.name = "Liên thông các thủ tục hành chính: " + names.joined(separator: "; ")
                        }
                        for old in item.replaces { current[p][old] = nil }
                        current[p][item.slot] = procedure
                        items.append(DecisionItem(
                            action: item.action, level: slot.level, field: field, effectiveOn: item.effectiveOn,
                            replaces: item.replaces.map { context.code(plan.slots[$0].code, local: local) },
                            basis: item.action == .replaced ? announcement.rowBasisText : nil, procedure: procedure))
                    case .amended:
                        let old = current[p][item.slot]!
                        var new = amendments[i]!.apply(to: old)
                        var changed = Part.changed(from: old, to: new)
                        if changed.isEmpty {
                            // Never an amendment that changes nothing: say so in the notes instead.
                            new.notes = "Sửa đổi, bổ sung theo \(announcement.rowBasisText ?? "quy định mới")."
                            changed = Part.changed(from: old, to: new)
                        }
                        let parts = changed.sorted()
                        current[p][item.slot] = new
                        items.append(DecisionItem(
                            action: .amended, level: slot.level, field: field, effectiveOn: item.effectiveOn,
                            changedParts: parts, basis: announcement.rowBasisText, procedure: new))
                    case .abolished:
                        let old = current[p][item.slot]!
                        current[p][item.slot] = nil
                        items.append(DecisionItem(
                            action: .abolished, code: context.code(slot.code, local: local), name: old.name,
                            level: slot.level, field: field, effectiveOn: item.effectiveOn,
                            basis: announcement.rowBasisText))
                    }
                }
                decisions[p].append(decision(announcement, items: items, province: &provinces[p]))
            }
        }
        return provinces.indices.map { ProvinceCatalogue(province: provinces[$0].province, decisions: decisions[$0]) }
    }

    private static func decision(
        _ a: Plan.Announcement, items: [DecisionItem], province: inout ProvinceContext
    ) -> Decision {
        let shift = province.shiftDays
        let signed = a.signedOn.adding(days: shift)
        let effective = a.fixedEffectiveDate ? a.effectiveOn : a.effectiveOn.map { $0.adding(days: shift) }

        var actions: [String] = []
        if items.contains(where: { $0.action == .new }) { actions.append("mới ban hành") }
        if items.contains(where: { $0.action == .amended }) { actions.append("được sửa đổi, bổ sung") }
        if items.contains(where: { $0.action == .replaced }) { actions.append("được thay thế") }
        if items.contains(where: { $0.action == .abolished }) { actions.append("bị bãi bỏ") }
        let kinds = actions.count > 1 ? actions.dropLast().joined(separator: ", ") + " và " + actions.last! : actions[0]

        let title: String
        if let f = a.field {
            let spec = Vocabulary.fields[f]
            let department = province.department(Vocabulary.ministries[spec.ministry].department)
            title = "Về việc công bố danh mục thủ tục hành chính \(kinds) trong lĩnh vực \(spec.name) thuộc phạm vi chức năng quản lý của \(department)"
        } else {
            title = "Về việc công bố danh mục thủ tục hành chính \(kinds) thuộc thẩm quyền giải quyết của các cơ quan trên địa bàn tỉnh \(province.shortName)"
        }

        var bases = commonBases
        if let basis = a.rowBasis { bases.append(basis) }
        if let parent = a.parent { bases.append(parent) }
        return Decision(
            number: province.nextDecisionNumber(), signedOn: signed, place: province.shortName,
            authority: province.authority, signer: province.signer(a.ordinal), title: title, effectiveOn: effective,
            legalBases: bases, parentDecision: a.parent?.number, items: items)
    }

    /// The texts every announcing decision cites (DOMAIN.md §1).
    private static let commonBases: [LegalBasis] = [
        LegalBasis(number: "63/2010/NĐ-CP", title: "Nghị định về kiểm soát thủ tục hành chính"),
        LegalBasis(
            number: "92/2017/NĐ-CP",
            title: "Nghị định sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính"),
        LegalBasis(
            number: "118/2025/NĐ-CP",
            title: "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"),
        LegalBasis(number: "02/2017/TT-VPCP", title: "Thông tư hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính"),
    ]
}
