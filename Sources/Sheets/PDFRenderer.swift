import CPangoCairo
import Dispatch
import Synchronization
import QRCode

/// Writes sections to one PDF through Cairo and Pango: measures blocks (the `TextMeasurer` the
/// layout uses), then draws the laid-out pages with their running headers and footers.
///
/// Two passes: every section is laid out first, so page totals ("Trang x/y") and a table of
/// contents' page numbers are known before anything is drawn.
public final class PDFRenderer: TextMeasurer {
    public let geometry: PageGeometry
    /// Printed at the top of every page when the data is made up.
    public let notice: String?
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let shaper: TextShaper
    private var finished = false
    /// The PDF's bytes, when it is written in memory rather than to a file.
    private let output: MemoryOutput?
    /// The text of the page being drawn, drawn when the page is done.
    private let pageText = PageText()
    /// The colour text is drawn in, as `setColour` last set it (Cairo's default: black).
    private var colour = PageText.Colour(red: 0, green: 0, blue: 0)

    public struct RenderError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameter shaper: shapes the text; pass the same one to the next documents written on this
    ///   thread to reuse the paragraphs they share.
    public init(
        path: String, geometry: PageGeometry = PageGeometry(), notice: String? = nil, title: String? = nil,
        shaper: TextShaper = TextShaper()
    ) throws {
        self.geometry = geometry
        self.shaper = shaper
        self.notice = notice
        output = nil
        guard let surface = cairo_pdf_surface_create(path, geometry.width, geometry.height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw RenderError(description: "\(path): error: cannot create the PDF file")
        }
        self.surface = surface
        context = cairo_create(surface)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tthc")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    }

    /// A renderer that writes the PDF in memory (`finishedBytes()`): a part of a bundle, drawn on a
    /// core of its own and joined to the others afterwards (`PDFJoin`).
    init(inMemory geometry: PageGeometry = PageGeometry(), notice: String? = nil, title: String? = nil, shaper: TextShaper) throws {
        self.geometry = geometry
        self.shaper = shaper
        self.notice = notice
        let output = MemoryOutput()
        self.output = output
        let append: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let output = Unmanaged<MemoryOutput>.fromOpaque(closure).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        // The renderer keeps `output` alive for as long as the surface may write to it.
        guard let surface = cairo_pdf_surface_create_for_stream(
            append, Unmanaged.passUnretained(output).toOpaque(), geometry.width, geometry.height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw RenderError(description: "error: cannot create a PDF surface in memory")
        }
        self.surface = surface
        context = cairo_create(surface)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tthc")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
        withExtendedLifetime(output) {}
    }

    /// The bytes Cairo writes a PDF surface to.
    private final class MemoryOutput {
        var bytes: [UInt8] = []
    }

    // MARK: Measuring

    private func paragraph(_ block: Block, width: Double) -> PangoParagraph {
        shaper.paragraph(block, width: width)
    }

    public func measure(_ block: Block, width: Double) -> BlockMetrics {
        PangoMeasurer(shaper: shaper, geometry: geometry).measure(block, width: width)
    }

    /// Lays a section out with Pango's measurements.
    public func layout(_ section: Section) -> LaidOutSection {
        LaidOutSection(section, measurer: self, geometry: geometry)
    }

    /// A section laid out, with the paragraphs of its blocks: ready to draw on any thread.
    struct Shaped {
        let laid: LaidOutSection
        let paragraphs: [PangoParagraph]
        /// The QR code of each block that has one (`Block.qrCode`).
        let codes: [Int: Result<QRCode, any Error>]
        /// The running header, footer and page numbers of its pages (`margins(of:numbered:)`).
        let margins: [Margin: PangoParagraph]
    }

    /// A paragraph printed in a page's margins, by what its shape depends on.
    struct Margin: Hashable {
        let block: Block
        let width: Double
    }

    fileprivate func shape(_ section: Section, with shaper: TextShaper) -> Shaped {
        let measurer = RecordingMeasurer(shaper: shaper, geometry: geometry)
        let laid = LaidOutSection(section, measurer: measurer, geometry: geometry)
        var codes: [Int: Result<QRCode, any Error>] = [:]
        for (index, block) in section.blocks.enumerated() {
            if let url = block.qrCode { codes[index] = Result { try shaper.qrCode(url) } }
        }
        // The margins too, so the drawing thread (the bundle's critical path) only draws them.
        var margins: [Margin: PangoParagraph] = [:]
        for margin in self.margins(of: laid, numbered: true) {
            margins[margin] = shaper.paragraph(margin.block, width: margin.width)
        }
        return Shaped(
            laid: laid, paragraphs: Array(measurer.paragraphs.prefix(section.blocks.count)), codes: codes, margins: margins)
    }

    /// The paragraphs `draw` prints around a section's pages besides the notice (the same on every
    /// page): the running header of continuation pages, the footer, and "Trang p/N" of each page.
    /// `numbered`: whether the pages carry their number in the whole bundle (which narrows the footer).
    private func margins(of laid: LaidOutSection, numbered: Bool) -> [Margin] {
        var margins: [Margin] = []
        if laid.pages.count > 1, let continuation = laid.section.continuation {
            margins.append(continuationHeader(continuation))
        }
        if !laid.section.footer.isEmpty { margins.append(footer(laid.section, numbered: numbered)) }
        if laid.section.numbered {
            for page in laid.pages.indices { margins.append(pageNumber(page + 1, of: laid.pages.count)) }
        }
        return margins
    }

    private func continuationHeader(_ text: String) -> Margin {
        Margin(block: Block([.bold(text)], style: .body), width: geometry.textWidth)
    }

    /// Space for the page number at the right ("Trang 12/15").
    private static let pageNumberWidth = 110.0

    private func footer(_ section: Section, numbered: Bool) -> Margin {
        let g = geometry
        return Margin(
            block: Block(section.footer, style: .margin), width: numbered ? g.textWidth / 2 - 35 : g.textWidth - Self.pageNumberWidth)
    }

    private func pageNumber(_ page: Int, of total: Int) -> Margin {
        Margin(block: Block("Trang \(page)/\(total)", style: .margin), width: Self.pageNumberWidth)
    }

    /// Lays sections out and draws them one after the other, numbering their pages in the footer
    /// from `firstPage` (a bundle's page numbers); returns their layouts.
    ///
    /// Drawing starts with the first section: `threads - 1` helper threads, each with a shaper of
    /// its own, lay the next sections out (shaping is most of the layout's cost) while this thread
    /// draws each one as soon as it is ready, and lays out the next unclaimed one itself while it
    /// waits. Drawing reads only the glyph runs a paragraph keeps, never the Pango objects the
    /// helpers are using. Afterwards this renderer's shaper takes over what the helpers shaped. The
    /// PDF is the same as with `layout(_:)` and `draw(_:firstPage:)` one section after the other.
    public func layoutAndDraw(_ sections: [Section], firstPage: Int, threads: Int, outlines: Bool = true) throws -> [LaidOutSection] {
        let pipeline = startLayout(sections, threads: threads)
        defer { pipeline.wait() }
        return try draw(pipeline, firstPage: firstPage, outlines: outlines)
    }

    /// Starts the helpers of `layoutAndDraw`, so this thread can do other work (a bundle's cover)
    /// before drawing with `draw(_:firstPage:outlines:)`. Wait for the pipeline before it is dropped.
    func startLayout(_ sections: [Section], threads: Int) -> LayoutPipeline {
        let helpers = max(0, min(threads, sections.count) - 1)
        let pipeline = LayoutPipeline(
            work: PipelineWork(renderer: self, sections: sections), shapers: (0..<helpers).map { _ in TextShaper() })
        for shaper in pipeline.shapers {
            let helper = PipelineHelper(work: pipeline.work, shaper: shaper)
            DispatchQueue.global().async(group: pipeline.group) { helper.run() }
        }
        return pipeline
    }

    /// Draws a pipeline's sections as they are laid out (see `layoutAndDraw`).
    func draw(_ pipeline: LayoutPipeline, firstPage: Int, outlines: Bool) throws -> [LaidOutSection] {
        let work = pipeline.work
        var laid: [LaidOutSection] = []
        laid.reserveCapacity(work.sections.count)
        var page = firstPage
        while laid.count < work.sections.count {
            let next = laid.count
            if work.ready[next].wait(timeout: .now()) != .success {
                if let other = work.claim() {
                    work.lay(other, with: shaper)
                    continue
                }
                work.ready[next].wait()
            }
            let shaped = work.slots[next]!
            try draw(
                shaped.laid, paragraphs: shaped.paragraphs, codes: shaped.codes, margins: shaped.margins, firstPage: page,
                outline: outlines)
            page += shaped.laid.pages.count
            laid.append(shaped.laid)
        }
        pipeline.wait()
        for helper in pipeline.shapers { shaper.adopt(helper) }
        return laid
    }

    /// Draws a section shaped by any thread (`Shaped`), numbering its pages from `firstPage`, without
    /// its outline entry (a bundle's outline is built over all its parts, `PDFJoin`).
    func draw(_ shaped: Shaped, firstPage: Int) throws {
        try draw(
            shaped.laid, paragraphs: shaped.paragraphs, codes: shaped.codes, margins: shaped.margins, firstPage: firstPage,
            outline: false)
    }

    // MARK: Drawing

    /// Draws the pages of a laid-out section, numbering them from `firstPage` (for a bundle's
    /// footer).
    public func draw(_ laid: LaidOutSection, firstPage: Int? = nil) throws {
        try draw(laid, paragraphs: nil, codes: nil, margins: [:], firstPage: firstPage, outline: true)
    }

    /// Draws a section without its outline entry (see `addOutline(_:page:)`).
    public func drawWithoutOutline(_ laid: LaidOutSection, firstPage: Int? = nil) throws {
        try draw(laid, paragraphs: nil, codes: nil, margins: [:], firstPage: firstPage, outline: false)
    }

    /// Adds an entry to the PDF's outline, after those added so far, for the `page`-th page drawn.
    public func addOutline(_ title: String, page: Int) {
        cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, title, "page=\(page)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    /// - Parameters:
    ///   - paragraphs: the blocks' paragraphs, when the section was shaped elsewhere.
    ///   - codes: their QR codes, by block.
    ///   - margins: paragraphs of the margins shaped beforehand; the others are shaped here.
    private func draw(
        _ laid: LaidOutSection, paragraphs: [PangoParagraph]?, codes: [Int: Result<QRCode, any Error>]?,
        margins: [Margin: PangoParagraph], firstPage: Int?, outline: Bool
    ) throws {
        let g = geometry
        func shaped(_ margin: Margin) -> PangoParagraph {
            margins[margin] ?? paragraph(margin.block, width: margin.width)
        }
        for (index, fragments) in laid.pages.enumerated() {
            if index == 0, outline, let outline = laid.section.outline {
                cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, outline, "page=\(pageCount + 1)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
            }
            var top = g.top
            if index > 0, let continuation = laid.section.continuation {
                let p = shaped(continuationHeader(continuation))
                setColour(0.25)
                p.add(to: pageText, colour: colour, context: context, lines: 0..<p.lines.count, x: g.left, y: top)
                let bottom = top + p.lines.reduce(0) { $0 + $1.height } + g.runningHeaderGap / 2
                rule(y: bottom)
                top += p.lines.reduce(0) { $0 + $1.height } + g.runningHeaderGap
                setColour(0)
            }
            for fragment in fragments {
                let block = laid.section.blocks[fragment.block]
                try drawFragment(
                    fragment, of: block, paragraph: paragraphs?[fragment.block] ?? paragraph(block, width: g.width(of: block)),
                    code: codes?[fragment.block], top: top)
            }
            drawMargins(
                section: laid.section, page: index + 1, of: laid.pages.count, absolute: firstPage.map { $0 + index }, shaped: shaped)
            pageText.draw(context, restoring: colour)
            cairo_show_page(context)
            pageCount += 1
        }
    }

    /// Pages drawn so far.
    public private(set) var pageCount = 0

    private func drawFragment(
        _ fragment: Fragment, of block: Block, paragraph p: PangoParagraph, code encoded: Result<QRCode, any Error>?, top: Double
    ) throws {
        let g = geometry
        let x = g.left + block.indent
        p.add(to: pageText, colour: colour, context: context, lines: fragment.lines, x: x, y: top + fragment.y)
        setColour(0)
        if let trailing = block.trailing, fragment.lines.lowerBound == 0 {
            let label = paragraph(Block(trailing, style: block.style, alignment: .left), width: g.trailingWidth)
            label.add(to: pageText, colour: colour, context: context, lines: 0..<1, x: g.left + g.textWidth - label.width, y: top + fragment.y)
        }
        if let url = block.qrCode {
            let code: QRCode
            do { code = try (encoded ?? Result { try shaper.qrCode(url) }).get() } catch { throw RenderError(description: "\(url): \(error)") }
            drawQRCode(code, x: g.left + g.textWidth - g.qrSide, y: top + fragment.y, side: g.qrSide)
        }
    }

    /// Draws a QR code as one 1-bit image mask, one pixel a module, scaled up without smoothing: a
    /// few hundred bytes in the PDF where a path of rectangles took thousands of coordinates.
    private func drawQRCode(_ code: QRCode, x: Double, y: Double, side: Double) {
        let n = Int32(code.size)
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_A1, n, n) else { return }
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        guard let data = cairo_image_surface_get_data(image) else { return }
        let stride = Int(cairo_image_surface_get_stride(image))
        // A1 packs pixels into 32-bit words, the first pixel in the low bit on a little-endian
        // machine and in the high bit on a big-endian one.
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * code.size) { words in
            for row in 0..<code.size {
                let line = words + row * stride / 4
                for word in 0..<(stride / 4) { line[word] = 0 }
                for column in 0..<code.size where code.isDark(row: row, column: column) {
                    #if _endian(big)
                    line[column / 32] |= UInt32(1) << (31 - column % 32)
                    #else
                    line[column / 32] |= UInt32(1) << (column % 32)
                    #endif
                }
            }
        }
        cairo_surface_mark_dirty(image)
        let module = side / Double(code.size)
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_scale(context, module, module)
        cairo_set_source_rgb(context, 0, 0, 0)
        let pattern = cairo_pattern_create_for_surface(image)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_mask(context, pattern)
        cairo_pattern_destroy(pattern)
        cairo_restore(context)
    }

    private func drawMargins(section: Section, page: Int, of total: Int, absolute: Int?, shaped: (Margin) -> PangoParagraph) {
        let g = geometry
        if let notice {
            setColour(0.55, red: true)
            let p = paragraph(Block([.bold(notice)], style: .margin, alignment: .center), width: g.textWidth)
            p.add(to: pageText, colour: colour, context: context, lines: 0..<p.lines.count, x: g.left, y: 18)
        }
        setColour(0.3)
        let footerTop = g.height - g.bottom + 14
        rule(y: footerTop - 5)
        if !section.footer.isEmpty {
            let p = shaped(footer(section, numbered: absolute != nil))
            p.add(to: pageText, colour: colour, context: context, lines: 0..<min(2, p.lines.count), x: g.left, y: footerTop)
        }
        if let absolute {
            // The page's number in the whole bundle, which the table of contents refers to.
            let p = paragraph(Block([.bold("– \(absolute) –")], style: .margin, alignment: .center), width: 60)
            p.add(to: pageText, colour: colour, context: context, lines: 0..<1, x: g.left + g.textWidth / 2 - 30, y: footerTop)
        }
        if section.numbered {
            let p = shaped(pageNumber(page, of: total))
            p.add(to: pageText, colour: colour, context: context, lines: 0..<1, x: g.left + g.textWidth - p.width, y: footerTop)
        }
        setColour(0)
    }

    private func rule(y: Double) {
        cairo_set_line_width(context, 0.6)
        cairo_move_to(context, geometry.left, y)
        cairo_line_to(context, geometry.left + geometry.textWidth, y)
        cairo_stroke(context)
    }

    private func setColour(_ grey: Double, red: Bool = false) {
        colour = red ? PageText.Colour(red: 0.7, green: 0.05, blue: 0.05) : PageText.Colour(red: grey, green: grey, blue: grey)
        cairo_set_source_rgb(context, colour.red, colour.green, colour.blue)
    }

    /// Closes a PDF written in memory and returns it. Unlike `finish()`, leaves the shaper in the
    /// current document: the parts of a bundle are one document.
    func finishedBytes() throws -> [UInt8] {
        guard let output else { preconditionFailure("the renderer writes to a file") }
        try close()
        defer { output.bytes = [] }
        return output.bytes
    }

    /// Closes the PDF; throws if Cairo could not write it.
    public func finish() throws {
        guard !finished else { return }
        shaper.nextDocument()
        try close()
    }

    private func close() throws {
        guard !finished else { return }
        finished = true
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError(description: "cannot write the PDF (\(String(cString: cairo_status_to_string(status))))")
        }
    }
}

/// Measures blocks with a shaper's Pango layouts, for pagination.
struct PangoMeasurer: TextMeasurer {
    let shaper: TextShaper
    let geometry: PageGeometry

    func measure(_ block: Block, width: Double) -> BlockMetrics {
        Self.metrics(of: shaper.paragraph(block, width: width), for: block, geometry: geometry)
    }

    static func metrics(of p: PangoParagraph, for block: Block, geometry: PageGeometry) -> BlockMetrics {
        let heights = p.lines.map(\.height)
        if block.qrCode != nil {
            return BlockMetrics(lineHeights: heights, minimumHeight: geometry.qrSide, splittable: false)
        }
        return BlockMetrics(lineHeights: heights, splittable: block.trailing == nil)
    }
}

/// Measures blocks like `PangoMeasurer` and keeps their paragraphs, in the order measured.
private final class RecordingMeasurer: TextMeasurer {
    let shaper: TextShaper
    let geometry: PageGeometry
    private(set) var paragraphs: [PangoParagraph] = []

    init(shaper: TextShaper, geometry: PageGeometry) {
        self.shaper = shaper
        self.geometry = geometry
    }

    func measure(_ block: Block, width: Double) -> BlockMetrics {
        let p = shaper.paragraph(block, width: width)
        paragraphs.append(p)
        return PangoMeasurer.metrics(of: p, for: block, geometry: geometry)
    }
}

/// The sections of one `PDFRenderer.layoutAndDraw`: each is claimed once, in order, by whichever
/// thread is free, laid out into its own slot, and announced on its semaphore; no two threads touch
/// the same shaper or slot, and the semaphore orders the slot's write before the drawer's read.
final class PipelineWork: @unchecked Sendable {
    let renderer: PDFRenderer
    let sections: [Section]
    let slots: UnsafeMutableBufferPointer<PDFRenderer.Shaped?>
    let ready: [DispatchSemaphore]
    /// Left once per section laid out: waiting on it waits for every section (any number of
    /// threads may wait, unlike on `ready`, whose signals the drawing thread takes).
    let allLaid = DispatchGroup()
    private let next = Atomic<Int>(0)

    init(renderer: PDFRenderer, sections: [Section]) {
        self.renderer = renderer
        self.sections = sections
        slots = .allocate(capacity: sections.count)
        slots.initialize(repeating: nil)
        ready = sections.map { _ in DispatchSemaphore(value: 0) }
        for _ in sections { allLaid.enter() }
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The next section nobody has claimed.
    func claim() -> Int? {
        let i = next.add(1, ordering: .relaxed).oldValue
        return i < sections.count ? i : nil
    }

    func lay(_ i: Int, with shaper: TextShaper) {
        slots[i] = renderer.shape(sections[i], with: shaper)
        ready[i].signal()
        allLaid.leave()
    }
}

/// Sections being laid out by helper threads, for `PDFRenderer.draw(_:firstPage:outlines:)`.
final class LayoutPipeline {
    let work: PipelineWork
    let shapers: [TextShaper]
    let group = DispatchGroup()

    init(work: PipelineWork, shapers: [TextShaper]) {
        self.work = work
        self.shapers = shapers
    }

    /// Returns once every helper has stopped (each stops when no section is left to claim).
    func wait() { group.wait() }
}

/// A helper thread of the pipeline: lays out sections with its own shaper until none is left.
private struct PipelineHelper: @unchecked Sendable {
    let work: PipelineWork
    let shaper: TextShaper

    func run() {
        while let i = work.claim() { work.lay(i, with: shaper) }
    }
}
