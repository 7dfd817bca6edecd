import Catalogue
import Dispatch
import Synchronization

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
    ///
    /// The table of contents needs every sheet's first page, so it is drawn last and then moved
    /// to its place after the cover (`PDFPageOrder`); the sheets are drawn while they are being
    /// laid out (`PDFRenderer.layoutAndDraw`). Its page count does not depend on the numbers (they
    /// sit in a fixed column), so a draft with placeholders tells where the sheets start.
    ///
    /// With more than one thread, the bundle is written in parts instead (`writeInParts`).
    /// - Parameter threads: how many threads lay the sheets out and draw them.
    @discardableResult
    public static func write(
        _ bundle: SheetBundle, to path: String, shaper: TextShaper = TextShaper(), threads: Int = 1
    ) throws -> BundlePages {
        if threads > 1, bundle.sheets.count > 1 {
            return try writeInParts(bundle, to: path, shaper: shaper, threads: threads)
        }
        let renderer = try PDFRenderer(
            path: path, notice: notice(for: bundle.province),
            title: "Bảng niêm yết thủ tục hành chính – \(bundle.commune.name)", shaper: shaper)
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

    /// Writes a commune's bundle on `threads` cores: every sheet is laid out first (on all of them),
    /// then the pages are cut into `threads` parts of about as many pages each, every part is drawn
    /// into a PDF of its own on its own thread, and the parts are joined (`PDFJoin`).
    ///
    /// One Cairo PDF surface is written by one thread, and writing it (page replay, PDF operators,
    /// deflate) costs about as much as laying the pages out: drawn on one thread, it was the bundle's
    /// critical path. Laying out first also lets the table of contents be drawn in its place.
    static func writeInParts(_ bundle: SheetBundle, to path: String, shaper: TextShaper, threads: Int) throws -> BundlePages {
        let notice = notice(for: bundle.province)
        let renderer = try PDFRenderer(
            inMemory: PageGeometry(), notice: notice, title: "Bảng niêm yết thủ tục hành chính – \(bundle.commune.name)",
            shaper: shaper)
        let pipeline = renderer.startLayout(bundle.sheets.map(\.section), threads: threads)
        defer { pipeline.wait() }
        let cover = renderer.layout(bundle.cover)
        let tocPages = renderer.layout(bundle.tableOfContents(pages: nil)).pages.count
        let sheets = renderer.finishLayout(pipeline)
        let firstSheet = cover.pages.count + tocPages + 1
        var starts: [Int] = []
        var next = firstSheet
        for sheet in sheets {
            starts.append(next)
            next += sheet.laid.pages.count
        }
        let total = next - 1
        let toc = renderer.layout(bundle.tableOfContents(pages: starts))
        precondition(toc.pages.count == tocPages, "page numbers changed the table of contents' layout")

        // Part p starts at the first sheet that starts past p/n of the pages; the first part holds
        // the cover and the table too. Each later part is drawn by a helper, with its idle shaper
        // for the running headers and footers.
        let parts = min(threads, pipeline.shapers.count + 1, sheets.count)
        var cuts = [0]
        for p in 1..<parts {
            let page = 1 + total * p / parts
            let cut = max(cuts[p - 1] + 1, starts.firstIndex { $0 >= page } ?? sheets.count)
            cuts.append(min(cut, sheets.count - (parts - p)))
        }
        cuts.append(sheets.count)
        let drawn = PartResults(count: parts)
        let group = DispatchGroup()
        for p in 1..<parts {
            let job = PartJob(
                sheets: Array(sheets[cuts[p]..<cuts[p + 1]]), firstPage: starts[cuts[p]], notice: notice,
                shaper: pipeline.shapers[p - 1], results: drawn, index: p)
            DispatchQueue.global().async(group: group) { job.run() }
        }
        let first = Result {
            try renderer.drawWithoutOutline(cover, firstPage: 1)
            try renderer.drawWithoutOutline(toc, firstPage: cover.pages.count + 1)
            for (sheet, start) in zip(sheets[..<cuts[1]], starts) { try renderer.draw(sheet, firstPage: start) }
            return try renderer.finishedBytes()
        }
        group.wait()
        drawn.set(0, first)
        for helper in pipeline.shapers { renderer.adoptParagraphs(of: helper) }
        shaper.nextDocument()
        let bytes = try drawn.all()

        var outline = [PDFJoin.OutlineEntry]()
        for (laid, page) in [(cover, 1), (toc, cover.pages.count + 1)] + zip(sheets.map(\.laid), starts).map({ ($0, $1) }) {
            if let title = laid.section.outline { outline.append(.init(title: title, page: page - 1)) }
        }
        try PDFJoin.write(bytes, outline: outline, to: path)
        return BundlePages(
            sheetStarts: starts, tableOfContents: (cover.pages.count + 1)...(cover.pages.count + tocPages), total: total)
    }
}

/// The PDF of each part of a bundle, or why it could not be drawn.
private final class PartResults: Sendable {
    private let results: Mutex<[Result<[UInt8], any Error>?]>

    init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: Result<[UInt8], any Error>) { results.withLock { $0[index] = result } }

    /// Every part's bytes, in order; throws the first part's error.
    func all() throws -> [[UInt8]] {
        try results.withLock { $0 }.map { try $0!.get() }
    }
}

/// One part of a bundle, drawn on a helper thread into a PDF in memory. The sheets were shaped
/// before the thread starts and the shaper is used by this thread alone until it ends.
private struct PartJob: @unchecked Sendable {
    let sheets: [PDFRenderer.Shaped]
    let firstPage: Int
    let notice: String?
    let shaper: TextShaper
    let results: PartResults
    let index: Int

    func run() {
        results.set(index, Result {
            let renderer = try PDFRenderer(inMemory: PageGeometry(), notice: notice, shaper: shaper)
            var page = firstPage
            for sheet in sheets {
                try renderer.draw(sheet, firstPage: page)
                page += sheet.laid.pages.count
            }
            return try renderer.finishedBytes()
        })
    }
}
