import Catalogue
import Formats
import Foundation
import Testing

@testable import Site

/// A rebuild over a previous build commits only what changed into the live folder: a failure
/// before the commit leaves every file (bytes, inode, modification time) as it was, a commit cut
/// short is finished by the next build, and the result is always the folder a full build makes.
@Suite("Committing a rebuild into the live folder")
struct BuildCommitTests {
    /// A file as a reader and rsync see it.
    struct FileState: Equatable {
        var bytes: Data
        var inode: UInt64
        var modified: timespec

        static func == (a: FileState, b: FileState) -> Bool {
            a.bytes == b.bytes && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// Every file under `root` with its state, and every folder.
    static func snapshot(_ root: String) throws -> (files: [String: FileState], folders: [String]) {
        var files: [String: FileState] = [:]
        var folders: [String] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
            var info = stat()
            #expect(lstat(root + "/" + path, &info) == 0)
            if (info.st_mode & S_IFMT) == S_IFDIR { folders.append(path); continue }
            files[path] = FileState(bytes: try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)),
                                    inode: UInt64(info.st_ino), modified: info.st_mtim)
        }
        return (files, folders.sorted())
    }

    /// Expects `a` to hold the same files and folders, byte for byte, as `b`.
    static func expectSameSite(_ a: String, _ b: String) throws {
        let x = try snapshot(a), y = try snapshot(b)
        #expect(x.files.keys.sorted() == y.files.keys.sorted())
        #expect(x.folders == y.folders)
        for (path, state) in y.files {
            #expect(x.files[path]?.bytes == state.bytes, "\(path) differs from a full build")
        }
    }

    static func builder(_ catalogue: Catalogue, at date: String = "2026-08-01", sheet: (@Sendable (ProcedureVersion, String) throws -> String)? = nil) throws -> SiteBuilder {
        let data = SiteData(catalogue: catalogue, province: Tiny.province, date: LocalDate(iso: date)!)
        let model = SiteModel(data: data, hasSheets: sheet != nil)
        var builder = SiteBuilder(model: model, theme: try Theme.load(site: Fixture.site), sheet: sheet)
        // Commit in place whatever the share of files changed (the tiny catalogues change most).
        builder.inPlaceShare = 1
        return builder
    }

    /// The two catalogues: before and after a decision that amends two procedures, abolishes one,
    /// announces one (DecisionPagesTests).
    static let before: Catalogue = {
        let all = DecisionPagesTests.catalogue()
        return Tiny.catalogue(all.decisions.values.filter { $0.number == "10/QĐ-UBND" })
    }()
    static let after = DecisionPagesTests.catalogue()

    /// Files that came out the same are not touched (same inode, same modification time); the rest
    /// equals a full build.
    @Test func unchangedFilesAreNotTouched() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try Self.builder(Self.before).build(into: dir + "/public")
        let old = try Self.snapshot(dir + "/public")
        let report = try Self.builder(Self.after).build(into: dir + "/public")
        _ = try Self.builder(Self.after).build(into: dir + "/fresh")
        try Self.expectSameSite(dir + "/public", dir + "/fresh")
        let new = try Self.snapshot(dir + "/public")
        let same = new.files.filter { old.files[$0.key]?.bytes == $0.value.bytes }
        #expect(report.unchanged == same.count)
        #expect(report.written == new.files.count - same.count)
        for (path, state) in same { #expect(old.files[path] == state, "\(path) was touched") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fresh", "public"])
    }

    /// Pages the new build no longer has (a decision, a procedure, their data) are removed, with the
    /// folders they leave empty.
    @Test func removedPagesDisappear() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        _ = try Self.builder(Self.after).build(into: dir + "/public")
        let gone = [SitePath.decision("20/QĐ-UBND"), SiteData.procedurePath("1.000004"), SitePath.procedureData(ProcedureCode("1.000004"))]
        for path in gone { #expect(FileManager.default.fileExists(atPath: dir + "/public/" + path), "\(path)") }
        _ = try Self.builder(Self.before).build(into: dir + "/public")
        for path in gone { #expect(!FileManager.default.fileExists(atPath: dir + "/public/" + path), "\(path) is still there") }
        _ = try Self.builder(Self.before).build(into: dir + "/fresh")
        try Self.expectSameSite(dir + "/public", dir + "/fresh")
    }

    /// A build that fails half-way (a posting sheet that throws) or is interrupted (Ctrl-C) leaves
    /// every file as it was, inode and time included, and no staging folder.
    @Test(arguments: ["sheet", "cancel"])
    func failureLeavesThePreviousSiteUntouched(_ how: String) throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let sheet: @Sendable (ProcedureVersion, String) throws -> String = { v, _ in "sheet " + v.procedure.name }
        _ = try Self.builder(Self.before, sheet: sheet).build(into: dir + "/public")
        let old = try Self.snapshot(dir + "/public")
        struct Boom: Error {}
        let failing: @Sendable (ProcedureVersion, String) throws -> String = { v, _ in
            if v.procedure.code?.rawValue == "1.000002" { throw Boom() }
            return "sheet " + v.procedure.name
        }
        if how == "sheet" {
            #expect(throws: Boom.self) { try Self.builder(Self.after, sheet: failing).build(into: dir + "/public") }
        } else {
            #expect(throws: SiteError.self) { try Self.builder(Self.after, sheet: sheet).build(into: dir + "/public", isCancelled: { true }) }
        }
        let now = try Self.snapshot(dir + "/public")
        #expect(now.folders == old.folders)
        #expect(now.files.keys.sorted() == old.files.keys.sorted())
        for (path, state) in old.files { #expect(now.files[path] == state, "\(path) changed") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["public"])
    }

    /// A commit (from the catalogue after the decision back to the one before: files change and
    /// files go) stopped after `steps` of its renames and removals (as kill -9 would; -1: after all
    /// of them, before the journal is deleted) leaves its journal; the next build finishes it and
    /// gives the folder a full build makes.
    @Test(arguments: [0, 1, 3, 8, -1])
    func interruptedCommitIsFinishedByTheNextBuild(_ steps: Int) throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let live = dir + "/public"
        _ = try Self.builder(Self.after).build(into: live)
        #expect(throws: FolderCommit.Interrupted.self) {
            try Self.builder(Self.before).build(into: live, force: false, progress: nil, stopCommitAfter: max(steps, 0))
        }
        let journal = try String(contentsOfFile: live + "/" + FolderCommit.journalName, encoding: .utf8)
        let plan = try #require(FolderCommit.parse(journal))
        #expect(!plan.renames.isEmpty && !plan.removals.isEmpty && plan.last == [SiteLinks.marker])
        #expect(FileManager.default.fileExists(atPath: plan.staging))
        if steps < 0 {
            let all = plan.renames.count + plan.removals.count + plan.last.count
            #expect(throws: FolderCommit.Interrupted.self) { try plan.apply(into: live, stopAfter: all) }
            #expect(FileManager.default.fileExists(atPath: live + "/" + FolderCommit.journalName))
        }

        let report = try Self.builder(Self.before).build(into: live)
        // Finished from the journal, then nothing is left to write.
        #expect(report.written == 0)
        #expect(!FileManager.default.fileExists(atPath: live + "/" + FolderCommit.journalName))
        #expect(!FileManager.default.fileExists(atPath: plan.staging))
        _ = try Self.builder(Self.before).build(into: dir + "/fresh")
        try Self.expectSameSite(live, dir + "/fresh")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fresh", "public"])
    }

    /// A journal whose staged files are gone: the folder is a mix of two builds, so the next build
    /// trusts none of it and builds in full.
    @Test func lostStagingFolderMeansAFullBuild() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let live = dir + "/public"
        _ = try Self.builder(Self.before).build(into: live)
        #expect(throws: FolderCommit.Interrupted.self) {
            try Self.builder(Self.after).build(into: live, force: false, progress: nil, stopCommitAfter: 2)
        }
        let journal = try String(contentsOfFile: live + "/" + FolderCommit.journalName, encoding: .utf8)
        let plan = try #require(FolderCommit.parse(journal))
        try FileManager.default.removeItem(atPath: plan.staging)
        let report = try Self.builder(Self.after).build(into: live)
        #expect(report.unchanged == 0)
        _ = try Self.builder(Self.after).build(into: dir + "/fresh")
        try Self.expectSameSite(live, dir + "/fresh")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fresh", "public"])
    }

    /// A rebuild that changes more than the in-place share swaps the folder in whole, with the same result.
    @Test func aLargeChangeSwapsTheWholeFolder() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let live = dir + "/public"
        _ = try Self.builder(Self.before).build(into: live)
        let marker = try Self.snapshot(live).files[SiteLinks.marker]
        var builder = try Self.builder(Self.after)
        builder.inPlaceShare = 0
        let report = try builder.build(into: live)
        #expect(report.written > 0 && report.unchanged > 0)
        _ = try Self.builder(Self.after).build(into: dir + "/fresh")
        try Self.expectSameSite(live, dir + "/fresh")
        // Swapped: the unchanged files are hard links of the old ones, in a new folder.
        #expect(try Self.snapshot(live).files[SiteLinks.marker]?.inode != marker?.inode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fresh", "public"])
    }

    /// Two builds into one folder: the second is refused with the lock's name and what to do; a
    /// lock left by a process that no longer runs says it is stale.
    @Test func aLockedFolderIsRefusedClearly() throws {
        let dir = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(dir) }
        let live = dir + "/public"
        _ = try Self.builder(Self.before).build(into: live)
        let lock = FolderLock.path(for: live)
        #expect(lock == dir + "/.public.tthc-lock")
        #expect(!FileManager.default.fileExists(atPath: lock))
        let old = try Self.snapshot(live)

        try "\(getpid()) 2026-11-24T10:00:00Z\n".write(toFile: lock, atomically: false, encoding: .utf8)
        let busy = #expect(throws: SiteError.self) { try Self.builder(Self.after).build(into: live) }
        #expect(busy?.description.contains("another tthc build (process \(getpid())") == true)
        #expect(busy?.description.contains(lock) == true)

        // No process has the largest pid.
        try "2147483646 2026-11-24T10:00:00Z\n".write(toFile: lock, atomically: false, encoding: .utf8)
        let stale = #expect(throws: SiteError.self) { try Self.builder(Self.after).build(into: live) }
        #expect(stale?.description.contains("no such process runs now: delete \(lock)") == true)
        #expect(try Self.snapshot(live).files == old.files)

        try FileManager.default.removeItem(atPath: lock)
        _ = try Self.builder(Self.after).build(into: live)
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    /// The journal reads back as written.
    @Test func journalRoundTrips() throws {
        let plan = FolderCommit(staging: "/tmp/.public.tthc-1", renames: ["a/b.html", "c d.json"], removals: ["x/y.html"], last: [".tthc-site"])
        #expect(FolderCommit.parse(plan.text) == plan)
        // Cut short while it was written: not a journal.
        #expect(FolderCommit.parse(String(plan.text.dropLast())) == nil)
        #expect(FolderCommit.parse("") == nil)
    }
}
