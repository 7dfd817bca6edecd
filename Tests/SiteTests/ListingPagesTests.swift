import Catalogue
import Foundation
@testable import Site
import Testing
import TemplateView

/// Long level, field and agency listings are cut into pages of `ListingPages.rowsPerPage` rows.
@Suite("Listing pages")
struct ListingPagesTests {
    static let per = ListingPages.rowsPerPage

    /// (rows in the listing, pages, rows on the last page)
    @Test(arguments: [(0, 1, 0), (1, 1, 1), (per - 1, 1, per - 1), (per, 1, per), (per + 1, 2, 1), (2 * per, 2, per), (2 * per + 7, 3, 7)])
    func pageBoundaries(count: Int, pages: Int, last: Int) {
        let listing = ListingPages(first: "linh-vuc/ho-tich.html", count: count)
        #expect(listing.pageCount == pages)
        #expect(listing.rows(page: pages).count == last)
        // The pages cover every row once, in order.
        let covered = (1...pages).flatMap { Array(listing.rows(page: $0)) }
        #expect(covered == Array(0..<count))
        #expect((1..<pages).allSatisfy { listing.rows(page: $0).count == Self.per })
    }

    @Test func pagePathsAndPagerLinks() throws {
        let listing = ListingPages(first: "linh-vuc/ho-tich.html", count: 2 * Self.per + 1)
        #expect(listing.path(page: 1) == "linh-vuc/ho-tich.html")
        #expect(listing.path(page: 2) == "linh-vuc/ho-tich/trang-2.html")
        #expect(listing.path(page: 3) == "linh-vuc/ho-tich/trang-3.html")
        #expect(ListingPages(first: "a.html", count: Self.per).pager(page: 1) == nil)

        let first = try #require(listing.pager(page: 1))
        #expect(first["previous"] as String? == nil)
        #expect(first["next"] as String? == "../linh-vuc/ho-tich/trang-2.html")
        #expect(first["from"] as String? == "1" && first["to"] as String? == "\(Self.per)")
        let links = try #require(first["links"] as [TemplateFields]?)
        #expect(links.map { $0["href"] as String? } == ["../linh-vuc/ho-tich.html", "../linh-vuc/ho-tich/trang-2.html", "../linh-vuc/ho-tich/trang-3.html"])
        #expect(links.map { $0["current"] as Bool? } == [true, nil, nil])

        let last = try #require(listing.pager(page: 3))
        #expect(last["previous"] as String? == "../../linh-vuc/ho-tich/trang-2.html")
        #expect(last["next"] as String? == nil)
        #expect(last["from"] as String? == "\(2 * Self.per + 1)" && last["to"] as String? == "\(2 * Self.per + 1)")
        #expect(last["pages"] as String? == "3" && last["page"] as String? == "3")
    }

    /// (current page, pages, the numbers the pager lists: 0 for "…")
    @Test(arguments: [
        (1, 1, [1]), (2, 3, [1, 2, 3]), (1, 7, [1, 2, 3, 0, 7]), (5, 7, [1, 2, 3, 4, 5, 6, 7]),
        (4, 200, [1, 2, 3, 4, 5, 6, 0, 200]), (5, 200, [1, 2, 3, 4, 5, 6, 7, 0, 200]), (6, 200, [1, 0, 4, 5, 6, 7, 8, 0, 200]),
        (50, 200, [1, 0, 48, 49, 50, 51, 52, 0, 200]), (198, 200, [1, 0, 196, 197, 198, 199, 200]), (200, 200, [1, 0, 198, 199, 200]),
    ])
    func pagerWindow(page: Int, pages: Int, listed: [Int]) {
        #expect(ListingPages.window(page: page, of: pages).map { $0 ?? 0 } == listed)
    }

    /// A pager among 200 pages, rendered: a navigation landmark with its label, the current page
    /// marked for screen readers, the first, last and neighbouring pages linked, the gaps shown as
    /// "…" hidden from screen readers, and no link to the pages left out.
    @Test func windowedPagerRenders() throws {
        let listing = ListingPages(first: "linh-vuc/ho-tich.html", count: 200 * Self.per)
        var view = TemplateFields()
        view["pager"] = listing.pager(page: 50)
        let html = try Theme.load(site: Fixture.site).render(view.value, template: "pager")
        #expect(html.contains("<nav class=\"pager\" aria-label=\"Các trang của danh sách\">"))
        #expect(html.contains("Trang 50/200"))
        #expect(html.contains("<span aria-current=\"page\">50</span>"))
        #expect(html.matches(of: /aria-current/).count == 1)
        let hrefs = html.matches(of: /<a href="([^"]+)">(\d+)<\/a>/).map { (String($0.output.1), String($0.output.2)) }
        #expect(hrefs.map(\.1) == ["1", "48", "49", "51", "52", "200"])
        #expect(hrefs.first?.0 == "../../linh-vuc/ho-tich.html")
        #expect(hrefs.last?.0 == "../../linh-vuc/ho-tich/trang-200.html")
        #expect(html.matches(of: /<span class="gap" aria-hidden="true">…<\/span>/).count == 2)
        #expect(html.contains("href=\"../../linh-vuc/ho-tich/trang-49.html\" rel=\"prev\""))
        #expect(html.contains("href=\"../../linh-vuc/ho-tich/trang-51.html\" rel=\"next\""))
        #expect(!html.contains("trang-2.html"))
        #expect(!html.contains("trang-100.html"))
    }

    /// `n` procedures in one field (with a name to escape), all at commune level.
    static func catalogue(_ n: Int, amend: Int? = nil, field: String) -> Catalogue {
        func procedure(_ i: Int, days: Int) -> Procedure {
            var p = Tiny.procedure(String(format: "1.%06d", i), "Thủ tục số \(i)", days: days, fee: 0)
            p.fields = [Field(name: field)]
            return p
        }
        var decisions = [Tiny.decision("1/QĐ-UBND", "2026-01-05", (1...n).map { DecisionItem(action: .new, procedure: procedure($0, days: 5)) })]
        if let amend {
            decisions.append(Tiny.decision("2/QĐ-UBND", "2026-06-01", [
                DecisionItem(action: .amended, changedParts: [.processingTime], procedure: procedure(amend, days: 3)),
            ]))
        }
        return Tiny.catalogue(decisions)
    }

    /// Built pages: each listing page holds its rows, every procedure once in all; page 1 links
    /// to every page; names are escaped; the sitemap lists every page.
    @Test func builtListingIsCutIntoLinkedPages() throws {
        let field = "Hộ tịch <script>alert(\"x\")</script> & con"
        let n = 2 * Self.per + 15
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(Self.catalogue(n, field: field), province: Tiny.province, into: root)
        let slug = SiteLinks.slug(field)
        let first = "linh-vuc/\(slug).html"
        let paths = [first, "linh-vuc/\(slug)/trang-2.html", "linh-vuc/\(slug)/trang-3.html"]
        #expect(!FileManager.default.fileExists(atPath: root + "/linh-vuc/\(slug)/trang-4.html"))
        let rowPattern = try Regex(#"<a href="(?:\.\./)+thu-tuc/(1\.\d{6})\.html">"#)
        var listed: [String] = []
        for (i, path) in paths.enumerated() {
            let html = try Fixture.read(root + "/" + path)
            let codes = html.matches(of: rowPattern).map { String($0.output[1].substring!) }
            #expect(codes.count == (i < 2 ? Self.per : 15), "\(path)")
            listed += codes
            #expect(!html.contains("<script>alert"), "\(path) shows the name unescaped")
            #expect(html.contains(escaped(field)), "\(path)")
            #expect(html.contains("Trang \(i + 1)/3"), "\(path)")
            #expect(html.contains("<span aria-current=\"page\">\(i + 1)</span>"), "\(path)")
            #expect(html.contains("\(Texts.number(n)) thủ tục"), "\(path)")
        }
        #expect(listed == (1...n).map { String(format: "1.%06d", $0) })
        // The first page links to every page, page 2 back and on.
        let top = try Fixture.read(root + "/" + first)
        for path in paths.dropFirst() { #expect(top.contains("href=\"../\(path)\""), "\(path) not linked from page 1") }
        let middle = try Fixture.read(root + "/" + paths[1])
        #expect(middle.contains("href=\"../../\(paths[0])\" rel=\"prev\""))
        #expect(middle.contains("href=\"../../\(paths[2])\" rel=\"next\""))
        // The commune level lists them all as well, and the sitemap every page.
        let level = SiteLinks.level(.commune)
        #expect(FileManager.default.fileExists(atPath: root + "/" + ListingPages.path(first: level, page: 3)))
        let sitemap = try Fixture.read(root + "/sitemap.xml")
        for path in paths { #expect(sitemap.contains("<loc>\(path)</loc>"), "\(path) not in the sitemap") }
    }

    /// A rebuild after one procedure on page 2 changes rewrites page 2, and keeps pages 1 and 3 as
    /// they were (same file: hard-linked from the previous build).
    @Test func rebuildRewritesOnlyThePageWithTheChangedRow() throws {
        let n = 2 * Self.per + 15
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(Self.catalogue(n, field: "Hộ tịch"), province: Tiny.province, at: "2026-07-01", into: root)
        func inode(_ path: String) -> UInt64 {
            var info = stat()
            return stat(root + "/" + path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        let paths = (1...3).map { ListingPages(first: "linh-vuc/ho-tich.html", count: n).path(page: $0) }
        let before = paths.map(inode)
        let page2 = try Fixture.read(root + "/" + paths[1])
        try Fixture.build(Self.catalogue(n, amend: Self.per + 10, field: "Hộ tịch"), province: Tiny.province, at: "2026-07-01", into: root)
        let after = paths.map(inode)
        #expect(before[0] == after[0] && before[2] == after[2], "pages without the changed row were rewritten")
        #expect(before[1] != after[1])
        #expect(try Fixture.read(root + "/" + paths[1]) != page2)
    }
}
