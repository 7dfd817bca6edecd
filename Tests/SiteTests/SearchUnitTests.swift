import Catalogue
import Formats
import Foundation
import SearchIndex
import Testing

@testable import Site

/// The search index unit of a rebuild: kept whole when no procedure in force changed, kept with a
/// new state file when the changed procedures' documents digest as before, rebuilt otherwise; in
/// every case the folder is the one a full build makes, and a state file that is missing or not
/// this build's is never trusted.
@Suite("Search index in a rebuild")
struct SearchUnitTests {
    /// Forty procedures with distinct names (enough for two display shards).
    static let procedures: [Procedure] = (1...40).map { n in
        let code = "1.\(String(format: "%06d", n))"
        return Tiny.procedure(code, "Đăng ký hoạt động số \(n) của cơ sở", days: n % 7 + 1, fee: n * 1_000,
                              step: "Nộp hồ sơ bước \(n) tại Bộ phận Một cửa")
    }

    static let base = Tiny.decision("10/QĐ-UBND", "2026-01-05", procedures.map { DecisionItem(action: .new, procedure: $0) })

    /// A second decision of each kind: processing times only (not searched), names (searched), a
    /// new procedure (its document among the others, whose entry numbers shift).
    static func change(_ kind: String) -> Decision {
        switch kind {
        case "time":
            return Tiny.decision("20/QĐ-UBND", "2026-06-01", procedures.prefix(5).map { p in
                var slower = p
                slower.channels[0].time = ProcessingTime(value: 30, unit: .workingDays)
                return DecisionItem(action: .amended, changedParts: [.processingTime], procedure: slower)
            })
        case "rename":
            return Tiny.decision("20/QĐ-UBND", "2026-06-01", procedures.suffix(5).map { p in
                var renamed = p
                renamed.name += " trực tuyến"
                return DecisionItem(action: .amended, changedParts: [.name], procedure: renamed)
            })
        default:
            let extra = Tiny.procedure("1.000000", "Cấp giấy phép mới", days: 2, fee: 0)
            return Tiny.decision("20/QĐ-UBND", "2026-06-01", [DecisionItem(action: .new, procedure: extra)])
        }
    }

    static let before = Tiny.catalogue([base])
    static func after(_ kind: String) -> Catalogue { Tiny.catalogue([base, change(kind)]) }

    static func searchUnit(_ site: String) -> Manifest.Unit? {
        Manifest.read(site + "/" + SiteLinks.marker).units[Manifest.search]
    }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func layout(_ catalogue: Catalogue) throws -> String {
        try BuildCommitTests.builder(catalogue).model.layoutKey
    }

    /// A rebuild after each kind of decision is the full build of the new catalogue, the search
    /// unit's fingerprint included (its content half from digests read from the state file equals
    /// the one computed from every document); the index files are rewritten only when their
    /// documents changed, the state file whenever an identity did.
    @Test(arguments: ["time", "rename", "new"])
    func aRebuildEqualsAFullBuild(_ kind: String) throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try BuildCommitTests.builder(Self.before).build(into: dir + "/public")
        let manifestInode = try #require(Self.inode(dir + "/public/tim-kiem/manifest.js"))
        let oldState = try Data(contentsOf: URL(fileURLWithPath: dir + "/public/" + SearchState.file))
        _ = try BuildCommitTests.builder(Self.after(kind)).build(into: dir + "/public")
        _ = try BuildCommitTests.builder(Self.after(kind)).build(into: dir + "/fresh")
        try BuildCommitTests.expectSameSite(dir + "/public", dir + "/fresh")
        let unit = try #require(Self.searchUnit(dir + "/public"))
        #expect(unit == Self.searchUnit(dir + "/fresh"))
        #expect(unit.files.contains(SearchState.file))
        #expect(unit.files.contains("tim-kiem/manifest.js"))
        let kept = Self.inode(dir + "/public/tim-kiem/manifest.js") == manifestInode
        #expect(kept == (kind == "time"), "the index was \(kept ? "kept" : "rewritten") after a \(kind) decision")
        let newState = try Data(contentsOf: URL(fileURLWithPath: dir + "/public/" + SearchState.file))
        #expect(newState != oldState)
    }

    /// The same catalogue again: the identity half is the previous build's, nothing is written.
    @Test func nothingChangedWritesNothing() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try BuildCommitTests.builder(Self.after("rename")).build(into: dir + "/public")
        let report = try BuildCommitTests.builder(Self.after("rename")).build(into: dir + "/public")
        #expect(report.written == 0)
    }

    /// A state file that is gone, damaged, cut short, of another format or of another layout (another
    /// program, province or address): the rebuild makes every document and is still the full build.
    @Test(arguments: ["missing", "garbage", "truncated", "longer", "format", "layout", "empty"])
    func anUnusableStateFileMeansEveryDocumentIsMade(_ damage: String) throws {
        for kind in ["time", "rename"] {
            let dir = Fixture.temporaryFolder()
            defer { Fixture.cleanUp(dir) }
            _ = try BuildCommitTests.builder(Self.before).build(into: dir + "/public")
            let path = dir + "/public/" + SearchState.file
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let layout = try Self.layout(Self.before)
            #expect(SearchState.read(dir + "/public", layout: layout) != nil)
            switch damage {
            case "missing": try FileManager.default.removeItem(atPath: path)
            case "garbage": bytes = Data("not a state file\n".utf8)
            case "truncated": bytes.removeLast(5)
            case "longer": bytes.append(0)
            case "format": bytes = Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "state (1)", with: "state (0)").utf8)
            case "layout": bytes = Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: layout, with: String(layout.reversed())).utf8)
            default: bytes = Data()
            }
            if damage != "missing" {
                // Written anew (a new inode), as an editor or a copy would.
                try FileManager.default.removeItem(atPath: path)
                try bytes.write(to: URL(fileURLWithPath: path))
                #expect(SearchState.read(dir + "/public", layout: layout) == nil)
            }
            _ = try BuildCommitTests.builder(Self.after(kind)).build(into: dir + "/public")
            _ = try BuildCommitTests.builder(Self.after(kind)).build(into: dir + "/fresh")
            try BuildCommitTests.expectSameSite(dir + "/public", dir + "/fresh")
            #expect(Self.searchUnit(dir + "/public") == Self.searchUnit(dir + "/fresh"))
        }
    }

    /// The digests of procedures whose identity is unchanged come from the state file, not from
    /// their documents: a state file of the right format whose digests were altered (which only a
    /// hand could do) shows in the content half, where a rebuild that made every document would
    /// not see it. The altered unit is not the full build's; the next full rebuild heals it.
    @Test func unchangedProceduresAreReadFromTheState() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try BuildCommitTests.builder(Self.before).build(into: dir + "/public")
        let layout = try Self.layout(Self.before)
        var state = try #require(SearchState.read(dir + "/public", layout: layout))
        // The last entry: the "time" decision amends the first five.
        state.digests[state.digests.count - 1].low ^= 1
        let path = dir + "/public/" + SearchState.file
        try FileManager.default.removeItem(atPath: path)
        try Data(state.bytes(layout: layout)).write(to: URL(fileURLWithPath: path))
        _ = try BuildCommitTests.builder(Self.after("time")).build(into: dir + "/public")
        _ = try BuildCommitTests.builder(Self.after("time")).build(into: dir + "/fresh")
        let rebuilt = try #require(Self.searchUnit(dir + "/public"))
        let full = try #require(Self.searchUnit(dir + "/fresh"))
        #expect(rebuilt.fingerprint.split(separator: "/").first == full.fingerprint.split(separator: "/").first)
        #expect(rebuilt.fingerprint.split(separator: "/").last != full.fingerprint.split(separator: "/").last)
    }

    /// A previous build whose manifest lists no state file (an older tthc's): its index is not
    /// kept on the identity alone, and the rebuild is the full build.
    @Test func aPreviousBuildWithoutAStateFileIsRebuilt() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try BuildCommitTests.builder(Self.before).build(into: dir + "/public")
        let marker = dir + "/public/" + SiteLinks.marker
        let text = try String(contentsOfFile: marker, encoding: .utf8)
        try text.replacingOccurrences(of: "\t" + SearchState.file, with: "").write(toFile: marker, atomically: true, encoding: .utf8)
        #expect(Self.searchUnit(dir + "/public")?.files.contains(SearchState.file) == false)
        _ = try BuildCommitTests.builder(Self.before).build(into: dir + "/public")
        _ = try BuildCommitTests.builder(Self.before).build(into: dir + "/fresh")
        try BuildCommitTests.expectSameSite(dir + "/public", dir + "/fresh")
        #expect(Self.searchUnit(dir + "/public") == Self.searchUnit(dir + "/fresh"))
    }

    /// The state file reads back what was written; every damaged form reads as nothing.
    @Test func theStateFileRoundTrips() throws {
        let documents = Self.procedures.map { SearchDocument(procedure: $0) }
        let state = SearchState(identities: (0..<UInt64(documents.count)).map { $0 &* 0x9e37_79b9_7f4a_7c15 },
                                digests: documents.map(SearchState.DocumentDigest.init))
        let bytes = state.bytes(layout: "L")
        #expect(bytes.count == Array((SearchState.header + "L\n40\n").utf8).count + 40 * 24)
        #expect(bytes.withUnsafeBytes { SearchState(bytes: $0, layout: "L") } == state)
        #expect(bytes.withUnsafeBytes { SearchState(bytes: $0, layout: "M") } == nil)
        #expect(Array(bytes.dropLast()).withUnsafeBytes { SearchState(bytes: $0, layout: "L") } == nil)
        #expect((bytes + [0]).withUnsafeBytes { SearchState(bytes: $0, layout: "L") } == nil)
        let empty = SearchState(identities: [], digests: []).bytes(layout: "L")
        #expect(empty.withUnsafeBytes { SearchState(bytes: $0, layout: "L") } == SearchState(identities: [], digests: []))
    }

    /// A document's digest covers every part the index is made from; the content digest covers
    /// every document's, in order, and the layout.
    @Test func digestsCoverEveryPartAndTheOrder() throws {
        let document = SearchDocument(procedure: Self.procedures[0])
        let digest = SearchState.DocumentDigest(document)
        let parts: [WritableKeyPath<SearchDocument, String>] = [\.key, \.name, \.code, \.field, \.agency, \.level, \.body, \.path]
        for part in parts {
            var changed = document
            changed[keyPath: part] += "x"
            #expect(SearchState.DocumentDigest(changed) != digest)
        }
        // A text moved from one part to the next is another document.
        var moved = document
        moved.name += moved.code
        moved.code = ""
        #expect(SearchState.DocumentDigest(moved) != digest)
        let digests = Self.procedures.prefix(3).map { SearchState.DocumentDigest(SearchDocument(procedure: $0)) }
        let content = SearchState.content(digests, layout: "L")
        #expect(SearchState.content(digests, layout: "L") == content)
        #expect(SearchState.content(digests, layout: "M") != content)
        #expect(SearchState.content(digests.reversed(), layout: "L") != content)
        #expect(SearchState.content(Array(digests.prefix(2)), layout: "L") != content)
    }

    /// The identity half names each procedure in force by its entry key, in order, with the layout;
    /// for a catalogue read from files the entry key follows the decision file's digest.
    @Test func theIdentityFollowsTheEntryKeys() throws {
        let (sample, province) = try Fixture.sample()
        var data = SiteData(catalogue: sample, province: province, date: LocalDate(iso: "2026-12-31")!)
        for number in sample.decisions.keys { data.decisionDigests[number] = "digest of " + number }
        func identity(_ data: SiteData, layout: String = "L") -> String {
            SearchState.identity(SiteModel(data: data, hasSheets: false).entryKeys, layout: layout)
        }
        let base = identity(data)
        #expect(identity(data) == base)
        #expect(identity(data, layout: "M") != base)
        let shown = try #require(data.state.entries.first?.version.decision)
        var changed = data
        changed.decisionDigests[shown] = "another file"
        #expect(identity(changed) != base)
        // A decision no version in force comes from does not count.
        let unused = data.catalogue.decisions.keys.filter { n in !data.state.entries.contains { $0.version.decision == n } }
        if let other = unused.first {
            var elsewhere = data
            elsewhere.decisionDigests[other] = "another file"
            #expect(identity(elsewhere) == base)
        }
        let keys = SiteModel(data: data, hasSheets: false).entryKeys
        #expect(SearchState.identity(Array(keys.reversed()), layout: "L") != base || keys.count < 2)
    }
}
