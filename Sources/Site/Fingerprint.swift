import Catalogue
import Formats
import Synchronization

/// A stable hash of everything a page is made from (FNV-1a, 64 bits, over UTF-8): the same inputs
/// give the same value in every run, unlike Swift's seeded `Hasher`. A rebuild compares a
/// procedure page's fingerprint with the previous build's and, when equal, keeps the page without
/// building or rendering it — that is what makes a rebuild after one decision fast.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for b in bytes { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    mutating func add(_ flag: Bool) { add(flag ? "1" : "0") }

    /// A number (a fingerprint of a part), as its 8 bytes.
    mutating func add(_ number: UInt64) {
        var n = number
        for _ in 0..<8 {
            value = (value ^ (n & 0xff)) &* 0x100_0000_01b3
            n >>= 8
        }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    /// A date, without making its ISO text.
    mutating func add(_ date: LocalDate) {
        add(UInt64(date.year) << 16 | UInt64(date.month) << 8 | UInt64(date.day))
    }

    mutating func add(bytes: UnsafeRawBufferPointer) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    var hex: String { Self.hex(value) }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

extension SiteModel {
    /// The fingerprint of a page: a rebuild whose page has the previous build's fingerprint keeps
    /// the page (and its companion files) without building it. Procedure, decision and what-changed
    /// pages are keyed by what they show; listings by the procedures they list; home and the
    /// indexes by the whole catalogue in force (they count and list all of it). Never nil now; kept
    /// optional for callers that handle pages without one.
    public func fingerprint(_ kind: PageKind, templates: String) -> String? {
        Fingerprint.hex(fingerprint(kind, seed: fingerprintSeed(templates: templates)))
    }

    /// What every page's fingerprint starts with (the templates, the layout, whether there are
    /// sheets): hashed once per build, not once per page.
    func fingerprintSeed(templates: String) -> Fingerprint {
        var f = Fingerprint()
        f.add(templates)
        f.add(layoutKey)
        f.add(hasSheets)
        return f
    }

    /// `fingerprint(_:templates:)` from the seed, as a number.
    func fingerprint(_ kind: PageKind, seed: Fingerprint) -> UInt64 {
        var f = seed
        switch kind {
        case .procedure(let key):
            let history = data.catalogue.histories[key]
            return procedureFingerprint(history, shown: history.flatMap { data.shownIndex(of: $0) }, seed: seed)
        case .decision(let number), .changes(let number):
            if kind == .decision(number: number) {
                f.add("decision")
                f.add(decisionValue(number))
            } else {
                f.add("changes")
                f.add(changesValue(number))
            }
        case .level(let i):
            listed(.level(i), page: 1, into: &f)
        case .field(let i):
            listed(.field(i), page: 1, into: &f)
        case .agency(let i):
            listed(.agency(i), page: 1, into: &f)
        case .listingPage(let group, let page):
            listed(group, page: page, into: &f)
        case .home, .fields, .agencies, .decisions:
            f.add(String(describing: kind))
            f.add(catalogueValue)
        case .notFound:
            f.add("404")
        }
        return f.value
    }

    /// `fingerprint(.procedure(key:), seed:)` of the history filed under the key (nil: none) whose
    /// version `shown` the page shows, for the caller that has both at hand already.
    func procedureFingerprint(_ history: ProcedureHistory?, shown: Int?, seed: Fingerprint) -> UInt64 {
        var f = seed
        f.add("procedure")
        f.add(history.map { historyValue($0, shown: shown) } ?? Fingerprint().value)
        return f.value
    }

    /// A listing's page shows its group's name, the build date, the count of the whole listing,
    /// the pager (which the count and the page number make) and a row per procedure on the page.
    private func listed(_ group: ListingGroup, page: Int, into f: inout Fingerprint) {
        switch group {
        case .level(let i):
            f.add("level")
            f.add(data.levels[i].level.rawValue)
        case .field(let i):
            f.add("field")
            f.add(data.fields[i].slug)
            f.add(data.fields[i].name)
        case .agency(let i):
            f.add("agency")
            f.add(data.agencies[i].slug)
            f.add(data.agencies[i].name)
        }
        let entries = entries(group)
        let pages = listing(group)
        f.add(String(ListingPages.rowsPerPage))
        f.add(String(page))
        f.add(String(entries.count))
        f.add(data.date.iso)
        let keys = entryKeys
        for i in entries[pages.rows(page: page)] { f.add(keys[i]) }
    }

    /// What each procedure in force is (by index into `state.entries`): its key and the version in
    /// force, which is exactly what its decision's file says (the digest), else its history's key.
    /// Computed once per build: listings and the catalogue key add tens of thousands of them.
    var entryKeys: [UInt64] {
        entryKeyMemo.store.withLock { memo in
            if let memo { return memo }
            let keys = data.state.entries.withUnsafeBufferPointer { entries in
                (0..<entries.count).map { i in
                    // Through the pointer: no copy of the entry (its procedure) per row.
                    let entry = entries.baseAddress! + i
                    var f = Fingerprint()
                    f.add(entry.pointee.key)
                    if let digest = data.decisionDigests[entry.pointee.version.decision] {
                        f.add(entry.pointee.version.decision)
                        f.add(digest)
                        f.add(entry.pointee.version.from)
                    } else {
                        f.add(historyValue(entry.pointee.key))
                    }
                    return f.value
                }
            }
            memo = keys
            return keys
        }
    }

    /// The whole catalogue as the site shows it on the build date: every procedure in force, every
    /// decision (and whether it is in force yet), every procedure page. Home, the field, agency and
    /// decision indexes, and the open data (catalogue.json, CSV, feed, sitemap) rest on nothing else
    /// besides the layout. Computed once per build.
    public var catalogueKey: String { Fingerprint.hex(catalogueValue) }

    var catalogueValue: UInt64 {
        let memoKey = "#catalogue"
        if let known = historyKeys.store.withLock({ $0[memoKey] }) { return known }
        var f = Fingerprint()
        f.add(data.date.iso)
        f.add(data.baseURL ?? "-")
        for key in entryKeys { f.add(key) }
        for d in data.decisions {
            f.add(d.number)
            f.add(data.decisionDigests[d.number] ?? String(describing: d))
            f.add(d.effectiveDate > data.date)
        }
        for key in data.procedureKeys { f.add(key) }
        historyKeys.store.withLock { $0[memoKey] = f.value }
        return f.value
    }

    /// What a decision's page shows: its header and rows (what its file says, or its content for a
    /// catalogue built in code), whether it is in force yet, whether each procedure a row names has
    /// a page, and the name each procedure it replaces shows. Not the histories of the procedures it
    /// names: a later decision that amends one of them leaves this page as it was.
    func decisionValue(_ number: String) -> UInt64 {
        var f = Fingerprint()
        guard let d = data.catalogue.decisions[number] else { return f.value }
        addDecision(d, into: &f)
        // By index: a row holds a whole procedure, not to be copied for its codes.
        for i in d.items.indices {
            if let subject = d.items[i].subjectCode { f.add(data.catalogue.histories[subject.key] != nil) }
            for replaced in d.items[i].replaces { addLink(replaced.key, into: &f) }
        }
        return f.value
    }

    /// What a decision's what-changed page shows: its rows (as `decisionValue`), the name and page of
    /// each procedure it names, and, for each procedure it amends, the versions up to the one it set
    /// (the page shows how that version differs from the one before; later versions do not change it).
    func changesValue(_ number: String) -> UInt64 {
        var f = Fingerprint()
        guard let d = data.catalogue.decisions[number] else { return f.value }
        addDecision(d, into: &f)
        for i in d.items.indices {
            let key = d.items[i].subjectCode?.key
            addLink(key ?? "—", into: &f)
            for replaced in d.items[i].replaces { addLink(replaced.key, into: &f) }
            guard d.items[i].action == .amended, let key, let history = data.catalogue.histories[key] else { continue }
            history.versions.withUnsafeBufferPointer { versions in
                guard let changed = versions.firstIndex(where: { $0.decision == number && $0.action == .amended }) else {
                    f.add("-")
                    return
                }
                f.add(UInt64(changed))
                for v in 0...changed { addContent(of: versions.baseAddress! + v, into: &f) }
            }
        }
        return f.value
    }

    /// A decision's own content: its file's digest (or, built in code, its header and rows) and
    /// whether it is in force on the build date.
    private func addDecision(_ d: Decision, into f: inout Fingerprint) {
        if let digest = data.decisionDigests[d.number] {
            f.add(digest)
        } else {
            var header = d
            header.items = []
            f.add(String(describing: header))
            for item in d.items {
                var row = item
                row.procedure = nil
                f.add(String(describing: row))
                f.add(item.procedure?.name ?? "-")
            }
        }
        f.add(d.effectiveDate > data.date)
    }

    /// A link to a procedure's page (`procedureLink`): whether it has one, and the name it shows.
    private func addLink(_ key: String, into f: inout Fingerprint) {
        f.add(key)
        guard let history = data.catalogue.histories[key] else { f.add("-"); return }
        if let shown = data.shownIndex(of: history) { f.add(history.versions[shown].procedure.name) } else { f.add("") }
    }

    /// What a version holds: the file of the decision that set it (or its procedure, for a catalogue
    /// built in code), that decision, how and from when.
    private func addContent(of v: UnsafePointer<ProcedureVersion>, into f: inout Fingerprint) {
        if let decision = decisionHeaders[v.pointee.decision], let file = decision.file {
            f.add(file)
        } else {
            f.add(JSONFormat.write(v.pointee.procedure))
            f.add(v.pointee.decision)
        }
        f.add(v.pointee.action.rawValue)
        f.add(v.pointee.from)
    }

    /// What a procedure's page and open-data file depend on besides the templates and layout: every
    /// version with its decision, which version shows and what is in force on the build date, and
    /// the names and pages of what it links to. Each page asks once; through pointers, since copying
    /// a version retains every text of its procedure.
    func historyValue(_ key: String) -> UInt64 {
        guard let history = data.catalogue.histories[key] else { return Fingerprint().value }
        return historyValue(history, shown: data.shownIndex(of: history))
    }

    func historyValue(_ history: ProcedureHistory, shown: Int?) -> UInt64 {
        var f = Fingerprint()
        history.versions.withUnsafeBufferPointer { versions in
            for i in versions.indices {
                let v = versions.baseAddress! + i
                addContent(of: v, into: &f)
                if let d = decisionHeaders[v.pointee.decision] { f.add(d.header) } else { f.add("-") }
                if let until = v.pointee.until { f.add(until) } else { f.add("-") }
                switch v.pointee.end {
                case nil: f.add("-")
                case .amended(let d): f.add("amended"); f.add(d)
                case .abolished(let d): f.add("abolished"); f.add(d)
                case .replaced(let by, let d):
                    f.add("replaced"); f.add(d)
                    for key in by { f.add(key) }
                }
                f.add(v.pointee.isInForce(at: data.date))
                f.add(i == shown)
            }
            if let shown {
                let p = versions.baseAddress! + shown
                f.add(p.pointee.from > data.date)
                for field in p.pointee.procedure.fields { f.add(data.fieldSlugs[field.name] ?? "-") }
                for level in p.pointee.procedure.levels { f.add(data.levels.contains { $0.level == level }) }
            }
        }
        for other in (replacedBy(history) ?? []) + history.replaces { addLink(other, into: &f) }
        return f.value
    }

    /// The province, address and QR setting, which every page's layout shows, and the program that
    /// builds: a rebuild with another tthc (any new build of it, whatever module changed: page views,
    /// sheets, the diff) keeps no page the old one built. A digest of them, since every page's
    /// fingerprint hashes it (the province alone, with its communes, is kilobytes).
    static func layoutKey(_ data: SiteData, qr: Bool) -> String {
        let text = pageModelVersion + data.builder + JSONFormat.pretty(data.province) + (data.baseURL ?? "-") + (qr ? "qr" : "no-qr")
        return ContentDigest(Array(text.utf8)).description
    }

    static let pageModelVersion = "site-model-2"
}

/// Fingerprints computed once per build and shared between the threads that render pages.
final class Memo: Sendable {
    let store = Mutex<[String: UInt64]>([:])
}

/// Each procedure in force's fingerprint, computed once per build.
final class EntryKeyMemo: Sendable {
    let store = Mutex<[UInt64]?>(nil)
}
