import Catalogue
import Formats
import Foundation
import SearchIndex
import Synchronization

/// Renders a `SiteModel` with a `Theme` into a folder, all or nothing.
///
/// The site is written into a staging folder beside the target and swapped in whole
/// (`SafeWriter.writeFolder`): a failed build leaves the previous site as it was. Files that come
/// out byte-identical to the previous build's are hard-linked from it, so a rebuild after one new
/// decision rewrites only the pages that changed.
public struct SiteBuilder: Sendable {
    public var model: SiteModel
    public var theme: Theme
    /// Renders a procedure's printable posting sheet (HTML, as UTF-8 bytes) from the version the
    /// site shows and its catalogue key, when sheets are part of the site.
    public var sheet: (@Sendable (_ version: ProcedureVersion, _ key: String) throws -> [UInt8])?

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
    public func build(
        into output: String, force: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Report {
        let fm = FileManager.default
        var previous: String?
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SiteError("\(output): error: this is a file, not a folder; choose another output folder with -o")
            }
            let contents = (try? fm.contentsOfDirectory(atPath: output)) ?? []
            let isBuild = fm.fileExists(atPath: output + "/" + SiteLinks.marker)
            if !contents.isEmpty, !isBuild, !force {
                throw SiteError("\(output): error: the folder is not empty and was not made by tthc build; choose another folder with -o, or pass --force to replace it")
            }
            if isBuild { previous = URL(fileURLWithPath: output).standardizedFileURL.path }
        }
        let manifest = previous.map { Manifest.read($0 + "/" + SiteLinks.marker) } ?? Manifest()
        var report = Report(written: 0, unchanged: 0, pages: 0)
        do {
            try SafeWriter.writeFolder(output, force: true) { staging in
                report = try fill(OutputFolder(staging: staging, previous: previous), manifest: manifest, progress: progress)
            }
        } catch let refusal as SafeWriter.Refusal {
            throw SiteError(refusal.description)
        }
        return report
    }

    /// Writes every file into the staging folder: pages and sheets on every core, the open data and
    /// the search index on one of them beside the pages (they rest on the catalogue, not on the
    /// pages), then the assets and the marker.
    func fill(_ out: OutputFolder, manifest: Manifest, progress: (@Sendable (Int, Int) -> Void)?) throws -> Report {
        let fingerprints = Mutex<[String: String]>([:])
        let units = Mutex<[String: Manifest.Unit]>([:])
        let kinds = model.pages
        let total = kinds.count
        let done = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = 64
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if worker == 0 {
                do {
                    let made = try groups(kinds, into: out, previous: manifest)
                    units.withLock { $0 = made }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
            while failure.withLock({ $0 == nil }) {
                let start = next.add(chunk, ordering: .relaxed).oldValue
                if start >= total { return }
                for i in start..<min(start + chunk, total) {
                    do {
                        if let (path, fingerprint) = try emit(kinds[i], into: out, previous: manifest.pages) {
                            fingerprints.withLock { $0[path] = fingerprint }
                        }
                    } catch {
                        failure.withLock { if $0 == nil { $0 = error } }
                        return
                    }
                    let n = done.add(1, ordering: .relaxed).newValue
                    progress?(n, total)
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var written = Manifest(pages: fingerprints.withLock { $0 })
        written.units = units.withLock { $0 }
        for (name, source) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try out.copy(source, to: "assets/" + name)
        }
        try out.emit(SiteLinks.marker, written.text)
        return Report(written: out.written, unchanged: out.unchanged, pages: total)
    }

    /// The files made as groups: the open data (with the sitemap of `kinds`) and the search index.
    func groups(_ kinds: [PageKind], into out: OutputFolder, previous manifest: Manifest) throws -> [String: Manifest.Unit] {
        let data = model.data
        var units: [String: Manifest.Unit] = [:]
        // The open data rests on the catalogue in force and the page list (the sitemap), like home.
        var open = Fingerprint()
        open.add("open data")
        open.add(model.layoutKey)
        open.add(model.catalogueKey)
        units[Manifest.openData] = try unit(Manifest.openData, open.hex, manifest, out) {
            let tables = OpenData.tables(data)
            try out.emit(SiteLinks.catalogueJSON, bytes: tables.json)
            try out.emit(SiteLinks.proceduresCSV, bytes: tables.csv)
            try out.emit(SiteLinks.feed, OpenData.feed(data))
            var paths = [SiteLinks.catalogueJSON, SiteLinks.proceduresCSV, SiteLinks.feed]
            for file in OpenData.sitemaps(data, pages: kinds.map(model.path(of:))) {
                try out.emit(file.path, bytes: file.bytes)
                paths.append(file.path)
            }
            try out.emit(SiteLinks.robots, OpenData.robots(data))
            return paths + [SiteLinks.robots]
        }
        units[Manifest.search] = try searchUnit(manifest, out)
        return units
    }

    /// The search index is made from the search documents alone. Its fingerprint has two halves,
    /// `identity/content`: the identity names the version each procedure in force shows by its
    /// decision's file digest (a version's procedure is what its decision's file says for that key),
    /// and costs nothing next to the documents; when it is the previous build's, the index is kept
    /// without making a document. Otherwise the documents are made and their text digested: a
    /// decision that changes only times or fees leaves that digest, and the index, as they were.
    func searchUnit(_ previous: Manifest, _ out: OutputFolder) throws -> Manifest.Unit {
        let data = model.data
        let identity = Self.searchIdentity(data, layout: model.layoutKey)
        let old = previous.units[Manifest.search]
        let halves = old?.fingerprint.split(separator: "/", maxSplits: 1).map(String.init) ?? []
        let (oldIdentity, oldContent) = halves.count == 2 ? (halves[0], halves[1]) : (nil, halves.first)
        if let old, let identity, identity == oldIdentity, try old.files.allSatisfy({ try out.keep($0) }) {
            return old
        }
        let documents = data.state.entries.map { SearchDocument(procedure: $0.version.procedure, key: $0.key) }
        let content = Self.searchKey(documents, layout: model.layoutKey)
        let fingerprint = (identity ?? "-") + "/" + content
        if let old, content == oldContent, try old.files.allSatisfy({ try out.keep($0) }) {
            return Manifest.Unit(fingerprint: fingerprint, files: old.files)
        }
        var paths: [String] = []
        for file in SearchIndexBuilder.build(documents) {
            try out.emit(file.path, file.contents)
            paths.append(file.path)
        }
        return Manifest.Unit(fingerprint: fingerprint, files: paths)
    }

    /// A group of files made together: kept as a whole when its fingerprint is the previous
    /// build's and every file of it is there, else made by `make`, which returns their paths.
    func unit(
        _ name: String, _ fingerprint: String, _ previous: Manifest, _ out: OutputFolder,
        make: () throws -> [String]
    ) throws -> Manifest.Unit {
        if let old = previous.units[name], old.fingerprint == fingerprint, try old.files.allSatisfy({ try out.keep($0) }) {
            return old
        }
        return Manifest.Unit(fingerprint: fingerprint, files: try make())
    }

    /// The digest of everything the search index is built from, streamed text by text.
    static func searchKey(_ documents: [SearchDocument], layout: String) -> String {
        var digest = ContentDigest.Stream()
        func add(_ text: String) {
            digest.add(text)
            digest.add(byte: 0)
        }
        add("search")
        add(layout)
        for d in documents {
            add(d.key); add(d.name); add(d.code); add(d.field); add(d.agency); add(d.level); add(d.body); add(d.path)
        }
        return digest.digest.description
    }

    /// Which version of which procedure the search documents would be made from: each key in force,
    /// the decision that set its version and that decision's file digest. Nil when a decision was
    /// not read from a file (a catalogue built in code): then only the documents' text will do.
    static func searchIdentity(_ data: SiteData, layout: String) -> String? {
        var digest = ContentDigest.Stream()
        func add(_ text: String) {
            digest.add(text)
            digest.add(byte: 0)
        }
        add("search identity")
        add(layout)
        for i in data.state.entries.indices {
            let key = data.state.entries[i].key
            let decision = data.state.entries[i].version.decision
            guard let file = data.decisionDigests[decision] else { return nil }
            add(key); add(decision); add(file)
        }
        return digest.digest.description
    }

    /// One page, plus the files that go with it (a procedure's open data and posting sheet). A
    /// page whose fingerprint matches the previous build's is kept without being built; returns its
    /// path and fingerprint for the next build.
    func emit(_ kind: PageKind, into out: OutputFolder, previous: [String: String]) throws -> (String, String)? {
        let path = model.path(of: kind)
        let fingerprint = model.fingerprint(kind, templates: theme.fingerprint)
        var shown: ProcedureVersion?
        var companions: [String] = []
        var code = ProcedureCode("")
        if case .procedure(let key) = kind {
            shown = model.data.catalogue.histories[key].flatMap { model.data.shownVersion(of: $0) }
            code = shown?.procedure.code ?? ProcedureCode(key)
            if shown != nil { companions.append(SitePath.procedureData(code)) }
        }
        // The posting sheet rests on what the page's fingerprint covers (the version shown, its
        // decision, the province, the templates), so it is kept or built with the page.
        let postable = sheet != nil && shown?.procedure.isPostable == true
        if postable { companions.append(SitePath.sheet(code)) }
        if let fingerprint, previous[path] == fingerprint, try out.keep(path), try companions.allSatisfy({ try out.keep($0) }) {
            // Kept as built last time.
        } else {
            let page = model.page(kind)
            try out.emit(page.path, bytes: try theme.renderBytes(page.context, template: page.template))
            if let shown { try out.emit(SitePath.procedureData(code), bytes: JSONFormat.bytes(shown.procedure)) }
            if postable, let sheet, let shown { try out.emit(SitePath.sheet(code), bytes: try sheet(shown, code.key)) }
        }
        return fingerprint.map { (path, $0) }
    }
}

/// The marker file of a build, which also lists the fingerprints of its pages and of the groups of
/// files made together (open data, search index) for the next one.
struct Manifest {
    static let header = "Made by tthc build: a rebuild may replace this folder. Fingerprints of pages and files follow (2).\n"
    static let openData = "#open-data"
    static let search = "#search"

    struct Unit: Equatable {
        var fingerprint: String
        var files: [String]
    }

    /// Page path → fingerprint.
    var pages: [String: String] = [:]
    var units: [String: Unit] = [:]

    var text: String {
        var out = Self.header
        for (path, fingerprint) in pages.sorted(by: { $0.key < $1.key }) { out += "\(fingerprint) \(path)\n" }
        for (name, unit) in units.sorted(by: { $0.key < $1.key }) {
            out += "\(unit.fingerprint) \(name)\t\(unit.files.joined(separator: "\t"))\n"
        }
        return out
    }

    /// Empty for a marker from an older build or one edited by hand.
    static func read(_ path: String) -> Manifest {
        var out = Manifest()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasPrefix(header) else { return out }
        for line in text.dropFirst(header.count).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[1].hasPrefix("#") {
                let fields = parts[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                out.units[fields[0]] = Unit(fingerprint: String(parts[0]), files: Array(fields.dropFirst()))
            } else {
                out.pages[String(parts[1])] = String(parts[0])
            }
        }
        return out
    }
}
