import Catalogue

/// Writes whole documents: loose sheets, a commune's bundle, a change notice.
public enum PDFBook {
    /// The sample notice for a province, when its data is made up.
    public static func notice(for province: Province) -> String? {
        province.sample ? Province.sampleNotice : nil
    }

    /// Writes sections one after the other; returns the number of pages of each.
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
    /// - Parameter threads: how many threads lay the sheets out (drawing is on the calling thread).
    @discardableResult
    public static func write(
        _ bundle: SheetBundle, to path: String, shaper: TextShaper = TextShaper(), threads: Int = 1
    ) throws -> BundlePages {
        let renderer = try PDFRenderer(
            path: path, notice: notice(for: bundle.province),
            title: "Bảng niêm yết thủ tục hành chính – \(bundle.commune.name)", shaper: shaper)
        // First pass: lay everything out, so every sheet's first page is known.
        let cover = renderer.layout(bundle.cover)
        let sheets = renderer.layout(bundle.sheets.map(\.section), threads: threads)
        let draftTOC = renderer.layout(bundle.tableOfContents(pages: nil))
        var starts: [Int] = []
        var next = cover.pages.count + draftTOC.pages.count + 1
        for sheet in sheets {
            starts.append(next)
            next += sheet.pages.count
        }
        let toc = renderer.layout(bundle.tableOfContents(pages: starts))
        precondition(toc.pages.count == draftTOC.pages.count, "page numbers changed the table of contents' layout")
        // Second pass: draw.
        try renderer.draw(cover, firstPage: 1)
        try renderer.draw(toc, firstPage: cover.pages.count + 1)
        for (sheet, start) in zip(sheets, starts) { try renderer.draw(sheet, firstPage: start) }
        try renderer.finish()
        return BundlePages(
            sheetStarts: starts, tableOfContents: (cover.pages.count + 1)...(cover.pages.count + toc.pages.count),
            total: next - 1)
    }
}
