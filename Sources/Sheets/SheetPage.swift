import Catalogue
import Mustache
import QRCode
import TemplateView

/// The posting sheet as an HTML page with A4 print CSS: the same blocks as the PDF, through
/// `site/templates/sheet.mustache` and `site/assets/sheet.css` (compiled into the binary).
///
/// The site builder writes these at `SitePath.sheet(code)`; every link in the page is relative to
/// that path, so the site works from any folder or host.
public enum SheetPage {
    /// A sheet template and its style sheet.
    public struct Template: Sendable {
        /// How the pages are written: straight from the blocks when the template is the bundled one
        /// (`SheetMarkup`, the same bytes), else through the compiled template.
        enum Renderer: Sendable {
            case markup
            /// A template of `templates` by name ("" for a standalone one).
            case compiled(CompiledTemplates, name: String)
        }

        let renderer: Renderer
        public let css: String

        /// A template from its text: the bundled one is not parsed at all.
        public init(mustache: String, css: String) throws {
            if mustache.utf8.elementsEqual(PackageResources.sheet_mustache) {
                self.init(renderer: .markup, css: css)
            } else {
                try self.init(parsing: mustache, css: css)
            }
        }

        /// A template parsed and compiled whatever it is (the reference `SheetMarkup` is tested against).
        init(parsing mustache: String, css: String) throws {
            self.init(renderer: .compiled(CompiledTemplates(standalone: try MustacheTemplate(string: mustache)), name: ""), css: css)
        }

        /// A template a site's theme has already parsed and compiled, by name (a theme's own
        /// `sheet.mustache`), so the build does not parse it a second time. `source` is its text:
        /// when it is the bundled one, the pages are written without it.
        public init(compiled templates: CompiledTemplates, name: String, source: String, css: String) {
            if source.utf8.elementsEqual(PackageResources.sheet_mustache) {
                self.init(renderer: .markup, css: css)
            } else {
                self.init(renderer: .compiled(templates, name: name), css: css)
            }
        }

        private init(renderer: Renderer, css: String) {
            self.renderer = renderer
            self.css = css
        }

        /// The template and CSS shipped in `site/`.
        public static func bundled() throws -> Template {
            Template(renderer: .markup, css: String(decoding: PackageResources.sheet_css, as: UTF8.self))
        }

        func render(sheets: [Sheet], notice: String?, root: String, title: String) throws -> [UInt8] {
            switch renderer {
            case .markup:
                return try SheetMarkup.page(sheets: sheets, notice: notice, root: root, title: title)
            case .compiled(let templates, let name):
                guard let bytes = templates.renderBytes(try view(sheets: sheets, notice: notice, root: root, title: title), withTemplate: name) else {
                    throw PDFRenderer.RenderError(description: "error: the theme has no template \"\(name)\" for the posting sheets; add sheet.mustache to the theme's templates or remove the theme's copy")
                }
                return bytes
            }
        }
    }

    /// The CSS file the pages link to, relative to the site's root.
    public static let stylesheetPath = "assets/sheet.css"

    /// The sheet of a procedure as the page `SitePath.sheet(code)`.
    public static func html(procedure: Procedure, context: SheetContext, key: String? = nil, template: Template? = nil) throws -> String {
        String(decoding: try htmlBytes(procedure: procedure, context: context, key: key, template: template), as: UTF8.self)
    }

    /// The same page as UTF-8 bytes, for writing to a file without a round trip through `String`.
    public static func htmlBytes(procedure: Procedure, context: SheetContext, key: String? = nil, template: Template? = nil) throws -> [UInt8] {
        let key = key ?? procedure.code?.key ?? procedure.name
        return try htmlBytes(sheet: Sheet(procedure: procedure, key: key, context: context), notice: context.isSample ? Province.sampleNotice : nil, template: template)
    }

    /// A built sheet as the HTML page at `SitePath.sheet(key)`.
    public static func html(sheet: Sheet, notice: String?, template: Template? = nil) throws -> String {
        String(decoding: try htmlBytes(sheet: sheet, notice: notice, template: template), as: UTF8.self)
    }

    /// A built sheet as the HTML page at `SitePath.sheet(key)`, as UTF-8 bytes.
    public static func htmlBytes(sheet: Sheet, notice: String?, template: Template? = nil) throws -> [UInt8] {
        let path = SitePath.sheet(ProcedureCode(sheet.key))
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        return try htmlBytes(sheets: [sheet], notice: notice, root: root, title: "Bảng niêm yết: \(sheet.code) – \(sheet.name)", template: template)
    }

    /// Several sheets in one page (a commune's bundle for printing), each starting a new A4 page.
    /// `root` leads from the page to the site's root ("" at the root, "../" one folder down).
    public static func html(sheets: [Sheet], notice: String?, root: String, title: String, template: Template? = nil) throws -> String {
        String(decoding: try htmlBytes(sheets: sheets, notice: notice, root: root, title: title, template: template), as: UTF8.self)
    }

    /// Several sheets in one page, as UTF-8 bytes.
    public static func htmlBytes(sheets: [Sheet], notice: String?, root: String, title: String, template: Template? = nil) throws -> [UInt8] {
        let template = try template ?? bundled.get()
        return try template.render(sheets: sheets, notice: notice, root: root, title: title)
    }

    /// The view `sheet.mustache` renders: the page's title and root, and each sheet's blocks.
    static func view(sheets: [Sheet], notice: String?, root: String, title: String) throws -> TemplateValue {
        var pages: [TemplateValue] = []
        for sheet in sheets {
            var blocks: [TemplateValue] = []
            blocks.reserveCapacity(sheet.blocks.count)
            for block in sheet.blocks {
                let tag: String, style: String
                switch block.style {
                case .banner: (tag, style) = ("p", "banner")
                case .title: (tag, style) = ("h1", "title")
                case .heading: (tag, style) = ("h2", "heading")
                case .body, .margin: (tag, style) = ("p", block.keepWithNext ? "keep" : "body")
                }
                // A name a block lacks is said to be absent, so the lookup stops at the block instead of
                // climbing to the sheet and the page (neither has these names): same output.
                var item: [(String, TemplateValue)] = []
                item.reserveCapacity(6)
                item.append(("html", .text(runsHTML(block.runs, root: root))))
                item.append(("tag", .text(tag)))
                item.append(("style", .text(style)))
                item.append(("indent", block.indent > 0 ? .int(Int(block.indent)) : .absent))
                if let url = block.qrCode {
                    item.append(("masthead", .bool(true)))
                    item.append(("qr", .text(try QRCode(url).svg(label: "Mã QR: \(url)"))))
                } else {
                    item.append(("masthead", .absent))
                }
                blocks.append(.view(uniqueNames: item))
            }
            var page: [(String, TemplateValue)] = [("key", .text(SitePath.fileName(sheet.key))), ("blocks", .list(blocks)), ("footer", .text(sheet.footer))]
            if let notice { page.append(("notice", .text(notice))) }
            pages.append(.view(uniqueNames: page))
        }
        return .view(uniqueNames: [("title", .text(title)), ("root", .text(root)), ("sheets", .list(pages))])
    }

    /// The bundled template, parsed once.
    private static let bundled = Result { try Template.bundled() }

    /// Runs as HTML: escaped text, `<strong>`/`<em>`, line breaks, links made relative to `root`.
    /// Written as bytes in one pass (escaping and line breaks together), the same markup as
    /// `<strong><em><a href="…">text</a></em></strong>` built from `escape`.
    static func runsHTML(_ runs: [Block.Run], root: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(runs.reduce(0) { $0 + $1.text.utf8.count } + 64)
        appendRuns(runs, root: root, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The markup of `runsHTML`, appended to `out`.
    static func appendRuns(_ runs: [Block.Run], root: String, to out: inout [UInt8]) {
        for run in runs {
            if run.bold { append("<strong>", to: &out) }
            if run.italic { append("<em>", to: &out) }
            if let link = run.link {
                append("<a href=\"", to: &out)
                if !TextSearch.contains(link, "://") { MarkupBytes.appendEscaped(root, to: &out) }
                MarkupBytes.appendEscaped(link, to: &out)
                append("\">", to: &out)
            }
            MarkupBytes.appendEscaped(run.text, to: &out, breaks: true)
            if run.link != nil { append("</a>", to: &out) }
            if run.italic { append("</em>", to: &out) }
            if run.bold { append("</strong>", to: &out) }
        }
    }

    private static func append(_ markup: StaticString, to out: inout [UInt8]) {
        markup.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
