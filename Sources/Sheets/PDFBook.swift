import Catalogue

/// Writes whole documents: loose sheets, a commune's bundle, a change notice.
public enum PDFBook {
    /// The sample notice for a province, when its data is made up.
    public static func notice(for province: Province) -> String? {
        province.sample ? Province.sampleNotice : nil
    }

    /// Writes sections one after the other; returns the number of pages of each.
    private static func title(_ bundle: SheetBundle) -> String {
        "Bảng niêm yết thủ tục hành chính – \(bundle.commune.name)"
    }

    /// The bundle drawn in two parts whatever the timing: the main thread draws the cover, the
    /// table of contents and the first `frontSheets` sheets, the helper the rest (for tests of the
    /// join, which a real run reaches only when the helper catches up).
    @discardableResult
    public static func writeInTwoParts(_ bundle: SheetBundle, to path: String, frontSheets: Int) throws -> BundlePages {
        try BundleParts.write(
            bundle, to: path, notice: notice(for: bundle.province), title: title(bundle), shaper: TextShaper(), threads: 2,
            frontLimit: frontSheets)
    }

    @discardableResult
    public static func write(
        _ sections: [Section], to path: String, notice: String?, title: String? = nil, shaper: TextShaper = TextShaper()
    ) throws -> [Int] {
        let renderer = try PDFRenderer(path: path, notice: notice, title: title, shaper: shaper)
        var counts: [Int] = []
        for section in sections {
            let laid = renderer.layout(section)
            try renderer.draw(laid)
            counts.append(laid.pages.count)
        }
        try renderer.finish()
        return counts
    }

    /// What a bundle's PDF holds: the first page of each sheet and the page total.
    public struct BundlePages: Sendable {
        public var sheetStarts: [Int]
        public var tableOfContents: ClosedRange<Int>
        public var total: Int
    }

    /// Writes a commune's bundle: cover, table of contents with page numbers, the sheets.
    ///
    /// The table of contents needs every sheet's first page, so it is drawn last and then moved
    /// to its place after the cover (`PDFPageOrder`); the sheets are drawn while they are being
    /// laid out (`PDFRenderer.layoutAndDraw`). Its page count does not depend on the numbers (they
    /// sit in a fixed column), so a draft with placeholders tells where the sheets start.
    ///
    /// With more than one thread, the bundle is drawn in two parts at once and joined (`BundleParts`).
    /// - Parameter threads: how many threads lay the sheets out and draw them.
    @discardableResult
    public static func write(
        _ bundle: SheetBundle, to path: String, shaper: TextShaper = TextShaper(), threads: Int = 1
    ) throws -> BundlePages {
        let title = Self.title(bundle)
        if threads > 1, bundle.sheets.count > 1 {
            do {
                return try BundleParts.write(
                    bundle, to: path, notice: notice(for: bundle.province), title: title, shaper: shaper, threads: threads)
            } catch is PDFJoin.Failure {
                // A Cairo that writes its PDF otherwise than 1.16 does (object or cross-reference
                // streams, say) cannot be joined on its bytes: the bundle is drawn on one surface.
            }
        }
        let renderer = try PDFRenderer(path: path, notice: notice(for: bundle.province), title: title, shaper: shaper)
        // The helpers start on the sheets while this thread lays out and draws the cover.
        let pipeline = renderer.startLayout(bundle.sheets.map(\.section), threads: threads)
        defer { pipeline.wait() }
        let cover = renderer.layout(bundle.cover)
        let draftTOC = renderer.layout(bundle.tableOfContents(pages: nil))
        let tocPages = draftTOC.pages.count
        try renderer.drawWithoutOutline(cover, firstPage: 1)
        let firstSheet = cover.pages.count + tocPages + 1
        let sheets = try renderer.draw(pipeline, firstPage: firstSheet, outlines: false)
        var starts: [Int] = []
        var next = firstSheet
        for sheet in sheets {
            starts.append(next)
            next += sheet.pages.count
        }
        let toc = renderer.layout(bundle.tableOfContents(pages: starts))
        precondition(toc.pages.count == tocPages, "page numbers changed the table of contents' layout")
        let tocDrawn = renderer.pageCount
        try renderer.drawWithoutOutline(toc, firstPage: cover.pages.count + 1)
        // The outline in reading order; its pages are numbered in drawing order.
        for (laid, page) in [(cover, 1), (toc, tocDrawn + 1)] + zip(sheets, starts.map { $0 - tocPages }).map({ ($0, $1) }) {
            if let title = laid.section.outline { renderer.addOutline(title, page: page) }
        }
        try renderer.finish()
        try PDFPageOrder.move(pages: tocDrawn..<(tocDrawn + tocPages), to: cover.pages.count, in: path)
        return BundlePages(
            sheetStarts: starts, tableOfContents: (cover.pages.count + 1)...(cover.pages.count + toc.pages.count),
            total: next - 1)
    }
}
