import Catalogue
import Formats
import Foundation
import Site
import Testing

@Suite("Writing the site folder")
struct BuildFolderTests {
    static let one = Tiny.decision("10/QĐ-UBND", "2026-01-05", [
        DecisionItem(action: .new, procedure: Tiny.procedure("1.000001", "Chứng thực chữ ký", days: 5, fee: 20_000)),
        DecisionItem(action: .new, procedure: Tiny.procedure("1.000002", "Chứng thực bản sao", days: 1, fee: 2_000)),
    ])

    /// A build that fails half-way leaves the previous site exactly as it was, with no debris.
    @Test func failedBuildLeavesThePreviousSite() throws {
        let catalogue = Tiny.catalogue([Self.one])
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(catalogue, province: Tiny.province, into: root)
        let before = try Fixture.files(under: root).map { ($0, try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0))) }

        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try Fixture.build(catalogue, province: Tiny.province, at: "2026-12-01", into: root,
                              sheet: { v, _ in if v.procedure.code?.rawValue == "1.000002" { throw Boom() }; return "sheet" })
        }
        let after = try Fixture.files(under: root).map { ($0, try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0))) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["public"])
    }

    /// A folder tthc did not make is not replaced without --force.
    @Test func refusesAFolderItDidNotMake() throws {
        let catalogue = Tiny.catalogue([Self.one])
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/docs"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "mine".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try Fixture.build(catalogue, province: Tiny.province, into: root) }
        #expect(try Fixture.read(root + "/notes.txt") == "mine")
        try Fixture.build(catalogue, province: Tiny.province, into: root, force: true)
        #expect(!FileManager.default.fileExists(atPath: root + "/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: root + "/" + SiteLinks.marker))
        // Its own previous build is replaced without --force.
        try Fixture.build(catalogue, province: Tiny.province, into: root)
    }

    /// A rebuild rewrites only what changed; unchanged files keep their bytes and modification times.
    @Test func rebuildRewritesOnlyChangedFiles() throws {
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        let first = try Fixture.build(Tiny.catalogue([Self.one]), province: Tiny.province, into: root)
        #expect(first.unchanged == 0)
        #expect(first.written == Fixture.files(under: root).count)

        let same = try Fixture.build(Tiny.catalogue([Self.one]), province: Tiny.province, into: root)
        #expect(same.written == 0)
        #expect(same.unchanged == first.written)

        let untouched = root + "/thu-tuc/1.000002.html"
        let old = try FileManager.default.attributesOfItem(atPath: untouched)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 1.1)
        var amended = Tiny.procedure("1.000001", "Chứng thực chữ ký", days: 5, fee: 20_000)
        amended.channels[0].fees = [Fee(amount: 10_000)]
        let second = Tiny.decision("20/QĐ-UBND", "2026-06-01", [DecisionItem(action: .amended, changedParts: [.fees], procedure: amended)])
        let next = try Fixture.build(Tiny.catalogue([Self.one, second]), province: Tiny.province, into: root)
        let new = try FileManager.default.attributesOfItem(atPath: untouched)[.modificationDate] as? Date
        #expect(old != nil && old == new)
        // Changed: the amended procedure's page and JSON, the home page, the decision index, the
        // two new decision pages, the field, agency and level pages listing it (fee does not show
        // there, but the home page's latest decisions and the feed do), the open data's row state
        // and the search index's state (the procedure's identity; not the index: fees are not
        // searched). Not the other procedure.
        #expect(next.written > 0)
        #expect(next.written < 14, "wrote \(next.written)")
        #expect(next.unchanged + next.written == Fixture.files(under: root).count)
    }
}

@Suite("Incremental rebuild gives the same site as a fresh build")
struct IncrementalEquivalenceTests {
    /// Builds `first` then `second` into one folder, `second` alone into another, and compares every file.
    func expectSameSite(
        first: (Catalogue, String, String?), second: (Catalogue, String, String?)
    ) throws {
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(first.0, province: Tiny.province, at: first.1, into: out + "/a", theme: first.2)
        let report = try Fixture.build(second.0, province: Tiny.province, at: second.1, into: out + "/a", theme: second.2)
        try Fixture.build(second.0, province: Tiny.province, at: second.1, into: out + "/b", theme: second.2)
        let a = Fixture.files(under: out + "/a"), b = Fixture.files(under: out + "/b")
        #expect(a == b)
        for file in b {
            let x = try Data(contentsOf: URL(fileURLWithPath: out + "/a/" + file))
            let y = try Data(contentsOf: URL(fileURLWithPath: out + "/b/" + file))
            #expect(x == y, "\(file) differs from a fresh build")
        }
        #expect(report.unchanged > 0)
    }

    @Test func afterANewDecision() throws {
        let all = DecisionPagesTests.catalogue()
        var before = all
        before.decisions = before.decisions.filter { $0.key == "10/QĐ-UBND" }
        let replay = Tiny.catalogue(Array(before.decisions.values))
        try expectSameSite(first: (replay, "2026-08-01", nil), second: (all, "2026-08-01", nil))
    }

    @Test func afterTheDateMoves() throws {
        let all = DecisionPagesTests.catalogue()
        try expectSameSite(first: (all, "2026-06-15", nil), second: (all, "2026-08-01", nil))
    }

    @Test func afterATemplateChanges() throws {
        let theme = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(theme) }
        try FileManager.default.createDirectory(atPath: theme + "/templates", withIntermediateDirectories: true)
        let original = try Fixture.read(Fixture.site + "/templates/procedure.mustache")
        try original.replacingOccurrences(of: "Lịch sử thủ tục", with: "Các phiên bản")
            .write(toFile: theme + "/templates/procedure.mustache", atomically: true, encoding: .utf8)
        let all = DecisionPagesTests.catalogue()
        try expectSameSite(first: (all, "2026-08-01", nil), second: (all, "2026-08-01", theme))
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(all, province: Tiny.province, at: "2026-08-01", into: out + "/p", theme: theme)
        #expect(try Fixture.read(out + "/p/thu-tuc/1.000001.html").contains("Các phiên bản"))
    }
}

@Suite("Incremental rebuild from decision files")
struct IncrementalFromFilesTests {
    /// With fingerprints taken from the decision files' digests, editing a decision file (a fee in
    /// an amended procedure) rebuilds what it shows: the result equals a fresh build.
    @Test func editingADecisionFileRebuildsItsPages() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let catalogue = dir + "/catalogue"
        try FileManager.default.createDirectory(atPath: catalogue + "/decisions", withIntermediateDirectories: true)
        try ProvinceFile.write(Tiny.province).write(toFile: catalogue + "/province.json", atomically: true, encoding: .utf8)
        let all = DecisionPagesTests.catalogue()
        for d in all.decisions.values {
            try JSONFormat.write(d).write(toFile: catalogue + "/decisions/\(SitePath.fileName(d.number)).json", atomically: true, encoding: .utf8)
        }
        func build(_ output: String) throws -> SiteBuilder.Report {
            let folder = CatalogueFolder.load(catalogue)
            #expect(!folder.diagnostics.hasErrors, "\(folder.diagnostics)")
            var data = SiteData(catalogue: Replay.run(folder.decisions).catalogue, province: Tiny.province,
                                date: LocalDate(iso: "2026-08-01")!)
            data.decisionDigests = SourceDigest.digests(of: folder.decisions)
            #expect(data.decisionDigests.count == 2)
            return try SiteBuilder(data: data, theme: try Theme.load(site: Fixture.site)).build(into: output)
        }
        _ = try build(dir + "/a")
        var second = try #require(all.decisions["20/QĐ-UBND"])
        second.items[0].procedure?.channels[0].fees = [Fee(amount: 5_000)]
        try JSONFormat.write(second).write(toFile: catalogue + "/decisions/20-qd-ubnd.json", atomically: true, encoding: .utf8)
        let report = try build(dir + "/a")
        _ = try build(dir + "/b")
        #expect(report.written > 0 && report.unchanged > 0)
        for file in Fixture.files(under: dir + "/b") {
            let x = try Data(contentsOf: URL(fileURLWithPath: dir + "/a/" + file))
            let y = try Data(contentsOf: URL(fileURLWithPath: dir + "/b/" + file))
            #expect(x == y, "\(file) differs from a fresh build")
        }
        #expect(try Fixture.read(dir + "/a/thu-tuc/1.000001.html").contains("5.000 đồng"))
    }
}
