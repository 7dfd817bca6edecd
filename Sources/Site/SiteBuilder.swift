import Catalogue
import Formats
import Foundation
import Synchronization

/// Renders a `SiteModel` with a `Theme` into a folder, all or nothing.
///
/// A first build is written into a staging folder beside the target and swapped in whole
/// (`SafeWriter.writeFolder`). A rebuild stages only the files that changed and commits them into
/// the live folder (`FolderCommit`): unchanged files are not touched. Either way a build that fails
/// before its commit leaves the previous site as it was.
public struct SiteBuilder: Sendable {
    public var model: SiteModel
    public var theme: Theme
    /// Renders a procedure's printable posting sheet (HTML, as UTF-8 bytes) from the version the
    /// site shows and its catalogue key, when sheets are part of the site.
    public var sheet: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> [UInt8])?
    /// The share of files a rebuild may change and still commit them in place: above it, renaming
    /// file by file costs more than a swap of the whole folder, and readers would see a long mix.
    var inPlaceShare = 0.5

    public init(model: SiteModel, theme: Theme, sheet: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> String)? = nil) {
        self.init(model: model, theme: theme, sheetBytes: Self.bytes(sheet))
    }

    /// A builder whose posting sheets are rendered straight to bytes.
    public init(model: SiteModel, theme: Theme, sheetBytes: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> [UInt8])?) {
        self.model = model
        self.theme = theme
        self.sheet = sheetBytes
    }

    /// A builder whose procedure pages link to posting sheets exactly when `sheet` renders them.
    public init(
        data: SiteData, theme: Theme, qrCode: (@Sendable (_ url: String, _ label: String) -> String?)? = nil,
        sheet: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> String)? = nil
    ) {
        self.init(data: data, theme: theme, qrCode: qrCode, sheetBytes: Self.bytes(sheet))
    }

    /// The same, with posting sheets rendered straight to bytes.
    public init(
        data: SiteData, theme: Theme, qrCode: (@Sendable (_ url: String, _ label: String) -> String?)? = nil,
        sheetBytes: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> [UInt8])?
    ) {
        self.init(model: SiteModel(data: data, hasSheets: sheetBytes != nil, qrCode: qrCode), theme: theme, sheetBytes: sheetBytes)
    }

    private static func bytes(
        _ sheet: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> String)?
    ) -> (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> [UInt8])? {
        guard let sheet else { return nil }
        return { version, key in Array(try sheet(version, key).utf8) }
    }

    public struct Report: Sendable, Equatable {
        /// Files written because they are new or changed.
        public var written: Int
        /// Files kept from the previous build, byte for byte.
        public var unchanged: Int
        /// HTML pages among all files.
        public var pages: Int
    }

    /// Builds into `output`. An existing folder is replaced only when it is a previous `tthc build`
    /// (it has the marker file) or `force` is set; an empty one is always fine.
    ///
    /// A rebuild over a previous build (its manifest readable) stages only the new and changed
    /// files and, once all of them are made, commits them into the live folder file by file
    /// (`FolderCommit`), removing the files the site no longer has; anything else (a first build,
    /// a folder tthc did not make, a rebuild that changes more than half the files) is swapped in
    /// whole. Either way a build that fails before its commit leaves the folder untouched.
    public func build(
        into output: String, force: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil,
        isCancelled: (@Sendable () -> Bool)? = nil
    ) throws -> Report {
        try build(into: output, force: force, progress: progress, isCancelled: isCancelled, stopCommitAfter: nil)
    }

    /// `build`, with the commit stopped after `stopCommitAfter` of its steps (`FolderCommit.Interrupted`
    /// is thrown, the journal and staging folder stay), as a kill -9 during it would.
    func build(
        into output: String, force: Bool, progress: (@Sendable (Int, Int) -> Void)?,
        isCancelled: (@Sendable () -> Bool)? = nil, stopCommitAfter: Int?
    ) throws -> Report {
        let target = try SiteOutput(output, force: force)
        defer { target.release() }
        return try build(into: target, progress: progress, isCancelled: isCancelled, stopCommitAfter: stopCommitAfter)
    }

    /// Builds into an output opened (checked, locked, its previous build being read) beforehand,
    /// which `tthc build` does while it loads the catalogue.
    public func build(
        into target: SiteOutput, progress: (@Sendable (Int, Int) -> Void)? = nil,
        isCancelled: (@Sendable () -> Bool)? = nil
    ) throws -> Report {
        try build(into: target, progress: progress, isCancelled: isCancelled, stopCommitAfter: nil)
    }

    func build(
        into target: SiteOutput, progress: (@Sendable (Int, Int) -> Void)?,
        isCancelled: (@Sendable () -> Bool)?, stopCommitAfter: Int?
    ) throws -> Report {
        var previousBuild = target.takePreviousBuild()
        let manifest = previousBuild.manifest
        if let previous = target.previous, let files = previousBuild.files.take() {
            return try buildInPlace(previous, manifest: manifest, files: files, progress: progress, isCancelled: isCancelled, stopCommitAfter: stopCommitAfter)
        }
        var report = Report(written: 0, unchanged: 0, pages: 0)
        do {
            try SafeWriter.writeFolder(target.path, force: true) { staging in
                report = try fill(OutputFolder(staging: staging, previous: target.previous), manifest: manifest, progress: progress, isCancelled: isCancelled)
            }
        } catch let refusal as SafeWriter.Refusal {
            throw SiteError(refusal.description)
        }
        return report
    }

    /// A rebuild over the previous build in `live`: the new and changed files are staged, then
    /// committed in place.
    func buildInPlace(
        _ live: String, manifest: Manifest, files: consuming Set<String>, progress: (@Sendable (Int, Int) -> Void)?,
        isCancelled: (@Sendable () -> Bool)?, stopCommitAfter: Int?
    ) throws -> Report {
        let url = URL(fileURLWithPath: live)
        let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tthc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let report: Report
        let plan: FolderCommit
        do {
            let out = OutputFolder(staging: staging, live: live, files: consume files)
            report = try fill(out, manifest: manifest, progress: progress, isCancelled: isCancelled)
            if Double(report.written) > inPlaceShare * Double(report.written + report.unchanged) {
                try out.completeStaging()
                try SafeWriter.swapFolder(staging, into: live)
                return report
            }
            Trace.mark("staged")
            plan = out.plan(last: SiteLinks.marker)
            if plan.renames.isEmpty, plan.removals.isEmpty, plan.last.isEmpty {
                FolderRemoval.remove(staging)
                return report
            }
            try plan.writeJournal(into: live)
            Trace.mark("journal written")
        } catch {
            FolderRemoval.remove(staging)
            if let failure = error as? FolderCommit.Failure { throw SiteError(failure.description) }
            if let refusal = error as? SafeWriter.Refusal { throw SiteError(refusal.description) }
            throw error
        }
        // From here the live folder changes: an error leaves the journal, which the next build
        // finishes from.
        do {
            try plan.apply(into: live, stopAfter: stopCommitAfter)
            Trace.mark("committed")
        } catch let failure as FolderCommit.Failure {
            throw SiteError(failure.description)
        }
        return report
    }

    /// Staging and old folders that builds killed before they could remove them left beside the
    /// output (`.NAME.tthc-…`, `.NAME.old-…`). Called with the lock held, after the journal is
    /// finished: no build uses them.
    static func removeDebris(of live: String) {
        let url = URL(fileURLWithPath: live)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let lock = "." + name + ".tthc-lock"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where entry != lock && (entry.hasPrefix("." + name + ".tthc-") || entry.hasPrefix("." + name + ".old-")) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent + "/" + entry, isDirectory: &isFolder), isFolder.boolValue {
                FolderRemoval.remove(parent + "/" + entry)
            }
        }
    }

    /// Writes every file into the staging folder: pages and sheets on every core, the open data and
    /// the search index on one of them beside the pages (they rest on the catalogue, not on the
    /// pages), then the assets and the marker.
    func fill(
        _ out: OutputFolder, manifest: Manifest, progress: (@Sendable (Int, Int) -> Void)?,
        isCancelled: (@Sendable () -> Bool)? = nil
    ) throws -> Report {
        let fingerprints = Mutex<[[(path: String, fingerprint: UInt64)]]>([])
        let units = Mutex<[String: Manifest.Unit]>([:])
        Trace.mark("fill")
        let seed = model.fingerprintSeed(templates: theme.fingerprint)
        let kinds = model.pages
        Trace.mark("page list")
        let total = kinds.count
        let done = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = 64
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if worker == 0 {
                do {
                    Trace.mark("open data and search index…")
                    let made = try groups(kinds, into: out, previous: manifest)
                    Trace.mark("search index done")
                    units.withLock { $0 = made }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
            while failure.withLock({ $0 == nil }) {
                if isCancelled?() == true {
                    failure.withLock { if $0 == nil { $0 = SiteError("tthc build: interrupted; the site was not changed") } }
                    return
                }
                let start = next.add(chunk, ordering: .relaxed).oldValue
                if start >= total { return }
                var made: [(path: String, fingerprint: UInt64)] = []
                made.reserveCapacity(chunk)
                for i in start..<min(start + chunk, total) {
                    do {
                        made.append(try emit(kinds[i], into: out, previous: manifest.pages, seed: seed))
                    } catch {
                        failure.withLock { if $0 == nil { $0 = error } }
                        return
                    }
                    let n = done.add(1, ordering: .relaxed).newValue
                    progress?(n, total)
                }
                fingerprints.withLock { $0.append(made) }
            }
        }
        Trace.mark("pages and groups done")
        if let error = failure.withLock({ $0 }) { throw error }
        for (name, source) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try out.copy(source, to: "assets/" + name)
        }
        try out.emit(SiteLinks.marker, bytes: Manifest.bytes(pages: fingerprints.withLock { $0 }.flatMap { $0 }, units: units.withLock { $0 }))
        return Report(written: out.written, unchanged: out.unchanged, pages: total)
    }

    /// The files made as groups: the open data (with the sitemap of `kinds`) and the search index.
    func groups(_ kinds: [PageKind], into out: OutputFolder, previous manifest: Manifest) throws -> [String: Manifest.Unit] {
        var units: [String: Manifest.Unit] = [:]
        units[Manifest.openData] = try openDataUnit(kinds, into: out, previous: manifest)
        units[Manifest.search] = try searchUnit(manifest, out)
        return units
    }

    /// A group of files made together: kept as a whole when its fingerprint is the previous
    /// build's and every file of it is there, else made by `make`, which returns their paths.
    func unit(
        _ name: String, _ fingerprint: String, _ previous: Manifest, _ out: OutputFolder,
        make: () throws -> [String]
    ) throws -> Manifest.Unit {
        if let old = previous.units[name], old.fingerprint == fingerprint, try out.keep(old.files) {
            return old
        }
        return Manifest.Unit(fingerprint: fingerprint, files: try make())
    }

    /// One page, plus the files that go with it (a procedure's open data and posting sheet). A
    /// page whose fingerprint matches the previous build's is kept without being built; returns its
    /// path and fingerprint for the next build.
    func emit(_ kind: PageKind, into out: OutputFolder, previous: [String: UInt64], seed: Fingerprint) throws -> (String, UInt64) {
        let path = model.path(of: kind)
        let fingerprint: UInt64
        var files = [path]
        var code = ProcedureCode("")
        // The history and the index of the version the page shows: read field by field, since a
        // copy of a version retains every text of its procedure, and most pages are kept.
        var shown: (history: ProcedureHistory, index: Int)?
        var postable = false
        if case .procedure(let key) = kind {
            let history = model.data.catalogue.histories[key]
            let index = history.flatMap { model.data.shownIndex(of: $0) }
            fingerprint = model.procedureFingerprint(history, shown: index, seed: seed)
            code = ProcedureCode(key)
            if let history, let index {
                shown = (history, index)
                code = history.versions[index].procedure.code ?? code
                files.append(SitePath.procedureData(code))
                // The posting sheet rests on what the page's fingerprint covers (the version shown,
                // its decision, the province, the templates), so it is kept or built with the page.
                postable = sheet != nil && history.versions[index].procedure.isPostable
                if postable { files.append(SitePath.sheet(code)) }
            }
        } else {
            fingerprint = model.fingerprint(kind, seed: seed)
        }
        // The page and its companion files: kept all together, or made all together.
        if previous[path] == fingerprint, try out.keep(files) {
            // Kept as built last time.
        } else {
            let page = model.page(kind)
            try out.emit(page.path, bytes: try theme.renderBytes(page.context, template: page.template))
            if let shown {
                let version = shown.history.versions[shown.index]
                try out.emit(SitePath.procedureData(code), bytes: JSONFormat.bytes(version.procedure))
                if postable, let sheet { try out.emit(SitePath.sheet(code), bytes: try sheet(version, code.key)) }
            }
        }
        return (path, fingerprint)
    }
}

/// The marker file of a build, which also lists the fingerprints of its pages and of the groups of
/// files made together (open data, search index) for the next one. Read and written as bytes: at
/// 100,000 procedures it has 210,000 lines.
struct Manifest {
    static let header = "Made by tthc build: a rebuild may replace this folder. Fingerprints of pages and files follow (2).\n"
    static let openData = "#open-data"
    static let search = "#search"

    struct Unit: Equatable {
        var fingerprint: String
        var files: [String]
    }

    /// Page path → fingerprint.
    var pages: [String: UInt64] = [:]
    var units: [String: Unit] = [:]
    /// Whether it was read from a manifest of this kind (an older build's, or one edited by hand, is not).
    var isValid = false

    /// The manifest of pages (in any order) and units: a line per page, `<16 hex digits> <path>`,
    /// sorted by path, then a line per unit, `<fingerprint> <name>\t<file>\t…`, sorted by name.
    static func bytes(pages: [(path: String, fingerprint: UInt64)], units: [String: Unit]) -> [UInt8] {
        var out: [UInt8] = Array(header.utf8)
        out.reserveCapacity(pages.count * 48)
        let digits = Array("0123456789abcdef".utf8)
        var sorted = pages
        sorted.sort { a, b in
            var x = a.path, y = b.path
            return x.withUTF8 { p in y.withUTF8 { q in
                let n = Swift.min(p.count, q.count)
                let c = n == 0 ? 0 : memcmp(p.baseAddress!, q.baseAddress!, n)
                return c != 0 ? c < 0 : p.count < q.count
            } }
        }
        for (path, fingerprint) in sorted {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((fingerprint >> UInt64(shift)) & 0xf)]) }
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: path.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        for (name, unit) in units.sorted(by: { $0.key < $1.key }) {
            out.append(contentsOf: "\(unit.fingerprint) \(name)\t\(unit.files.joined(separator: "\t"))\n".utf8)
        }
        return out
    }

    /// Empty (not valid) for a marker from an older build or one edited by hand.
    static func read(_ path: String) -> Manifest {
        var out = Manifest()
        guard let data = FileManager.default.contents(atPath: path) else { return out }
        let header = Array(Self.header.utf8)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= header.count, memcmp(bytes.baseAddress!, header, header.count) == 0 else { return }
            out.isValid = true
            out.pages.reserveCapacity(bytes.count / 40)
            var start = header.count
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                out.add(line: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end + 1
            }
        }
        return out
    }

    /// One line: a page's (16 hex digits, a space, the path) or a unit's.
    private mutating func add(line: UnsafeBufferPointer<UInt8>) {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")), space > 0 else { return }
        let rest = UnsafeBufferPointer(rebasing: line[(space + 1)...])
        if rest.first == UInt8(ascii: "#") {
            let fields = String(decoding: rest, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            units[fields[0]] = Unit(fingerprint: String(decoding: UnsafeBufferPointer(rebasing: line[..<space]), as: UTF8.self), files: Array(fields.dropFirst()))
            return
        }
        guard space == 16, !rest.isEmpty else { return }
        var value: UInt64 = 0
        for b in line[..<space] {
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            default: return
            }
            value = value << 4 | UInt64(digit)
        }
        pages[String(decoding: rest, as: UTF8.self)] = value
    }
}
