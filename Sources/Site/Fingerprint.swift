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
            f.add("procedure")
            f.add(historyValue(key))
        case .decision(let number), .changes(let number):
            f.add(kind == .decision(number: number) ? "decision" : "changes")
            f.add(decisionValue(number))
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

    /// What a decision's two pages show: its header and rows (the procedures' content through their
    /// histories, which hold every version a decision sets) and whether it is in force yet.
    func decisionValue(_ number: String) -> UInt64 {
        let memoKey = "decision " + number
        if let known = historyKeys.store.withLock({ $0[memoKey] }) { return known }
        var f = Fingerprint()
        guard let d = data.catalogue.decisions[number] else { return f.value }
        if let digest = data.decisionDigests[number] {
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
        // By index: a row holds a whole procedure, not to be copied for its codes.
        for i in d.items.indices {
            if let subject = d.items[i].subjectCode { addHistory(subject.key, into: &f) }
            for replaced in d.items[i].replaces { addHistory(replaced.key, into: &f) }
        }
        historyKeys.store.withLock { $0[memoKey] = f.value }
        return f.value
    }

    private func addHistory(_ key: String, into f: inout Fingerprint) {
        if data.catalogue.histories[key] == nil { f.add("-") } else { f.add(historyValue(key)) }
    }

    /// What a procedure's page and open-data file depend on besides the templates and layout: every
    /// version with its decision, which version shows and what is in force on the build date, and
    /// the names and pages of what it links to. Computed once per build (decision pages ask too).
    func historyValue(_ key: String) -> UInt64 {
        if let known = historyKeys.store.withLock({ $0[key] }) { return known }
        var f = Fingerprint()
        guard let history = data.catalogue.histories[key] else { return f.value }
        let shown = data.shownVersion(of: history)
        for i in history.versions.indices {
            let v = history.versions[i]
            f.add(data.decisionDigests[v.decision] ?? JSONFormat.write(v.procedure))
            f.add(v.decision)
            if let d = data.catalogue.decisions[v.decision] { f.add(d.title); f.add(d.signedOn) }
            f.add(v.action.rawValue)
            f.add(v.from)
            if let until = v.until { f.add(until) } else { f.add("-") }
            switch v.end {
            case nil: f.add("-")
            case .amended(let d): f.add("amended " + d)
            case .abolished(let d): f.add("abolished " + d)
            case .replaced(let by, let d): f.add("replaced " + d + " " + by.joined(separator: " "))
            }
            f.add(v.isInForce(at: data.date))
            // The shown version is one of these; a history's versions differ by decision or date
            // (comparing whole procedures would cost more than the rest of the key).
            f.add(shown.map { $0.decision == v.decision && $0.from == v.from && $0.until == v.until && $0.action == v.action } ?? false)
        }
        if let shown {
            f.add(shown.from > data.date)
            for field in shown.procedure.fields { f.add(data.fieldSlugs[field.name] ?? "-") }
            for level in shown.procedure.levels { f.add(data.levels.contains { $0.level == level }) }
        }
        for other in (replacedBy(history) ?? []) + history.replaces {
            f.add(other)
            f.add(data.catalogue.histories[other].flatMap { data.shownVersion(of: $0) }?.procedure.name ?? "-")
        }
        historyKeys.store.withLock { $0[key] = f.value }
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
