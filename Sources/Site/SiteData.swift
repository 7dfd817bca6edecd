import Catalogue
import Foundation

/// Everything the site shows, indexed once: the catalogue in force on the build date, the full
/// history behind it, and the browse groups (levels, fields, agencies). Pure: no files.
///
/// A page exists for every procedure the catalogue has ever known, not only those in force: decisions
/// link to the procedures they abolish or announce for a later date, and those links must lead
/// somewhere that says what happened.
public struct SiteData: Sendable {
    public let province: Province
    public let date: LocalDate
    /// Where the site is served, from `--base-url` or the province; nil for a site with no address.
    public let baseURL: String?
    public let catalogue: Catalogue
    public let state: CatalogueState
    /// Every procedure key with a history, sorted.
    public let procedureKeys: [String]
    public let levels: [LevelGroup]
    public let fields: [Group]
    public let agencies: [Group]
    /// Decisions, newest first (by effective date, then signing date and number).
    public let decisions: [Decision]
    /// The slug of each field name that has a page (some procedure in force lists it).
    public let fieldSlugs: [String: String]
    /// A digest of each decision's source file, by number, when the catalogue was read from files
    /// (`SourceDigest`). A rebuild's fingerprints use it in place of encoding every version, since a
    /// version is exactly what its decision's file says. Empty for catalogues built in code.
    public var decisionDigests: [String: String] = [:]
    /// Who builds: an identity of the program (BuildCommand gives its executable's size and date),
    /// part of every fingerprint, so a new tthc rebuilds every page once instead of keeping pages an
    /// older one made.
    public var builder: String = ""

    /// A browse group: a field or an agency, with the procedures in force under it.
    public struct Group: Sendable {
        public let slug: String
        public let name: String
        /// Indices into `state.entries`, in key order.
        public let entries: [Int]
    }

    public struct LevelGroup: Sendable {
        public let level: Level
        public let entries: [Int]
    }

    public init(catalogue: Catalogue, province: Province, date: LocalDate, baseURL: String? = nil) {
        self.catalogue = catalogue
        self.province = province
        self.date = date
        let base = baseURL ?? province.baseURL
        self.baseURL = base.flatMap { $0.isEmpty ? nil : ($0.hasSuffix("/") ? $0 : $0 + "/") }
        let keys = catalogue.histories.keys.sorted()
        let state = catalogue.state(at: date, sortedKeys: keys)
        self.state = state
        procedureKeys = keys

        var byLevel: [Level: [Int]] = [:]
        var fieldGroups = GroupCollector()
        var agencyGroups = GroupCollector()
        // Through a pointer: a copy of an entry (`for entry in`, `let p = entry.procedure`) retains
        // every text of its procedure, 100,000 times.
        state.entries.withUnsafeBufferPointer { entries in
            for i in entries.indices {
                let entry = entries.baseAddress! + i
                for level in Set(entry.pointee.version.procedure.levels) { byLevel[level, default: []].append(i) }
                for field in entry.pointee.version.procedure.fields { fieldGroups.add(field.name, i) }
                // The performing agencies, else all of them (`Procedure.agencies(_:)`, inline: the
                // call copied the procedure).
                let agencies = entry.pointee.version.procedure.agencies
                let performing = agencies.contains { $0.role == .performing }
                for agency in agencies where !performing || agency.role == .performing { agencyGroups.add(agency.name, i) }
            }
        }
        levels = Level.allCases.compactMap { level in byLevel[level].map { LevelGroup(level: level, entries: $0) } }
        fields = fieldGroups.groups
        fieldSlugs = fieldGroups.slugsByName
        agencies = agencyGroups.groups
        decisions = catalogue.decisions.values.sorted {
            ($0.effectiveDate, $0.signedOn, $0.number) > ($1.effectiveDate, $1.signedOn, $1.number)
        }
    }

    /// The page of a procedure key.
    public static func procedurePath(_ key: String) -> String { SitePath.procedure(ProcedureCode(key)) }

    /// The version a procedure's page shows: the one in force on the build date, else the next one
    /// to come, else the last one it had.
    public func shownVersion(of history: ProcedureHistory) -> ProcedureVersion? {
        shownIndex(of: history).map { history.versions[$0] }
    }

    /// The index in `history.versions` of the version its page shows (`shownVersion`), for callers
    /// that read a field or two of it: copying a version retains every text of its procedure.
    public func shownIndex(of history: ProcedureHistory) -> Int? {
        let date = date
        return history.versions.lastIndex { $0.isInForce(at: date) }
            ?? history.versions.firstIndex { $0.from > date }
            ?? (history.versions.isEmpty ? nil : history.versions.count - 1)
    }

    /// The absolute URL of a page, when the site has an address.
    public func absolute(_ path: String) -> String? { SitePath.url(path, base: baseURL) }
}

/// Groups names that fold to the same slug ("Hộ tịch", "Hộ Tịch") under one page, named by the
/// first spelling met in key order.
struct GroupCollector {
    private var order: [String] = []
    private var names: [String: String] = [:]
    private var members: [String: [Int]] = [:]
    /// Every spelling met, with its slug (names repeat across procedures; slugging is not free).
    private(set) var slugsByName: [String: String] = [:]

    mutating func add(_ name: String, _ index: Int) {
        let slug: String
        if let known = slugsByName[name] {
            slug = known
        } else {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            slug = SiteLinks.slug(trimmed)
            slugsByName[name] = slug
        }
        if names[slug] == nil {
            names[slug] = name.trimmingCharacters(in: .whitespacesAndNewlines)
            order.append(slug)
        }
        if members[slug]?.last != index { members[slug, default: []].append(index) }
    }

    /// Groups sorted by name as Vietnamese readers look for them (diacritics folded, then as written).
    var groups: [SiteData.Group] {
        order.map { SiteData.Group(slug: $0, name: names[$0]!, entries: members[$0]!) }
            .sorted { (VietnameseText.searchKey($0.name), $0.name) < (VietnameseText.searchKey($1.name), $1.name) }
    }
}
