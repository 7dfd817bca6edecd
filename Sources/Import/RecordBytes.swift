import Formats
import Foundation

/// A record file's bytes, read with `open`/`read` into one array: `DocumentFile.readBytes` asks
/// `FileManager` whether the file exists, for its attributes and for its contents as `Data`, then
/// copies them — about as much work as a third of the record's parsing. Anything out of the
/// ordinary (not a regular file, over the size limit, unreadable, changing while read) is left to
/// `DocumentFile.readBytes`, which says what is wrong in the words every command uses.
enum RecordBytes {
    static func read(_ path: String) throws(FormatError) -> [UInt8] {
        if let bytes = plainFile(path) { return bytes }
        return try DocumentFile.readBytes(path)
    }

    /// The bytes of a readable regular file within the size limit, read whole; nil otherwise.
    private static func plainFile(_ path: String) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size <= InputText.maximumBytes else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            // One byte more than the size, to see the end of the file.
            while count < size + 1 {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size + 1 - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    complete = n == 0 && count == size
                    return
                }
                count += n
            }
        }
        return complete ? bytes : nil
    }
}
