import Catalogue
import Formats
import Foundation
@testable import Site
import Synthetic
import Testing

/// A rebuild copies the open data rows of the procedures that did not change from the previous
/// build's `catalogue.json` and `procedures.csv` (`OpenDataState`) and makes only the others; the
/// files must be byte for byte what a full build writes, and anything doubtful about the previous
/// build's state or tables means every row is made again.
@Suite("Open data rows kept across rebuilds")
struct OpenDataRebuildTests {
    static let date = "2099-01-01"

    /// A generated catalogue of 300 procedures.
    static let base: [Decision] = SyntheticCatalogue.generate(.init(procedures: 300, seed: 11)).first!.decisions

    /// The same, plus a decision that amends the processing time of `amended` procedures in force,
    /// abolishes one and (when `announces`) announces a new one.
    static func plusDecision(amended: Int = 5, announces: Bool = true) -> [Decision] {
        let state = Tiny.catalogue(base).state(at: LocalDate(iso: date)!)
        var items: [DecisionItem] = []
        for entry in state.entries.prefix(amended) {
            var p = entry.procedure
            p.code = p.code ?? ProcedureCode(entry.key)
            p.channels = p.channels.map { c in
                var c = c
                c.time = ProcessingTime(value: DecimalNumber(integerLiteral: 99), unit: .workingDays)
                return c
            }
            items.append(DecisionItem(action: .amended, changedParts: Array(Part.changed(from: entry.procedure, to: p)), procedure: p))
        }
        let abolished = state.entries[state.entries.count / 2]
        items.append(DecisionItem(action: .abolished, code: abolished.procedure.code ?? ProcedureCode(abolished.key)))
        if announces {
            items.append(DecisionItem(action: .new, procedure: Tiny.procedure("9.999999", "Thủ tục mới, \"thử\"", days: 3, fee: 0)))
        }
        return base + [Tiny.decision("9999/QĐ-UBND", "2098-12-01", items)]
    }

    /// Site data for `decisions`, with a digest of each decision's content standing for its file's
    /// (as `SourceDigest` gives when read from files) when `digests` is set.
    static func data(_ decisions: [Decision], digests: Bool, baseURL: String? = "https://example.invalid/") -> SiteData {
        var data = SiteData(catalogue: Tiny.catalogue(decisions), province: Tiny.province, date: LocalDate(iso: date)!, baseURL: baseURL)
        if digests {
            for d in decisions { data.decisionDigests[d.number] = ContentDigest(Array(JSONFormat.pretty(d).utf8)).description }
        }
        return data
    }

    static func builder(_ data: SiteData) throws -> SiteBuilder {
        var builder = SiteBuilder(model: SiteModel(data: data), theme: try Theme.load(site: Fixture.site))
        builder.inPlaceShare = 1
        return builder
    }

    /// A rebuild after the decision writes the open data a full build writes, byte for byte, both
    /// when the rows are known by their decision files' digests and by their histories.
    /// A decision that announces no procedure leaves the procedure pages, whose sitemap lines are
    /// then the previous build's.
    @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
    func aRebuildWritesWhatAFullBuildWrites(digests: Bool, announces: Bool) throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try Self.builder(Self.data(Self.base, digests: digests)).build(into: dir + "/public")
        #expect(FileManager.default.fileExists(atPath: dir + "/public/" + OpenDataState.fileName))
        let after = Self.data(Self.plusDecision(announces: announces), digests: digests)
        _ = try Self.builder(after).build(into: dir + "/public")
        _ = try Self.builder(after).build(into: dir + "/fresh")
        try BuildCommitTests.expectSameSite(dir + "/public", dir + "/fresh")
        // And back: rows that disappeared and came back are made again where needed.
        _ = try Self.builder(Self.data(Self.base, digests: digests)).build(into: dir + "/public")
        _ = try Self.builder(Self.data(Self.base, digests: digests)).build(into: dir + "/fresh2")
        try BuildCommitTests.expectSameSite(dir + "/public", dir + "/fresh2")
    }

    /// Only the rows of the procedures the decision touched are made; the rest are copied.
    @Test(arguments: [true, false])
    func onlyTheChangedRowsAreMade(digests: Bool) throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try Self.builder(Self.data(Self.base, digests: digests)).build(into: dir)
        let model = SiteModel(data: Self.data(Self.plusDecision(amended: 7, announces: false), digests: digests))
        let previous = try #require(OpenDataState.Previous(folder: dir, layout: model.layoutKey))
        let made = OpenData.tables(model.data, keys: model.entryKeys, previous: previous)
        let count = model.data.state.entries.count
        // Seven amended; the abolished one is simply not there.
        #expect(made.reused == count - 7)
        // The procedure pages are the same: their sitemap lines are the previous build's last lines.
        let builder = try Self.builder(model.data)
        let kinds = model.pages
        let first = try #require(kinds.firstIndex { if case .procedure = $0 { true } else { false } })
        #expect(builder.procedurePagesKey(kinds[first...]) == previous.state.procedurePages)
        let files = Manifest.read(dir + "/" + SiteLinks.marker).units[Manifest.openData]?.files ?? []
        let out = OutputFolder(staging: dir + "-unused", live: dir, files: [])
        let kept = builder.previousProcedureLines(files, out: out, bytes: previous.state.procedureLines, count: kinds.count - first)
        #expect(kept == OpenData.urlLines(model.data, pages: kinds[first...].map(model.path(of:))))
        #expect(kept?.isEmpty == false)
        let full = OpenData.tables(model.data)
        #expect(made.json.bytes == full.json)
        #expect(made.csv.bytes == full.csv)
        #expect(made.state == OpenData.tables(model.data, keys: model.entryKeys, previous: nil).state)
        // Without identities nothing can be matched.
        #expect(OpenData.tables(model.data, keys: nil, previous: previous).reused == 0)
    }

    /// The tables made over a previous build's (of another catalogue, date or province) are the
    /// tables made from nothing, for every data set the byte tests use, the empty catalogue too.
    @Test func copiedTablesAreMadeTables() throws {
        let sets = try OpenDataBytesTests.dataSets() + [
            SiteData(catalogue: Tiny.catalogue([]), province: Tiny.province, date: LocalDate(iso: Self.date)!),
        ]
        for (n, old) in sets.enumerated() {
            let dir = Fixture.temporaryFolder()
            defer { Fixture.cleanUp(dir) }
            let oldModel = SiteModel(data: old)
            let oldTables = OpenData.tables(old, keys: oldModel.entryKeys, previous: nil)
            try Self.write(oldTables, layout: "L", into: dir)
            for new in sets {
                let model = SiteModel(data: new)
                let previous = OpenDataState.Previous(folder: dir, layout: "L")
                #expect((previous == nil) == old.state.entries.isEmpty, "data set \(n)")
                let made = OpenData.tables(new, keys: model.entryKeys, previous: previous)
                let full = OpenData.tables(new)
                #expect(made.json.bytes == full.json, "data set \(n)")
                #expect(made.csv.bytes == full.csv, "data set \(n)")
                if new.catalogue.histories.keys.sorted() == old.catalogue.histories.keys.sorted(), new.date == old.date {
                    #expect(made.reused == new.state.entries.count, "data set \(n)")
                }
            }
        }
    }

    static func write(_ tables: OpenData.Tables, layout: String, into dir: String) throws {
        try Data(tables.json.bytes).write(to: URL(fileURLWithPath: dir + "/" + SiteLinks.catalogueJSON))
        try Data(tables.csv.bytes).write(to: URL(fileURLWithPath: dir + "/" + SiteLinks.proceduresCSV))
        try Data(tables.state.bytes(layout: layout)).write(to: URL(fileURLWithPath: dir + "/" + OpenDataState.fileName))
    }

    /// The state reads back as written, and only for its own layout.
    @Test func theStateReadsBackAsWritten() throws {
        let data = Self.data(Self.base, digests: true)
        let model = SiteModel(data: data)
        let state = OpenData.tables(data, keys: model.entryKeys, previous: nil).state
        #expect(state.keys.count == data.state.entries.count)
        let bytes = state.bytes(layout: "layout A")
        let read = bytes.withUnsafeBytes { OpenDataState.read($0, layout: "layout A") }
        #expect(read == state)
        #expect(bytes.withUnsafeBytes { OpenDataState.read($0, layout: "layout B") } == nil)
        for cut in [1, 16, bytes.count / 2, bytes.count - 1] {
            #expect(bytes.dropLast(cut).withUnsafeBytes { OpenDataState.read($0, layout: "layout A") } == nil, "\(cut) bytes cut")
        }
        var older = bytes
        older[older.firstIndex(of: UInt8(ascii: "1"))!] = UInt8(ascii: "0")
        #expect(older.withUnsafeBytes { OpenDataState.read($0, layout: "layout A") } == nil)
    }

    /// What a previous build left that cannot be trusted: every row is made, and the rebuild still
    /// writes what a full build writes.
    @Test(arguments: ["missing", "truncated", "older format", "other layout", "json edited", "csv edited", "lengths swapped", "not listed", "sitemap edited", "sitemap cut"])
    func aDoubtfulPreviousStateMeansEveryRowIsMade(_ how: String) throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let live = dir + "/public"
        var baseURL: String? = "https://example.invalid/"
        _ = try Self.builder(Self.data(Self.base, digests: true)).build(into: live)
        let statePath = live + "/" + OpenDataState.fileName
        var state = try Data(contentsOf: URL(fileURLWithPath: statePath))
        switch how {
        case "missing": try FileManager.default.removeItem(atPath: statePath)
        case "truncated": try state.dropLast(5).write(to: URL(fileURLWithPath: statePath))
        case "older format":
            state[state.firstIndex(of: UInt8(ascii: "1"))!] = UInt8(ascii: "0")
            try state.write(to: URL(fileURLWithPath: statePath))
        case "other layout": baseURL = "https://other.invalid/"
        case "json edited", "csv edited":
            let path = live + "/" + (how == "json edited" ? SiteLinks.catalogueJSON : SiteLinks.proceduresCSV)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data(" ".utf8))
            try handle.close()
        case "sitemap edited", "sitemap cut":
            // The procedure pages' lines are the sitemap's last: one made longer, or lines lost.
            let path = live + "/" + SiteLinks.sitemap
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = how == "sitemap edited"
                ? text.replacingOccurrences(of: "thu-tuc/", with: "thu-tuc/x")
                : text.replacingOccurrences(of: "  <url><loc>https://example.invalid/thu-tuc/", with: "")
            #expect(edited != text)
            try edited.write(toFile: path, atomically: false, encoding: .utf8)
        case "lengths swapped":
            // The JSON lengths of the last amended row and the first unchanged one exchanged: the
            // sizes add up, but the unchanged rows no longer lie where the state says.
            let model = SiteModel(data: Self.data(Self.base, digests: true))
            var read = try #require(state.withUnsafeBytes { OpenDataState.read($0, layout: model.layoutKey) })
            let i = try #require(read.jsonLengths.indices.dropFirst(4).first { read.jsonLengths[$0] != read.jsonLengths[$0 + 1] })
            read.jsonLengths.swapAt(i, i + 1)
            try Data(read.bytes(layout: model.layoutKey)).write(to: URL(fileURLWithPath: statePath))
        default:
            // The marker's open data unit no longer lists the state.
            let marker = live + "/" + SiteLinks.marker
            let text = try String(contentsOfFile: marker, encoding: .utf8)
            try text.replacingOccurrences(of: "\t" + OpenDataState.fileName, with: "").write(toFile: marker, atomically: true, encoding: .utf8)
        }
        let after = Self.data(Self.plusDecision(announces: false), digests: true, baseURL: baseURL)
        let model = SiteModel(data: after)
        if let previous = OpenDataState.Previous(folder: live, layout: model.layoutKey) {
            // Read, but no row lies where it says: none is copied.
            #expect(["lengths swapped", "not listed", "sitemap edited", "sitemap cut"].contains(how), "\(how)")
            if how == "lengths swapped" {
                let made = OpenData.tables(after, keys: model.entryKeys, previous: previous)
                #expect(made.json.bytes == OpenData.tables(after).json)
            }
        }
        _ = try Self.builder(after).build(into: live)
        _ = try Self.builder(after).build(into: dir + "/fresh")
        try BuildCommitTests.expectSameSite(live, dir + "/fresh")
    }

    /// The `<url>` lines read back from the sitemap files are the lines they were made from, when
    /// the sitemaps are one file and when they are several.
    @Test(arguments: [0, 3, 50_000, 50_001, 120_000])
    func sitemapLinesReadBack(pages: Int) throws {
        let (sample, province) = try Fixture.sample()
        let data = SiteData(catalogue: sample, province: province, date: LocalDate(iso: Self.date)!, baseURL: "https://example.invalid/")
        let lines = OpenData.urlLines(data, pages: (0..<pages).map { "thu-tuc/1.\($0).html" })
        let files = OpenData.sitemaps(data, lines: lines)
        let urlsets = files.count == 1 ? files : Array(files.dropFirst())
        // The files as the build maps them: buffers that live while they are read.
        func read(_ files: [(path: String, bytes: [UInt8])]) -> [UInt8]? {
            let buffers = files.map { file in
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: file.bytes.count)
                _ = buffer.initialize(from: file.bytes)
                return buffer
            }
            defer { for b in buffers { b.deallocate() } }
            return OpenData.urlLines(ofSitemaps: buffers.map { UnsafeBufferPointer($0) })
        }
        #expect(read(urlsets) == lines)
        // An index of sitemaps has no lines of its own.
        #expect(read([try #require(files.first)]) == (pages > 50_000 ? nil : lines))
    }

    /// A file emitted as pieces is the file emitted whole: kept when its bytes are the previous
    /// build's (same size, compared), written when they differ, in place and into a whole folder.
    @Test(arguments: [true, false])
    func piecesAreEmittedAsTheWholeFileWouldBe(inPlace: Bool) throws {
        let previous = Fixture.temporaryFolder()
        let staging = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(previous); Fixture.cleanUp(staging) }
        for (name, text) in [("same", "abcdef"), ("same size", "abcdef"), ("longer", "abc")] {
            try text.write(toFile: previous + "/" + name, atomically: false, encoding: .utf8)
        }
        let out = inPlace
            ? OutputFolder(staging: staging, live: previous, files: ["same", "same size", "longer"])
            : OutputFolder(staging: staging, previous: previous)
        let cases: [(String, [String], Bool)] = [
            ("same", ["ab", "cd", "ef"], true), ("same size", ["ab", "XX", "ef"], false), ("longer", ["ab", "cd", "ef"], false),
            ("new", ["x", "", "y"], false), ("one", ["only"], false), ("none", [], false),
        ]
        for (name, pieces, _) in cases {
            let buffers = pieces.map { piece in
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: piece.utf8.count)
                _ = buffer.initialize(from: Array(piece.utf8))
                return buffer
            }
            defer { for b in buffers { b.deallocate() } }
            try out.emit(name, pieces: buffers.map { UnsafeBufferPointer($0) })
        }
        #expect(out.unchanged == 1)
        #expect(out.written == cases.count - 1)
        for (name, pieces, kept) in cases {
            let there = inPlace && kept ? previous : staging
            #expect(OutputFolderTests.text(there + "/" + name) == pieces.joined(), "\(name)")
            if inPlace { #expect(FileManager.default.fileExists(atPath: staging + "/" + name) == !kept, "\(name)") }
        }
        if inPlace {
            #expect(out.plan(last: "").renames == cases.filter { !$0.2 }.map(\.0).sorted())
        } else {
            #expect(OutputFolderTests.inode(staging + "/same") == OutputFolderTests.inode(previous + "/same"))
            #expect(OutputFolderTests.text(previous + "/same size") == "abcdef")
        }
    }
}
