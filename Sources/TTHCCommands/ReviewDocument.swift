import Catalogue
import Foundation
import Simplification

/// The review as data: the JSON `tthc review --format json` writes (documented in its `--help` and
/// the README), and the one source the text, CSV and HTML outputs are rendered from.
struct ReviewDocument: Encodable {
    var date: String
    var sample: Bool
    var rules: [String]
    var accepted: [String]
    var summary: Summary
    var procedures: [ProcedureEntry]

    struct Summary: Encodable {
        var procedures: Int
        var proceduresWithFindings: Int
        var findings: Int
        var byRule: [RuleCount]
        /// Over procedures with a known annual volume, in đồng a year.
        var annualCostBefore: Int
        var annualCostAfter: Int
        var annualSaving: Int
        var reductionRate: Double
        /// Codes of reviewed procedures without an annual volume: no annual cost is computed for them.
        var missingVolumes: [String]
        /// Pairs the overlap rule scored exactly (LSH candidates), to show it does not compare all pairs.
        var overlapComparisons: Int?
    }

    struct RuleCount: Encodable {
        var rule: String
        var title: String
        var count: Int
    }

    struct ProcedureEntry: Encodable {
        var key: String
        var code: String
        var name: String
        var annualVolume: Int?
        var cost: CostSummary
        var findings: [FindingEntry]
    }

    struct CostSummary: Encodable {
        var perInstanceBefore: Int
        var perInstanceAfter: Int
        var perInstanceSaving: Int
        var reductionRate: Double
        var annualBefore: Int?
        var annualAfter: Int?
        var annualSaving: Int?

        init(_ e: CostEffect) {
            // `CostEffect`'s figures, each breakdown summed once.
            let before = e.before.perInstance, after = e.after.perInstance
            perInstanceBefore = Int(before.rounded())
            perInstanceAfter = Int(after.rounded())
            perInstanceSaving = perInstanceBefore - perInstanceAfter
            reductionRate = Money.round2(before > 0 ? (before - after) / before * 100 : 0)
            annualBefore = e.before.annualVolume.map { Int((before * Double($0)).rounded()) }
            annualAfter = e.after.annualVolume.map { Int((after * Double($0)).rounded()) }
            annualSaving = annualBefore.flatMap { b in annualAfter.map { b - $0 } }
        }
    }

    struct FindingEntry: Encodable {
        var rule: String
        var location: String
        var subject: String
        var reason: String
        var legalGround: String
        var proposal: String
        /// Whether the draft amendment can apply the proposal by itself (false: a person decides).
        var automatic: Bool
        /// Whether the proposal is accepted (counts in the totals and the draft).
        var accepted: Bool
        var database: DatabaseEntry?
        var overlap: OverlapEntry?
        var cost: CostSummary?
    }

    struct DatabaseEntry: Encodable {
        var document: String
        var database: String
        var ministry: String
        var legal: String
        var procedureBasis: String?
        var article: String?
    }

    struct OverlapEntry: Encodable {
        var score: Double
        var members: [Member]
        var shared: [String]

        struct Member: Encodable {
            var code: String
            var name: String
            var caseName: String?
        }
    }

    /// The totals of the summary, added up procedure by procedure in catalogue order as the review
    /// streams by, so that the procedures need not be held until the report is written.
    struct Totals {
        var procedures = 0
        var withFindings = 0
        var findings = 0
        var counts: [RuleID: Int] = [:]
        var annualBefore = 0.0
        var annualAfter = 0.0
        var missingVolumes: [String] = []

        mutating func add(_ share: Share) {
            procedures += 1
            if !share.rules.isEmpty { withFindings += 1 }
            findings += share.rules.count
            for rule in share.rules { counts[rule, default: 0] += 1 }
            annualBefore += share.annualBefore ?? 0
            annualAfter += share.annualAfter ?? 0
            if let code = share.missingVolume { missingVolumes.append(code) }
        }
    }

    /// One procedure's part of the totals.
    struct Share: Sendable {
        /// The rule of each finding.
        var rules: [RuleID]
        var annualBefore: Double?
        var annualAfter: Double?
        /// The procedure's code when its annual volume is unknown.
        var missingVolume: String?

        init(_ p: ProcedureReview) {
            rules = p.findings.map(\.rule)
            annualBefore = p.cost.annualBefore
            annualAfter = p.cost.annualAfter
            missingVolume = p.procedure.annualVolume == nil ? p.code : nil
        }
    }

    /// The document with its summary and without its procedures, which the outputs stream after it.
    init(date: LocalDate, sample: Bool, rules ruleSet: Set<RuleID>, selection: Selection, totals: Totals, comparisons: Int?) {
        self.date = date.iso
        self.sample = sample
        rules = RuleID.allCases.filter { ruleSet.contains($0) }.map(\.rawValue)
        accepted = RuleID.allCases.filter { selection.rules.contains($0) }.map(\.rawValue)
        let before = Int(totals.annualBefore.rounded()), after = Int(totals.annualAfter.rounded())
        let rate = totals.annualBefore > 0 ? (totals.annualBefore - totals.annualAfter) / totals.annualBefore * 100 : 0
        summary = Summary(
            procedures: totals.procedures, proceduresWithFindings: totals.withFindings,
            findings: totals.findings,
            byRule: RuleID.allCases.filter { ruleSet.contains($0) }.map {
                RuleCount(rule: $0.rawValue, title: $0.vietnamese, count: totals.counts[$0] ?? 0)
            },
            annualCostBefore: before, annualCostAfter: after, annualSaving: before - after,
            reductionRate: Money.round2(rate),
            missingVolumes: totals.missingVolumes, overlapComparisons: comparisons)
        procedures = []
    }

    /// One procedure with findings, as the outputs show it.
    static func entry(_ p: ProcedureReview, selection: Selection) -> ProcedureEntry {
        ProcedureEntry(
            key: p.key, code: p.code, name: p.name, annualVolume: p.procedure.annualVolume, cost: CostSummary(p.cost),
            findings: p.findings.map { f in
                FindingEntry(
                    rule: f.rule.rawValue, location: f.location, subject: f.subject, reason: f.reason,
                    legalGround: f.legalGround, proposal: f.proposal, automatic: !f.edits.isEmpty,
                    accepted: selection.accepts(f),
                    database: f.database.map {
                        DatabaseEntry(document: $0.document, database: $0.database, ministry: $0.ministry,
                                      legal: $0.legal, procedureBasis: $0.procedureBasis, article: $0.article)
                    },
                    overlap: f.overlap.map { o in
                        OverlapEntry(score: Money.round2(o.score),
                                     members: o.members.map { .init(code: $0.code, name: $0.name, caseName: $0.caseName) },
                                     shared: o.shared)
                    },
                    cost: f.cost.map(CostSummary.init))
            })
    }

    /// The terminal summary's head: the totals, before the procedures' sections.
    func textHead(notice: String?) -> String {
        var out: [String] = []
        if let notice { out.append(notice) }
        let s = summary
        out.append("Rà soát đơn giản hóa thủ tục hành chính — danh mục có hiệu lực ngày \(LocalDate(iso: date)?.vietnamese ?? date)")
        out.append("Thủ tục được rà soát: \(s.procedures) · có phát hiện: \(s.proceduresWithFindings) · số phát hiện: \(s.findings)")
        for r in s.byRule {
            out.append("  \(r.rule.padding(toLength: 15, withPad: " ", startingAt: 0)) \(String(r.count).leftPadded(5))  \(r.title)")
        }
        out.append("Chi phí tuân thủ hằng năm: trước \(Money.vietnamese(Double(s.annualCostBefore))) · sau \(Money.vietnamese(Double(s.annualCostAfter))) · tiết kiệm \(Money.vietnamese(Double(s.annualSaving))) (\(Money.rate(s.reductionRate)))")
        if !s.missingVolumes.isEmpty {
            let shown = s.missingVolumes.prefix(10).joined(separator: ", ") + (s.missingVolumes.count > 10 ? ", …" : "")
            out.append("Chưa có số lượng hồ sơ hằng năm (không tính chi phí năm): \(s.missingVolumes.count) thủ tục: \(shown)")
        }
        return out.joined(separator: "\n")
    }

    /// One procedure's findings in the terminal summary, after a blank line.
    static func textSection(_ p: ProcedureEntry) -> String {
        var out = ["", ""]
        let volume = p.annualVolume.map { "\(Money.grouped($0)) hồ sơ/năm" } ?? "chưa có số lượng hồ sơ/năm"
        out.append("\(p.code)  \(p.name)")
        out.append("  Chi phí/hồ sơ: \(Money.vietnamese(Double(p.cost.perInstanceBefore))) → \(Money.vietnamese(Double(p.cost.perInstanceAfter))) (\(Money.rate(p.cost.reductionRate))); \(volume)"
            + (p.cost.annualSaving.map { "; tiết kiệm \(Money.vietnamese(Double($0)))/năm" } ?? ""))
        for f in p.findings {
            out.append("  [\(f.rule)] \(f.location): «\(f.subject)»")
            out.append("      Lý do: \(f.reason)")
            if let d = f.database { out.append("      Cơ sở dữ liệu: \(d.database) (\(d.ministry))") }
            if let o = f.overlap {
                out.append("      Mức trùng: \(Int((o.score * 100).rounded())) % · thành phần chung: \(o.shared.joined(separator: "; "))")
            }
            out.append("      Căn cứ: \(f.legalGround)")
            out.append("      Đề xuất: \(f.proposal)")
            if let c = f.cost {
                let effect = f.automatic
                    ? "\(Money.vietnamese(Double(c.perInstanceBefore))) → \(Money.vietnamese(Double(c.perInstanceAfter)))/hồ sơ (\(Money.rate(c.reductionRate)))"
                        + (c.annualSaving.map { "; \(Money.vietnamese(Double($0)))/năm" } ?? "")
                    : "chưa lượng hóa (cần quyết định của người rà soát)"
                out.append("      Chi phí: \(effect)")
            }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
