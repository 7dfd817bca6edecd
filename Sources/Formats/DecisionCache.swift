import Catalogue
import Foundation

/// Decision files already read, kept between runs so that loading a catalogue does not parse and
/// validate again the files that did not change (`CatalogueFolder.load(cache:)`).
///
/// One entry per file content, in `<catalogue>/.tthc-cache/decisions/<digest>.bin`: the file's
/// `ContentDigest` and size name the entry, so any changed byte misses and the file is read again.
/// An entry also records the program that wrote it (`program`: its executable's size and date) and
/// a digest of its own payload; an entry of another tthc, of another format, truncated or damaged,
/// is ignored and rewritten. Only files that read without error are kept, so every diagnostic of a
/// broken file comes from reading it again; the file's path is not stored either (a moved or copied
/// catalogue keeps its cache), the locations are given back with the path the file is read from now.
/// Entries are written to a temporary file and renamed into place, so concurrent runs are safe.
public struct DecisionCache: Sendable {
    /// The folder holding the entries.
    public let folder: String
    /// Who reads and writes: an entry of any other program is a miss.
    public let program: String

    public static let folderName = ".tthc-cache"
    static let formatLine = "tthc decision cache 1\n"

    public init(folder: String, program: String = DecisionCache.programIdentity) {
        self.folder = folder
        self.program = program
    }

    /// The cache of a catalogue folder: `.tthc-cache/decisions` inside it.
    public init(catalogue root: String, program: String = DecisionCache.programIdentity) {
        self.init(folder: (root as NSString).appendingPathComponent(Self.folderName + "/decisions"), program: program)
    }

    /// The running executable's path, size and modification time: a new build of tthc differs.
    public static let programIdentity: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "tthc"
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// What an entry holds: the decision and where its parts start in the file.
    struct Entry: Codable {
        var decision: Decision
        var line: Int
        var column: Int
        /// Line and column of each item, one pair after another.
        var items: [Int]
    }

    func path(of key: String) -> String { folder + "/" + key + ".bin" }

    /// The entry name of a file's bytes.
    public static func key(_ digest: ContentDigest, size: Int) -> String { "\(digest)-\(size)" }

    /// The decision read from `file` when its bytes had this key; nil when there is no usable entry.
    public func lookup(_ key: String, file: String) -> SourcedDecision? {
        guard let data = FileManager.default.contents(atPath: path(of: key)) else { return nil }
        return data.withUnsafeBytes { raw -> SourcedDecision? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let payloadStart = header(in: bytes, key: key) else { return nil }
            let payload = UnsafeBufferPointer(rebasing: bytes[payloadStart...])
            guard let entry = try? CompactDecoder.decode(Entry.self, from: payload),
                  entry.items.count % 2 == 0
            else { return nil }
            var items: [SourceLocation] = []
            items.reserveCapacity(entry.items.count / 2)
            var i = 0
            while i < entry.items.count {
                items.append(SourceLocation(file: file, line: entry.items[i], column: entry.items[i + 1]))
                i += 2
            }
            return SourcedDecision(
                decision: entry.decision, location: SourceLocation(file: file, line: entry.line, column: entry.column),
                itemLocations: items)
        }
    }

    /// The header: format, program, key and the payload's digest, one per line. Returns where the
    /// payload starts when all four match.
    private func header(in bytes: UnsafeBufferPointer<UInt8>, key: String) -> Int? {
        var lines: [Substring] = []
        var start = 0
        var i = 0
        while lines.count < 4, i < bytes.count {
            if bytes[i] == 0x0A {
                lines.append(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)))
                start = i + 1
            }
            i += 1
        }
        guard lines.count == 4,
              lines[0] + "\n" == Self.formatLine,
              lines[1] == program,
              lines[2] == key
        else { return nil }
        let digest = ContentDigest(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
        guard lines[3] == digest.description else { return nil }
        return start
    }

    /// Keeps a decision read from a file whose bytes had this key. Failures are silent: the cache
    /// only saves time.
    public func store(_ sourced: SourcedDecision, key: String) {
        let entry = Entry(
            decision: sourced.decision, line: sourced.location.line, column: sourced.location.column,
            items: sourced.itemLocations.flatMap { [$0.line, $0.column] })
        guard let payload = try? CompactEncoder.encode(entry) else { return }
        var out = Array((Self.formatLine + program + "\n" + key + "\n" + ContentDigest(payload).description + "\n").utf8)
        out += payload
        let target = path(of: key)
        let temporary = folder + "/.\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        guard FileManager.default.createFile(atPath: temporary, contents: Data(out)) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// Removes the entries not in `keep` (files changed or gone since), and temporary files older
    /// than an hour (left by a run that was killed).
    public func prune(keeping keep: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Date().timeIntervalSince1970
        for name in names {
            if name.hasSuffix(".bin") {
                if !keep.contains(String(name.dropLast(4))) { unlink(folder + "/" + name) }
            } else if name.hasSuffix(".tmp") {
                var info = stat()
                if stat(folder + "/" + name, &info) == 0, now - Double(info.st_mtim.tv_sec) > 3600 {
                    unlink(folder + "/" + name)
                }
            }
        }
    }
}
