import Foundation

/// What the load cache knew about each decision file the last time it was read: the file's status
/// (`FileStatus`) and the `DecisionCache.key` of its bytes. A file whose status is unchanged is taken
/// to have the same bytes, so a warm load finds its cache entry without reading and hashing the file
/// (718 MB of XML at 100,000 procedures); a file whose status differs in any way is read and hashed
/// as before. This is git's index and its rule for "racily clean" files (Documentation/technical/racy-git.txt):
///
/// - Any change to a file's bytes sets its change time (`ctime`) to the time of the change, and
///   nothing can set it back (`touch -d` sets the modification time, and the change time to now).
///   Rewriting a file, replacing it with another (`mv`, a checkout: another inode, and a new ctime),
///   truncating it, restoring its size and modification time by hand: each gives another status.
/// - File times have a coarse grain (a clock tick on Linux), so a file changed in the same tick as
///   the status recorded would keep it. An entry is therefore only recorded when the file's ctime is
///   strictly before the `stamp`: the ctime of a file this load created before looking at any
///   decision file, so taken from the same clock the file system uses. Any change after that load
///   started has a ctime at or after the stamp, never the recorded one. Files changed just before a
///   load are hashed again next time, until they are older than a load.
///
/// What it does not guard against, like git: a clock set back, a file system that does not keep
/// ctime, or someone writing the index by hand. `--no-cache` reads every file.
struct FileIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var status: FileStatus
        var key: String
    }

    /// By path, as the load names the file.
    var entries: [String: Entry] = [:]

    static let header = "tthc file index 1\n"

    /// One line per file: the status's numbers, the key, then the path (which may hold spaces).
    var text: String {
        var out = Self.header
        for (path, e) in entries.sorted(by: { $0.key < $1.key }) {
            let s = e.status
            out += "\(s.device) \(s.inode) \(s.size) \(s.modified.seconds) \(s.modified.nanoseconds) "
            out += "\(s.changed.seconds) \(s.changed.nanoseconds) \(e.key) \(path)\n"
        }
        return out
    }

    /// An index read back; empty when it is missing or not this format. A line that does not read
    /// is left out (that file is then hashed).
    init(text: String) {
        guard text.hasPrefix(Self.header) else { return }
        for line in text.dropFirst(Self.header.count).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 8, omittingEmptySubsequences: false)
            guard fields.count == 9,
                  let device = UInt64(fields[0]), let inode = UInt64(fields[1]), let size = Int64(fields[2]),
                  let ms = Int64(fields[3]), let mn = Int64(fields[4]), let cs = Int64(fields[5]), let cn = Int64(fields[6]),
                  !fields[7].isEmpty, !fields[8].isEmpty
            else { continue }
            let status = FileStatus(
                device: device, inode: inode, size: size,
                modified: .init(seconds: ms, nanoseconds: mn), changed: .init(seconds: cs, nanoseconds: cn))
            entries[String(fields[8])] = Entry(status: status, key: String(fields[7]))
        }
    }

    init() {}
}

/// A file's identity and times as `stat` gives them: what `FileIndex` compares.
struct FileStatus: Sendable, Equatable {
    struct Time: Sendable, Equatable, Comparable {
        var seconds: Int64
        var nanoseconds: Int64

        static func < (a: Time, b: Time) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Time
    var changed: Time

    init(device: UInt64, inode: UInt64, size: Int64, modified: Time, changed: Time) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Time(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)),
            changed: Time(seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec)))
    }

    /// The status of a regular file at a path (following links); nil for anything else.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }
}
