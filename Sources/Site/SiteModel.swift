import Catalogue
import Synchronization
import TemplateView

/// Builds every page's view from `SiteData`. Pure: the QR code is drawn by a closure the edge passes
/// in, so tests can run without libqrencode and the model stays free of C.
public struct SiteModel: Sendable {
    public let data: SiteData
    /// Whether posting sheets are written beside the pages (then procedure pages link to them).
    public let hasSheets: Bool
    /// Draws a QR code of a URL as inline SVG, with an accessible label.
    public let qrCode: (@Sendable (_ url: String, _ label: String) -> String?)?
    let changeCache = ChangeCache()
    let historyKeys = Memo()
    let entryKeyMemo = EntryKeyMemo()
    let layoutKey: String
    /// The province as every page's layout shows it, built once per build and shared by every page.
    let provinceView: TemplateValue
    /// The meta description of a page that has none of its own.
    let defaultDescription: String
    /// Each decision's page and what-changed page, by number, and each level's listing: the slugs
    /// fold diacritics ("QĐ", "Cấp xã") through Foundation, which every procedure page asked again
    /// for each version's decision and each level it is at.
    let decisionPaths: [String: (page: String, changes: String)]
    let levelPaths: [Level: String]
    /// Each decision by number, hashed once per build instead of once per version it set: `header`,
    /// what a procedure page's history shows of it (its title and signing date); `file`, its number
    /// and its file's digest (`SiteData.decisionDigests`), nil for a decision built in code.
    let decisionHeaders: [String: (header: UInt64, file: UInt64?)]

    public init(
        data: SiteData, hasSheets: Bool = false,
        qrCode: (@Sendable (_ url: String, _ label: String) -> String?)? = nil
    ) {
        self.data = data
        self.hasSheets = hasSheets
        self.qrCode = qrCode
        layoutKey = Self.layoutKey(data, qr: qrCode != nil)
        provinceView = Self.provinceView(data.province)
        defaultDescription = "Danh mục thủ tục hành chính của \(data.province.name)"
        decisionPaths = data.catalogue.decisions.keys.reduce(into: [:]) { paths, number in
            paths[number] = (SitePath.decision(number), SitePath.decisionChanges(number))
        }
        levelPaths = Dictionary(uniqueKeysWithValues: Level.allCases.map { ($0, SiteLinks.level($0)) })
        decisionHeaders = data.catalogue.decisions.mapValues { d in
            var header = Fingerprint()
            header.add(d.title)
            header.add(d.signedOn)
            return (header.value, data.decisionDigests[d.number].map { digest in
                var file = Fingerprint()
                file.add(digest)
                file.add(d.number)
                return file.value
            })
        }
    }

    /// Every page, in a fixed order.
    public var pages: [PageKind] {
        var kinds: [PageKind] = [.home, .fields, .agencies, .decisions, .notFound]
        kinds += data.levels.indices.flatMap { listingKinds(.level($0), first: .level($0)) }
        kinds += data.fields.indices.flatMap { listingKinds(.field($0), first: .field($0)) }
        kinds += data.agencies.indices.flatMap { listingKinds(.agency($0), first: .agency($0)) }
        for d in data.decisions { kinds += [.decision(number: d.number), .changes(number: d.number)] }
        kinds += data.procedureKeys.map { .procedure(key: $0) }
        return kinds
    }

    /// A listing's pages: the first, then page 2, 3, ….
    func listingKinds(_ group: ListingGroup, first: PageKind) -> [PageKind] {
        [first] + (1..<listing(group).pageCount).map { .listingPage(group, page: $0 + 1) }
    }

    /// Where a page goes, without building it.
    public func path(of kind: PageKind) -> String {
        switch kind {
        case .home: SiteLinks.home
        case .procedure(let key): SiteData.procedurePath(key)
        case .level(let i): levelPath(data.levels[i].level)
        case .field(let i): SiteLinks.field(slug: data.fields[i].slug)
        case .agency(let i): SiteLinks.agency(slug: data.agencies[i].slug)
        case .listingPage(let group, let page): listing(group).path(page: page)
        case .fields: SiteLinks.fields
        case .agencies: SiteLinks.agencies
        case .decisions: SiteLinks.decisions
        case .decision(let number): decisionPath(number)
        case .changes(let number): changesPath(number)
        case .notFound: SiteLinks.notFound
        }
    }

    public func page(_ kind: PageKind) -> Page {
        switch kind {
        case .home: home()
        case .procedure(let key): procedure(key)
        case .level(let i): level(i)
        case .field(let i): group(.field(i))
        case .agency(let i): group(.agency(i))
        case .listingPage(.level(let i), let page): level(i, page: page)
        case .listingPage(let group, let page): self.group(group, page: page)
        case .fields: groupIndex(data.fields, path: SiteLinks.fields, title: "Lĩnh vực", link: SiteLinks.field(slug:))
        case .agencies: groupIndex(data.agencies, path: SiteLinks.agencies, title: "Cơ quan thực hiện", link: SiteLinks.agency(slug:))
        case .decisions: decisionIndex()
        case .decision(let number): decision(number)
        case .changes(let number): changes(number)
        case .notFound: notFound()
        }
    }

    // MARK: - Layout

    /// What every page carries: the relative root, the province, the sample notice. Not the build
    /// date: pages that do not depend on it stay byte-identical from one day's build to the next.
    func layout(_ path: String, title: String, description: String? = nil) -> TemplateFields {
        var c = TemplateFields(capacity: 40)
        c["root"] = SiteLinks.root(of: path)
        c["pageTitle"] = title
        c["metaDescription"] = description ?? defaultDescription
        c["canonical"] = data.absolute(path)
        c["province"] = provinceView
        if data.province.sample { c["sample"] = Province.sampleNotice }
        return c
    }

    /// The layout's province: name, authority, emblem, feedback contact.
    static func provinceView(_ p: Province) -> TemplateValue {
        var province = TemplateFields()
        province["name"] = p.name
        province["authority"] = p.authority?.nonBlank
        province["emblem"] = (p.emblem?.nonBlank).map { $0 } ?? "assets/emblem.svg"
        if let f = p.feedback {
            var feedback = TemplateFields()
            feedback["agency"] = f.agency
            feedback["address"] = f.address?.nonBlank
            feedback["phone"] = f.phone?.nonBlank
            feedback["email"] = f.email?.nonBlank
            province["feedback"] = feedback
        }
        return province.value
    }

    /// `SitePath.decision(number)`.
    func decisionPath(_ number: String) -> String { decisionPaths[number]?.page ?? SitePath.decision(number) }

    /// `SitePath.decisionChanges(number)`.
    func changesPath(_ number: String) -> String { decisionPaths[number]?.changes ?? SitePath.decisionChanges(number) }

    /// `SiteLinks.level(level)`.
    func levelPath(_ level: Level) -> String { levelPaths[level] ?? SiteLinks.level(level) }

    /// A row of a procedure list: name, code, levels, time, link.
    func row(_ index: Int, from path: String) -> TemplateFields {
        let entry = data.state.entries[index]
        let p = entry.procedure
        var r = TemplateFields(capacity: 6)
        r["name"] = p.name
        r["code"] = p.code?.rawValue ?? entry.key
        r["href"] = SiteLinks.root(of: path) + SiteData.procedurePath(entry.key)
        r["levels"] = p.levels.map(\.vietnamese).joined(separator: ", ").nonBlank
        r["time"] = (p.channel(.inPerson) ?? p.channels.first).map { Texts.time($0.time) }?.nonBlank
        if let online = p.online, online.level == .full || online.level == .partial { r["online"] = online.level.vietnamese }
        return r
    }

    /// Sets a list and, when it is not empty, `has_<key>`, so a template can wrap the list in a
    /// heading that disappears with it. (A Mustache section over a list repeats per element.)
    func put(_ c: inout TemplateFields, _ key: String, _ items: [TemplateFields]) {
        guard !items.isEmpty else { return }
        c[key] = items
        c["has_" + key] = true
    }

    /// The same for a list of texts.
    func put(_ c: inout TemplateFields, _ key: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        c[key] = items
        c["has_" + key] = true
    }
}
