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

    @Option(help: ArgumentHelp("The date whose catalogue is posted, and the posting date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write into.", valueName: "OUT"))
    var output: String = "niem-yet"

    @Flag(help: "Replace OUT if it exists and is not empty.")
    var force = false

    func validate() throws {
        if allCommunes && !commune.isEmpty { throw ValidationError("--commune and --all-communes cannot be combined") }
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
        let date = at.date
        let catalogue = loaded.catalogue
        var planned: [Job] = []
        if allCommunes || !commune.isEmpty {
            var communes: [Province.Commune] = []
            for code in allCommunes ? province.communes.map(\.code) : commune {
                guard let c = province.communes.first(where: { $0.code == code }) else {
                    Console.error("tthc: no commune \(code) in \(options.catalogue)/province.json; its communes are \(province.communes.prefix(5).map(\.code).joined(separator: ", "))…")
                    throw ExitCode(1)
                }
                communes.append(c)
            }
            planned = communes.map { .bundle($0) }
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
        let progress = Console.progress("Đang in bảng niêm yết")
        let done = Atomic<Int>(0)
        let pages = Atomic<Int>(0)
        do {
            try SafeWriter.writeFolder(output, force: force) { staging in
                let failure = Mutex<(any Error)?>(nil)
                DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                    do {
                        let n = try jobs[i].write(into: staging, catalogue: catalogue, province: province, date: date)
                        pages.add(n, ordering: .relaxed)
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                    }
                    progress?(done.add(1, ordering: .relaxed).newValue, jobs.count)
                }
                if let error = failure.withLock({ $0 }) { throw error }
            }
        } catch let refusal as SafeWriter.Refusal {
            Console.error(refusal.description)
            throw ExitCode(1)
        }
        if let notice = loaded.sampleNotice { Console.out(notice) }
        Console.out("Đã in \(jobs.count) tệp PDF, \(pages.load(ordering: .relaxed)) trang, vào \(output).")
    }

    enum Job: Sendable {
        case sheet(CatalogueState.Entry)
        case bundle(Province.Commune)

        /// Writes one PDF; returns its page count.
        func write(into folder: String, catalogue: Catalogue, province: Province, date: LocalDate) throws -> Int {
            switch self {
            case .sheet(let entry):
                let context = SheetContext(version: entry.version, catalogue: catalogue, province: province, commune: nil, postedOn: date)
                let sheet = Sheet(procedure: entry.procedure, key: entry.key, context: context)
                let path = (folder as NSString).appendingPathComponent(SheetFiles.sheet(entry.key))
                return try PDFBook.write([sheet.section], to: path, notice: PDFBook.notice(for: province), title: "\(sheet.code) – \(sheet.name)").reduce(0, +)
            case .bundle(let commune):
                let bundle = SheetBundle(catalogue: catalogue, province: province, commune: commune, date: date)
                let path = (folder as NSString).appendingPathComponent(SheetFiles.bundle(commune))
                return try PDFBook.write(bundle, to: path).total
            }
        }
    }
}

/// The names of the files `tthc sheets` writes.
enum SheetFiles {
    static func sheet(_ key: String) -> String { "\(SitePath.fileName(key)).pdf" }
    static func bundle(_ commune: Province.Commune) -> String { "\(SitePath.fileName(commune.code))-\(SitePath.fileName(commune.name)).pdf" }
}
