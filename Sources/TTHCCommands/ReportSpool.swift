import Foundation
import Formats

/// A report too long to hold in memory until it is written (a review of 100,000 procedures runs to
/// half a gigabyte of JSON): its body goes to a spool file as it is made; its head, which needs the
/// totals of the whole body, is written once they are known, followed by the body and the end —
/// into the output file (through a temporary file beside it renamed into place, as `SafeWriter`
/// does: never half a file, never over a file without --force) or to standard output.
final class ReportSpool {
    /// Why the report cannot be written, worded as `SafeWriter`'s refusals.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The last piece appended that was not empty, to tell how the body ends.
    private(set) var last = ""

    /// A spool beside `output` (on the same disk as the report), or in the temporary folder for
    /// standard output.
    init(beside output: String?) throws {
        let directory = output.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? FileManager.default.temporaryDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(".tthc-spool-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw Refusal(description: "\(path): error: cannot write a temporary file here (\(String(cString: strerror(errno)))); check the folder's permissions and free space")
        }
        self.handle = handle
        buffer.reserveCapacity(Self.chunk)
    }

    deinit {
        try? handle.close()
        unlink(path)
    }

    private static let chunk = 1 << 20

    func append(_ text: String) throws {
        guard !text.isEmpty else { return }
        last = text
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `head`, the body and `end` to `output` (standard output when nil). `newline` ends
    /// standard output with a line break when the report does not end with one, as `Console.out` does.
    func deliver(head: String, end: String, to output: String?, force: Bool, newline: Bool) throws {
        try flush()
        let ending = !end.isEmpty ? end : !last.isEmpty ? last : head
        let tail = newline && output == nil && !ending.hasSuffix("\n") ? end + "\n" : end
        guard let output else {
            try copy(head: head, end: tail, into: FileHandle.standardOutput)
            return
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: output), !force {
            throw Refusal(description: "\(output): error: the file exists; choose another name, or pass --force to replace it")
        }
        let url = URL(fileURLWithPath: output)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tthc-\(UUID().uuidString)")
        do {
            guard fm.createFile(atPath: temporary.path, contents: nil), let target = FileHandle(forWritingAtPath: temporary.path) else {
                throw Refusal(description: "\(output): error: cannot write the file (\(String(cString: strerror(errno))))")
            }
            defer { try? target.close() }
            try copy(head: head, end: tail, into: target)
            // rename(2) replaces the target atomically: readers see the old file or the new, never half.
            guard rename(temporary.path, url.path) == 0 else {
                throw Refusal(description: "\(output): error: cannot write the file (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    private func copy(head: String, end: String, into target: FileHandle) throws {
        try target.write(contentsOf: Data(head.utf8))
        try handle.seek(toOffset: 0)
        while let data = try handle.read(upToCount: 4 * Self.chunk), !data.isEmpty {
            try target.write(contentsOf: data)
        }
        try target.write(contentsOf: Data(end.utf8))
    }
}
