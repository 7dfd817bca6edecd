import Foundation

/// Writes output so that a failure never leaves half a file, and a user's file is never overwritten
/// by accident: write to a temporary file beside the target, then rename it into place.
public enum SafeWriter {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `text` to `path`. Refuses to replace an existing file unless `force` is set.
    public static func write(_ text: String, to path: String, force: Bool) throws {
        try write(Data(text.utf8), to: path, force: force)
    }

    /// Writes UTF-8 bytes to `path`, as `write(_:to:force:)` writes text (a draft of thousands of
    /// procedures is written from its bytes, without a `String` of 100 MB in between).
    public static func write(utf8 bytes: [UInt8], to path: String, force: Bool) throws {
        try bytes.withUnsafeBytes { raw in
            let data = raw.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none) } ?? Data()
            try write(data, to: path, force: force)
        }
    }

    private static func write(_ data: Data, to path: String, force: Bool) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path), !force {
            throw Refusal(description: "\(path): error: the file exists; choose another name, or pass --force to replace it")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tthc-\(UUID().uuidString)")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the target atomically: readers see the old file or the new, never half.
            guard rename(temporary.path, url.path) == 0 else {
                throw Refusal(description: "\(path): error: cannot write the file (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    /// Fills a new folder through `body`, then moves it into place as a whole. Refuses an existing
    /// non-empty folder unless `force` is set (then the old folder is replaced only after success).
    public static func writeFolder(_ path: String, force: Bool, _ body: (String) throws -> Void) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let exists = fm.fileExists(atPath: url.path)
        if exists, !force, let contents = try? fm.contentsOfDirectory(atPath: url.path), !contents.isEmpty {
            throw Refusal(description: "\(path): error: the folder exists and is not empty; choose another, or pass --force to replace it")
        }
        let parent = url.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).tthc-\(UUID().uuidString)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try body(staging.path)
            try swapFolder(staging.path, into: url.path)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Puts a filled folder in the place of `path` (moving the old one aside, then removing it).
    public static func swapFolder(_ staging: String, into path: String) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if fm.fileExists(atPath: url.path) {
            let old = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).old-\(UUID().uuidString)")
            try fm.moveItem(at: url, to: old)
            try fm.moveItem(atPath: staging, toPath: url.path)
            FolderRemoval.remove(old.path)
        } else {
            try fm.moveItem(atPath: staging, toPath: url.path)
        }
    }
}
