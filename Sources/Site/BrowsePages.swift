import Catalogue
import TemplateView

extension SiteModel {
    /// The home page: search, counts, browse by level / field / agency, latest decisions.
    func home() -> Page {
        let path = SiteLinks.home
        var c = layout(path, title: "Thủ tục hành chính — \(data.province.name)")
        c["isHome"] = true
        c["asOf"] = data.date.vietnamese
        // By index: `count(where:)` would copy every entry (its whole procedure) to look at one field.
        var online = 0
        for i in data.state.entries.indices {
            if let level = data.state.entries[i].version.procedure.online?.level, level == .full || level == .partial { online += 1 }
        }
        c["counts"] = TemplateFields([
            "procedures": .text(Texts.number(data.state.count)),
            "fields": .text(Texts.number(data.fields.count)),
            "agencies": .text(Texts.number(data.agencies.count)),
            "online": .text(Texts.number(online)),
            "decisions": .text(Texts.number(data.decisions.count)),
        ])
        put(&c, "levels", data.levels.map { g -> TemplateFields in
            TemplateFields(["name": .text(g.level.vietnamese), "href": .text(levelPath(g.level)), "count": .text(Texts.number(g.entries.count))])
        })
        put(&c, "fields", data.fields.map { groupLink($0, SiteLinks.field(slug:), root: "") })
        let topAgencies = data.agencies.enumerated()
            .sorted { ($0.element.entries.count, $1.offset) > ($1.element.entries.count, $0.offset) }
            .prefix(12).sorted { $0.offset < $1.offset }.map(\.element)
        put(&c, "agencies", topAgencies.map { groupLink($0, SiteLinks.agency(slug:), root: "") })
        if data.agencies.count > topAgencies.count { c["moreAgencies"] = SiteLinks.agencies }
        c["allAgencies"] = SiteLinks.agencies
        put(&c, "latestDecisions", data.decisions.prefix(5).map { decisionRow($0, root: "") })
        c["allDecisions"] = SiteLinks.decisions
        return Page(path: path, template: "home", context: c)
    }

    func groupLink(_ g: SiteData.Group, _ link: (String) -> String, root: String) -> TemplateFields {
        TemplateFields(["name": .text(g.name), "href": .text(root + link(g.slug)), "count": .text(Texts.number(g.entries.count))])
    }

    func decisionRow(_ d: Decision, root: String) -> TemplateFields {
        // One pass by index: `count(where:)` per action copied every row (a whole procedure) four times.
        var byAction: [DecisionItem.Action: Int] = [:]
        for i in d.items.indices { byAction[d.items[i].action, default: 0] += 1 }
        var counts: [String] = []
        for action in DecisionItem.Action.allCases {
            let n = byAction[action] ?? 0
            if n > 0 { counts.append("\(n) \(Texts.action(action).lowercased())") }
        }
        var r = TemplateFields([
            "number": .text(d.number), "title": .text(d.title),
            "href": .text(root + decisionPath(d.number)),
            "changesHref": .text(root + changesPath(d.number)),
            "signedOn": .text(d.signedOn.vietnamese), "effective": .text(d.effectiveDate.vietnamese),
            "summary": .text(counts.joined(separator: ", ")),
        ])
        if d.effectiveDate > data.date { r["coming"] = true }
        return r
    }

    /// The procedures in force at one level: one page of them (`ListingPages`).
    func level(_ index: Int, page: Int = 1) -> Page {
        let g = data.levels[index]
        return listingPage(.level(index), page: page, title: g.level.vietnamese, heading: g.level.vietnamese, kind: "Cấp thực hiện")
    }

    /// The procedures in force in one field or at one agency: one page of them.
    func group(_ group: ListingGroup, page: Int = 1) -> Page {
        let (g, kind) = switch group {
        case .field(let i): (data.fields[i], "Lĩnh vực")
        case .agency(let i): (data.agencies[i], "Cơ quan thực hiện")
        case .level: preconditionFailure("a level is not a field or agency group")
        }
        return listingPage(group, page: page, title: "\(g.name) — \(kind)", heading: g.name, kind: kind)
    }

    /// Page `page` of a listing: its rows, and a pager when there is more than one page.
    func listingPage(_ group: ListingGroup, page: Int, title: String, heading: String, kind: String) -> Page {
        let pages = listing(group)
        let path = pages.path(page: page)
        let entries = entries(group)
        var c = layout(path, title: page == 1 ? title : "\(title) (trang \(page))")
        c["heading"] = heading
        c["kind"] = kind
        c["count"] = Texts.number(entries.count)
        c["asOf"] = data.date.vietnamese
        if page > 1 { c["listingHref"] = SiteLinks.root(of: path) + pages.first }
        c["procedures"] = entries[pages.rows(page: page)].map { row($0, from: path) } as [TemplateFields]
        c["pager"] = pages.pager(page: page)
        return Page(path: path, template: "listing", context: c)
    }

    /// All fields or all agencies, with counts.
    func groupIndex(_ groups: [SiteData.Group], path: String, title: String, link: (String) -> String) -> Page {
        var c = layout(path, title: title)
        c["heading"] = title
        let root = SiteLinks.root(of: path)
        c["groups"] = groups.map { groupLink($0, link, root: root) }
        return Page(path: path, template: "groups", context: c)
    }

    /// Every decision, newest first.
    func decisionIndex() -> Page {
        let path = SiteLinks.decisions
        var c = layout(path, title: "Quyết định công bố thủ tục hành chính")
        c["decisions"] = data.decisions.map { decisionRow($0, root: SiteLinks.root(of: path)) }
        return Page(path: path, template: "decisions", context: c)
    }

    /// The page servers show for a missing address. It may be served at any depth, so its links
    /// are absolute when the site has an address, and root-relative guesses otherwise.
    func notFound() -> Page {
        let path = SiteLinks.notFound
        var c = layout(path, title: "Không tìm thấy trang")
        if let base = data.baseURL { c["root"] = base }
        return Page(path: path, template: "404", context: c)
    }
}
