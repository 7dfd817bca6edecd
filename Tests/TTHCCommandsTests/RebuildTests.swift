import Foundation
import Testing

/// A rebuild after one new decision writes exactly the files whose bytes changed, keeps the others
/// as they were (same inode: hard links from the previous build), and gives the same folder as a
/// full build of the new catalogue.
@Suite("tthc build: rebuild after a decision", .serialized)
struct RebuildTests {
    struct Snapshot {
        var inode: [String: UInt64] = [:]
        var bytes: [String: Data] = [:]
    }

    static func snapshot(_ root: String) throws -> Snapshot {
        var s = Snapshot()
        for file in try FileManager.default.subpathsOfDirectory(atPath: root) {
            let path = root + "/" + file
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            s.inode[file] = UInt64(info.st_ino)
            s.bytes[file] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return s
    }

    /// A decision amending `count` procedures in force (from the built site's open data): each
    /// processing time one day shorter, as `Benchmarks/site.sh` does. Returns the page and data
    /// file of each.
    static func amend(site: String, catalogue: String, count: Int, signedOn: String) throws -> [String] {
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/catalogue.json"))) as! [String: Any]
        let rows = (index["procedures"] as! [[String: Any]]).filter { ($0["code"] as! String).first?.isNumber == true }
        var items: [[String: Any]] = []
        var codes: [String] = []
        for row in rows.prefix(count) {
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/" + (row["data"] as! String)))) as! [String: Any]
            var procedure = record["procedure"] as! [String: Any]
            var channels = procedure["channels"] as! [[String: Any]]
            for i in channels.indices {
                guard var time = channels[i]["time"] as? [String: Any], let value = time["value"] else { continue }
                let days = Int(Double("\(value)") ?? 2)
                time["value"] = days > 1 ? "\(days - 1)" : "\(days + 1)"
                channels[i]["time"] = time
            }
            procedure["channels"] = channels
            items.append(["action": "amended", "changedParts": ["processing-time"], "procedure": procedure])
            codes.append(row["page"] as! String)
            codes.append(row["data"] as! String)
        }
        let decision: [String: Any] = ["decision": [
            "number": "9999/QĐ-UBND", "signedOn": signedOn, "authority": "ỦY BAN NHÂN DÂN TỈNH MẪU",
            "title": "Công bố danh mục thủ tục hành chính được sửa đổi", "items": items,
        ]]
        try FileManager.default.createDirectory(atPath: catalogue + "/decisions/zz", withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: decision, options: [.sortedKeys])
            .write(to: URL(fileURLWithPath: catalogue + "/decisions/zz/9999.json"))
        return codes
    }

    /// Generated catalogue (national portal-like synthetic data, seed 5), built on 2099-01-01; a
    /// decision signed 2098-06-01 amending three procedures; rebuilt over the previous build.
    @Test func writesExactlyTheChangedFilesAndMatchesAFullBuild() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogue = dir.path + "/catalogue", out = dir.path + "/public", fresh = dir.path + "/fresh"
        #expect(try CLI.run(["generate", "--procedures", "60", "--seed", "5", "-o", catalogue]).status == 0)
        let build = ["build", "--catalogue", catalogue, "--at", "2099-01-01", "--base-url", "https://example.invalid/"]
        let first = try CLI.run(build + ["-o", out])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.snapshot(out)

        let codes = try Self.amend(site: out, catalogue: catalogue, count: 3, signedOn: "2098-06-01")
        #expect(codes.count == 6)
        let rebuild = try CLI.run(build + ["-o", out])
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        let after = try Self.snapshot(out)
        #expect(try CLI.run(build + ["--no-cache", "-o", fresh]).status == 0)
        let full = try Self.snapshot(fresh)

        // Identical to a full build, file for file (diff -r).
        #expect(after.bytes.keys.sorted() == full.bytes.keys.sorted())
        for (file, bytes) in full.bytes { #expect(after.bytes[file] == bytes, "\(file) differs from a full build") }

        // Written: exactly the files that are new or whose bytes changed.
        let written = Set(after.inode.keys.filter { before.inode[$0] != after.inode[$0] })
        let changed = Set(after.bytes.keys.filter { before.bytes[$0] != after.bytes[$0] })
        #expect(written == changed, "written but unchanged: \(written.subtracting(changed).sorted()); changed but kept: \(changed.subtracting(written).sorted())")
        #expect(rebuild.stdout.contains("\(written.count) tệp được ghi, \(after.inode.count - written.count) tệp không đổi"), "\(rebuild.stdout)")
        // What the decision changes: the three procedures (page, open data, posting sheet), the new
        // decision's pages, home and open data; not the other procedures' pages.
        for file in codes { #expect(written.contains(file), "\(file) not rewritten") }
        #expect(written.contains("index.html"))
        #expect(written.contains("catalogue.json"))
        let otherPages = after.inode.keys.filter { $0.hasPrefix("thu-tuc/") && !codes.contains($0) }
        #expect(otherPages.count > 80)
        #expect(otherPages.allSatisfy { !written.contains($0) })
        #expect(written.count < 40, "wrote \(written.count): \(written.sorted())")
        // Processing times are not searched: the search index is kept as it was.
        #expect(!written.contains { $0.hasPrefix("tim-kiem/") })

        // Nothing changed: nothing written.
        let again = try CLI.run(build + ["-o", out])
        #expect(again.stdout.contains(" 0 tệp được ghi"), "\(again.stdout)")
        // No staging folder, journal or lock left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["catalogue", "fresh", "public"])
        #expect(!FileManager.default.fileExists(atPath: out + "/.tthc-site.journal"))

        // The decision taken out again: its pages go, and the folder is the first build's, byte for byte.
        try FileManager.default.removeItem(atPath: catalogue + "/decisions/zz")
        let back = try CLI.run(build + ["-o", out])
        #expect(back.status == 0, "\(back.stderr)")
        let reverted = try Self.snapshot(out)
        #expect(reverted.bytes.keys.sorted() == before.bytes.keys.sorted())
        for (file, bytes) in before.bytes { #expect(reverted.bytes[file] == bytes, "\(file) differs from the first build") }
        #expect(after.bytes.keys.contains { $0.hasPrefix("quyet-dinh/") && $0.contains("9999") })
        #expect(!reverted.bytes.keys.contains { $0.contains("9999") })
    }

    /// A lock left by a build that was killed: the next build stops with exit 1, names the lock and
    /// says to delete it; the site is left as it was.
    @Test func aStaleLockIsNamedWithWhatToDo() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogue = dir.path + "/catalogue", out = dir.path + "/public"
        #expect(try CLI.run(["generate", "--procedures", "20", "--seed", "3", "-o", catalogue]).status == 0)
        let build = ["build", "--catalogue", catalogue, "--at", "2099-01-01", "-o", out]
        #expect(try CLI.run(build).status == 0)
        let before = try Self.snapshot(out)
        let lock = dir.path + "/.public.tthc-lock"
        try "2147483646 2026-11-24T10:00:00Z\n".write(toFile: lock, atomically: false, encoding: .utf8)
        let refused = try CLI.run(build)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(lock): error:") && refused.stderr.contains("delete \(lock)"), "\(refused.stderr)")
        let after = try Self.snapshot(out)
        #expect(after.inode == before.inode && after.bytes == before.bytes)
        try FileManager.default.removeItem(atPath: lock)
        #expect(try CLI.run(build).status == 0)
    }

    /// The load cache lives in the catalogue folder and is skipped with --no-cache; the messages are
    /// the same either way.
    @Test func validateUsesTheCacheUnlessToldNot() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogue = dir.path + "/catalogue"
        #expect(try CLI.run(["generate", "--procedures", "30", "--seed", "2", "-o", catalogue]).status == 0)
        let plain = try CLI.run(["validate", "--no-cache", "--catalogue", catalogue, "--at", "2099-01-01"])
        #expect(!FileManager.default.fileExists(atPath: catalogue + "/.tthc-cache"))
        let cold = try CLI.run(["validate", "--catalogue", catalogue, "--at", "2099-01-01"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: catalogue + "/.tthc-cache/decisions")
        #expect(entries.filter { $0.hasSuffix(".bin") }.count == (try FileManager.default.subpathsOfDirectory(atPath: catalogue + "/decisions")).filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.count)
        let warm = try CLI.run(["validate", "--catalogue", catalogue, "--at", "2099-01-01"])
        #expect(plain.status == cold.status && cold.status == warm.status)
        #expect(plain.stdout == warm.stdout && plain.stderr == warm.stderr && cold.stdout == warm.stdout)
    }
}
