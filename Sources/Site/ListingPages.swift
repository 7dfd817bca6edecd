import Catalogue
import TemplateView

/// A browse listing (a level, a field, an agency) cut into pages of `rowsPerPage` procedures.
///
/// Why: a level lists thousands of procedures at provincial scale, which no one reads on a phone in
/// one page, and a rebuild after a decision re-rendered every row of each listing its procedures
/// appear on. Cut into pages, a changed row re-renders the one page it is on (with its neighbours
/// only when the count of pages changes). The first page keeps the listing's address
/// (`linh-vuc/ho-tich.html`, what home and the indexes link to); page n is `linh-vuc/ho-tich/trang-n.html`,
/// in a folder of its own so that no other slug can take its name. Every page links to the previous
/// and the next one and, in its pager, to the first, the last and the few around it (plain links:
/// no script); all are in the sitemap.
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

    /// How many page numbers the pager shows on each side of the current page.
    static let around = 2

    /// The page numbers a pager lists, in order: the first, the last, and `around` on each side of
    /// `page`; nil stands for the pages left out between two of them ("…"). A gap of one page lists
    /// that page instead, which takes no more room.
    ///
    /// Why not every page: at provincial scale a level has hundreds of pages, and a pager listing
    /// them all is longer than the page's rows, on every page; a phone user reaches any page from
    /// the first, the last and the neighbours in a few steps.
    static func window(page: Int, of count: Int) -> [Int?] {
        guard count > 0 else { return [] }
        let page = min(max(page, 1), count)
        var shown = Set([1, count])
        for n in max(1, page - around)...min(count, page + around) { shown.insert(n) }
        let sorted = shown.sorted()
        var out: [Int?] = []
        for (i, n) in sorted.enumerated() {
            if i > 0 {
                let previous = sorted[i - 1]
                if n - previous == 2 { out.append(previous + 1) } else if n - previous > 2 { out.append(nil) }
            }
            out.append(n)
        }
        return out
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
        p["links"] = Self.window(page: page, of: pageCount).map { n -> TemplateFields in
            guard let n else { return TemplateFields(["gap": .bool(true)]) }
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
