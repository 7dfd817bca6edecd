import Foundation

/// A lock file beside an output folder, so two builds into the same folder do not interleave their
/// commits: made with O_EXCL (one of two processes wins), holding the process id and the time, and
/// removed when the build ends. A build killed with -9 leaves it: the next one says so and how to
/// go on, rather than guessing (a process id may have been reused).
public final class FolderLock {
    public let path: String
    private var held = false

    /// `.NAME.tthc-lock` beside `folder`.
    public static func path(for folder: String) -> String {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tthc-lock").path
    }

    public struct Busy: Error, CustomStringConvertible {
        public var description: String
    }

    /// Takes the lock of `folder`, or throws `Busy` naming the lock file and what to do.
    public init(folder: String) throws {
        path = Self.path(for: folder)
        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            guard errno == EEXIST else {
                throw Busy(description: "\(path): error: cannot make the build's lock file (\(String(cString: strerror(errno)))); check that the folder beside the output is writable")
            }
            throw Busy(description: Self.busy(path, folder: folder))
        }
        let stamp = "\(getpid()) \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = stamp.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        held = true
    }

    /// Why the lock is taken: a build running now, or one that was killed.
    static func busy(_ path: String, folder: String) -> String {
        let text = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let fields = text.split(whereSeparator: \.isWhitespace)
        let pid = fields.first.flatMap { Int32($0) }
        let since = fields.dropFirst().first.map { " since \($0)" } ?? ""
        if let pid, pid > 0, kill(pid, 0) != 0, errno == ESRCH {
            return "\(path): error: a tthc build into \(folder) (process \(pid)\(since)) did not finish and left its lock; no such process runs now: delete \(path) and build again (the build finishes or redoes what was left)"
        }
        let who = pid.map { "process \($0)\(since)" } ?? "another process"
        return "\(path): error: another tthc build (\(who)) is writing \(folder); wait for it to finish, or, if no build is running, delete \(path) and build again"
    }

    /// Removes the lock file (also on deinit).
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit { release() }
}
