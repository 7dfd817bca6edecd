import ArgumentParser
import Catalogue
import Foundation
import Formats
import SearchIndex
import Synthetic

/// Writes a small static site to test and measure the search with: `index.html` (the search box),
/// `assets/search.js`, the index under `tim-kiem/`, and with `--pages` a plain page per procedure (the
/// pages Pagefind indexes in the benchmark). Used by `scripts/browser-test-search` and
/// `Benchmarks/search.sh`; `tthc build` writes the real site.
struct SearchSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-site",
        abstract: "Write a test site with the search index of a catalogue or a synthetic one.",
        discussion: """
            Examples:
              swift run search-site --catalogue catalogue -o /tmp/search-site --pages
              swift run -c release search-site --synthetic 100000 -o /tmp/search-100k --sample 200
            """)

    @Option(help: "A catalogue folder to index (the procedures in force at --at).")
    var catalogue: String?

    @Option(help: "Index this many synthetic procedures (tthc generate --seed 1) instead.")
    var synthetic: Int?

    @Option(help: "The date of the catalogue in force (YYYY-MM-DD).")
    var at: String = "2099-12-31"

    @Option(name: .shortAndLong, help: "The folder to write the site into.")
    var output: String

    @Flag(help: "Also write a plain HTML page per procedure, with the search box (for Pagefind and links).")
    var pages = false

    @Option(help: "Write sample.json with this many procedures spread over the catalogue: key, name, code.")
    var sample: Int = 0

    @Option(help: "Build the index this many times and report the median time (for the benchmark).")
    var runs: Int = 1

    func run() throws {
        let documents = try loadDocuments()
        let clock = ContinuousClock()
        var files: [SearchIndexFile] = []
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<max(1, runs) {
            let started = clock.now
            let cpuStarted = cpuSeconds()
            files = SearchIndexBuilder.build(documents)
            wall.append((clock.now - started) / .seconds(1))
            cpu.append(cpuSeconds() - cpuStarted)
        }
        let seconds = wall.sorted()[wall.count / 2]
        let cpuMedian = cpu.sorted()[cpu.count / 2]

        let root = URL(fileURLWithPath: output)
        let index = root.appendingPathComponent(SearchIndexBuilder.folder)
        if FileManager.default.fileExists(atPath: index.path) { try FileManager.default.removeItem(at: index) }
        var bytes = 0
        for file in files {
            try write(file.contents, to: root.appendingPathComponent(file.path))
            bytes += file.contents.utf8.count
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site/assets/search.js")
        try write(String(contentsOf: script, encoding: .utf8), to: root.appendingPathComponent("assets/search.js"))
        try write(Self.page(title: "Tìm thủ tục hành chính", root: "", main: ""), to: root.appendingPathComponent("index.html"))
        if pages {
            for d in documents {
                let main = """
                    <article data-pagefind-body>
                    <h1>\(html(d.name))</h1>
                    <p>Mã thủ tục: \(html(d.code))</p>
                    <p>Lĩnh vực: \(html(d.field))</p>
                    <p>Cơ quan thực hiện: \(html(d.agency))</p>
                    <p>Cấp thực hiện: \(html(d.level))</p>
                    \(d.body.split(separator: "\n").map { "<p>\(html(String($0)))</p>" }.joined(separator: "\n"))
                    </article>
                    """
                try write(Self.page(title: d.name, root: "../", main: main), to: root.appendingPathComponent(d.path))
            }
        }
        if sample > 0 {
            let step = max(1, documents.count / sample)
            let rows = stride(from: 0, to: documents.count, by: step).prefix(sample).map { i in
                let d = documents[i]
                return "[" + [d.key, d.name, d.code, d.path].map(jsonString).joined(separator: ",") + "]"
            }
            try write("[\n" + rows.joined(separator: ",\n") + "\n]\n", to: root.appendingPathComponent("sample.json"))
        }
        print("{\"documents\":\(documents.count),\"files\":\(files.count),\"bytes\":\(bytes),\"seconds\":\(seconds),\"cpuSeconds\":\(cpuMedian),\"runs\":\(wall.count)}")
    }

    func loadDocuments() throws -> [SearchDocument] {
        if let n = synthetic {
            let province = SyntheticCatalogue.generate(.init(procedures: n))[0]
            let sourced = province.decisions.enumerated().map { i, d in
                SourcedDecision(decision: d, location: SourceLocation(file: "synthetic-\(i).xml"))
            }
            let state = Replay.run(sourced).catalogue.state(at: SyntheticCatalogue.Timeline.initialAnnouncementsComplete)
            return state.entries.map { SearchDocument(procedure: $0.procedure, key: $0.key) }
        }
        guard let catalogue else { throw ValidationError("give --catalogue DIR or --synthetic N") }
        guard let date = LocalDate(iso: at) else { throw ValidationError("--at takes a date as YYYY-MM-DD, not \(at)") }
        let folder = CatalogueFolder.load(catalogue)
        let replay = Replay.run(folder.decisions)
        let errors = (folder.diagnostics + replay.diagnostics).filter { $0.severity == .error }
        if !errors.isEmpty {
            for e in errors { FileHandle.standardError.write(Data("\(e)\n".utf8)) }
            throw ExitCode(1)
        }
        return replay.catalogue.state(at: date).entries.map { SearchDocument(procedure: $0.procedure, key: $0.key) }
    }

    static func page(title: String, root: String, main: String) -> String {
        """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(html(title))</title>
        <script src="\(root)assets/search.js" data-root="\(root)" defer></script>
        </head>
        <body>
        <header>
        <form role="search" action="\(root)index.html">
        <label for="search-input">Tìm thủ tục</label>
        <input id="search-input" name="q" type="search" autocomplete="off">
        </form>
        <div id="search-results" aria-live="polite"></div>
        </header>
        <main>
        \(main)
        </main>
        </body>
        </html>

        """
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// CPU time of this process: the machines here are shared, so wall time alone says little.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

func html(_ s: String) -> String { MarkupText.escape(s) }

SearchSite.main()
