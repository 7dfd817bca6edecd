import Catalogue
import Dispatch
import Foundation
import Synchronization

/// A catalogue folder as the province keeps it: `province.json` and `decisions/**/*.{xml,json}`.
///
/// Files are read in parallel and then sorted by path, so what comes out never depends on the order
/// the file system lists them in (the replay itself does not depend on file names at all).
public struct CatalogueFolder: Sendable {
    public var root: String
    public var province: Province?
    public var decisions: [SourcedDecision]
    /// Problems found while reading; a catalogue with errors must not be published.
    public var diagnostics: [Diagnostic]
    public var files: [String]
    /// The `DecisionCache.key` (digest and size) of each decision file's bytes, by path, for every
    /// file read: what a site's fingerprints are made from, without reading the files again.
    public var digests: [String: String] = [:]

    public static let provinceFile = "province.json"
    public static let decisionsFolder = "decisions"

    /// Reads a catalogue folder, plus any extra decision files or folders (a draft checked against it).
    /// `progress` is called with (files done, files in all). With a `cache`, files whose bytes are
    /// unchanged since a previous run are taken from it instead of being parsed again; the result and
    /// the diagnostics are the same.
    public static func load(
        _ root: String, extra: [String] = [], cache: DecisionCache? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> CatalogueFolder {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            let what = FileManager.default.fileExists(atPath: root) ? "is not a folder" : "no such folder"
            return CatalogueFolder(
                root: root, province: nil, decisions: [],
                diagnostics: [.error("\(what): give the catalogue folder with --catalogue DIR (it holds province.json and decisions/)", at: SourceLocation(file: root))],
                files: [])
        }

        let provincePath = (root as NSString).appendingPathComponent(provinceFile)
        var province: Province?
        if FileManager.default.fileExists(atPath: provincePath) {
            do {
                province = try ProvinceFile.read(provincePath)
            } catch {
                diagnostics += error.diagnostics
            }
        } else {
            diagnostics.append(.warning(
                "no \(provinceFile): the province's name, agency code and communes are unknown; add it (see catalogue/province.json in the tthc sources)",
                at: SourceLocation(file: provincePath)))
        }

        let decisionsPath = (root as NSString).appendingPathComponent(decisionsFolder)
        var files: [String] = []
        do {
            files = try decisionFiles(under: decisionsPath)
        } catch {
            diagnostics += error.diagnostics
        }
        for path in extra {
            do {
                files += try decisionFiles(under: path)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }

        let (decisions, readDiagnostics, digests, missed) = readAll(files, cache: cache, progress: progress)
        diagnostics += readDiagnostics
        // Entries of files changed or gone are dropped once something new was written, so the cache
        // holds about one entry per file; a load with extra files (a draft) leaves the others alone.
        if let cache, missed, extra.isEmpty { cache.prune(keeping: Set(digests.values)) }
        var folder = CatalogueFolder(root: root, province: province, decisions: decisions, diagnostics: diagnostics, files: files)
        folder.digests = digests
        return folder
    }

    /// Every `.xml` and `.json` file under a folder (any depth), sorted; a single file is itself.
    public static func decisionFiles(under path: String) throws(FormatError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FormatError(.error("no such file or folder; check the path", at: SourceLocation(file: path)))
        }
        guard isDirectory.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw FormatError(.error("cannot list this folder; check its permissions", at: SourceLocation(file: path)))
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if FileFormat(path: name) != nil {
                found.append((path as NSString).appendingPathComponent(relative))
            }
        }
        return found.sorted()
    }

    /// Reads files on every core, the largest first (so that no core is left with a big file at
    /// the end), keeping results in the files' order; also returns each file's digest key and
    /// whether any file had to be parsed (not found in the cache). With a cache, a file whose status
    /// is the one the cache's file index recorded is not read: the index gives its key
    /// (`FileIndex` says why that is safe).
    static func readAll(
        _ files: [String], cache: DecisionCache?, progress: (@Sendable (Int, Int) -> Void)?
    ) -> ([SourcedDecision], [Diagnostic], [String: String], Bool) {
        let slots = Mutex<[Result<SourcedDecision, FormatError>?]>(Array(repeating: nil, count: files.count))
        let keys = Mutex<[String: String]>([:])
        let missed = Atomic<Bool>(false)
        let done = Atomic<Int>(0)
        let session = cache?.beginLoad()
        let statuses = files.map { FileStatus(path: $0) }
        let order = files.indices.sorted { (statuses[$0]?.size ?? 0, $1) > (statuses[$1]?.size ?? 0, $0) }
        DispatchQueue.concurrentPerform(iterations: files.count) { n in
            let i = order[n]
            let path = files[i]
            let status = statuses[i]
            let result = Result { () throws(FormatError) in
                if let cache, let session, let status, let key = session.key(of: path, status: status),
                   let cached = cache.lookup(key, file: path) {
                    keys.withLock { $0[path] = key }
                    session.note(path, status: status, key: key)
                    return cached
                }
                let bytes = try DocumentFile.readBytes(path)
                let key = DecisionCache.key(ContentDigest(bytes), size: bytes.count)
                keys.withLock { $0[path] = key }
                // The status was taken before the bytes were read: a change after it changes it.
                if let status, status.size == bytes.count { session?.note(path, status: status, key: key) }
                if let cache, let cached = cache.lookup(key, file: path) { return cached }
                missed.store(true, ordering: .relaxed)
                let read = try DocumentFile.readDecision(bytes: bytes, path: path)
                cache?.store(read, key: key)
                return read
            }
            slots.withLock { $0[i] = result }
            progress?(done.add(1, ordering: .relaxed).newValue, files.count)
        }
        if let cache, let session { cache.finishLoad(session) }
        var decisions: [SourcedDecision] = []
        var diagnostics: [Diagnostic] = []
        for result in slots.withLock({ $0 }) {
            switch result {
            case .success(let d): decisions.append(d)
            case .failure(let e): diagnostics += e.diagnostics
            case nil: break
            }
        }
        return (decisions, diagnostics, keys.withLock { $0 }, missed.load(ordering: .relaxed))
    }
}
