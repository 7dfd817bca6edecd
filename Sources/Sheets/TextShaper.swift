import CPangoCairo
import QRCode

/// Shapes blocks into Pango layouts once and keeps them for the next documents.
///
/// The layouts belong to a Pango context of their own, not to one PDF, so a paragraph shaped for one
/// commune's bundle is drawn again into the next commune's: most of a sheet is the same at every
/// counter, and shaping is half the cost of a page. Pango is not thread-safe: each shaper has a font
/// map of its own (not the thread's default one), and a shaper is used by one thread at a time (the
/// type is deliberately not `Sendable`); `adopt(_:)` hands one shaper's paragraphs to another once
/// the first is no longer in use.
///
/// Memory stays bounded over any number of documents: `nextDocument()` drops the layouts the
/// finished document did not use (a commune's own name and contacts, say) and keeps the rest.
public final class TextShaper {
    private let context: OpaquePointer
    private let fonts = Fonts()
    private var current: [Key: PangoParagraph] = [:]
    private var previous: [Key: PangoParagraph] = [:]
    private var currentCodes: [String: QRCode] = [:]
    private var previousCodes: [String: QRCode] = [:]

    /// What a paragraph's shape depends on: the runs' text and weight, the style, the alignment and
    /// the width. Hashed and compared by the text's UTF-8 bytes: `String` hashing normalises the
    /// text first (a few per cent of a bundle's time), and two spellings that are only canonically
    /// equal would at worst be shaped twice, to the same result.
    private struct Key: Hashable {
        var block: Block
        var width: Double

        static func == (a: Key, b: Key) -> Bool {
            a.width == b.width && a.block.style == b.block.style && a.block.alignment == b.block.alignment
                && a.block.runs.count == b.block.runs.count
                && zip(a.block.runs, b.block.runs).allSatisfy {
                    $0.bold == $1.bold && $0.italic == $1.italic && $0.text.utf8.elementsEqual($1.text.utf8)
                }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(width)
            hasher.combine(block.style)
            hasher.combine(block.alignment)
            for run in block.runs {
                hasher.combine(run.bold)
                hasher.combine(run.italic)
                var text = run.text
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                hasher.combine(0xFF as UInt8)  // not UTF-8: ends the run
            }
        }
    }

    public init() {
        let fontMap = pango_cairo_font_map_new()!
        context = pango_font_map_create_context(fontMap)
        g_object_unref(UnsafeMutableRawPointer(fontMap))  // the context keeps it
        // Metrics as a PDF needs them: unhinted, so glyph positions do not depend on a pixel grid.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // Glyphs where the font puts them, not rounded to whole points: a PDF has no pixel grid, and
        // rounded positions make Cairo write a correction after almost every glyph.
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        current.removeAll()
        previous.removeAll()
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    func paragraph(_ block: Block, width: Double) -> PangoParagraph {
        let key = Key(block: block, width: width)
        if let hit = current[key] { return hit }
        if let kept = previous.removeValue(forKey: key) {
            current[key] = kept
            return kept
        }
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, fonts[block.style])
        pango_layout_set_width(layout, Int32(width * PangoParagraph.scale))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, block.alignment == .center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT)
        pango_layout_set_markup(layout, Markup.of(block.runs), -1)
        let result = PangoParagraph(layout)
        current[key] = result
        return result
    }

    /// The QR code of a URL, encoded once and kept like the paragraphs.
    func qrCode(_ url: String) throws -> QRCode {
        if let hit = currentCodes[url] { return hit }
        if let kept = previousCodes.removeValue(forKey: url) {
            currentCodes[url] = kept
            return kept
        }
        let code = try QRCode(url)
        currentCodes[url] = code
        return code
    }

    /// Takes over the paragraphs another shaper shaped for the current document (the layout of a
    /// bundle measured on several threads), so drawing does not shape them again. The other shaper
    /// must no longer be in use on any thread.
    func adopt(_ other: TextShaper) {
        current.merge(other.current) { mine, _ in mine }
        currentCodes.merge(other.currentCodes) { mine, _ in mine }
        other.current = [:]
        other.currentCodes = [:]
    }

    /// Starts a new generation: what the last document used is kept, the rest is freed.
    public func nextDocument() {
        previous = current
        current = [:]
        current.reserveCapacity(previous.count)
        previousCodes = currentCodes
        currentCodes = [:]
    }
}
