/// How a block measures at a given width: the height of each of its lines.
public struct BlockMetrics: Hashable, Sendable {
    public var lineHeights: [Double]
    /// At least this tall whatever the text (the QR code beside the masthead).
    public var minimumHeight: Double
    /// Whether the block may break between its lines (not the masthead, not a table row).
    public var splittable: Bool

    public init(lineHeights: [Double], minimumHeight: Double = 0, splittable: Bool = true) {
        self.lineHeights = lineHeights
        self.minimumHeight = minimumHeight
        self.splittable = splittable
    }

    public var height: Double { max(lineHeights.reduce(0, +), minimumHeight) }

    func height(of lines: Range<Int>) -> Double {
        if lines == 0..<lineHeights.count { return height }
        return lineHeights[lines].reduce(0, +)
    }
}

/// Measures blocks: Pango for real pages, fixed line heights in the tests.
public protocol TextMeasurer {
    func measure(_ block: Block, width: Double) -> BlockMetrics
}

/// Part of a block placed on a page: some of its lines, at a distance from the top of the text area.
public struct Fragment: Hashable, Sendable {
    public var block: Int
    public var lines: Range<Int>
    public var y: Double
    public var height: Double
}

/// Flows measured blocks down pages.
///
/// Blocks go one after the other; the space above a block is dropped at the top of a page. A block
/// that does not fit breaks between lines, leaving at least two lines on each side (no widows or
/// orphans) when it has four or more; otherwise it moves to the next page whole. A heading
/// (`keepWithNext`) moves with the first lines of the block after it. A block taller than a whole
/// page still breaks, so nothing is ever lost or drawn off the page.
public enum Paginator {
    /// - Parameters:
    ///   - firstPage: the height of the text area on the first page.
    ///   - otherPages: on continuation pages (less the running header "(tiếp theo)").
    public static func paginate(
        _ blocks: [Block], metrics: [BlockMetrics], firstPage: Double, otherPages: Double
    ) -> [[Fragment]] {
        precondition(blocks.count == metrics.count)
        var pages: [[Fragment]] = [[]]
        var y = 0.0
        var available = firstPage

        func newPage() {
            pages.append([])
            y = 0
            available = otherPages
        }

        /// The space the first lines of the block after `index` need, so a heading is not left alone.
        func lead(after index: Int) -> Double {
            let next = index + 1
            guard next < blocks.count else { return 0 }
            let m = metrics[next]
            let lines = m.splittable ? min(2, m.lineHeights.count) : m.lineHeights.count
            let own = max(m.height(of: 0..<lines), m.splittable ? 0 : m.minimumHeight)
            return blocks[next].spaceBefore + own + (blocks[next].keepWithNext ? lead(after: next) : 0)
        }

        for (index, block) in blocks.enumerated() {
            let m = metrics[index]
            var space = y == 0 ? 0 : block.spaceBefore
            let needed = m.height + (block.keepWithNext ? lead(after: index) : 0)
            if y + space + needed <= available {
                pages[pages.count - 1].append(Fragment(block: index, lines: 0..<m.lineHeights.count, y: y + space, height: m.height))
                y += space + m.height
                continue
            }
            // A heading, a short paragraph or a block that cannot break moves to a new page whole;
            // one taller than a whole page breaks all the same rather than run off the paper.
            let breaks = m.height > otherPages || (m.splittable && m.lineHeights.count >= 4 && !block.keepWithNext)
            if !breaks {
                if y > 0 {
                    newPage()
                    space = 0
                }
                pages[pages.count - 1].append(Fragment(block: index, lines: 0..<m.lineHeights.count, y: y + space, height: m.height))
                y += space + m.height
                continue
            }
            // Break between lines.
            var start = 0
            let count = m.lineHeights.count
            while start < count {
                let room = available - y - space
                var end = start
                var used = 0.0
                while end < count, used + m.lineHeights[end] <= room {
                    used += m.lineHeights[end]
                    end += 1
                }
                // Keep two lines together at each side of a break, when the block is long enough.
                if end < count, count - end < 2, end - start > 2 { end = count - 2 }
                if end < count, end - start < 2, y > 0 {
                    newPage()
                    space = 0
                    continue
                }
                if end == start { end = start + 1 }  // a line taller than the page: place it anyway
                let height = m.height(of: start..<end)
                pages[pages.count - 1].append(Fragment(block: index, lines: start..<end, y: y + space, height: height))
                y += space + height
                start = end
                if start < count {
                    newPage()
                    space = 0
                }
            }
        }
        if pages.count > 1, pages[pages.count - 1].isEmpty { pages.removeLast() }
        return pages
    }
}
