import CPangoCairo

/// The text of one page, gathered by font and colour and drawn with one `cairo_show_text_glyphs`
/// each when the page is done, rather than one call per paragraph and font.
///
/// Cairo's PDF surface records every call, replays it twice (analysis, then output) and adds its
/// extent to the page's region of drawn operations, whose cost grows with the number of calls on the
/// page; a sheet's page had about seventy (a bold label then regular text, paragraph after
/// paragraph). Glyphs on a page never overlap and the rules and QR code never touch text, so the
/// order in which the groups are drawn changes no pixel; each group keeps its glyphs, text and
/// clusters in reading order, so the PDF's text reads back the same.
final class PageText {
    /// A colour as `cairo_set_source_rgb` takes it.
    struct Colour: Hashable {
        var red: Double
        var green: Double
        var blue: Double
    }

    private struct Key: Hashable {
        var font: UnsafeMutableRawPointer
        var colour: Colour
    }

    private struct Group {
        var font: OpaquePointer
        var colour: Colour
        var glyphs: [cairo_glyph_t] = []
        var text: [CChar] = []
        var clusters: [cairo_text_cluster_t] = []
    }

    /// Groups in the order they were first drawn to.
    private var groups: [Group] = []
    private var index: [Key: Int] = [:]

    /// Adds a run's glyphs, already placed on the page.
    func add(
        font: OpaquePointer, colour: Colour, glyphs: some Collection<cairo_glyph_t>, text: [CChar],
        clusters: [cairo_text_cluster_t]
    ) {
        let key = Key(font: UnsafeMutableRawPointer(font), colour: colour)
        let i: Int
        if let found = index[key] {
            i = found
        } else {
            i = groups.count
            index[key] = i
            groups.append(Group(font: font, colour: colour))
        }
        groups[i].glyphs.append(contentsOf: glyphs)
        groups[i].text += text
        groups[i].clusters += clusters
    }

    /// Draws every group and empties the page; the context's source colour is left as `restoring`.
    func draw(_ context: OpaquePointer, restoring colour: Colour) {
        guard !groups.isEmpty else { return }
        for group in groups where !group.clusters.isEmpty {
            cairo_set_source_rgb(context, group.colour.red, group.colour.green, group.colour.blue)
            cairo_set_scaled_font(context, group.font)
            cairo_show_text_glyphs(
                context, group.text, Int32(group.text.count), group.glyphs, Int32(group.glyphs.count), group.clusters,
                Int32(group.clusters.count), cairo_text_cluster_flags_t(0))
        }
        cairo_set_source_rgb(context, colour.red, colour.green, colour.blue)
        groups.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
    }
}
