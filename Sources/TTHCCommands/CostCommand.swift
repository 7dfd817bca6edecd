import ArgumentParser
import Catalogue
import Formats
import Foundation
import Simplification

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Chi phí tuân thủ của thủ tục, trước và sau phương án đơn giản hóa.",
        discussion: """
            Computes the compliance cost of each procedure with the Standard Cost Model variant of \
            DOMAIN.md §5: activities (hours × hourly income) + fees + other costs, for one instance \
            and, with the procedure's annual volume, for a year; then the same after the review's \
            proposals (all rules, or --accept RULE,…), with the saving and the reduction rate. \
            Parameters come from DIR/review/cost.ini (documented there) and --cost-config FILE. \
            A procedure without an annual volume has no annual figure, and the output says so.

            Examples:
              tthc cost 1.001776
              tthc cost 1.001776 2.001263 --accept database,certified-copy
              tthc cost 1.001193 --cost-config chi-phi-2027.ini
            """)

    @OptionGroup var options: CatalogueOptions
    @OptionGroup var settings: ReviewSettingsOptions

    @Argument(help: ArgumentHelp("Procedure codes.", valueName: "CODE"))
    var codes: [String]

    @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Option(help: ArgumentHelp("Count only these rules' proposals, comma-separated (default: all).", valueName: "RULE,…"))
    var accept: String?

    func validate() throws {
        if codes.isEmpty { throw ValidationError("give at least one procedure code, e.g. tthc cost 1.001776") }
        if let accept { _ = try ReviewCommand.parseRules(accept, option: "--accept") }
    }

    func run() throws {
        let loaded = try options.load()
        let (matcher, cost) = try settings.load(catalogue: options.catalogue)
        var review = Review(matcher: matcher, cost: cost)
        // Overlap compares the catalogue, not the procedures asked about; it proposes no costed change.
        review.rules.remove(.overlap)
        if let accept { review.selection = Selection(rules: try ReviewCommand.parseRules(accept, option: "--accept")) }
        let report = review.run(try ReviewCommand.procedures(loaded, at: at.date, codes: codes, levels: [], fields: []))
        var out: [String] = []
        if let notice = loaded.sampleNotice { out.append(notice) }
        let k = cost.parameters
        out.append("Chi phí tuân thủ (mô hình chi phí chuẩn): thu nhập \(Money.vietnamese(k.monthlyIncome))/tháng = \(Money.vietnamese(k.hourlyIncome))/giờ")
        var before = 0.0, after = 0.0
        for p in report.procedures {
            out.append("")
            out.append("\(p.code)  \(p.name)")
            out.append("  Hoạt động                              Giờ (trước → sau)    Chi phí khác (trước → sau)")
            for (a, b) in zip(p.cost.before.lines, p.cost.after.lines) {
                out.append("  " + a.activity.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + "  " + "\(Self.hours(a.hours)) → \(Self.hours(b.hours))".padding(toLength: 19, withPad: " ", startingAt: 0)
                    + "  \(Money.vietnamese(a.money)) → \(Money.vietnamese(b.money))")
            }
            let c = p.cost
            out.append("  Một hồ sơ: \(Money.vietnamese(c.perInstanceBefore)) → \(Money.vietnamese(c.perInstanceAfter)), tiết kiệm \(Money.vietnamese(c.perInstanceSaving)) (\(Money.rate(c.reductionRate)))")
            if let volume = p.procedure.annualVolume, let b = c.annualBefore, let a = c.annualAfter {
                out.append("  Hằng năm (\(Money.grouped(volume)) hồ sơ): \(Money.vietnamese(b)) → \(Money.vietnamese(a)), tiết kiệm \(Money.vietnamese(b - a))")
                before += b
                after += a
            } else {
                out.append("  Hằng năm: chưa có số lượng hồ sơ hằng năm (annualVolume) — không tính")
            }
            let proposals = p.findings.filter { review.selection.accepts($0) && !$0.edits.isEmpty }
            for f in proposals { out.append("  · [\(f.rule.rawValue)] \(f.proposal)") }
        }
        if report.procedures.count > 1 {
            out.append("")
            let rate = before > 0 ? (before - after) / before * 100 : 0
            out.append("Tổng hằng năm: \(Money.vietnamese(before)) → \(Money.vietnamese(after)), tiết kiệm \(Money.vietnamese(before - after)) (\(Money.rate(rate)))")
            let missing = report.missingVolumes.map(\.code)
            if !missing.isEmpty { out.append("Chưa có số lượng hồ sơ hằng năm: \(missing.joined(separator: ", "))") }
        }
        Console.out(out.joined(separator: "\n"))
    }

    static func hours(_ h: Double) -> String {
        String(format: "%.2f", h).replacingOccurrences(of: ".", with: ",")
    }
}
