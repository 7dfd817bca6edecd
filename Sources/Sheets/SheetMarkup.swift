import Catalogue
import QRCode
import TemplateView

/// The page `site/templates/sheet.mustache` renders for sheets, written straight from their blocks
/// into one byte buffer.
///
/// Why not the template: `tthc build` writes a sheet per procedure, and building a view of a dozen
/// values per block, then looking each name up while rendering, cost more than the sheet's own
/// content. The bundled template stays the reference a theme copies and edits: `SheetPage` writes
/// through this type only when a theme's `sheet.mustache` is the bundled one, byte for byte, and
/// renders any other through the template (`SheetPageTests` check that both give the same bytes for
/// every sheet of the sample province, with markup in its text, and keep this type in step with
/// the template).
enum SheetMarkup {
    /// A page of `sheets`, each starting a new A4 page; `root` leads from the page to the site's root.
    static func page(sheets: [Sheet], notice: String?, root: String, title: String) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(12 * 1024 * sheets.count + 1024)
        put("""
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>
            """, &out)
        MarkupBytes.appendEscaped(title, to: &out)
        put("</title>\n<link rel=\"stylesheet\" href=\"", &out)
        MarkupBytes.appendEscaped(root, to: &out)
        put("assets/sheet.css\">\n</head>\n<body>\n", &out)
        for sheet in sheets {
            put("<article class=\"sheet\" id=\"", &out)
            MarkupBytes.appendEscaped(SitePath.fileName(sheet.key), to: &out)
            put("\">\n", &out)
            if let notice {
                put("<p class=\"notice\" role=\"note\">", &out)
                MarkupBytes.appendEscaped(notice, to: &out)
                put("</p>\n", &out)
            }
            for block in sheet.blocks {
                if let url = block.qrCode {
                    put("<div class=\"masthead\">\n<p>", &out)
                    SheetPage.appendRuns(block.runs, root: root, to: &out)
                    put("</p>\n<figure class=\"qr\">", &out)
                    out.append(contentsOf: try QRCode(url).svg(label: "Mã QR: \(url)").utf8)
                    put("<figcaption>Quét mã để xem thủ tục trên trang Thủ tục hành chính</figcaption></figure>\n</div>\n", &out)
                    continue
                }
                let tag: StaticString, style: StaticString
                switch block.style {
                case .banner: (tag, style) = ("p", "banner")
                case .title: (tag, style) = ("h1", "title")
                case .heading: (tag, style) = ("h2", "heading")
                case .body, .margin: (tag, style) = ("p", block.keepWithNext ? "keep" : "body")
                }
                put("<", &out)
                put(tag, &out)
                put(" class=\"", &out)
                put(style, &out)
                put("\"", &out)
                if block.indent > 0 {
                    put(" style=\"margin-left: ", &out)
                    out.append(contentsOf: String(Int(block.indent)).utf8)
                    put("pt\"", &out)
                }
                put(">", &out)
                SheetPage.appendRuns(block.runs, root: root, to: &out)
                put("</", &out)
                put(tag, &out)
                put(">\n", &out)
            }
            put("<footer>", &out)
            MarkupBytes.appendEscaped(sheet.footer, to: &out)
            put("</footer>\n</article>\n", &out)
        }
        put("</body>\n</html>\n", &out)
        return out
    }

    @inline(__always) private static func put(_ markup: StaticString, _ out: inout [UInt8]) {
        markup.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
