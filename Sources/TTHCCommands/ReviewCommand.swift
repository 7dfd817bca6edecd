import ArgumentParser
import Catalogue
import Formats
import Foundation
import Import
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
            every pair), time (longer than the same code in --compare DIR, or than its national \
            record on the National Public Service Portal given with --national FILE_OR_DIR, channel \
            by channel), online (not fully online \
            though nothing needs presence), no-basis (a requirement without a legal basis).

            Documents are matched by meaning through DIR/review/documents.ini (synonyms, \
            abbreviations; extend with --documents FILE); costs use DIR/review/cost.ini (the Standard \
            Cost Model's parameters; override with --cost-config FILE). Procedures without an annual \
            volume get no annual cost and are listed as missing.

            --format json writes {"date", "sample", "rules", "accepted", "summary": {"procedures", \
            "proceduresWithFindings", "findings", "byRule": [{"rule", "title", "count"}], \
            "annualCostBefore", "annualCostAfter", "annualSaving", "reductionRate", \
            "missingVolumes", "overlapComparisons"}, "procedures": [{"key", "code", "name", "annualVolume", "cost", \
            "findings": [{"rule", "location", "subject", "reason", "legalGround", "proposal", \
            "automatic", "accepted", "database": {"document", "database", "ministry", "legal", \
            "procedureBasis", "article"}, "overlap": {"score", "members": [{"code", "name", \
            "caseName"}], "shared"}, "cost"}]}]}; a "cost" is {"perInstanceBefore", \
            "perInstanceAfter", "perInstanceSaving", "reductionRate", "annualBefore", \
            "annualAfter", "annualSaving"} in đồng (rates in %); keys without a value are left out. \
            Only procedures with findings are listed; the summary counts all.

            --emit-draft DRAFT.xml writes a draft decision of 'amended' rows applying the accepted \
            proposals (all, or --accept RULE,… / --selection FILE), each row declaring the parts \
            it changes, so that `tthc validate DRAFT.xml` accepts it; proposals that need a \
            person (overlap, steps) are listed, not applied.

            --format html writes one standalone page for the review meeting (totals first, then \
            each procedure; prints on A4). --format csv writes one row a finding: code, name, rule, \
            location, subject, reason, legal_ground, proposal, automatic, accepted, cost_before, \
            cost_after, saving, reduction_rate, annual_saving, database, ministry, overlap_score. \
            --register FILE writes the register of Resolution 66.7/2025's appendix (papers a \
            database replaces: code, procedure, item, database, owning ministry, legal text, \
            article or form) as CSV or HTML.

            Exit status: 0 whether or not there are findings; 1 when the catalogue or a data file \
            has errors; 2 wrong usage.

            Examples:
              tthc review
              tthc review --field "ho tich" --level commune
              tthc review --format json -o ra-soat.json
              tthc review --format html -o bao-cao.html --register phu-luc-66-7.csv
              tthc review --compare ../tinh-khac --code 1.001193
              tthc review --rules time --national ../dvcqg
              tthc review --accept database,household-book,certified-copy --emit-draft du-thao.xml
              tthc validate du-thao.xml
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html, csv }

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

    @Option(help: ArgumentHelp("National Public Service Portal records (.json, or a folder of them), for the time rule (repeatable).", valueName: "FILE_OR_DIR"))
    var national: [String] = []

    @Option(help: ArgumentHelp("Accept only these rules' proposals, comma-separated (default: all).", valueName: "RULE,…"))
    var accept: String?

    @Option(help: ArgumentHelp("Accept the proposals a file lists, one a line: RULE, CODE, or CODE RULE.", valueName: "FILE"))
    var selection: String?

    @Option(name: .customLong("emit-draft"), help: ArgumentHelp("Write the draft decision applying the accepted proposals (.xml or .json).", valueName: "DRAFT"))
    var emitDraft: String?

    @Option(name: .customLong("draft-number"), help: ArgumentHelp("The draft decision's number.", valueName: "NUMBER"))
    var draftNumber: String = "DỰ-THẢO/QĐ-UBND"

    @Option(help: "Output format: text, json, html (the report for the review meeting) or csv (one row a finding).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write the Resolution 66.7 register of papers replaced by databases (.csv or .html).", valueName: "FILE"))
    var register: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace output files that exist.")
    var force = false

    func validate() throws {
        if let rules { _ = try Self.parseRules(rules, option: "--rules") }
        if let accept { _ = try Self.parseRules(accept, option: "--accept") }
        if let register, !register.hasSuffix(".csv"), !register.hasSuffix(".html") {
            throw ValidationError("--register: name the file .csv or .html, e.g. phu-luc-66-7.csv")
        }
        if let emitDraft, !emitDraft.hasSuffix(".xml"), !emitDraft.hasSuffix(".json") {
            throw ValidationError("--emit-draft: name the file .xml or .json, e.g. du-thao.xml")
        }
    }

    /// `--accept` and `--selection` together; everything when neither is given.
    func acceptance() throws -> Selection {
        guard accept != nil || selection != nil else { return .all }
        var out = Selection(rules: [])
        if let accept { out.rules = try Self.parseRules(accept, option: "--accept") }
        if let selection {
            do {
                guard let data = FileManager.default.contents(atPath: selection), let text = String(data: data, encoding: .utf8) else {
                    throw SettingsError("cannot read the selection file as UTF-8 text; check the path", at: SourceLocation(file: selection))
                }
                let file = try Selection.parse(text, file: selection)
                out.rules.formUnion(file.rules)
                out.procedures.formUnion(file.procedures)
                out.pairs.formUnion(file.pairs)
            } catch let error as SettingsError {
                Console.report(error.diagnostics)
                throw ExitCode(1)
            }
        }
        return out
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
        review.selection = try acceptance()
        review.timeReferences = try Self.timeReferences(compare, at: at.date)
        if !national.isEmpty { review.nationalTimes = try Self.nationalTimes(national) }
        let procedures = try Self.procedures(loaded, at: at.date, codes: code, levels: level, fields: field)
        // The review streams by: each procedure's part of the output is rendered on the core that
        // reviewed it and spooled in catalogue order, and only the totals (and what the register and
        // the draft need) are kept, so that memory does not grow with the findings.
        let spool: ReportSpool
        do {
            spool = try ReportSpool(beside: output)
        } catch let refusal as ReportSpool.Refusal {
            Console.error(refusal.description)
            throw ExitCode(1)
        }
        let (format, selection) = (format, review.selection)
        let (withRegister, withDraft) = (register != nil, emitDraft != nil)
        var totals = ReviewDocument.Totals()
        var registerRows: [DatabaseRegister.Row] = []
        var drafted: [ProcedureReview] = []
        var entries = 0
        let comparisons = try review.stream(procedures, transform: { p in
            ReviewedProcedure(p, format: format, selection: selection, register: withRegister, draft: withDraft)
        }) { batch in
            for r in batch {
                totals.add(r.share)
                registerRows += r.register
                if let p = r.draft { drafted.append(p) }
                guard !r.output.isEmpty else { continue }
                if format == .json, entries > 0 { try spool.append(",\n") }
                try spool.append(r.output)
                entries += 1
            }
        }
        if let emitDraft {
            let report = ReviewReport(procedures: drafted, selection: selection, rules: review.rules, comparisons: comparisons)
            try writeDraft(report, to: emitDraft, loaded: loaded)
        }
        let document = ReviewDocument(
            date: at.date, sample: loaded.province?.sample ?? false, rules: review.rules, selection: selection,
            totals: totals, comparisons: comparisons)
        let head: String, end: String
        switch format {
        case .text: (head, end) = (document.textHead(notice: loaded.sampleNotice), "")
        case .json:
            // The document with no procedures ends `"procedures": []`; the spooled entries go between the brackets.
            let whole = JSONFormat.pretty(document)
            if entries == 0 || !whole.hasSuffix("[]\n}\n") {
                (head, end) = (whole, "")
            } else {
                (head, end) = (String(whole.dropLast(5)) + "[\n", "\n  ]\n}\n")
            }
        case .html: (head, end) = ReviewHTML.frame(document, notice: loaded.sampleNotice)
        case .csv: (head, end) = (CSV.row(ReviewCSV.header), "")
        }
        if let register {
            let table = register.hasSuffix(".csv")
                ? DatabaseRegister.csv(registerRows)
                : DatabaseRegister.html(registerRows, date: document.date, notice: loaded.sampleNotice)
            do {
                try SafeWriter.write(table, to: register, force: force)
            } catch let refusal as SafeWriter.Refusal {
                Console.error(refusal.description)
                throw ExitCode(1)
            }
        }
        do {
            // Standard output ends with a line break (as `Console.out` adds), except CSV, whose last
            // row ends "\r\n" already.
            try spool.deliver(head: head, end: end, to: output, force: force, newline: format != .csv)
        } catch let refusal as ReportSpool.Refusal {
            Console.error(refusal.description)
            throw ExitCode(1)
        }
    }

    /// Writes the draft decision (never over a file without --force) and says what it holds.
    private func writeDraft(_ report: ReviewReport, to path: String, loaded: LoadedCatalogue) throws {
        let authority = (loaded.province?.authority ?? loaded.province.map { "Ủy ban nhân dân \($0.name)" } ?? "Ủy ban nhân dân tỉnh")
        let draft = DraftAmendment.plan(report, header: DraftAmendment.Header(
            number: draftNumber, signedOn: at.date, authority: authority.uppercased(), place: nil)
        ) { key in
            loaded.catalogue.histories[key]?.versions.first { $0.from > at.date }.map { ($0.decision, $0.from) }
        }
        guard !draft.decision.items.isEmpty else {
            Console.error("tthc: no accepted proposal changes a procedure; no draft written to \(path)")
            throw ExitCode(1)
        }
        let text = path.hasSuffix(".json") ? JSONFormat.write(draft.decision) : XMLFormat.write(draft.decision)
        do {
            try SafeWriter.write(text, to: path, force: force)
        } catch let refusal as SafeWriter.Refusal {
            Console.error(refusal.description)
            throw ExitCode(1)
        }
        Console.error("Đã ghi dự thảo \(path): \(draft.decision.items.count) thủ tục được sửa đổi, bổ sung.")
        if !draft.manual.isEmpty {
            Console.error("\(draft.manual.count) đề xuất cần người rà soát quyết định, không đưa vào dự thảo (overlap, trình tự…).")
        }
        for s in draft.superseded {
            Console.error("\(s.key): quyết định \(s.decision) đã sửa đổi thủ tục từ ngày \(s.from.vietnamese); không đưa vào dự thảo — rà soát lại với --at \(s.from.iso).")
        }
        if !draft.uncoded.isEmpty {
            Console.error("Chưa có mã thủ tục, không sửa đổi được trong dự thảo: \(draft.uncoded.joined(separator: ", "))")
        }
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

    /// The national portal's records by national code; a record that fails to read is a warning
    /// (with its file, line and JSON path), none read at all an error.
    static func nationalTimes(_ paths: [String]) throws -> [String: NationalTime] {
        let read = PortalImport.read(paths)
        // Only the files left out speak: what a read record does not import is `tthc import`'s business.
        let used = Set(read.records.map(\.file))
        Console.report(read.diagnostics.filter { !used.contains($0.location?.file ?? "") }.map { d in
            var w = d
            w.severity = .warning
            return w
        })
        guard !read.records.isEmpty else {
            Console.error("tthc: --national: no national portal record could be read from \(paths.joined(separator: ", ")); give the .json files saved from dichvucong.gov.vn, or a folder of them")
            throw ExitCode(1)
        }
        var out: [String: (time: NationalTime, updatedAt: Int64)] = [:]
        for record in read.records {
            guard let code = record.procedure.code else { continue }
            let updatedAt = record.updatedAt ?? .min
            // Two records of one code: the portal's latest edit holds.
            if let existing = out[code.key], existing.updatedAt > updatedAt { continue }
            out[code.key] = (NationalTime(record: record.procedure, file: record.file), updatedAt)
        }
        return out.mapValues(\.time)
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

/// What the report keeps of one reviewed procedure once the review has moved on: its share of the
/// totals, its part of the output already rendered (empty without findings), its rows of the
/// register, and the review itself only when the draft needs it (some proposal accepted).
struct ReviewedProcedure: Sendable {
    var share: ReviewDocument.Share
    var output: String
    var register: [DatabaseRegister.Row]
    var draft: ProcedureReview?

    init(_ p: ProcedureReview, format: ReviewCommand.Format, selection: Selection, register: Bool, draft: Bool) {
        share = ReviewDocument.Share(p)
        self.draft = draft && p.findings.contains(where: selection.accepts) ? p : nil
        guard !p.findings.isEmpty else {
            output = ""
            self.register = []
            return
        }
        let entry = ReviewDocument.entry(p, selection: selection)
        switch format {
        case .text: output = ReviewDocument.textSection(entry)
        case .json:
            // The entry as the whole document prints it: inside "procedures", four spaces in (on
            // the bytes: JSON escapes line breaks inside strings, so each "\n" starts a line).
            let json = JSONFormat.pretty(entry).utf8
            var bytes: [UInt8] = Array("    ".utf8)
            bytes.reserveCapacity(json.count * 5 / 4)
            for b in json.dropLast() {
                bytes.append(b)
                if b == UInt8(ascii: "\n") { bytes.append(contentsOf: "    ".utf8) }
            }
            output = String(decoding: bytes, as: UTF8.self)
        case .html: output = ReviewHTML.section(entry)
        case .csv: output = ReviewCSV.rows(entry)
        }
        self.register = register ? DatabaseRegister.rows(entry) : []
    }
}
