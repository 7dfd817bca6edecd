import CPangoCairo

/// One run of a laid-out line as Cairo draws it: a font, glyphs placed from the line's origin, and
/// the text and clusters that map them back to characters (so the PDF's text stays extractable).
///
/// Taken from the Pango layout once, when the paragraph is shaped, with the arithmetic of Pango's
/// own Cairo renderer (`pango_cairo_show_layout_line`), so every glyph sits where Pango would put it.
/// Drawing then calls `cairo_show_text_glyphs` and never touches Pango: Cairo's scaled fonts are
/// thread-safe, Pango's objects are not, so a paragraph shaped on one thread can be drawn on
/// another while the first goes on shaping.
struct GlyphRun {
    /// A `cairo_scaled_font_t`, referenced while the run lives (`GlyphLines` releases it).
    let font: OpaquePointer
    /// The run's origin from the line's origin, in points.
    let x: Double
    let y: Double
    /// Glyph positions from the run's origin.
    var glyphs: [cairo_glyph_t]
    /// The run's UTF-8 text, not NUL-terminated.
    var text: [CChar]
    var clusters: [cairo_text_cluster_t]
    var backward: Bool
}

/// The glyph runs of every line of a Pango layout, with each line's baseline and left edge.
final class GlyphLines {
    struct Line {
        /// The baseline from the layout's top, in points.
        var baseline: Double
        /// The line's left edge from the layout's left (alignment), in points.
        var left: Double
        var runs: [GlyphRun]
    }

    let lines: [Line]

    /// Pango's value of `PANGO_GLYPH_EMPTY` and `PANGO_GLYPH_UNKNOWN_FLAG` (macros with casts, not
    /// imported into Swift).
    private static let emptyGlyph: UInt32 = 0x0FFF_FFFF
    private static let unknownFlag: UInt32 = 0x1000_0000

    init(_ layout: OpaquePointer) {
        let scale = Double(PANGO_SCALE)
        let text = pango_layout_get_text(layout)!
        var lines: [Line] = []
        let iter = pango_layout_get_iter(layout)
        repeat {
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let line = pango_layout_iter_get_line_readonly(iter)!
            var runs: [GlyphRun] = []
            var xOff: Int32 = 0
            var node = line.pointee.runs
            while let n = node {
                let item = n.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
                xOff += item.pointee.start_x_offset
                runs.append(Self.run(item, text: text, x: xOff, y: -item.pointee.y_offset))
                xOff += pango_glyph_string_get_width(item.pointee.glyphs) + item.pointee.end_x_offset
                node = n.pointee.next
            }
            lines.append(Line(baseline: baseline, left: Double(logical.x) / scale, runs: runs))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        self.lines = lines
    }

    deinit {
        for line in lines { for run in line.runs { cairo_scaled_font_destroy(run.font) } }
    }

    /// What `pango_cairo_renderer_draw_glyph_item` hands Cairo for one run, relative to the line.
    private static func run(_ item: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, x: Int32, y: Int32) -> GlyphRun {
        let scale = Double(PANGO_SCALE)
        let analysis = item.pointee.item.pointee.analysis
        let font = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(OpaquePointer(analysis.font)))!
        let backward = analysis.level & 1 != 0
        let string = item.pointee.glyphs.pointee
        var glyphs: [cairo_glyph_t] = []
        glyphs.reserveCapacity(Int(string.num_glyphs))
        var position: Int32 = 0
        for i in 0..<Int(string.num_glyphs) {
            let info = string.glyphs[i]
            if info.glyph != emptyGlyph && info.glyph & unknownFlag == 0 {
                // Pango draws a hex box for an unknown glyph; Noto Sans covers the text we print, and
                // the cluster below still maps the character, so it stays in the text layer.
                glyphs.append(cairo_glyph_t(
                    index: UInt(info.glyph),
                    x: Double(position + info.geometry.x_offset) / scale,
                    y: Double(info.geometry.y_offset) / scale))
            }
            position += info.geometry.width
        }
        var clusters: [cairo_text_cluster_t] = []
        var iter = PangoGlyphItemIter()
        if pango_glyph_item_iter_init_start(&iter, item, text) != 0 {
            repeat {
                var count = backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph
                for i in min(iter.start_glyph, iter.end_glyph + 1)..<max(iter.start_glyph + 1, iter.end_glyph) {
                    let glyph = string.glyphs[Int(i)].glyph
                    if glyph == emptyGlyph || glyph & unknownFlag != 0 { count -= 1 }
                }
                clusters.append(cairo_text_cluster_t(num_bytes: iter.end_index - iter.start_index, num_glyphs: count))
            } while pango_glyph_item_iter_next_cluster(&iter) != 0
        }
        let start = text + Int(item.pointee.item.pointee.offset)
        let bytes = Array(UnsafeBufferPointer(start: start, count: Int(item.pointee.item.pointee.length)))
        return GlyphRun(
            font: font, x: Double(x) / scale, y: Double(y) / scale, glyphs: glyphs, text: bytes, clusters: clusters,
            backward: backward)
    }

    /// Adds lines `range` to a page's text (`PageText`), the first line's top at `y`, the layout's
    /// left edge at `x`; `top` is that line's top from the layout's top. A run drawn right to left is
    /// drawn at once instead, on its own.
    func add(
        to page: PageText, colour: PageText.Colour, context: OpaquePointer, lines range: Range<Int>, x: Double, y: Double,
        top: Double
    ) {
        for line in lines[range] {
            // As pango_cairo_show_layout_line: the origin is Cairo's current point, which Cairo keeps
            // in fixed point, so read it back rather than use the doubles.
            cairo_move_to(context, x + line.left, y + line.baseline - top)
            var originX = 0.0, originY = 0.0
            cairo_get_current_point(context, &originX, &originY)
            for run in line.runs {
                let baseX = originX + run.x
                let baseY = originY + run.y
                let placed = run.glyphs.lazy.map { g in
                    cairo_glyph_t(index: g.index, x: baseX + g.x, y: g.y == 0 ? baseY : baseY + g.y)
                }
                if run.backward {
                    var batch = Batch()
                    batch.font = run.font
                    batch.glyphs.append(contentsOf: placed)
                    batch.text = run.text
                    batch.clusters = run.clusters
                    batch.show(context, backward: true)
                } else {
                    page.add(font: run.font, colour: colour, glyphs: placed, text: run.text, clusters: run.clusters)
                }
            }
        }
    }

    /// The glyphs of a run drawn right to left, for one `cairo_show_text_glyphs`.
    private struct Batch {
        var font: OpaquePointer?
        var glyphs: [cairo_glyph_t] = []
        var text: [CChar] = []
        var clusters: [cairo_text_cluster_t] = []

        mutating func show(_ context: OpaquePointer, backward: Bool = false) {
            guard let font else { return }
            if !clusters.isEmpty {
                cairo_set_scaled_font(context, font)
                cairo_show_text_glyphs(
                    context, text, Int32(text.count), glyphs, Int32(glyphs.count), clusters, Int32(clusters.count),
                    backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
            }
            glyphs.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
            self.font = nil
        }
    }
}
