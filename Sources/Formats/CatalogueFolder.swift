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

    public static let provinceFile = "province.json"
    public static let decisionsFolder = "decisions"

    /// Reads a catalogue folder, plus any extra decision files or folders (a draft checked against it).
    /// `progress` is called with (files done, files in all).
    public static func load(
        _ root: String, extra: [String] = [], progress: (@Sendable (Int, Int) -> Void)? = nil
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

        let (decisions, readDiagnostics) = readAll(files, progress: progress)
        diagnostics += readDiagnostics
        return CatalogueFolder(root: root, province: province, decisions: decisions, diagnostics: diagnostics, files: files)
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

    /// Reads files on every core, keeping results in the files' order.
    static func readAll(
        _ files: [String], progress: (@Sendable (Int, Int) -> Void)?
    ) -> ([SourcedDecision], [Diagnostic]) {
        let slots = Mutex<[Result<SourcedDecision, FormatError>?]>(Array(repeating: nil, count: files.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result = Result { () throws(FormatError) in try DocumentFile.readDecision(files[i]) }
            slots.withLock { $0[i] = result }
            progress?(done.add(1, ordering: .relaxed).newValue, files.count)
        }
        var decisions: [SourcedDecision] = []
        var diagnostics: [Diagnostic] = []
        for result in slots.withLock({ $0 }) {
            switch result {
            case .success(let d): decisions.append(d)
            case .failure(let e): diagnostics += e.diagnostics
            case nil: break
            }
        }
        return (decisions, diagnostics)
    }
}
