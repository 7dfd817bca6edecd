import Catalogue
import Dispatch
import Formats
import Foundation
import Synchronization

/// Reads national-portal records (files, or folders of them) on every core.
public enum PortalImport {
    public struct Result: Sendable {
        /// Records that read without error, in the order of their files.
        public var records: [PortalRecord]
        public var diagnostics: [Diagnostic]
        public var files: [String]
    }

    /// Every `.json` file under the paths (any depth, hidden files left out), sorted; a file is itself.
    /// A path named twice (or spelt two ways: `a/x.json`, `./a//x.json`, its absolute form) counts once.
    ///
    /// Listed with `opendir`/`readdir` and compared by a lexical absolute form: `FileManager`'s
    /// enumerator and `standardizedFileURL` cost about as much as reading the files' bytes. What is
    /// listed is what `FileManager.enumerator(atPath:)` lists: hidden folders are entered (only names
    /// starting with '.' are left out), links to folders are not followed, and a folder that is itself
    /// a link lists nothing.
    public static func files(under paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("no such file or folder; check the path", at: SourceLocation(file: path)))
                continue
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            guard let inFolder = FolderListing.jsonFiles(under: path) else {
                diagnostics.append(.error("cannot list this folder; check its permissions", at: SourceLocation(file: path)))
                continue
            }
            if inFolder.isEmpty {
                diagnostics.append(.warning("holds no .json file", at: SourceLocation(file: path)))
            }
            found += inFolder.sorted()
        }
        var seen = Set<String>()
        let directory = FileManager.default.currentDirectoryPath
        return (found.filter { seen.insert(FolderListing.standardized($0, in: directory)).inserted }, diagnostics)
    }

    /// Reads every record under the paths. `progress` is called with (files done, files in all).
    public static func read(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        let (files, listing) = files(under: paths)
        let slots = Mutex<[(PortalRecord?, [Diagnostic])?]>(Array(repeating: nil, count: files.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let outcome = readFile(files[i])
            slots.withLock { $0[i] = outcome }
            progress?(done.add(1, ordering: .relaxed).newValue, files.count)
        }
        var records: [PortalRecord] = []
        var diagnostics = listing
        for slot in slots.withLock({ $0 }) {
            guard let (record, found) = slot else { continue }
            diagnostics += found
            if let record { records.append(record) }
        }
        return Result(records: records, diagnostics: diagnostics, files: files)
    }

    /// Reads one file's record.
    public static func readFile(_ path: String) -> (PortalRecord?, [Diagnostic]) {
        do throws(FormatError) {
            let bytes = try RecordBytes.read(path)
            let tree = try JSONTree.read(bytes, file: path)
            return PortalRecord.read(tree)
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
