import Catalogue
import Foundation
import Mustache
@testable import Sheets
import TemplateView
import Testing

/// The HTML sheet the site links to (`SitePath.sheet`), with A4 print CSS.
@Suite("Sheet HTML page")
struct SheetPageTests {
    let sample = Sample.shared
    static let date = LocalDate.day("2026-06-01")

    /// The page's text: tags dropped, entities decoded, whitespace collapsed.
    static func text(of html: String) -> String {
        var text = html.replacing(/<svg.*?<\/svg>/.dotMatchesNewlines(), with: " ")
        text = text.replacing(/<\/?(?:p|h1|h2|div|figure|figcaption|article|footer|br|title|head|body|html|meta|link)\b[^>]*>/, with: " ")
        text = text.replacing(/<[^>]+>/, with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.words
    }

    func page(_ key: String) throws -> (html: String, procedure: Procedure, context: SheetContext) {
        let entry = try #require(sample.entry(key, at: Self.date))
        let context = SheetContext(version: entry.version, catalogue: sample.catalogue, province: sample.province, commune: nil, postedOn: Self.date)
        return (try SheetPage.html(procedure: entry.procedure, context: context), entry.procedure, context)
    }

    @Test func theCompiledInTemplateAndStyleSheetAreTheOnesInSite() throws {
        let bundled = try SheetPage.Template.bundled()
        let css = try String(contentsOf: Sample.repository.appendingPathComponent("site/assets/sheet.css"), encoding: .utf8)
        #expect(bundled.css == css)
        #expect(css.contains("@page {\n  size: A4;"))
        #expect(css.contains("counter(page)") && css.contains("counter(pages)"))
    }

    @Test(arguments: ["1.001193", "1.004222"])
    func thePageHoldsTheSameTextAsThePDFSheet(key: String) throws {
        let (html, procedure, context) = try page(key)
        let text = Self.text(of: html)
        let sheet = Sheet(procedure: procedure, key: key, context: context)
        for block in sheet.blocks {
            #expect(text.contains(block.text.words), "missing: \(block.text)")
        }
        #expect(text.contains(Province.sampleNotice))
        #expect(text.contains(sheet.footer))
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"vi\">"))
    }

    @Test func linksAreRelativeToTheSheetsPlaceOnTheSite() throws {
        let (html, _, _) = try page("1.001193")
        #expect(SitePath.sheet(ProcedureCode("1.001193")) == "niem-yet/1.001193.html")
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/sheet.css\">"))
        #expect(html.contains("<a href=\"../thu-tuc/1.001193.html\">"))
        let targets = html.matches(of: /(?:href|src)="([^"]*)"/).map { String($0.1) }
        #expect(targets.count == 2)
        for target in targets {
            #expect(!target.hasPrefix("/"), "absolute path \(target) breaks when the site is not at the host's root")
            #expect(target.hasPrefix("../"))
        }
    }

    @Test func textIsEscaped() throws {
        let p = Procedure(code: ProcedureCode("1.000002"), name: "Thử <script>alert(1)</script> & \"trích dẫn\"", levels: [.commune])
        let context = SheetContext(province: sample.province, decisionNumber: "1/QĐ-UBND", inForceSince: Self.date, postedOn: Self.date)
        let html = try SheetPage.html(procedure: p, context: context)
        #expect(!html.contains("<script>"))
        #expect(html.contains("Thử &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;trích dẫn&quot;"))
    }

    @Test func aBundlePageHoldsEverySheetEachOnItsOwnPage() throws {
        let commune = sample.province.communes[0]
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: commune, date: Self.date)
        let html = try SheetPage.html(sheets: bundle.sheets, notice: nil, root: "", title: commune.name)
        #expect(html.matches(of: /<article class="sheet"/).count == bundle.sheets.count)
        #expect(html.contains("href=\"assets/sheet.css\""))
        let css = try SheetPage.Template.bundled().css
        #expect(css.contains(".sheet + .sheet { break-before: page; }"))
    }

    /// The bundled template is written without Mustache (`SheetMarkup`); the compiled template and
    /// that writer both print what swift-mustache prints from the same view (the reference), for every
    /// sheet of a commune's bundle, the sample's posted sheets, and sheets with markup in their text,
    /// without a notice, and with an indent that is not a whole number of points.
    @Test func theBundledPageAndTheCompiledTemplateRenderAsTheLibrary() throws {
        let source = String(decoding: PackageResources.sheet_mustache, as: UTF8.self)
        let library = try MustacheTemplate(string: source)
        let compiled = try SheetPage.Template(parsing: source, css: "")
        guard case .compiled(let templates, _) = compiled.renderer else { Issue.record("not compiled"); return }
        #expect(templates.isCompiled)
        let bundled = try SheetPage.Template.bundled()
        guard case .markup = bundled.renderer else { Issue.record("the bundled template is not written directly"); return }
        guard case .markup = try SheetPage.Template(mustache: source, css: "").renderer else { Issue.record("the bundled text is parsed"); return }

        let commune = sample.province.communes[0]
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: commune, date: Self.date)
        #expect(bundle.sheets.count > 3)
        var cases: [(sheets: [Sheet], root: String, notice: String?)] = [(bundle.sheets, "", Province.sampleNotice)]
        cases += bundle.sheets.map { ([$0], "../", Province.sampleNotice) }
        let state = sample.catalogue.state(at: Self.date)
        for entry in state.entries {
            let context = SheetContext(version: entry.version, catalogue: sample.catalogue, province: sample.province, commune: nil, postedOn: entry.version.from)
            cases.append(([Sheet(procedure: entry.procedure, key: entry.key, context: context)], "../", nil))
        }
        #expect(cases.count > 20)
        let p = Procedure(code: ProcedureCode("1.000002"), name: "Thử <script>alert('1')</script> & \"trích\ndẫn\"", levels: [.commune])
        let context = SheetContext(province: sample.province, decisionNumber: "1/QĐ-<b>UBND</b>", inForceSince: Self.date, postedOn: Self.date)
        var odd = Sheet(procedure: p, key: "1.000002", context: context)
        odd.blocks.append(Block([.bold("nửa <điểm>"), Block.Run("x", italic: true, link: "https://a.vn/?a&b")], indent: 0.5))
        odd.blocks.append(Block("thụt 7,9", indent: 7.9))
        odd.blocks.append(Block("", style: .margin, keepWithNext: true))
        cases.append(([odd], "../", Province.sampleNotice))
        cases.append(([odd, odd], "", ""))
        for (sheets, root, notice) in cases {
            let view = try SheetPage.view(sheets: sheets, notice: notice, root: root, title: "Bảng <niêm yết> & \"x\"")
            let expected = library.render(view.libraryValue)
            #expect(expected.contains("<article class=\"sheet\""))
            #expect(try SheetPage.html(sheets: sheets, notice: notice, root: root, title: "Bảng <niêm yết> & \"x\"", template: compiled) == expected)
            #expect(try SheetPage.html(sheets: sheets, notice: notice, root: root, title: "Bảng <niêm yết> & \"x\"", template: bundled) == expected)
        }
    }

    /// A theme's own sheet template, compiled with the site's other templates, renders as the same
    /// text parsed on its own.
    @Test func aThemesOwnSheetTemplateIsRenderedThroughIt() throws {
        let source = String(decoding: PackageResources.sheet_mustache, as: UTF8.self)
            .replacingOccurrences(of: "<footer>{{footer}}</footer>", with: "<footer class=\"tinh\">{{footer}} – {{title}}</footer>")
        #expect(source.contains("class=\"tinh\""))
        let templates = CompiledTemplates(templates: ["sheet": try MustacheTemplate(string: source), "other": try MustacheTemplate(string: "{{title}}")])
        let theme = SheetPage.Template(compiled: templates, name: "sheet", source: source, css: "")
        let alone = try SheetPage.Template(parsing: source, css: "")
        let sheet = try #require(sample.sheet("1.001193", at: Self.date))
        let html = try SheetPage.html(sheet: sheet, notice: nil, template: theme)
        #expect(html == (try SheetPage.html(sheet: sheet, notice: nil, template: alone)))
        #expect(html.contains("<footer class=\"tinh\">\(sheet.footer) – Bảng niêm yết: 1.001193"))
        // The bundled text, even from a theme, is written without the template.
        guard case .markup = SheetPage.Template(compiled: templates, name: "sheet", source: String(decoding: PackageResources.sheet_mustache, as: UTF8.self), css: "").renderer else {
            Issue.record("the bundled text is rendered through the template")
            return
        }
    }

    /// Runs written as bytes give the markup the string version gave: escaped text with `<br>` at
    /// line feeds, inside `<a>`, `<em>`, `<strong>` in that order, links relative to the root.
    @Test func runsAreTheMarkupOfTheirText() {
        func reference(_ runs: [Block.Run], root: String) -> String {
            var out = ""
            for run in runs {
                var text = MarkupText.escape(run.text).replacingOccurrences(of: "\n", with: "<br>\n")
                if let link = run.link {
                    let href = link.contains("://") ? link : root + link
                    text = "<a href=\"\(MarkupText.escape(href))\">\(text)</a>"
                }
                if run.italic { text = "<em>\(text)</em>" }
                if run.bold { text = "<strong>\(text)</strong>" }
                out += text
            }
            return out
        }
        let runs: [Block.Run] = [
            Block.Run("Thủ tục <b>\"đăng ký\"</b> & 'x'\ndòng hai\n", bold: true),
            Block.Run(" nghiêng", italic: true),
            Block.Run("liên kết <1>", bold: true, italic: true, link: "thu-tuc/1.001193.html?a=1&b=\"2\""),
            Block.Run("ngoài", link: "https://dichvucong.gov.vn/p?x=<y>&z"),
            Block.Run(""),
            Block.Run("\n\n"),
        ]
        for root in ["", "../", "../\"'&/"] {
            #expect(SheetPage.runsHTML(runs, root: root) == reference(runs, root: root))
        }
        #expect(SheetPage.runsHTML(runs, root: "../").contains("<strong><em><a href=\"../thu-tuc/1.001193.html?a=1&amp;b=&quot;2&quot;\">liên kết &lt;1&gt;</a></em></strong>"))
    }
}
