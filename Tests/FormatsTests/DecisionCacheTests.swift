import Catalogue
import Formats
import Foundation
import Testing

/// The load cache (`DecisionCache`) never changes what a load gives: the same decisions, locations
/// and diagnostics as reading every file, whatever state the cache is in.
@Suite("Decision cache")
struct DecisionCacheTests {
    /// A copy of the bundled sample catalogue (XML and JSON decisions) in a temporary folder.
    static func copyOfSample() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-cache-test-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: SampleCatalogue.folder.path, toPath: root)
        try? FileManager.default.removeItem(atPath: root + "/" + DecisionCache.folderName)
        return root
    }

    /// Everything a load gives that commands use, as text: decisions (their full encoding),
    /// locations, replay result and every diagnostic with its place.
    static func summary(_ folder: CatalogueFolder) -> [String] {
        var out: [String] = []
        for d in folder.decisions {
            out.append(JSONFormat.write(d.decision))
            out.append(d.location.description + " " + d.itemLocations.map(\.description).joined(separator: ","))
        }
        let replay = Replay.run(folder.decisions)
        for key in replay.catalogue.histories.keys.sorted() {
            for v in replay.catalogue.histories[key]!.versions { out.append("\(key) \(v.decision) \(v.from.iso) \(v.until?.iso ?? "-")") }
        }
        out += (folder.diagnostics + replay.diagnostics).map(\.description)
        return out
    }

    static func entries(_ cache: DecisionCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test func aWarmLoadGivesWhatReadingEveryFileGives() throws {
        let root = try Self.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DecisionCache(catalogue: root)
        let plain = CatalogueFolder.load(root)
        let cold = CatalogueFolder.load(root, cache: cache)
        #expect(Self.entries(cache).count == plain.files.count)
        let warm = CatalogueFolder.load(root, cache: cache)
        #expect(Self.summary(cold) == Self.summary(plain))
        #expect(Self.summary(warm) == Self.summary(plain))
        #expect(warm.decisions.map(\.decision) == plain.decisions.map(\.decision))
        #expect(warm.digests == plain.digests)
        // Every file was found in the cache.
        for file in warm.files {
            #expect(cache.lookup(try #require(warm.digests[file]), file: file) != nil, "\(file) not cached")
        }
    }

    /// The warm load really comes from the cache: an entry planted under a file's key is what the
    /// load returns (so the tests below, where entries are damaged, exercise the cache path).
    @Test func aWarmLoadReadsTheEntries() throws {
        let root = try Self.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DecisionCache(catalogue: root)
        let first = CatalogueFolder.load(root, cache: cache)
        let file = try #require(first.files.first)
        let key = try #require(first.digests[file])
        var planted = try #require(first.decisions.first)
        planted.decision.title = "Planted in the cache"
        cache.store(planted, key: key)
        let warm = CatalogueFolder.load(root, cache: cache)
        #expect(warm.decisions.first?.decision.title == "Planted in the cache")
        #expect(CatalogueFolder.load(root).decisions.first?.decision.title != "Planted in the cache")
    }

    /// Any changed byte reads the file again: a changed title, and a change that breaks the file
    /// (then the error is reported with its place, as without the cache).
    @Test(arguments: ["title", "broken"])
    func aChangedFileIsReadAgain(change: String) throws {
        let root = try Self.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DecisionCache(catalogue: root)
        let first = CatalogueFolder.load(root, cache: cache)
        let file = try #require(first.files.first { $0.hasSuffix(".xml") })
        var text = try String(contentsOfFile: file, encoding: .utf8)
        let title = try #require(first.decisions.first { $0.location.file == file }?.decision.title)
        if change == "title" {
            // One letter, same length: only the digest can tell.
            let changed = title.replacingOccurrences(of: "a", with: "e", options: [], range: title.range(of: "a"))
            #expect(changed != title && changed.utf8.count == title.utf8.count)
            text = text.replacingOccurrences(of: title, with: changed)
        } else {
            text = text.replacingOccurrences(of: "</title>", with: "</titel>")
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let warm = CatalogueFolder.load(root, cache: cache)
        let plain = CatalogueFolder.load(root)
        #expect(Self.summary(warm) == Self.summary(plain))
        if change == "title" {
            #expect(warm.decisions.first { $0.location.file == file }?.decision.title != title)
            // The entry of the old content is dropped, the new one kept.
            #expect(Self.entries(cache).count == first.files.count)
        } else {
            #expect(warm.diagnostics.hasErrors)
            #expect(warm.diagnostics.errors.contains { $0.location?.file == file && ($0.location?.line ?? 0) > 0 })
        }
    }

    /// Damaged entries are ignored and rewritten: truncated, a byte flipped in the payload, garbage,
    /// empty, an older format, another program's.
    @Test(arguments: ["truncate", "flip", "garbage", "empty", "format", "program"])
    func aDamagedEntryIsIgnoredAndRewritten(damage: String) throws {
        let root = try Self.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DecisionCache(catalogue: root)
        let plain = CatalogueFolder.load(root)
        _ = CatalogueFolder.load(root, cache: cache)
        let names = Self.entries(cache)
        #expect(!names.isEmpty)
        for name in names {
            let path = cache.folder + "/" + name
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            switch damage {
            case "truncate": bytes = Array(bytes.prefix(bytes.count * 2 / 3))
            case "flip": bytes[bytes.count - 10] ^= 0x01
            case "garbage": bytes = Array("not a cache entry at all\n\n\n\n".utf8) + bytes.map { $0 &+ 1 }
            case "empty": bytes = []
            // Format 3 (enums by raw value) is the older one.
            case "format":
                bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "cache 4\n", with: "cache 3\n").utf8)
                #expect(bytes.starts(with: "tthc decision cache 3\n".utf8))
            default: bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: cache.program, with: "another tthc").utf8)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let damaged = CatalogueFolder.load(root, cache: cache)
        #expect(Self.summary(damaged) == Self.summary(plain))
        // Rewritten: every file is found in the cache again.
        for file in damaged.files {
            #expect(cache.lookup(try #require(damaged.digests[file]), file: file) != nil, "\(file) not rewritten")
        }
        // Another program's cache is a miss for this one, and this one's for it.
        let other = DecisionCache(folder: cache.folder, program: "another tthc")
        let file = try #require(damaged.files.first)
        #expect(other.lookup(try #require(damaged.digests[file]), file: file) == nil)
    }

    /// A copied catalogue keeps its cache; places in messages name the files where they are now.
    @Test func aMovedCatalogueNamesItsOwnFiles() throws {
        let root = try Self.copyOfSample()
        let moved = root + "-moved"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: moved)
        }
        _ = CatalogueFolder.load(root, cache: DecisionCache(catalogue: root))
        try FileManager.default.copyItem(atPath: root, toPath: moved)
        let cache = DecisionCache(catalogue: moved)
        let warm = CatalogueFolder.load(moved, cache: cache)
        #expect(Self.summary(warm) == Self.summary(CatalogueFolder.load(moved)))
        #expect(warm.decisions.allSatisfy { $0.location.file.hasPrefix(moved + "/") })
        #expect(warm.decisions.allSatisfy { $0.itemLocations.allSatisfy { $0.file == $0.file && $0.line > 0 } })
    }

    /// Replay warnings keep their file:line:column through the cache.
    @Test func replayWarningsKeepTheirPlaces() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-cache-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/decisions", withIntermediateDirectories: true)
        let sample = try SampleCatalogue.load()
        let first = try #require(sample.decisions.first { $0.items.contains { $0.action == .new && $0.procedure?.code != nil } })
        let item = try #require(first.items.first { $0.action == .new && $0.procedure?.code != nil })
        var one = first
        one.items = [item]
        one.effectiveOn = nil
        var amended = try #require(item.procedure)
        amended.name += " (sửa đổi)"
        // Declares fees changed, but changes the name: two warnings at the row.
        let two = Decision(
            number: "99/QĐ-UBND", signedOn: LocalDate(year: one.signedOn.year + 1, month: 1, day: 2)!, authority: one.authority,
            title: "Sửa đổi", items: [DecisionItem(action: .amended, changedParts: [.fees], procedure: amended)])
        try XMLFormat.write(one).write(toFile: root + "/decisions/1.xml", atomically: true, encoding: .utf8)
        try JSONFormat.write(two).write(toFile: root + "/decisions/2.json", atomically: true, encoding: .utf8)
        let cache = DecisionCache(catalogue: root)
        _ = CatalogueFolder.load(root, cache: cache)
        let warm = CatalogueFolder.load(root, cache: cache)
        let plain = CatalogueFolder.load(root)
        let warnings = Replay.run(warm.decisions).diagnostics.warnings
        #expect(warnings.count >= 2)
        #expect(warnings.allSatisfy { $0.location?.file == root + "/decisions/2.json" && ($0.location?.line ?? 0) > 1 })
        #expect(warnings == Replay.run(plain.decisions).diagnostics.warnings)
        #expect(Self.summary(warm) == Self.summary(plain))
    }
}

@Suite("Content digests")
struct ContentDigestTests {
    @Test func digestsDifferInOneByte() {
        let text = Array("Về việc công bố danh mục thủ tục hành chính".utf8)
        for i in text.indices {
            var changed = text
            changed[i] ^= 0x20
            #expect(ContentDigest(changed) != ContentDigest(text))
            #expect(ContentDigest(changed).high != ContentDigest(text).high)
        }
        #expect(ContentDigest(text) == ContentDigest(text))
        #expect(ContentDigest(text).description.count == 32)
    }
}
