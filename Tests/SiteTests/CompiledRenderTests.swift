import Catalogue
import Foundation
import Site
import Testing
import TemplateView

/// Every page the site renders through the compiled templates is byte for byte what swift-mustache
/// renders from the same view (the reference), for the bundled catalogue and for hostile text.
@Suite("Compiled rendering of site pages")
struct CompiledRenderTests {
    static func compare(_ model: SiteModel, theme: Theme) throws -> Int {
        var compared = 0
        for kind in model.pages {
            let page = model.page(kind)
            let expected = try #require(theme.library.render(page.context.libraryValue, withTemplate: page.template))
            let rendered = try theme.render(page.context, template: page.template)
            #expect(rendered == expected, "\(page.path)")
            compared += 1
        }
        return compared
    }

    @Test(arguments: [nil, "https://tthc.example.invalid/"] as [String?], ["2026-11-01", "2099-01-01"])
    func bundledCatalogue(baseURL: String?, date: String) throws {
        let (catalogue, province) = try Fixture.sample()
        let theme = try Theme.load(site: Fixture.site)
        for name in theme.templateNames where name != "sheet" { #expect(theme.compiled.isCompiled(name), "\(name)") }
        let data = SiteData(catalogue: catalogue, province: province, date: LocalDate(iso: date)!, baseURL: baseURL)
        let model = SiteModel(data: data, hasSheets: true) { url, label in "<svg role=\"img\"><title>\(label)</title><!-- \(url) --></svg>" }
        #expect(try Self.compare(model, theme: theme) > 20)
    }

    @Test func hostileText() throws {
        var p = Tiny.procedure("1.000666", "Thủ tục <script>alert('x')</script> & \"y\"", days: 1, fee: 0,
                               step: "Bước \"một\" <img src=x onerror=alert(1)> & xong\ndòng <\u{301}hai")
        p.online = OnlineService(level: .full, url: "javascript:alert(1)")
        p.forms = [Form(name: "Mẫu <b>01</b>", file: "javascript:alert(2)")]
        let catalogue = Tiny.catalogue([Tiny.decision("1/QĐ-<i>UBND</i>", "2026-01-05", [DecisionItem(action: .new, procedure: p)])])
        let theme = try Theme.load(site: Fixture.site)
        let data = SiteData(catalogue: catalogue, province: Tiny.province, date: LocalDate(iso: "2026-11-01")!, baseURL: "https://x.invalid/")
        #expect(try Self.compare(SiteModel(data: data), theme: theme) > 5)
    }

    /// A theme's template with constructs the compiler leaves to swift-mustache (a transform here)
    /// renders through the library, and so do the templates including it.
    @Test func themeTemplatesLeftToTheLibrary() throws {
        let themeFolder = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(themeFolder) }
        try FileManager.default.createDirectory(atPath: themeFolder + "/templates", withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: HTML }}\n<li>{{uppercased(name)}} <a href=\"{{href}}\">{{code}}</a></li>\n"
            .write(toFile: themeFolder + "/templates/procedure-row.mustache", atomically: true, encoding: .utf8)
        let theme = try Theme.load(site: Fixture.site, theme: themeFolder)
        #expect(!theme.compiled.isCompiled("procedure-row"))
        #expect(!theme.compiled.isCompiled("listing"))
        #expect(theme.compiled.isCompiled("procedure"))
        let (catalogue, province) = try Fixture.sample()
        let data = SiteData(catalogue: catalogue, province: province, date: LocalDate(iso: "2099-01-01")!, baseURL: nil)
        #expect(try Self.compare(SiteModel(data: data), theme: theme) > 20)
    }
}
