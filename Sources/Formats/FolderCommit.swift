import Foundation

/// Moves the files a rebuild changed from a staging folder into the live folder one at a time,
/// through a journal, so that a commit cut short (kill -9, a power cut) is finished by the next one.
///
/// Why not swap the whole folder: a rebuild after one decision changes a hundred files of a site
/// of 300,000; making the staging folder whole (a hard link per unchanged file) and then removing
/// the old one costs in proportion to the site, not to the change. Here unchanged files are not
/// touched at all (same inode, same modification time).
///
/// What a reader of the live folder sees: every file is replaced by `rename(2)`, so each one is
/// old or new, never half written; while the commit runs (milliseconds for a hundred files) some
/// files may already be new while others are still old. The order is: the journal (fsynced, with
/// its folder), the new and changed files, the removals (with the folders they leave empty), the
/// `last` files (the build's manifest), then the journal is deleted and the staging folder removed.
public struct FolderCommit: Sendable, Equatable {
    /// The journal's name inside the live folder.
    public static let journalName = ".tthc-site.journal"
    static let header = "tthc build journal (1)"

    /// The staging folder, absolute, on the same file system as the live folder.
    public var staging: String
    /// Files (relative) moved from the staging folder into the live one, in this order.
    public var renames: [String]
    /// Files (relative) of the live folder that are no longer part of it.
    public var removals: [String]
    /// Files (relative) moved in after the removals: the manifest, which says the commit is done.
    public var last: [String]

    public init(staging: String, renames: [String], removals: [String], last: [String]) {
        self.staging = staging
        self.renames = renames
        self.removals = removals
        self.last = last
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What the journal says, one line per step.
    public var text: String {
        var out = Self.header + "\n" + "S " + staging + "\n"
        for path in renames { out += "R " + path + "\n" }
        for path in removals { out += "D " + path + "\n" }
        for path in last { out += "L " + path + "\n" }
        return out
    }

    /// Reads a journal; nil when it is not one (cut short while it was being written, it was never
    /// renamed into place, so a journal that is there is whole).
    public static func parse(_ text: String) -> FolderCommit? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "" else { return nil }
        lines.removeLast()
        var commit = FolderCommit(staging: "", renames: [], removals: [], last: [])
        for line in lines.dropFirst() {
            guard line.count > 2 else { return nil }
            let path = String(line.dropFirst(2))
            switch line.prefix(2) {
            case "S ": commit.staging = path
            case "R ": commit.renames.append(path)
            case "D ": commit.removals.append(path)
            case "L ": commit.last.append(path)
            default: return nil
            }
        }
        return commit.staging.isEmpty ? nil : commit
    }

    /// Makes the staged files durable and writes the journal (fsynced, with its folder). Until it
    /// returns, the live folder is untouched: on an error the caller removes the staging folder.
    public func writeJournal(into live: String) throws {
        try Self.sync(files: (renames + last).map { staging + "/" + $0 })
        let journal = live + "/" + Self.journalName
        let temporary = journal + ".tmp"
        var bytes = Array(text.utf8)
        try Self.writeDurably(&bytes, to: temporary)
        guard rename(temporary, journal) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "\(journal): error: cannot write the build's journal (\(reason)); the site was not changed")
        }
        do { try Self.sync(live) } catch {
            // Not known to be on the disk: the staging folder is about to go, so the journal goes too.
            unlink(journal)
            throw error
        }
    }

    /// Applies the journal's steps, then deletes the journal and the staging folder. Each step done
    /// again is harmless (a file already moved is not in the staging folder any more, a file already
    /// removed is not in the live one), so a commit cut short is finished by applying it again.
    /// `stopAfter` stops after that many steps, as a kill -9 would (tests).
    public func apply(into live: String, stopAfter: Int? = nil) throws {
        var steps = 0
        func step() throws {
            steps += 1
            if let stopAfter, steps > stopAfter { throw Interrupted() }
        }
        var folders: Set<String> = []
        for path in renames { try step(); try move(path, into: live, folders: &folders) }
        for path in removals {
            try step()
            let target = live + "/" + path
            if unlink(target) != 0, errno != ENOENT {
                throw Failure(description: "\(target): error: cannot remove a file the site no longer has (\(String(cString: strerror(errno)))); fix its permissions and run tthc build again to finish")
            }
            // The folders it leaves empty go with it; rmdir refuses a folder that is not.
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if rmdir(live + "/" + folder) != 0 { break }
            }
        }
        for path in last { try step(); try move(path, into: live, folders: &folders) }
        try step()
        unlink(live + "/" + Self.journalName)
        FolderRemoval.remove(staging)
    }

    /// Thrown by `stopAfter`.
    public struct Interrupted: Error {}

    private func move(_ path: String, into live: String, folders: inout Set<String>) throws {
        let source = staging + "/" + path, target = live + "/" + path
        if rename(source, target) == 0 { return }
        var info = stat()
        // Moved already by the commit this one finishes.
        if errno == ENOENT, lstat(source, &info) != 0 { return }
        if let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            if folders.insert(folder).inserted {
                try? FileManager.default.createDirectory(atPath: live + "/" + folder, withIntermediateDirectories: true)
            }
            if rename(source, target) == 0 { return }
        }
        throw Failure(description: "\(target): error: cannot move the new file into the site (\(String(cString: strerror(errno)))); the journal \(live)/\(Self.journalName) stays, and the next tthc build finishes the change")
    }

    /// What the next build found in a live folder before it starts.
    public enum Recovery: Equatable, Sendable {
        /// No journal: the last commit finished.
        case none
        /// A commit cut short was finished from its journal.
        case finished
        /// The journal was there but its staging folder is gone (or it cannot be read): the folder
        /// is a mix of two builds, to be built in full.
        case lost
    }

    /// Finishes a commit cut short, if the live folder has a journal.
    public static func recover(_ live: String) throws -> Recovery {
        let journal = live + "/" + journalName
        unlink(journal + ".tmp")
        guard let data = FileManager.default.contents(atPath: journal) else { return .none }
        var isFolder: ObjCBool = false
        guard let commit = parse(String(decoding: data, as: UTF8.self)),
              FileManager.default.fileExists(atPath: commit.staging, isDirectory: &isFolder), isFolder.boolValue
        else {
            unlink(journal)
            return .lost
        }
        try commit.apply(into: live)
        return .finished
    }

    /// Writes bytes to a new file and flushes them to the disk.
    static func writeDurably(_ bytes: inout [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(description: "\(path): error: cannot write (\(String(cString: strerror(errno))))") }
        var done = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return fsync(fd) == 0
        }
        let reason = String(cString: strerror(errno))
        if close(fd) != 0 || !ok {
            unlink(path)
            throw Failure(description: "\(path): error: cannot write (\(reason)); the site was not changed")
        }
    }

    /// Flushes files to the disk: the writing of all of them is started first, then each is
    /// waited for (one after the other, each fsync would wait for its own write and journal commit:
    /// milliseconds each, most of a rebuild's commit).
    static func sync(files: [String]) throws {
        var open: [(path: String, fd: Int32)] = []
        defer { for file in open { close(file.fd) } }
        for path in files {
            let fd = Foundation.open(path, O_RDONLY)
            guard fd >= 0 else { throw Failure(description: "\(path): error: cannot open (\(String(cString: strerror(errno)))); the site was not changed") }
            open.append((path, fd))
            _ = startWriting?(fd, 0, 0, 2)  // SYNC_FILE_RANGE_WRITE
        }
        for file in open where fsync(file.fd) != 0 && errno != EINVAL {
            throw Failure(description: "\(file.path): error: cannot flush to the disk (\(String(cString: strerror(errno)))); the site was not changed")
        }
    }

    /// Starts writing a file's dirty pages to the disk, without waiting: a rebuild calls it as it
    /// stages each file, so the disk writes them while the build goes on and the fsyncs before the
    /// journal (`writeJournal`) find them written. Does nothing where sync_file_range(2) is missing.
    public static func startFlushing(_ fd: Int32) {
        _ = startWriting?(fd, 0, 0, 2)  // SYNC_FILE_RANGE_WRITE
    }

    /// Linux's sync_file_range(2), which Glibc's Swift module does not declare: starts writing a
    /// file's dirty pages without waiting. Nil elsewhere (then each fsync does it all).
    static let startWriting: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

    /// Flushes a file or a folder (its entries) to the disk.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(description: "\(path): error: cannot open (\(String(cString: strerror(errno)))); the site was not changed") }
        defer { close(fd) }
        if fsync(fd) != 0, errno != EINVAL {
            throw Failure(description: "\(path): error: cannot flush to the disk (\(String(cString: strerror(errno)))); the site was not changed")
        }
    }
}
