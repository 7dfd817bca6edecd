import Catalogue
import Foundation
import Site
import Testing

@Suite("Home page")
struct HomePageTests {
    /// The search helper's script finds its elements by these ids and reads its root from the tag.
    @Test func carriesTheSearchMarkupCountsAndBrowseLinks() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: province, into: out + "/public")
        let html = try Fixture.read(out + "/public/index.html")
        let form = try #require(html.range(of: "<form role=\"search\""))
        let input = try #require(html.range(of: "<input type=\"search\" id=\"search-input\""))
        let formEnd = try #require(html.range(of: "</form>"))
        #expect(form.lowerBound < input.lowerBound && input.upperBound < formEnd.lowerBound)
        #expect(html.contains("<div id=\"search-results\" aria-live=\"polite\"></div>"))
        #expect(html.contains("<script src=\"assets/search.js\" data-root=\"\" defer></script>"))
        let state = catalogue.state(at: LocalDate(iso: "2026-11-01")!)
        #expect(html.contains("<strong>\(state.count)</strong> thủ tục có hiệu lực"))
        for level in Set(state.procedures.flatMap(\.levels)) {
            #expect(html.contains("href=\"\(SiteLinks.level(level))\""), "\(level)")
        }
        for field in Set(state.procedures.flatMap(\.fields).map(\.name)) {
            #expect(html.contains(">\(escaped(field))</a>"), "\(field)")
        }
        let latest = try #require(catalogue.decisionsByEffectiveDate.last)
        #expect(html.contains("href=\"\(SitePath.decision(latest.number))\""))
    }

    /// Every page of a sample catalogue says it is sample data; a real one's pages do not.
    @Test func sampleNoticeOnEveryPageOfSampleDataOnly() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: province, into: out + "/sample")
        var real = province
        real.sample = false
        try Fixture.build(catalogue, province: real, into: out + "/real")
        let pages = Fixture.files(under: out + "/sample").filter { $0.hasSuffix(".html") }
        #expect(pages.count > 100)
        for page in pages {
            #expect(try Fixture.read(out + "/sample/" + page).contains(Province.sampleNotice), "\(page)")
            #expect(try !Fixture.read(out + "/real/" + page).contains(Province.sampleNotice), "\(page)")
        }
    }
}
