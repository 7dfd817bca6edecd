import Sheets
import Testing

/// Pagination without Cairo: blocks of known line heights through `Paginator`.
@Suite("Pagination")
struct PaginatorTests {
    /// A block of `lines` lines, 10 pt each.
    func block(_ lines: Int, space: Double = 4, keep: Bool = false, splittable: Bool = true) -> (Block, BlockMetrics) {
        (Block("x", spaceBefore: space, keepWithNext: keep), BlockMetrics(lineHeights: Array(repeating: 10, count: lines), splittable: splittable))
    }

    func paginate(_ items: [(Block, BlockMetrics)], first: Double = 100, other: Double = 90) -> [[Fragment]] {
        Paginator.paginate(items.map(\.0), metrics: items.map(\.1), firstPage: first, otherPages: other)
    }

    /// Every line of every block is placed exactly once, in order, inside its page.
    func expectComplete(_ pages: [[Fragment]], _ items: [(Block, BlockMetrics)], first: Double = 100, other: Double = 90) {
        var next = (block: 0, line: 0)
        for (number, page) in pages.enumerated() {
            #expect(!page.isEmpty, "page \(number + 1) is empty")
            for fragment in page {
                if fragment.block != next.block {
                    #expect(next.line == items[next.block].1.lineHeights.count, "block \(next.block) was cut short")
                    #expect(fragment.block == next.block + 1)
                    next = (fragment.block, 0)
                }
                #expect(fragment.lines.lowerBound == next.line)
                next.line = fragment.lines.upperBound
                #expect(fragment.y + fragment.height <= (number == 0 ? first : other) + 0.001, "overflows page \(number + 1)")
            }
        }
        #expect(next.block == items.count - 1 && next.line == items.last!.1.lineHeights.count)
    }

    @Test func blocksThatFitStayOnOnePageWithTheirSpacing() {
        let items = [block(2, space: 6), block(3, space: 6), block(1, space: 6)]
        let pages = paginate(items)
        #expect(pages.count == 1)
        #expect(pages[0].map(\.y) == [0, 26, 62])
        expectComplete(pages, items)
    }

    @Test func theSpaceAboveABlockIsDroppedAtTheTopOfAPage() {
        let items = [block(9), block(3, space: 8)]
        let pages = paginate(items)
        #expect(pages.count == 2)
        #expect(pages[1].first?.y == 0)
        expectComplete(pages, items)
    }

    @Test func aHeadingMovesWithTheFirstLinesOfWhatFollows() {
        // 80 pt used; the heading (10) fits but not with two lines of the next block.
        let items = [block(8, space: 0), block(1, space: 0, keep: true), block(5, space: 0)]
        let pages = paginate(items)
        #expect(pages.count == 2)
        #expect(pages[0].map(\.block) == [0])
        #expect(pages[1].map(\.block) == [1, 2])
        expectComplete(pages, items)
    }

    @Test func aLongParagraphBreaksLeavingTwoLinesOnEachSide() {
        // 7 lines used; 3 lines of room; a block of 4 lines would leave one widow, so it breaks 2 + 2.
        let items = [block(7, space: 0), block(4, space: 0)]
        let pages = paginate(items)
        #expect(pages.count == 2)
        #expect(pages[0].last?.lines == 0..<2)
        #expect(pages[1].first?.lines == 2..<4)
        expectComplete(pages, items)
    }

    @Test func oneLineOfRoomIsNotUsedForAnOrphan() {
        let items = [block(9, space: 0), block(6, space: 0)]
        let pages = paginate(items)
        #expect(pages[0].map(\.block) == [0])
        #expect(pages[1].first?.lines == 0..<6)
        expectComplete(pages, items)
    }

    @Test func aBlockTallerThanAPageRunsOverSeveralPages() {
        let items = [block(2, space: 0), block(25, space: 4)]
        let pages = paginate(items)
        #expect(pages.count == 3)
        #expect(pages.map { $0.reduce(0) { $0 + $1.lines.count } } == [9, 9, 9])
        expectComplete(pages, items)
    }

    @Test func anUnsplittableBlockMovesWhole() {
        let items = [block(6, space: 0), block(5, space: 0, splittable: false)]
        let pages = paginate(items)
        #expect(pages.count == 2)
        #expect(pages[1].first?.lines == 0..<5)
        expectComplete(pages, items)
    }

    @Test(arguments: 1...40)
    func anyMixOfBlocksIsPlacedCompletelyAndInOrder(seed: Int) {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let items = (0..<(5 + next(30))).map { _ in
            block(1 + next(14), space: Double(next(3) * 4), keep: next(5) == 0, splittable: next(6) != 0)
        }
        let pages = paginate(items)
        expectComplete(pages, items)
    }
}
