import Catalogue
import TemplateView

/// A browse listing (a level, a field, an agency) cut into pages of `rowsPerPage` procedures.
///
/// Why: a level lists thousands of procedures at provincial scale, which no one reads on a phone in
/// one page, and a rebuild after a decision re-rendered every row of each listing its procedures
/// appear on. Cut into pages, a changed row re-renders the one page it is on (with its neighbours
/// only when the count of pages changes). The first page keeps the listing's address
/// (`linh-vuc/ho-tich.html`, what home and the indexes link to); page n is `linh-vuc/ho-tich/trang-n.html`,
/// in a folder of its own so that no other slug can take its name. Every page links to every other
/// one (plain links: no script), and all are in the sitemap.
struct ListingPages: Equatable {
    static let rowsPerPage = 100

    /// The listing's first page.
    let first: String
    /// Rows in the whole listing.
    let count: Int

    var pageCount: Int { max(1, (count + Self.rowsPerPage - 1) / Self.rowsPerPage) }

    /// The rows (offsets into the listing) on a page, numbered from 1.
    func rows(page: Int) -> Range<Int> {
        let start = min(count, (page - 1) * Self.rowsPerPage)
        return start..<min(count, start + Self.rowsPerPage)
    }

    /// Where a page goes.
    func path(page: Int) -> String {
        page == 1 ? first : Self.path(first: first, page: page)
    }

    static func path(first: String, page: Int) -> String {
        let stem = first.hasSuffix(".html") ? String(first.dropLast(".html".count)) : first
        return "\(stem)/trang-\(page).html"
    }

    /// The pager of a page, for the `pager` partial; nil when the listing fits on one page.
    /// Links are relative to the page itself.
    func pager(page: Int) -> TemplateFields? {
        guard pageCount > 1 else { return nil }
        let root = SiteLinks.root(of: path(page: page))
        let rows = rows(page: page)
        var p = TemplateFields([
            "page": .text(Texts.number(page)), "pages": .text(Texts.number(pageCount)),
            "from": .text(Texts.number(rows.lowerBound + 1)), "to": .text(Texts.number(rows.upperBound)),
        ])
        if page > 1 { p["previous"] = root + path(page: page - 1) }
        if page < pageCount { p["next"] = root + path(page: page + 1) }
        p["links"] = (1...pageCount).map { n -> TemplateFields in
            var link = TemplateFields(["number": .text(Texts.number(n)), "href": .text(root + path(page: n))])
            if n == page { link["current"] = true }
            return link
        }
        return p
    }
}

extension SiteModel {
    /// The pages of a level, field or agency listing.
    func listing(_ group: ListingGroup) -> ListingPages {
        switch group {
        case .level(let i): ListingPages(first: levelPath(data.levels[i].level), count: data.levels[i].entries.count)
        case .field(let i): ListingPages(first: SiteLinks.field(slug: data.fields[i].slug), count: data.fields[i].entries.count)
        case .agency(let i): ListingPages(first: SiteLinks.agency(slug: data.agencies[i].slug), count: data.agencies[i].entries.count)
        }
    }

    /// The procedures a listing shows, as indices into `state.entries`.
    func entries(_ group: ListingGroup) -> [Int] {
        switch group {
        case .level(let i): data.levels[i].entries
        case .field(let i): data.fields[i].entries
        case .agency(let i): data.agencies[i].entries
        }
    }
}

/// Which browse listing: by index into `SiteData.levels`, `fields` or `agencies`.
public enum ListingGroup: Hashable, Sendable {
    case level(Int)
    case field(Int)
    case agency(Int)
}
