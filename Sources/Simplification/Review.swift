import Catalogue

/// The simplification review of a catalogue in force (DOMAIN.md §5): every rule over every
/// procedure, the overlap search over all of them, and the compliance cost of each proposal.
public struct Review: Sendable {
    public var matcher: DocumentMatcher
    public var cost: CostModel
    /// The rules to run; all by default.
    public var rules: Set<RuleID> = Set(RuleID.allCases)
    /// The proposals that count in the totals and the draft; all by default.
    public var selection = Selection.all
    public var overlap = Overlap()
    public var timeReferences: [String: TimeReference] = [:]
    /// National-portal records' times by national code key, for the time rule (`--national`).
    public var nationalTimes: [String: NationalTime] = [:]

    public init(matcher: DocumentMatcher, cost: CostModel) {
        self.matcher = matcher
        self.cost = cost
    }

    public func run(_ procedures: [(key: String, procedure: Procedure)]) -> ReviewReport {
        var reviewed: [ProcedureReview] = []
        let comparisons = stream(procedures, transform: { $0 }) { reviewed += $0 }
        return ReviewReport(procedures: reviewed, selection: selection, rules: rules, comparisons: comparisons)
    }

    /// The review without holding it whole: the procedures are reviewed batch by batch on every
    /// core, each review handed to `transform` on the core that made it (to keep only what a report
    /// needs), and each batch's results to `consume` on the calling thread, in catalogue order.
    /// Returns the exact overlap comparisons made (nil when the rule did not run).
    public func stream<T: Sendable>(
        _ procedures: [(key: String, procedure: Procedure)], batch: Int = 4096,
        transform: @Sendable (ProcedureReview) -> T, consume: ([T]) throws -> Void
    ) rethrows -> Int? {
        // Dossier items and wordings (steps, requirements, results, agencies) repeat across
        // procedures: each distinct one is read once, the distinct ones split between the cores,
        // then each procedure is put together from them (with its overlap documents when that rule
        // runs), again on every core.
        let matcher = matcher, withOverlap = rules.contains(.overlap)
        var names: [String: Int] = [:], texts: [String: Int] = [:]
        for (_, p) in procedures {
            for c in p.dossier.cases { for item in c.items where names[item.name] == nil { names[item.name] = names.count } }
            for group in p.steps { for step in group.steps where texts[step.text] == nil { texts[step.text] = texts.count } }
            for r in p.requirements where texts[r.text] == nil { texts[r.text] = texts.count }
            if withOverlap {
                for r in p.results where texts[r.name] == nil { texts[r.name] = texts.count }
                for a in p.agencies where a.role == .performing && texts[a.name] == nil { texts[a.name] = texts.count }
            }
        }
        let (nameList, textList) = (Self.ordered(names), Self.ordered(texts))
        let readings = parallelChunks(nameList.count) { range in range.map { matcher.read(nameList[$0]) } }
        let folded = parallelChunks(textList.count) { range in range.map { matcher.textWords(textList[$0]) } }
        let (nameIndex, textIndex) = (names, texts)
        var prepared = parallelChunks(procedures.count) { range in
            // A wording not seen above (none should be) is read here.
            let words = { (text: String) in textIndex[text].map { folded[$0] } ?? matcher.textWords(text) }
            return range.map { n in
                let (key, p) = procedures[n]
                let subject = ReviewSubject(
                    key: key, procedure: p,
                    readings: p.dossier.cases.map { c in c.items.map { nameIndex[$0.name].map { readings[$0] } ?? matcher.read($0.name) } },
                    words: words)
                return (subject: subject, documents: withOverlap ? Overlap.documents(of: subject, words: words) : [])
            }
        }
        let subjects = prepared.map(\.subject)
        var documents = withOverlap ? prepared.flatMap(\.documents) : []
        prepared = []
        // Overlap looks at the whole catalogue; its findings join each procedure's own below.
        var overlapFindings: [Int: [Finding]] = [:]
        var overlapResult: Overlap.Result?
        if withOverlap {
            let result = overlap.find(documents)
            documents = []
            let position = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($1.key, $0) })
            for group in result.groups {
                let first = group.members[0], n = position[first.key]!
                let others = group.members.dropFirst().map { "\($0.code) «\($0.name)»" }.joined(separator: "; ")
                var f = subjects[n].finding(
                    .overlap, at: "Toàn bộ thủ tục", subject: group.members.map(\.name).joined(separator: " | "),
                    reason: "Thành phần hồ sơ, kết quả và cơ quan thực hiện trùng \(Self.percent(group.score)) với: \(others).",
                    legalGround: "Nghị định 63/2010/NĐ-CP, Điều 8 (liên thông, hợp nhất thủ tục có liên quan); Nghị quyết 66.7/2025/NQ-CP",
                    proposal: "Xem xét hợp nhất \(group.members.count) thủ tục thành một thủ tục (có các trường hợp riêng nếu cần).")
                f.overlap = OverlapDetail(members: group.members.map(Self.member), score: group.score, shared: group.shared)
                overlapFindings[n, default: []].append(f)
            }
            // One finding per case: its closest procedure.
            var best: [String: Overlap.SubCase] = [:]
            for sub in result.subCases {
                let id = "\(sub.subCase.key)#\(sub.subCase.caseIndex ?? 0)"
                if let b = best[id], b.score >= sub.score { continue }
                best[id] = sub
            }
            for sub in best.values.sorted(by: { ($0.subCase.key, $0.subCase.caseIndex ?? 0) < ($1.subCase.key, $1.subCase.caseIndex ?? 0) }) {
                let n = position[sub.subCase.key]!
                var f = subjects[n].finding(
                    .overlap, at: "Thành phần hồ sơ, trường hợp «\(sub.subCase.caseName ?? "")»",
                    subject: sub.subCase.caseName ?? "",
                    reason: "Trường hợp này trùng \(Self.percent(sub.score)) với thủ tục \(sub.other.code) «\(sub.other.name)».",
                    legalGround: "Nghị định 63/2010/NĐ-CP, Điều 8; Nghị quyết 66.7/2025/NQ-CP",
                    proposal: "Bỏ trường hợp này khỏi thủ tục, dẫn chiếu thủ tục \(sub.other.code), hoặc hợp nhất hai thủ tục.")
                f.overlap = OverlapDetail(members: [Self.member(sub.subCase), Self.member(sub.other)], score: sub.score, shared: sub.shared)
                overlapFindings[n, default: []].append(f)
            }
            overlapResult = result
        }
        let overlapByProcedure = overlapFindings
        let review = self
        var start = 0
        while start < subjects.count {
            let end = min(subjects.count, start + max(1, batch)), offset = start
            try consume(parallelChunks(end - start) { range in
                range.map { n in transform(review.review(subjects[offset + n], extra: overlapByProcedure[offset + n] ?? [])) }
            })
            start = end
        }
        return overlapResult?.comparisons
    }

    /// One procedure: every rule, then the cost of each proposal and of the accepted ones together.
    private func review(_ s: ReviewSubject, extra: [Finding]) -> ProcedureReview {
        var f: [Finding] = []
        if rules.contains(.database) { f += DatabaseRule().check(s) }
        if rules.contains(.householdBook) { f += HouseholdBookRule(matcher: matcher).check(s) }
        if rules.contains(.certifiedCopy) { f += CertifiedCopyRule().check(s) }
        if rules.contains(.sets) { f += SetsRule().check(s) }
        if rules.contains(.duplicateItem) { f += DuplicateItemRule().check(s) }
        if rules.contains(.time) { f += TimeRule(references: timeReferences, national: nationalTimes).check(s) }
        if rules.contains(.online) { f += OnlineRule(matcher: matcher).check(s) }
        if rules.contains(.noBasis) { f += NoBasisRule().check(s) }
        f += extra
        let before = cost.cost(s)
        for i in f.indices {
            f[i].cost = cost.effect(of: f[i].edits, on: s, matcher: matcher, before: before)
        }
        let edits = f.filter { selection.accepts($0) }.flatMap(\.edits)
        let effect = cost.effect(of: edits, on: s, matcher: matcher, before: before)
        return ProcedureReview(
            key: s.key, code: s.code, name: s.procedure.name, procedure: s.procedure,
            findings: f.sorted { ($0.rule, $0.location) < ($1.rule, $1.location) }, cost: effect,
            simplified: edits.isEmpty ? s.procedure : Edit.apply(edits, to: s.procedure))
    }

    /// The keys of a dictionary of first positions, in that order.
    private static func ordered(_ positions: [String: Int]) -> [String] {
        var out = [String](repeating: "", count: positions.count)
        for (text, n) in positions { out[n] = text }
        return out
    }

    static func member(_ d: Overlap.Document) -> OverlapDetail.Member {
        OverlapDetail.Member(key: d.key, code: d.code, name: d.name, caseName: d.caseName)
    }

    static func percent(_ score: Double) -> String { "\(Int((score * 100).rounded())) %" }
}

/// One procedure's review: its findings and what all accepted proposals together save. A class, so
/// that lists of reviews (100,000 of them, each holding two procedures) copy as references.
public final class ProcedureReview: Sendable {
    public let key: String
    public let code: String
    public let name: String
    public let procedure: Procedure
    public let findings: [Finding]
    public let cost: CostEffect
    /// The procedure with every accepted proposal applied: the content of the draft's amended row.
    public let simplified: Procedure

    init(key: String, code: String, name: String, procedure: Procedure, findings: [Finding], cost: CostEffect, simplified: Procedure) {
        self.key = key
        self.code = code
        self.name = name
        self.procedure = procedure
        self.findings = findings
        self.cost = cost
        self.simplified = simplified
    }
}

/// The review of a catalogue: per procedure, and the totals a review meeting reads first.
public struct ReviewReport: Sendable {
    public var procedures: [ProcedureReview]
    public var selection: Selection
    public var rules: Set<RuleID>
    /// Exact overlap comparisons made (nil when the rule did not run).
    public var comparisons: Int?

    public init(procedures: [ProcedureReview], selection: Selection, rules: Set<RuleID>, comparisons: Int?) {
        self.procedures = procedures
        self.selection = selection
        self.rules = rules
        self.comparisons = comparisons
    }

    public var findings: [Finding] { procedures.flatMap(\.findings) }

    public func count(_ rule: RuleID) -> Int { counts[rule] ?? 0 }

    /// Findings per rule, counted once.
    public var counts: [RuleID: Int] {
        var out: [RuleID: Int] = [:]
        for p in procedures { for f in p.findings { out[f.rule, default: 0] += 1 } }
        return out
    }

    /// Procedures with findings.
    public var withFindings: [ProcedureReview] { procedures.filter { !$0.findings.isEmpty } }

    /// Procedures whose annual volume is unknown, so that no annual cost is made up for them.
    public var missingVolumes: [ProcedureReview] { procedures.filter { $0.procedure.annualVolume == nil } }

    /// Annual totals over the procedures with a known volume, in đồng.
    public var annualBefore: Double { procedures.reduce(0) { $0 + ($1.cost.annualBefore ?? 0) } }
    public var annualAfter: Double { procedures.reduce(0) { $0 + ($1.cost.annualAfter ?? 0) } }
    public var annualSaving: Double { annualBefore - annualAfter }
    public var reductionRate: Double { annualBefore > 0 ? annualSaving / annualBefore * 100 : 0 }
}
