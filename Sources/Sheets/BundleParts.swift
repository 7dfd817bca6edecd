import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A commune's bundle drawn on two cores: two Cairo PDF surfaces, joined on their bytes (`PDFJoin`).
///
/// One Cairo surface is written by one thread, and writing it is most of a bundle's work: with one
/// surface, the drawing thread was the bundle's critical path while the layout thread sat idle a
/// third of the time. Here the main thread draws the cover and the sheets from the first one on, as
/// soon as each is laid out (laying out the next one itself while it waits), as before. A helper
/// lays the sheets out ahead and, once every sheet is laid out (so every page number is known),
/// draws sheets from the last one down into a second surface. The two meet wherever their work
/// evens out (`DrawingSplit`), then the main thread draws the table of contents and both close
/// their surfaces (font subsets, deflate) at the same time; the join puts the pages in reading
/// order and writes the outline.
enum BundleParts {
    /// - Parameter frontLimit: at most this many sheets drawn by the main thread (tests use it to
    ///   make the back part draw the rest whatever the timing); nil: wherever the work evens out.
    static func write(
        _ bundle: SheetBundle, to path: String, notice: String?, title: String, shaper: TextShaper, threads: Int,
        frontLimit: Int? = nil
    ) throws -> PDFBook.BundlePages {
        let renderer = try PDFRenderer(inMemory: PageGeometry(), notice: notice, title: title, shaper: shaper)
        let sections = bundle.sheets.map(\.section)
        let work = PipelineWork(renderer: renderer, sections: sections)
        let helpers = (0..<max(1, min(threads, sections.count) - 1)).map { _ in TextShaper() }
        let pipeline = LayoutPipeline(work: work, shapers: helpers)
        let split = DrawingSplit(count: sections.count, frontLimit: frontLimit)
        let firstSheet = Handover<Int>()
        let back = Handover<Result<BackPart?, any Error>>()
        for (index, helper) in helpers.enumerated() {
            let job = BackDrawer(work: work, shaper: helper, split: split, firstSheet: firstSheet, notice: notice, result: back)
            DispatchQueue.global().async(group: pipeline.group) {
                // One helper draws the back part; any others only lay out.
                if index == 0 { job.run() } else { job.layOut() }
            }
        }
        defer { pipeline.wait() }

        let cover = renderer.layout(bundle.cover)
        let tocPages = renderer.layout(bundle.tableOfContents(pages: nil)).pages.count
        let first = cover.pages.count + tocPages + 1
        firstSheet.set(first)
        try renderer.drawWithoutOutline(cover, firstPage: 1)
        var front: [Int] = []  // pages of each sheet drawn here, from the first sheet on
        var page = first
        while let i = split.claimFront() {
            while work.ready[i].wait(timeout: .now()) != .success {
                if let other = work.claim() { work.lay(other, with: shaper) } else { work.ready[i].wait(); break }
            }
            let shaped = work.slots[i]!
            try renderer.draw(shaped, firstPage: page)
            page += shaped.laid.pages.count
            front.append(shaped.laid.pages.count)
        }
        while let other = work.claim() { work.lay(other, with: shaper) }
        work.allLaid.wait()
        let counts = (0..<sections.count).map { work.slots[$0]!.laid.pages.count }
        var starts: [Int] = []
        var next = first
        for count in counts {
            starts.append(next)
            next += count
        }
        let toc = renderer.layout(bundle.tableOfContents(pages: starts))
        precondition(toc.pages.count == tocPages, "page numbers changed the table of contents' layout")
        try renderer.drawWithoutOutline(toc, firstPage: cover.pages.count + 1)
        let mainBytes = try renderer.finishedBytes()
        pipeline.wait()
        for helper in helpers { shaper.adopt(helper) }
        shaper.nextDocument()
        let backPart = try back.take()?.get() ?? nil

        // Reading order: cover, table of contents, the front's sheets, the back's (drawn last first).
        let coverCount = cover.pages.count
        let frontPages = front.reduce(0, +)
        var order = (0..<coverCount).map { PDFJoin.PageSource(part: 0, page: $0) }
        order += (0..<tocPages).map { PDFJoin.PageSource(part: 0, page: coverCount + frontPages + $0) }
        order += (0..<frontPages).map { PDFJoin.PageSource(part: 0, page: coverCount + $0) }
        var parts = [mainBytes]
        if let backPart {
            guard front.count + backPart.sheets.count == sections.count else {
                throw PDFRenderer.RenderError(description: "\(path): the bundle's parts do not hold every sheet")
            }
            var offset = 0
            var offsets: [Int: Int] = [:]
            for sheet in backPart.sheets {
                offsets[sheet] = offset
                offset += counts[sheet]
            }
            for sheet in front.count..<sections.count {
                order += (0..<counts[sheet]).map { PDFJoin.PageSource(part: 1, page: offsets[sheet]! + $0) }
            }
            parts.append(backPart.bytes)
        }
        var outline: [PDFJoin.OutlineEntry] = []
        for (laid, start) in [(cover, 1), (toc, coverCount + 1)] + zip(sections.indices, starts).map({ (work.slots[$0]!.laid, $1) }) {
            if let title = laid.section.outline { outline.append(.init(title: title, page: start - 1)) }
        }
        let joined = try PDFJoin.join(parts, order: order, outline: outline)
        try save(joined, to: path)
        return PDFBook.BundlePages(
            sheetStarts: starts, tableOfContents: (coverCount + 1)...(coverCount + tocPages), total: next - 1)
    }

    private static func save(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PDFRenderer.RenderError(description: "\(path): error: cannot create the PDF file") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw PDFRenderer.RenderError(description: "\(path): error: cannot write the PDF file") }
            done += n
        }
    }
}

/// `write(2)`, out of reach of the `write` methods above.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// The sheets of the back part, in the order drawn (last sheet first), and its PDF.
struct BackPart {
    var sheets: [Int]
    var bytes: [UInt8]
}

/// Which sheets each side draws: the front from the first sheet on, the back from the last one
/// down, each taking one at a time, until they meet.
final class DrawingSplit: Sendable {
    private let state: Mutex<(front: Int, back: Int)>
    private let frontLimit: Int

    init(count: Int, frontLimit: Int? = nil) {
        state = Mutex((0, count))
        self.frontLimit = frontLimit ?? count
    }

    func claimFront() -> Int? {
        state.withLock { s in
            guard s.front < s.back, s.front < frontLimit else { return nil }
            s.front += 1
            return s.front - 1
        }
    }

    func claimBack() -> Int? {
        state.withLock { s in
            guard s.front < s.back else { return nil }
            s.back -= 1
            return s.back
        }
    }
}

/// A value set once by one thread and read by another, which waits for it.
final class Handover<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func set(_ newValue: Value) {
        value.withLock { $0 = newValue }
        done.signal()
    }

    /// Waits for the value (once: a second call would wait for ever).
    func get() -> Value {
        done.wait()
        return value.withLock { $0! }
    }

    /// The value if it was set, without waiting.
    func take() -> Value? {
        value.withLock { $0 }
    }
}

/// The helper that lays sheets out and then draws the back part. Its shaper is used by its thread
/// alone until the pipeline is waited for.
private struct BackDrawer: @unchecked Sendable {
    let work: PipelineWork
    let shaper: TextShaper
    let split: DrawingSplit
    let firstSheet: Handover<Int>
    let notice: String?
    let result: Handover<Result<BackPart?, any Error>>

    func layOut() {
        while let i = work.claim() { work.lay(i, with: shaper) }
    }

    func run() {
        layOut()
        work.allLaid.wait()
        let first = firstSheet.get()
        result.set(Result {
            var starts: [Int] = []
            var next = first
            for i in 0..<work.sections.count {
                starts.append(next)
                next += work.slots[i]!.laid.pages.count
            }
            guard var sheet = split.claimBack() else { return nil }
            let renderer = try PDFRenderer(inMemory: work.renderer.geometry, notice: notice, shaper: shaper)
            var sheets: [Int] = []
            repeat {
                try renderer.draw(work.slots[sheet]!, firstPage: starts[sheet])
                sheets.append(sheet)
                guard let another = split.claimBack() else { break }
                sheet = another
            } while true
            return BackPart(sheets: sheets, bytes: try renderer.finishedBytes())
        })
    }
}
