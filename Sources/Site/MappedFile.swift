import Foundation

/// A file mapped read-only into memory, unmapped when this goes: a rebuild reads the previous
/// build's tens of megabytes of open data to copy most of it, and a mapping copies nothing until
/// the bytes are used (they come straight from the page cache). The file must not be written
/// while mapped; a build never writes through a previous build's files (it writes new files and
/// renames them in).
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Nil when the file cannot be opened or mapped, or is not a regular file.
    init?(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        if size == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
    }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(UnsafeRawBufferPointer(bytes))
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
