import Formats
import Foundation
import Synchronization

/// Where a build puts its files, and the previous build it is compared with. Two ways:
///
/// - Whole folder (`previous`): the build fills a new staging folder that becomes the site; a file
///   whose bytes did not change is hard-linked from the previous build (same bytes, same
///   modification time, so servers, CDNs and rsync see it unchanged). For a first build, a folder
///   that is not a tthc build, or one whose commit was lost.
/// - In place (`live`): the staging folder gets only the new and changed files; unchanged files
///   stay in the live folder untouched, and `commit` moves the staged ones in (`FolderCommit`) and
///   removes the live files this build did not make. A rebuild then costs what changed.
final class OutputFolder: Sendable {
    let staging: String
    /// The previous build, when the site is swapped in whole and there is one to compare with.
    let previous: String?
    /// The live folder, when the build commits into it in place.
    let live: String?
    private let writtenCount = Atomic<Int>(0)
    private let unchangedCount = Atomic<Int>(0)
    private let directories = Mutex<Set<String>>([])
    /// In place: the live folder's files this build has not made or kept (yet).
    private let unclaimed: Mutex<Set<String>>
    /// In place: files staged.
    private let stagedFiles = Mutex<[String]>([])

    /// A build swapped in whole, compared with `previous` when there is one.
    init(staging: String, previous: String?) {
        self.staging = staging
        self.previous = previous
        live = nil
        unclaimed = Mutex([])
    }

    /// A build committed into `live`: `files` are the live folder's files (relative).
    init(staging: String, live: String, files: consuming Set<String>) {
        self.staging = staging
        previous = nil
        self.live = live
        unclaimed = Mutex(files)
    }

    var written: Int { writtenCount.load(ordering: .relaxed) }
    var unchanged: Int { unchangedCount.load(ordering: .relaxed) }

    func emit(_ relative: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try emit(relative, bytes: $0) }
    }

    func emit(_ relative: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try emit(relative, bytes: $0) }
    }

    func emit(_ relative: String, bytes: UnsafeBufferPointer<UInt8>) throws {
        if let live {
            let there = unclaimed.withLock { $0.remove(relative) != nil }
            if there, Self.sameContent(live + "/" + relative, bytes) {
                unchangedCount.add(1, ordering: .relaxed)
                return
            }
            try makeParent(of: relative)
            try Self.write(bytes, to: staging + "/" + relative, flushing: true)
            stagedFiles.withLock { $0.append(relative) }
            writtenCount.add(1, ordering: .relaxed)
            return
        }
        let target = staging + "/" + relative
        try makeParent(of: relative)
        if let previous {
            let old = previous + "/" + relative
            if Self.sameContent(old, bytes), link(old, target) == 0 || (errno == EEXIST && unlink(target) == 0 && link(old, target) == 0) {
                unchangedCount.add(1, ordering: .relaxed)
                return
            }
        }
        try Self.write(bytes, to: target)
        writtenCount.add(1, ordering: .relaxed)
    }

    /// `emit` of a file given as pieces, in order (`SplicedBytes`: the open data's tables, mostly
    /// ranges of the previous build's mapped files), written piece by piece: tens of megabytes are
    /// not put together in memory only to be written. One of the live (or previous) file's size is
    /// compared as one buffer, as `emit` compares.
    func emit(_ relative: String, pieces: [UnsafeBufferPointer<UInt8>]) throws {
        if pieces.count == 1 { return try emit(relative, bytes: pieces[0]) }
        let size = pieces.reduce(0) { $0 + $1.count }
        var info = stat()
        if pieces.isEmpty || (live ?? previous).map({ stat($0 + "/" + relative, &info) == 0 && Int(info.st_size) == size }) == true {
            var whole: [UInt8] = []
            whole.reserveCapacity(size)
            for piece in pieces { whole.append(contentsOf: piece) }
            return try emit(relative, bytes: whole)
        }
        // Not the size of the file it replaces: new bytes.
        if live != nil { unclaimed.withLock { _ = $0.remove(relative) } }
        try makeParent(of: relative)
        try Self.write(pieces: pieces, to: staging + "/" + relative, flushing: live != nil)
        if live != nil { stagedFiles.withLock { $0.append(relative) } }
        writtenCount.add(1, ordering: .relaxed)
    }

    /// Keeps a file of the previous build as it is, without comparing: the caller knows it is
    /// unchanged. False when there is no such file to keep.
    func keep(_ relative: String) throws -> Bool {
        try keep([relative])
    }

    /// Keeps files of the previous build that go together (a page and its data and sheet): all of
    /// them, or none (then the caller makes them all).
    func keep(_ files: [String]) throws -> Bool {
        if live != nil {
            // Removed straight away (one hash each): almost always all of them are there.
            let all = unclaimed.withLock { set in
                for (i, file) in files.enumerated() where set.remove(file) == nil {
                    for taken in files[..<i] { set.insert(taken) }
                    return false
                }
                return true
            }
            guard all else { return false }
            unchangedCount.add(files.count, ordering: .relaxed)
            return true
        }
        guard let previous else { return false }
        for (i, file) in files.enumerated() {
            try makeParent(of: file)
            if link(previous + "/" + file, staging + "/" + file) != 0 {
                for linked in files[..<i] { unlink(staging + "/" + linked) }
                return false
            }
        }
        unchangedCount.add(files.count, ordering: .relaxed)
        return true
    }

    /// In place: what this build changes in the live folder (the staged files, then the removals
    /// of the live files it did not make, `last` moved in after them).
    func plan(last: String) -> FolderCommit {
        let staged = Set(stagedFiles.withLock { $0 })
        let removals = unclaimed.withLock { $0 }.subtracting(staged)
        return FolderCommit(
            staging: staging, renames: staged.subtracting([last]).sorted(), removals: removals.sorted(),
            last: staged.contains(last) ? [last] : [])
    }

    /// In place, when so much changed that swapping the whole folder is better: hard-links every
    /// kept file into the staging folder, which then holds the whole site.
    func completeStaging() throws {
        guard let live else { return }
        // The kept files are the live folder's, less those staged and those not claimed (the
        // removals): listed again here, on this rare path, rather than recorded on every keep.
        let staged = Set(stagedFiles.withLock { $0 })
        let removals = unclaimed.withLock { $0 }
        for file in Self.files(under: live) where file != FolderCommit.journalName && !staged.contains(file) && !removals.contains(file) {
            try makeParent(of: file)
            guard link(live + "/" + file, staging + "/" + file) == 0 || errno == EEXIST else {
                throw SiteError("\(live)/\(file): error: cannot link into the staging folder (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// Every file under `folder` (relative, no folders), its subfolders read on every core.
    static func files(under folder: String) -> Set<String> {
        var top: [String] = []
        var files = Set(list(folder, prefix: "", subfolders: &top))
        let folders = top
        let found = Mutex<[[String]]>([])
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in
            var mine: [String] = []
            var pending = [folders[i]]
            while let sub = pending.popLast() {
                mine += list(folder + "/" + sub, prefix: sub + "/", subfolders: &pending)
            }
            found.withLock { $0.append(mine) }
        }
        for part in found.withLock({ $0 }) { files.formUnion(part) }
        return files
    }

    /// The files of one folder (with `prefix`), and its subfolders appended to `subfolders`.
    private static func list(_ path: String, prefix: String, subfolders: inout [String]) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var files: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { subfolders.append(prefix + name) } else { files.append(prefix + name) }
        }
        return files
    }

    /// Copies a file (an asset) through the same comparison.
    func copy(_ source: String, to relative: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw SiteError("\(source): error: cannot read the asset")
        }
        try data.withUnsafeBytes { raw in
            try emit(relative, bytes: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
        }
    }

    private func makeParent(of relative: String) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let dir = String(relative[..<slash])
        let known = directories.withLock { $0.contains(dir) }
        if known { return }
        try FileManager.default.createDirectory(atPath: staging + "/" + dir, withIntermediateDirectories: true)
        directories.withLock { _ = $0.insert(dir) }
    }

    /// Whether a file holds exactly these bytes: sizes first, so most changed files cost one stat.
    static func sameContent(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
            while done < bytes.count {
                let n = read(fd, raw.baseAddress! + done, bytes.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard ok else { return false }
        return buffer.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// `flushing`: the file is to be made durable before the commit (a rebuild in place), so its
    /// writing to the disk is started now (`FolderCommit.startFlushing`).
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String, flushing: Bool = false) throws {
        try write(pieces: [bytes], to: path, flushing: flushing)
    }

    static func write(pieces: [UnsafeBufferPointer<UInt8>], to path: String, flushing: Bool = false) throws {
        // Almost every file is new in the staging folder: created exclusively, it costs one open.
        // One that is there already was kept earlier in this build, a hard link to the previous
        // build's file: never write through it (the previous site must stay as it was until the
        // swap), replace it.
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0, errno == EEXIST {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        }
        guard fd >= 0 else { throw SiteError("\(path): error: cannot write (\(String(cString: strerror(errno))))") }
        for bytes in pieces {
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw SiteError("\(path): error: cannot write (\(reason))")
                }
                done += n
            }
        }
        if flushing { FolderCommit.startFlushing(fd) }
        // Some file systems (NFS, a full disk) report a failed write only when the file is closed.
        if close(fd) != 0 { throw SiteError("\(path): error: cannot write (\(String(cString: strerror(errno))))") }
    }
}
