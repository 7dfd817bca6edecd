import Formats
import Foundation
import Synchronization

/// The folder a build writes into, opened before the catalogue is loaded: checked (a file, a folder
/// tthc did not make), locked, a commit cut short finished, and then — on a thread of its own,
/// while the caller loads the catalogue — the previous build's manifest and the live folder's
/// files read. A bad output folder is reported before a load of seconds, and a rebuild at 100,000
/// procedures no longer waits after the load for 210,000 manifest lines and 318,000 file names:
/// they are read while the catalogue is (its replay leaves a core free).
public final class SiteOutput {
    /// The folder as given.
    public let path: String
    /// Its absolute path.
    let live: String
    /// The previous build in the folder, when there is one to rebuild over or link from.
    let previous: String?
    private let lock: FolderLock
    private let reading: Reading

    /// What a rebuild needs of the previous build, read in the background.
    struct Previous: Sendable {
        var manifest: Manifest
        /// The live folder's files (relative, without the commit's journal), when the manifest is
        /// valid and the build may commit in place; nil otherwise.
        var files: Set<String>?
    }

    /// A read on another thread, waited for once.
    final class Reading: Sendable {
        private let result = Mutex<Previous?>(nil)
        private let done = DispatchSemaphore(value: 0)

        init(_ read: @escaping @Sendable () -> Previous) {
            DispatchQueue.global().async { [self] in
                let value = read()
                result.withLock { $0 = value }
                done.signal()
            }
        }

        init(_ value: Previous) {
            result.withLock { $0 = value }
            done.signal()
        }

        /// The result, once the read has finished; its file list is handed over (the build
        /// removes names from it as it claims them: a second owner would make it copy all 318,000).
        func take() -> Previous {
            done.wait()
            done.signal()
            return result.withLock { value in
                let taken = value!
                value!.files = nil
                return taken
            }
        }
    }

    /// Opens `output` for a build: an existing folder is accepted only when it is empty, a previous
    /// `tthc build` (it has the marker file) or `force` is set. Throws `SiteError` naming the folder
    /// and what to do. The lock is held until the output is released (`release()`, or deinit).
    public init(_ output: String, force: Bool) throws {
        let fm = FileManager.default
        path = output
        var isDirectory: ObjCBool = false
        live = URL(fileURLWithPath: output).standardizedFileURL.path
        let exists = fm.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw SiteError("\(output): error: this is a file, not a folder; choose another output folder with -o")
        }
        do { lock = try FolderLock(folder: live) } catch let busy as FolderLock.Busy { throw SiteError(busy.description) }
        var previous: String?
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: output)) ?? []
            let isBuild = fm.fileExists(atPath: output + "/" + SiteLinks.marker)
            if !contents.isEmpty, !isBuild, !force {
                lock.release()
                throw SiteError("\(output): error: the folder is not empty and was not made by tthc build; choose another folder with -o, or pass --force to replace it")
            }
            if isBuild {
                // A commit cut short is finished first; one whose staged files are gone leaves a
                // mix of two builds, which is built in full (nothing of it is trusted).
                let recovery: FolderCommit.Recovery
                do { recovery = try FolderCommit.recover(live) } catch let failure as FolderCommit.Failure {
                    lock.release()
                    throw SiteError(failure.description)
                }
                if recovery != .lost { previous = live }
            }
            SiteBuilder.removeDebris(of: live)
        }
        self.previous = previous
        Trace.mark("output locked, commit recovered")
        guard let previous else {
            reading = Reading(Previous(manifest: Manifest(), files: nil))
            return
        }
        reading = Reading {
            let manifest = Manifest.read(previous + "/" + SiteLinks.marker)
            Trace.mark("manifest read")
            guard manifest.isValid else { return Previous(manifest: manifest, files: nil) }
            var files = OutputFolder.files(under: previous)
            files.remove(FolderCommit.journalName)
            Trace.mark("live folder listed")
            return Previous(manifest: manifest, files: files)
        }
    }

    /// The previous build's manifest and files, waiting for their read if it has not finished.
    /// Once: the files are handed over to the build.
    func takePreviousBuild() -> Previous { reading.take() }

    /// What the output holds of the previous build (its manifest, its files), for a command to keep
    /// until the process ends: freed name by name, at 100,000 procedures it costs tens of milliseconds
    /// the end of the process does for nothing.
    public var previousBuildState: any Sendable { reading }

    /// Lets another build into the folder.
    public func release() { lock.release() }
}
