import Catalogue
import Foundation
import Synchronization

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
///
/// The payload is the decision in `ModelBinary`'s form (format 4: a string table, then the values,
/// enums by position); format 1's generic compact encoding, which took most of a warm load to
/// decode, format 2's texts written out in full wherever they occur and format 3's enums by raw
/// value are format lines that do not match: a miss, and the entry is rewritten.
public struct DecisionCache: Sendable {
    /// The folder holding the entries.
    public let folder: String
    /// Who reads and writes: an entry of any other program is a miss.
    public let program: String

    public static let folderName = ".tthc-cache"
    static let formatLine = "tthc decision cache 4\n"

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

    func path(of key: String) -> String { folder + "/" + key + ".bin" }

    /// The entry name of a file's bytes.
    public static func key(_ digest: ContentDigest, size: Int) -> String { "\(digest)-\(size)" }

    /// The decision read from `file` when its bytes had this key; nil when there is no usable entry.
    public func lookup(_ key: String, file: String) -> SourcedDecision? {
        guard case .bytes(let bytes) = FileBytes.read(path(of: key)) else { return nil }
        return bytes.withUnsafeBufferPointer { bytes -> SourcedDecision? in
            guard let payloadStart = header(in: bytes, key: key) else { return nil }
            return try? Self.decode(UnsafeBufferPointer(rebasing: bytes[payloadStart...]), file: file)
        }
    }

    /// An entry's payload: the decision (`ModelBinary`), the line and column where it starts, and
    /// the line and column of each item.
    static func encode(_ sourced: SourcedDecision) -> [UInt8] {
        var w = BinaryWriter(capacity: 16_384)
        w.decision(sourced.decision)
        w.int(sourced.location.line)
        w.int(sourced.location.column)
        w.list(sourced.itemLocations) { w, l in
            w.int(l.line)
            w.int(l.column)
        }
        return w.bytes
    }

    static func decode(_ payload: UnsafeBufferPointer<UInt8>, file: String) throws(ModelBinary.Malformed) -> SourcedDecision {
        var r = BinaryReader(payload)
        try r.stringTable()
        let decision = try r.decision()
        let location = SourceLocation(file: file, line: try r.int(), column: try r.int())
        let items = try r.list { r throws(ModelBinary.Malformed) in
            SourceLocation(file: file, line: try r.int(), column: try r.int())
        }
        guard r.atEnd else { throw ModelBinary.Malformed() }
        return SourcedDecision(decision: decision, location: location, itemLocations: items)
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

    /// The file index beside the entries (`FileIndex`): which key each decision file's bytes had,
    /// by the file's status, so an unchanged file is not read to find its entry.
    var indexPath: String { folder + "/files.index" }

    /// Starts a load's use of the file index: reads what the previous load recorded, and makes the
    /// stamp file (whose change time bounds what this load may record) before any decision file is
    /// looked at. Without a stamp (a read-only catalogue) the index is used but not written.
    public func beginLoad() -> IndexSession {
        let previous = (try? String(contentsOfFile: indexPath, encoding: .utf8)).map(FileIndex.init(text:)) ?? FileIndex()
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stampPath = folder + "/.files.index.\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        var stamp: (String, FileStatus.Time)?
        let fd = open(stampPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd >= 0 {
            var info = stat()
            if fstat(fd, &info) == 0 {
                stamp = (stampPath, FileStatus(info).changed)
            } else {
                unlink(stampPath)
            }
            close(fd)
        }
        return IndexSession(previous: previous, stamp: stamp)
    }

    /// One load's use of the file index (`beginLoad`, then `finishLoad`); safe to use from every
    /// core at once.
    public final class IndexSession: Sendable {
        let previous: FileIndex
        let stamp: (path: String, changed: FileStatus.Time)?
        let recorded = Mutex(FileIndex())

        init(previous: FileIndex, stamp: (String, FileStatus.Time)?) {
            self.previous = previous
            self.stamp = stamp
        }

        /// The key the file's bytes had when its status was recorded, when the status is the same now.
        func key(of path: String, status: FileStatus) -> String? {
            guard let entry = previous.entries[path], entry.status == status else { return nil }
            return entry.key
        }

        /// Records a file's status, taken before its bytes were read, and their key; only when the
        /// status is older than the stamp (the racy-timestamp rule) and the path fits on a line.
        func note(_ path: String, status: FileStatus, key: String) {
            guard let stamp, status.changed < stamp.changed, !path.contains("\n") else { return }
            recorded.withLock { $0.entries[path] = FileIndex.Entry(status: status, key: key) }
        }
    }

    /// Ends a load: writes the index when what it recorded differs from what it found (by renaming
    /// the stamp file into place, so a concurrent load reads one index or the other), else removes
    /// the stamp.
    public func finishLoad(_ session: IndexSession) {
        guard let stamp = session.stamp else { return }
        let recorded = session.recorded.withLock { $0 }
        guard recorded != session.previous,
              FileManager.default.createFile(atPath: stamp.path, contents: Data(recorded.text.utf8)),
              rename(stamp.path, indexPath) == 0
        else {
            unlink(stamp.path)
            return
        }
    }

    /// Keeps a decision read from a file whose bytes had this key. Failures are silent: the cache
    /// only saves time.
    public func store(_ sourced: SourcedDecision, key: String) {
        let payload = Self.encode(sourced)
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
