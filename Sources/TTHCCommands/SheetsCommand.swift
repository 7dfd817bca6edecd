import ArgumentParser
import Catalogue
import Formats
import Foundation
import Sheets
import Synchronization

struct SheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "In bảng niêm yết thủ tục hành chính (PDF khổ A4) cho Bộ phận Một cửa.",
        discussion: """
            Writes A4 posting sheets (bảng niêm yết, Decree 63, art. 17) into the folder OUT: one PDF \
            per procedure, or with --commune / --all-communes one bundle per commune (cover, table of \
            contents by field, then every sheet the commune posts: its own procedures, shared ones and \
            provincial ones received at its counter; never abolished, not-yet-in-force or internal ones). \
            Each sheet carries a QR code to the procedure's page on the province's site.

            Examples:
              tthc sheets 1.001193 -o niem-yet
              tthc sheets --level province -o niem-yet
              tthc sheets --commune 99001 --at 2027-01-01 -o niem-yet
              tthc sheets --all-communes -o niem-yet --force
              tthc sheets --since 1630/QĐ-UBND -o cap-nhat
              tthc sheets --since 2026-08-01 --at 2026-09-01 --commune 99001 -o cap-nhat

            With --since DECISION or --since DATE, writes for each commune (or each --commune) whose \
            board changes a one-page notice of the sheets to add, to replace (with what changed) and to \
            take down, and a PDF of only the new and replacing sheets. The board before is the one of \
            the day before the decision takes effect (or DATE); the board after is the one on --at, by \
            default the last day any row of the decision takes effect (or today).
            """)

    @OptionGroup var options: CatalogueOptions

    @Argument(help: "Procedure codes; without them, every procedure posted (or every one of --level).")
    var codes: [String] = []

    @Option(help: ArgumentHelp("One commune's bundle, by commune code (repeatable).", valueName: "CODE"))
    var commune: [String] = []

    @Flag(help: "One bundle for every commune of the province.")
    var allCommunes = false

    @Option(help: ArgumentHelp("Only procedures of this level (repeatable).", valueName: "LEVEL"))
    var level: [Level] = []

    @Option(help: ArgumentHelp("The date whose catalogue is posted, and the posting date (YYYY-MM-DD; default today).", valueName: "DATE"))
    var at: DateArgument?

    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case pdf, html }

    @Option(help: "pdf, or html: the same sheets as pages with A4 print CSS, laid out like the public site (niem-yet/CODE.html, assets/sheet.css); a commune's bundle is one page, CODE-name.html.")
    var format: Format = .pdf

    @Option(help: ArgumentHelp("Notices of what changed on each board since a decision (by number) or a date.", valueName: "DECISION|DATE"))
    var since: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write into.", valueName: "OUT"))
    var output: String = "niem-yet"

    @Flag(help: "Replace OUT if it exists and is not empty.")
    var force = false

    func validate() throws {
        if allCommunes && !commune.isEmpty { throw ValidationError("--commune and --all-communes cannot be combined") }
        if since != nil && format == .html {
            throw ValidationError("change notices are PDFs; drop --format html")
        }
        if since != nil && (!codes.isEmpty || !level.isEmpty) {
            throw ValidationError("--since writes notices per commune; choose communes with --commune, not procedures or levels")
        }
        if (allCommunes || !commune.isEmpty) && !codes.isEmpty {
            throw ValidationError("name procedures or communes, not both: a commune's bundle holds every procedure it posts")
        }
    }

    func run() throws {
        let loaded = try options.load()
        guard let province = loaded.province else {
            Console.error("tthc: \(options.catalogue)/province.json is missing; sheets need the province's communes, site address and feedback contact")
            throw ExitCode(1)
        }
        let catalogue = loaded.catalogue
        var date = at?.date ?? .today
        var planned: [Job] = []
        if let since {
            let (from, to, decision) = try window(since, catalogue: catalogue)
            date = to
            planned = try communes(of: province, all: commune.isEmpty).map { .notice($0, from: from, decision: decision) }
        } else if allCommunes || !commune.isEmpty {
            planned = try communes(of: province, all: allCommunes).map { .bundle($0) }
        } else {
            let state = catalogue.state(at: date)
            var entries: [CatalogueState.Entry] = []
            if codes.isEmpty {
                entries = state.filtered(levels: level).entries.filter { $0.procedure.isPostable }
            } else {
                for code in codes {
                    let key = catalogue.history(for: code)?.key ?? ProcedureCode(code).key
                    guard let entry = state.entries.first(where: { $0.key == key }) else {
                        Console.error("tthc: procedure \(code) is not in force on \(date.iso); `tthc list --at \(date.iso)` shows the codes")
                        throw ExitCode(1)
                    }
                    entries.append(entry)
                }
            }
            planned = entries.map { .sheet($0) }
        }
        let jobs = planned
        let format = self.format
        let day = date
        let summaries = Mutex<[Int: String]>([:])
        let progress = Console.progress("Đang in bảng niêm yết")
        let done = Atomic<Int>(0)
        let pages = Atomic<Int>(0)
        let files = Atomic<Int>(0)
        do {
            try SafeWriter.writeFolder(output, force: force) { staging in
                if format == .html {
                    let css = (staging as NSString).appendingPathComponent(SheetPage.stylesheetPath)
                    try FileManager.default.createDirectory(atPath: (css as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try Data(SheetPage.Template.bundled().css.utf8).write(to: URL(fileURLWithPath: css))
                }
                let failure = Mutex<(any Error)?>(nil)
                // One worker per core, each with its own text shaper (Pango is not thread-safe),
                // taking every n-th job: the paragraphs communes share are shaped once per worker,
                // not once per commune. With fewer jobs than cores (one commune), the cores left
                // over lay out each bundle's sheets.
                let cores = ProcessInfo.processInfo.activeProcessorCount
                let workers = max(1, min(jobs.count, cores))
                let layoutThreads = max(1, cores / workers)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let shaper = TextShaper()
                    for i in stride(from: worker, to: jobs.count, by: workers) {
                        guard failure.withLock({ $0 == nil }) else { return }
                        do {
                            let (n, summary) = try jobs[i].write(
                                into: staging, catalogue: catalogue, province: province, date: day, format: format, shaper: shaper, layoutThreads: layoutThreads)
                            pages.add(n.pages, ordering: .relaxed)
                            files.add(n.files, ordering: .relaxed)
                            if let summary { summaries.withLock { $0[i] = summary } }
                        } catch {
                            failure.withLock { $0 = $0 ?? error }
                        }
                        progress?(done.add(1, ordering: .relaxed).newValue, jobs.count)
                    }
                    // Freeing every paragraph a worker shaped (Pango layouts, glyph runs) took a
                    // tenth of a one-commune run, after its PDF was written: a background thread
                    // does it, and the process may end first.
                    ShaperDisposal.dispose(consume shaper)
                }
                if let error = failure.withLock({ $0 }) { throw error }
            }
        } catch let refusal as SafeWriter.Refusal {
            Console.error(refusal.description)
            throw ExitCode(1)
        }
        if let notice = loaded.sampleNotice { Console.out(notice) }
        for (_, summary) in summaries.withLock({ $0 }).sorted(by: { $0.key < $1.key }) { Console.out(summary) }
        if format == .html {
            Console.out("Đã ghi \(files.load(ordering: .relaxed)) trang HTML vào \(output).")
        } else {
            Console.out("Đã in \(files.load(ordering: .relaxed)) tệp PDF, \(pages.load(ordering: .relaxed)) trang, vào \(output).")
        }
    }

    /// The communes named with --commune, or all of them.
    private func communes(of province: Province, all: Bool) throws -> [Province.Commune] {
        if all { return province.communes }
        return try commune.map { code in
            guard let c = province.communes.first(where: { $0.code == code }) else {
                Console.error("tthc: no commune \(code) in \(options.catalogue)/province.json; its communes are \(province.communes.prefix(5).map(\.code).joined(separator: ", "))…")
                throw ExitCode(1)
            }
            return c
        }
    }

    /// The first day of the changes and the day of the new board, for --since.
    private func window(_ since: String, catalogue: Catalogue) throws -> (LocalDate, LocalDate, Decision?) {
        if let day = LocalDate(iso: since) {
            return (day, at?.date ?? max(day, .today), nil)
        }
        let wanted = VietnameseText.searchKey(since).filter { $0.isLetter || $0.isNumber }
        guard let decision = catalogue.decisions[since] ?? catalogue.decisions.values.first(where: {
            VietnameseText.searchKey($0.number).filter { $0.isLetter || $0.isNumber } == wanted
        }) else {
            Console.error("tthc: --since \(since) is neither a date (YYYY-MM-DD) nor a decision in the catalogue; `tthc list` and the files under decisions/ name them")
            throw ExitCode(2)
        }
        let last = decision.items.compactMap(\.effectiveOn).reduce(decision.effectiveDate) { max($0, $1) }
        return (decision.effectiveDate, at?.date ?? last, decision)
    }

    enum Job: Sendable {
        case sheet(CatalogueState.Entry)
        case bundle(Province.Commune)
        case notice(Province.Commune, from: LocalDate, decision: Decision?)

        /// Writes one job's PDFs; returns the pages written and a line for the summary.
        func write(
            into folder: String, catalogue: Catalogue, province: Province, date: LocalDate, format: Format, shaper: TextShaper,
            layoutThreads: Int = 1
        ) throws -> ((pages: Int, files: Int), String?) {
            let sample = PDFBook.notice(for: province)
            switch self {
            case .sheet(let entry):
                let context = SheetContext(version: entry.version, catalogue: catalogue, province: province, commune: nil, postedOn: date)
                let sheet = Sheet(procedure: entry.procedure, key: entry.key, context: context)
                if format == .html {
                    let path = (folder as NSString).appendingPathComponent(SitePath.sheet(ProcedureCode(entry.key)))
                    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try Data(SheetPage.html(sheet: sheet, notice: sample).utf8).write(to: URL(fileURLWithPath: path))
                    return ((0, 1), nil)
                }
                let path = (folder as NSString).appendingPathComponent(SheetFiles.sheet(entry.key))
                return ((try PDFBook.write([sheet.section], to: path, notice: PDFBook.notice(for: province), title: "\(sheet.code) – \(sheet.name)", shaper: shaper).reduce(0, +), 1), nil)
            case .bundle(let commune):
                let bundle = SheetBundle(catalogue: catalogue, province: province, commune: commune, date: date)
                if format == .html {
                    let path = (folder as NSString).appendingPathComponent(SheetFiles.bundleName(commune) + ".html")
                    let html = try SheetPage.html(
                        sheets: bundle.sheets, notice: sample, root: "", title: "Bảng niêm yết thủ tục hành chính – \(commune.name)")
                    try Data(html.utf8).write(to: URL(fileURLWithPath: path))
                    return ((0, 1), nil)
                }
                let path = (folder as NSString).appendingPathComponent(SheetFiles.bundle(commune))
                let pages = try PDFBook.write(bundle, to: path, shaper: shaper, threads: layoutThreads).total
                return ((pages, 1), "\(commune.code) \(commune.name): \(bundle.sheets.count) thủ tục, \(pages) trang")
            case .notice(let commune, let from, let decision):
                let notice = ChangeNotice(catalogue: catalogue, commune: commune, from: from, to: date, decision: decision)
                let summary = "\(commune.code) \(commune.name): \(notice.added.count) tờ mới, \(notice.replaced.count) tờ thay, \(notice.removed.count) tờ gỡ bỏ"
                guard !notice.isEmpty else { return ((0, 0), summary) }
                let base = (folder as NSString).appendingPathComponent(SheetFiles.bundleName(commune))
                var pages = try PDFBook.write([notice.section(province: province)], to: base + "-thong-bao.pdf", notice: sample, shaper: shaper).reduce(0, +)
                let sheets = notice.sheets(catalogue: catalogue, province: province, postedOn: date)
                guard !sheets.isEmpty else { return ((pages, 1), summary) }
                pages += try PDFBook.write(sheets.map(\.section), to: base + "-to-moi.pdf", notice: sample, shaper: shaper).reduce(0, +)
                return ((pages, 2), summary)
            }
        }
    }
}

/// The names of the files `tthc sheets` writes.
enum SheetFiles {
    static func sheet(_ key: String) -> String { "\(SitePath.fileName(key)).pdf" }
    static func bundle(_ commune: Province.Commune) -> String { bundleName(commune) + ".pdf" }
    static func bundleName(_ commune: Province.Commune) -> String { "\(SitePath.fileName(commune.code))-\(SitePath.fileName(commune.name))" }
}

/// Lets text shapers go on a background thread, off the command's critical path.
private enum ShaperDisposal {
    private struct Handle: @unchecked Sendable {
        // Used by no other thread once handed over.
        let shaper: TextShaper
    }

    static func dispose(_ shaper: TextShaper) {
        let handle = Handle(shaper: shaper)
        DispatchQueue.global(qos: .background).async { withExtendedLifetime(handle) {} }
    }
}
