import Foundation

/// A whole file's bytes, read with `open`, `fstat` and `read` into one array. `FileManager` asks
/// for the file's attributes first, and on Linux those look up the owner's user and group names
/// (reading `/etc/nsswitch.conf`, `/etc/passwd` and `/etc/group` for every file).
enum FileBytes {
    enum Outcome {
        case bytes([UInt8])
        case missing
        case directory
        /// Larger than the limit asked for: its size.
        case tooLarge(Int)
        case unreadable
    }

    static func read(_ path: String, limit: Int = .max) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .missing
            case EISDIR: return .directory
            default: return .unreadable
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .directory }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var done = 0
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 { failed = true }
                if n <= 0 { break }
                done += n
            }
            count = done
        }
        if failed { return .unreadable }
        // A file that grew since `fstat` (or reports no size, as some special files do): the rest.
        if done == size {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 { return .unreadable }
                if n == 0 { break }
                bytes.append(contentsOf: chunk[0..<n])
                if bytes.count > limit { return .tooLarge(bytes.count) }
            }
        }
        return .bytes(bytes)
    }
}
