import Catalogue
import Foundation
import Testing

@testable import Formats

/// The load cache's file index (`FileIndex`): an unchanged file is found by its status alone, and
/// any change to a file's bytes, however it is made, is read again.
@Suite("File index of the load cache")
struct FileIndexTests {
    /// A copy of the bundled sample whose files are older than the next load's stamp (file times
    /// have the grain of a clock tick; a file changed in the stamp's tick is never recorded).
    static func settledCopy() throws -> String {
        let root = try DecisionCacheTests.copyOfSample()
        Thread.sleep(forTimeInterval: 0.05)
        return root
    }

    static func index(_ cache: DecisionCache) -> FileIndex {
        (try? String(contentsOfFile: cache.indexPath, encoding: .utf8)).map(FileIndex.init(text:)) ?? FileIndex()
    }

    /// Sets a file's modification time (as `touch -d` does); the change time becomes now.
    static func setModified(_ path: String, _ time: FileStatus.Time) {
        var times = [
            timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds)),
            timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds)),
        ]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// A file of the sample whose decision title has an ASCII letter to change, and that change:
    /// the same number of bytes, so only the content tells.
    static func sameSizeEdit(_ folder: CatalogueFolder) throws -> (file: String, text: String, title: String)? {
        for d in folder.decisions {
            let title = d.decision.title
            guard let a = title.range(of: "a") else { continue }
            let text = try String(contentsOfFile: d.location.file, encoding: .utf8)
            let changed = title.replacingCharacters(in: a, with: "e")
            guard text.components(separatedBy: title).count == 2 else { continue }
            return (d.location.file, text.replacingOccurrences(of: title, with: changed), changed)
        }
        return nil
    }

    @Test func aWarmLoadRecordsEveryFileAndFindsItsKeyByStatus() throws {
        let root = try Self.settledCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DecisionCache(catalogue: root)
        let first = CatalogueFolder.load(root, cache: cache)
        let index = Self.index(cache)
        #expect(Set(index.entries.keys) == Set(first.files))
        for file in first.files {
            #expect(index.entries[file]?.key == first.digests[file])
            #expect(index.entries[file]?.status == FileStatus(path: file))
        }
        // The index is what a warm load goes by: an entry pointing at another file's key gives
        // that file's decision (the file itself is not read).
        let (a, b) = (first.files[0], first.files[1])
        var planted = index
        planted.entries[a]?.key = try #require(first.digests[b])
        try planted.text.write(toFile: cache.indexPath, atomically: true, encoding: .utf8)
        let warm = CatalogueFolder.load(root, cache: cache)
        let decisionOf = { (folder: CatalogueFolder, file: String) in folder.decisions.first { $0.location.file == file }?.decision }
        #expect(decisionOf(warm, a) == decisionOf(first, b))
        #expect(warm.digests[a] == first.digests[b])
        // No temporary file is left behind, and nothing changed means nothing is written.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(Self.index(cache) == planted)
    }

    /// Every way of changing a file's bytes, each keeping the size (and, but for `touch`, the
    /// modification time as it was): the load gives what reading every file gives.
    @Test(arguments: ["rewrite keeping size and time", "replace by rename keeping size and time", "swap two files", "touch only", "remove"])
    func aChangedFileIsNeverServedStale(change: String) throws {
        let root = try Self.settledCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DecisionCache(catalogue: root)
        let first = CatalogueFolder.load(root, cache: cache)
        #expect(Self.index(cache).entries.count == first.files.count)
        let (file, edited, title) = try #require(try Self.sameSizeEdit(first))
        let before = try #require(FileStatus(path: file))
        #expect(edited.utf8.count == Int(before.size))
        switch change {
        case "rewrite keeping size and time":
            let fd = open(file, O_WRONLY)
            #expect(fd >= 0)
            _ = Array(edited.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            Self.setModified(file, before.modified)
            let after = try #require(FileStatus(path: file))
            #expect(after.size == before.size && after.modified == before.modified && after.inode == before.inode)
        case "replace by rename keeping size and time":
            let temporary = file + ".new"
            try edited.write(toFile: temporary, atomically: false, encoding: .utf8)
            Self.setModified(temporary, before.modified)
            #expect(rename(temporary, file) == 0)
        case "swap two files":
            let kind = (file as NSString).pathExtension
            let other = try #require(first.files.first { $0 != file && ($0 as NSString).pathExtension == kind })
            #expect(rename(file, file + ".swap") == 0 && rename(other, file) == 0 && rename(file + ".swap", other) == 0)
        case "touch only":
            Self.setModified(file, .init(seconds: before.modified.seconds + 3600, nanoseconds: 0))
        default:
            #expect(unlink(file) == 0)
        }
        let warm = CatalogueFolder.load(root, cache: cache)
        let plain = CatalogueFolder.load(root)
        #expect(DecisionCacheTests.summary(warm) == DecisionCacheTests.summary(plain))
        #expect(warm.digests == plain.digests)
        if change.hasPrefix("rewrite") || change.hasPrefix("replace") {
            #expect(warm.decisions.contains { $0.location.file == file && $0.decision.title == title })
        }
        // And the load after that, from the index it rewrote, too.
        let again = CatalogueFolder.load(root, cache: cache)
        #expect(DecisionCacheTests.summary(again) == DecisionCacheTests.summary(plain))
        #expect(Set(Self.index(cache).entries.keys).isSubset(of: Set(plain.files)))
    }

    /// The racy-timestamp rule: a status is recorded only when its change time is strictly before
    /// the stamp's, since a change in the stamp's tick could keep every number of the status.
    @Test func onlyStatusesOlderThanTheStampAreRecorded() throws {
        let stamp = FileStatus.Time(seconds: 1_000, nanoseconds: 500)
        let session = DecisionCache.IndexSession(previous: FileIndex(), stamp: ("unused", stamp))
        func status(_ changed: FileStatus.Time) -> FileStatus {
            FileStatus(device: 1, inode: 2, size: 3, modified: .init(seconds: 900, nanoseconds: 0), changed: changed)
        }
        session.note("older", status: status(.init(seconds: 1_000, nanoseconds: 499)), key: "k1")
        session.note("same tick", status: status(stamp), key: "k2")
        session.note("later", status: status(.init(seconds: 1_001, nanoseconds: 0)), key: "k3")
        session.note("a\nnewline", status: status(.init(seconds: 10, nanoseconds: 0)), key: "k4")
        #expect(session.recorded.withLock { $0.entries.keys.sorted() } == ["older"])
        // Without a stamp (a catalogue that cannot be written) nothing is recorded.
        let readOnly = DecisionCache.IndexSession(previous: FileIndex(), stamp: nil)
        readOnly.note("older", status: status(.init(seconds: 10, nanoseconds: 0)), key: "k1")
        #expect(readOnly.recorded.withLock { $0.entries.isEmpty })
    }

    @Test func theIndexReadsBackWhatItWrote() {
        var index = FileIndex()
        index.entries["/a b/c d.xml"] = .init(
            status: FileStatus(device: 64768, inode: 123_456_789, size: 12_744_466,
                               modified: .init(seconds: 1_764_000_000, nanoseconds: 123_456_789),
                               changed: .init(seconds: 1_764_000_001, nanoseconds: 5)),
            key: "0123456789abcdef0123456789abcdef-12744466")
        index.entries["x.json"] = .init(
            status: FileStatus(device: 1, inode: 2, size: 0, modified: .init(seconds: -5, nanoseconds: 0), changed: .init(seconds: 0, nanoseconds: 0)),
            key: "k-0")
        #expect(FileIndex(text: index.text) == index)
        // Another format, or a damaged line: that file is left out (and hashed).
        #expect(FileIndex(text: "tthc file index 0\n").entries.isEmpty)
        let damaged = index.text.replacingOccurrences(of: "64768 123456789", with: "64768 12x456789")
        #expect(FileIndex(text: damaged).entries.keys.sorted() == ["x.json"])
    }
}
