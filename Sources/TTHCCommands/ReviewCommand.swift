import ArgumentParser
import Catalogue
import Formats
import Foundation
import Simplification

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Rà soát đơn giản hóa: giấy tờ thừa, thủ tục trùng, chi phí tuân thủ, dự thảo sửa đổi.",
        discussion: """
            Reviews the procedures in force on a date for simplification (DOMAIN.md §5) and reports \
            findings, each with its rule, the procedure, the exact item or text, why (with the legal \
            ground), a proposal and its effect on compliance cost. Rules: database (a paper a \
            national database holds, Resolution 66.7/2025), household-book, certified-copy, sets, \
            duplicate-item, overlap (procedures or dossier cases that could merge; MinHash-LSH, never \
            every pair), time (longer than the same code in --compare DIR), online (not fully online \
            though nothing needs presence), no-basis (a requirement without a legal basis).

            Documents are matched by meaning through DIR/review/documents.ini (synonyms, \
            abbreviations; extend with --documents FILE); costs use DIR/review/cost.ini (the Standard \
            Cost Model's parameters; override with --cost-config FILE). Procedures without an annual \
            volume get no annual cost and are listed as missing.

            --format json writes {"date", "sample", "rules", "accepted", "summary": {"procedures", \
            "proceduresWithFindings", "findings", "byRule": [{"rule", "title", "count"}], \
            "annualCostBefore", "annualCostAfter", "annualSaving", "reductionRate", \
            "missingVolumes"}, "procedures": [{"key", "code", "name", "annualVolume", "cost", \
            "findings": [{"rule", "location", "subject", "reason", "legalGround", "proposal", \
            "automatic", "database": {"document", "database", "ministry", "legal", \
            "procedureBasis", "article"}, "overlap": {"score", "members": [{"code", "name", \
            "caseName"}], "shared"}, "cost"}]}]}; a "cost" is {"perInstanceBefore", \
            "perInstanceAfter", "perInstanceSaving", "reductionRate", "annualBefore", \
            "annualAfter", "annualSaving"} in đồng (rates in %); keys without a value are left out. \
            Only procedures with findings are listed; the summary counts all.

            Exit status: 0 whether or not there are findings; 1 when the catalogue or a data file \
            has errors; 2 wrong usage.

            Examples:
              tthc review
              tthc review --field "ho tich" --level commune
              tthc review --format json -o ra-soat.json
              tthc review --compare ../tinh-khac --code 1.001193
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: CatalogueOptions
    @OptionGroup var settings: ReviewSettingsOptions

    @Option(help: ArgumentHelp("Review the catalogue in force on this date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Option(help: ArgumentHelp("Only this procedure (repeatable).", valueName: "CODE"))
    var code: [String] = []

    @Option(help: ArgumentHelp("Only this field, by name or code (repeatable).", valueName: "FIELD"))
    var field: [String] = []

    @Option(help: ArgumentHelp("Only this level (repeatable).", valueName: "LEVEL"))
    var level: [Level] = []

    @Option(help: ArgumentHelp("Only these rules, comma-separated (default: all).", valueName: "RULE,…"))
    var rules: String?

    @Option(help: ArgumentHelp("Another province's catalogue folder, for the time rule (repeatable).", valueName: "DIR"))
    var compare: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace output files that exist.")
    var force = false

    func validate() throws {
        if let rules { _ = try Self.parseRules(rules, option: "--rules") }
    }

    static func parseRules(_ text: String, option: String) throws -> Set<RuleID> {
        var out = Set<RuleID>()
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let rule = RuleID(rawValue: word) else {
                throw ValidationError("\(option): unknown rule '\(word)'; use \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            out.insert(rule)
        }
        return out
    }

    func run() throws {
        let loaded = try options.load()
        let (matcher, cost) = try settings.load(catalogue: options.catalogue)
        var review = Review(matcher: matcher, cost: cost)
        if let rules { review.rules = try Self.parseRules(rules, option: "--rules") }
        review.timeReferences = try Self.timeReferences(compare, at: at.date)
        let report = review.run(try Self.procedures(loaded, at: at.date, codes: code, levels: level, fields: field))
        let document = ReviewDocument(report: report, date: at.date, sample: loaded.province?.sample ?? false)
        let text: String
        switch format {
        case .text: text = document.text(notice: loaded.sampleNotice)
        case .json: text = JSONFormat.pretty(document)
        }
        try Console.deliver(text, to: output, force: force)
    }

    /// The procedures in force, filtered; an unknown code is a usage error.
    static func procedures(
        _ loaded: LoadedCatalogue, at date: LocalDate, codes: [String], levels: [Level], fields: [String]
    ) throws -> [(key: String, procedure: Procedure)] {
        let state = loaded.catalogue.state(at: date).filtered(levels: levels, fields: fields)
        var entries = state.entries
        if !codes.isEmpty {
            var wanted = Set<String>()
            for c in codes {
                guard let history = loaded.catalogue.history(for: c), history.version(at: date) != nil else {
                    Console.error("tthc: no procedure \(c) in force on \(date.vietnamese); see `tthc list --at \(date.iso)`")
                    throw ExitCode(1)
                }
                wanted.insert(ProcedureCode(c).key)
                wanted.insert(c)
            }
            entries = entries.filter { wanted.contains($0.key) }
        }
        return entries.map { ($0.key, $0.procedure) }
    }

    /// The shortest time of each national code in other catalogues, named by province.
    static func timeReferences(_ folders: [String], at date: LocalDate) throws -> [String: TimeReference] {
        var out: [String: TimeReference] = [:]
        for folder in folders {
            let other = try CatalogueOptions.parse(["--catalogue", folder]).load()
            let name = other.province?.name ?? folder
            for entry in other.catalogue.state(at: date).entries {
                guard let national = entry.procedure.code?.national,
                      let time = TimeReference.shortest(of: entry.procedure) else { continue }
                if let existing = out[national], !TimeOrder.isLonger(existing.time, than: time) { continue }
                out[national] = TimeReference(time: time, source: "\(name) (\(folder))")
            }
        }
        return out
    }
}
