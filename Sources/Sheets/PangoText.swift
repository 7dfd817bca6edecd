import Catalogue
import CPangoCairo

/// A Pango layout of one block, freed with the object. Measuring and drawing share it, so each
/// paragraph is shaped once; drawing replays the glyph runs taken from it (`GlyphLines`), not the
/// layout, so it may happen on another thread than the shaping.
final class PangoParagraph {
    let layout: OpaquePointer
    /// The top and height of each line, in points from the layout's top.
    let lines: [(top: Double, height: Double)]
    /// The layout's logical width in whole points, as `pango_layout_get_pixel_extents` gives it.
    let width: Double
    let glyphs: GlyphLines

    init(_ layout: OpaquePointer) {
        self.layout = layout
        var lines: [(Double, Double)] = []
        let iter = pango_layout_get_iter(layout)
        repeat {
            var y0: Int32 = 0, y1: Int32 = 0
            pango_layout_iter_get_line_yrange(iter, &y0, &y1)
            lines.append((Double(y0) / Self.scale, Double(y1 - y0) / Self.scale))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        self.lines = lines
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_pixel_extents(layout, &ink, &logical)
        width = Double(logical.width)
        glyphs = GlyphLines(layout)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    static let scale = Double(PANGO_SCALE)

    /// Adds lines `range` to a page's text, to be drawn with the rest of the page (`PageText`), the
    /// top of the first line at `y`, the layout's left edge at `x`.
    func add(to page: PageText, colour: PageText.Colour, context: OpaquePointer, lines range: Range<Int>, x: Double, y: Double) {
        guard !range.isEmpty else { return }
        glyphs.add(to: page, colour: colour, context: context, lines: range, x: x, y: y, top: lines[range.lowerBound].top)
    }
}

/// Font descriptions for each text style, in Noto Sans (Debian's fonts-noto-core): it covers every
/// Vietnamese letter with its tone marks, and Cairo embeds the subset it uses in the PDF.
final class Fonts {
    static let family = "Noto Sans"
    private var regular: [TextStyle: OpaquePointer] = [:]

    init() {
        for style in TextStyle.allCases {
            let description = pango_font_description_new()!
            pango_font_description_set_family(description, Self.family)
            pango_font_description_set_absolute_size(description, style.size * PangoParagraph.scale)
            pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            regular[style] = description
        }
    }

    deinit { for d in regular.values { pango_font_description_free(d) } }

    subscript(style: TextStyle) -> OpaquePointer { regular[style]! }
}

/// Pango markup for a block's runs: bold and italic spans, text escaped.
enum Markup {
    static func of(_ runs: [Block.Run]) -> String {
        var out = ""
        for run in runs {
            let text = escape(run.text)
            switch (run.bold, run.italic) {
            case (true, true): out += "<b><i>\(text)</i></b>"
            case (true, false): out += "<b>\(text)</b>"
            case (false, true): out += "<i>\(text)</i>"
            case (false, false): out += text
            }
        }
        return out
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
