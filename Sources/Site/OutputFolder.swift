import Foundation
import Synchronization

/// The staging folder a build fills before it is swapped in, and the previous build it is compared
/// with: a file whose bytes did not change is hard-linked from the previous build (same bytes, same
/// modification time, so servers, CDNs and rsync see it unchanged); only changed files are written.
final class OutputFolder: Sendable {
    let staging: String
    /// The previous build, when there is one to compare with.
    let previous: String?
    private let writtenCount = Atomic<Int>(0)
    private let unchangedCount = Atomic<Int>(0)
    private let directories = Mutex<Set<String>>([])

    init(staging: String, previous: String?) {
        self.staging = staging
        self.previous = previous
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

    /// Keeps a file of the previous build as it is, without comparing: the caller knows it is
    /// unchanged. False when there is no such file to keep.
    func keep(_ relative: String) throws -> Bool {
        guard let previous else { return false }
        try makeParent(of: relative)
        guard link(previous + "/" + relative, staging + "/" + relative) == 0 else { return false }
        unchangedCount.add(1, ordering: .relaxed)
        return true
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

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
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
        // Some file systems (NFS, a full disk) report a failed write only when the file is closed.
        if close(fd) != 0 { throw SiteError("\(path): error: cannot write (\(String(cString: strerror(errno))))") }
    }
}
