import ArgumentParser
import Catalogue
import Formats
import Foundation
import QRCode
import Sheets
import Site
import Synchronization

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Dựng trang web tĩnh công khai danh mục thủ tục hành chính.",
        discussion: """
            Writes the public site of the catalogue in force on a date: a home page with search, \
            one page per procedure (every part, its history, a QR code of its address), pages per \
            level, field, agency and decision, what each decision changes, and open data \
            (catalogue.json, procedures.csv, one JSON per procedure, an Atom feed, sitemap.xml). \
            Links are relative, so the folder works on any web server, a CDN, or opened from a \
            USB stick as file://.

            Templates and assets come from site/ (found beside the catalogue folder or in the \
            current directory); --theme DIR overrides any of them by name (DIR/templates/*.mustache, \
            DIR/assets/*). A first build is written into a temporary folder and swapped in whole; a \
            rebuild writes only the new and changed files into a temporary folder and then moves them \
            in one by one (files that did not change are not touched). A build that fails or is \
            interrupted (Ctrl-C) before that leaves the previous site as it was; one cut short while \
            moving files in is finished by the next tthc build. An existing output folder is \
            replaced only if tthc made it, or with --force.

            Examples:
              tthc build
              tthc build --at 2027-01-01 -o /var/www/thutuc --base-url https://thutuc.example.gov.vn/
              tthc build --theme ../giao-dien-tinh -o public
            """)

    @OptionGroup var options: CatalogueOptions

    @Option(help: ArgumentHelp("The date whose catalogue the site shows (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The folder to write the site into.", valueName: "DIR"))
    var output: String = "public"

    @Option(help: ArgumentHelp("A folder whose templates/ and assets/ files replace the default ones of the same name.", valueName: "DIR"))
    var theme: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site is served (for QR codes, the sitemap and the feed); the province's baseURL otherwise.", valueName: "URL"))
    var baseURL: String?

    @Flag(help: "Replace an output folder that tthc did not make.")
    var force = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http:// (got \(baseURL))")
        }
    }

    func run() throws {
        Trace.mark("start")
        // The templates first: without them nothing can be built, so say so before loading the catalogue.
        let candidates = Theme.locate(catalogue: options.catalogue)
        guard let site = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/templates") }) else {
            Console.error("tthc: error: no site templates found; looked for site/templates in \(candidates.joined(separator: ", ")). Run tthc build from the tthc sources, or keep site/ beside the catalogue folder.")
            throw ExitCode(1)
        }
        // The output folder next: a folder that cannot be built into is reported before the load,
        // and the previous build's manifest and files are read while the catalogue loads.
        let target: SiteOutput
        do { target = try SiteOutput(output, force: force) } catch let error as SiteError {
            Console.error(error.description)
            throw ExitCode(1)
        }
        defer { target.release() }
        let loaded = try options.load()
        var province = loaded.province ?? Province(name: "Tỉnh", agencyCode: "")
        // The sheets' QR codes lead to the pages of this site: where it is served, when given.
        if let baseURL { province.baseURL = baseURL }
        var data = SiteData(catalogue: loaded.catalogue, province: province, date: at.date, baseURL: baseURL)
        data.decisionDigests = SourceDigest.digests(of: loaded.folder.decisions, known: loaded.folder.digests)
        data.builder = Self.builderIdentity
        Trace.mark("site data")
        do {
            let theme = try Theme.load(site: site, theme: self.theme)
            let builder = SiteBuilder(
                data: data, theme: theme, qrCode: { url, label in try? QRCode(url).svg(label: label) },
                sheetBytes: try Self.sheetRenderer(catalogue: loaded.catalogue, province: province, theme: theme))
            // Ctrl-C (or a TERM) stops the build before its commit, which then leaves the site as
            // it was and removes its staging folder; during the commit it is let finish.
            Trace.mark("theme and model")
            let interruption = Interruption()
            let flag = interruption.flag
            let report = try withExtendedLifetime(interruption) {
                try builder.build(
                    into: target, progress: Console.progress("Đang dựng trang"),
                    isCancelled: { flag.value.load(ordering: .relaxed) })
            }
            Trace.mark("built")
            keepUntilExit(builder)
            keepUntilExit(target.previousBuildState)
            if let notice = loaded.sampleNotice { Console.out(notice) }
            Console.out("Đã dựng \(output): \(report.pages) trang; \(report.written) tệp được ghi, \(report.unchanged) tệp không đổi.")
        } catch let error as SiteError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// SIGINT and SIGTERM, caught while it lives (the default action is restored after).
    final class Interruption {
        /// Set by the signal handlers, read by the build's threads.
        final class Flag: Sendable {
            let value = Atomic<Bool>(false)
        }

        let flag = Flag()
        private let sources: [any DispatchSourceSignal]

        init() {
            let flag = flag
            sources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { flag.value.store(true, ordering: .relaxed) }
                source.resume()
                return source
            }
        }

        deinit {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
    }

    /// The running executable's size and modification time: a new build of tthc, or a new copy of
    /// it, differs. `TTHC_BUILDER_ID` in the environment replaces it, for developers timing a
    /// rebuild with a freshly compiled tthc over a site an earlier one built (BENCHMARKS.md): pages
    /// are then kept as if the same program had made them, so never set it to publish.
    static let builderIdentity: String = {
        if let fixed = ProcessInfo.processInfo.environment["TTHC_BUILDER_ID"], !fixed.isEmpty { return "dev-" + fixed }
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber,
              let modified = attributes[.modificationDate] as? Date
        else { return "tthc-\(TTHC.configuration.version)" }
        return "tthc-\(TTHC.configuration.version)-\(size.int64Value)-\(Int64(modified.timeIntervalSince1970 * 1000))"
    }()

    /// Each procedure's printable posting sheet (niem-yet/CODE.html), posted by its receiving
    /// agency, with the theme's `sheet.mustache` when it has one.
    static func sheetRenderer(
        catalogue: Catalogue, province: Province, theme: Theme
    ) throws -> @Sendable (ProcedureVersion, String) throws -> [UInt8] {
        let bundled = try SheetPage.Template.bundled()
        // The theme has parsed and compiled its sheet.mustache with the site's templates: use that
        // (a theme that did not change it gets the bundled page, written without the template).
        let template: SheetPage.Template
        if let source = theme.templateSources["sheet"] {
            template = SheetPage.Template(compiled: theme.compiled, name: "sheet", source: source, css: bundled.css)
        } else {
            template = bundled
        }
        return { version, key in
            // The site's sheet is dated by the version it shows (the day it took effect), not by the
            // day of the build, so a page and its sheet change together and a daily rebuild keeps both.
            let context = SheetContext(
                version: version, catalogue: catalogue, province: province, commune: nil, postedOn: version.from)
            return try SheetPage.htmlBytes(procedure: version.procedure, context: context, key: key, template: template)
        }
    }
}
