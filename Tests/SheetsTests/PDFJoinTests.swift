import Catalogue
import Foundation
@testable import Sheets
import Testing

/// PDFs that Cairo wrote, joined on their bytes (`PDFJoin`): the two parts of a bundle drawn on
/// two cores at once.
@Suite("PDF join", .enabled(if: Tool.hasPoppler))
struct PDFJoinTests {
    let sample = Sample.shared
    static let date = LocalDate.day("2026-09-01")

    /// Two PDFs of a few sample sheets each, and the text of each of their pages.
    private func parts(in scratch: borrowing Scratch) throws -> (bytes: [[UInt8]], pages: [[String]]) {
        let entries = sample.catalogue.state(at: Self.date).entries
        let sheets = entries.prefix(5).compactMap { sample.sheet($0.key, at: Self.date) }
        #expect(sheets.count == 5)
        var bytes: [[UInt8]] = []
        var pages: [[String]] = []
        for (index, group) in [Array(sheets[..<2]), Array(sheets[2...])].enumerated() {
            let path = scratch.path("part-\(index).pdf")
            try PDFBook.write(group.map(\.section), to: path, notice: nil, title: "Phần \(index + 1)")
            bytes.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            pages.append(try Tool.pages(of: path))
        }
        #expect(pages[0].count >= 2 && pages[1].count >= 3)
        return (bytes, pages)
    }

    @Test func pagesComeInTheOrderAskedWithTheirTextAndOutline() throws {
        let scratch = try Scratch()
        let (bytes, pages) = try parts(in: scratch)
        // The second part's pages last first, then the first part's in order.
        let order = pages[1].indices.reversed().map { PDFJoin.PageSource(part: 1, page: $0) }
            + pages[0].indices.map { PDFJoin.PageSource(part: 0, page: $0) }
        let outline = [
            PDFJoin.OutlineEntry(title: "Bìa – Phường Hà Hiệp (1)", page: 0),
            PDFJoin.OutlineEntry(title: "Mục lục", page: order.count - 1),
        ]
        let joined = try PDFJoin.join(bytes, order: order, outline: outline)
        let path = scratch.path("joined.pdf")
        try Data(joined).write(to: URL(fileURLWithPath: path))

        let text = try Tool.pages(of: path)
        #expect(text == order.map { pages[$0.part][$0.page] })
        let info = try Tool.run("pdfinfo", [path])
        #expect(info.contains("Pages:           \(order.count)"))
        #expect(info.contains("Phần 1"), "the first part's title is the document's")

        let xml = try Tool.run("pdftohtml", ["-xml", "-stdout", "-i", "-f", "1", "-l", "1", path])
        let items = xml.matches(of: /<item page="(\d+)">(.*?)<\/item>/).map { (Int($0.1)!, String($0.2)) }
        #expect(items.map(\.0) == [1, order.count])
        #expect(items.map(\.1) == outline.map(\.title))

        if Tool.path("qpdf") != nil {
            // qpdf exits 0 only when it finds no error in the file's structure.
            let check = try Tool.run("qpdf", ["--check", path])
            #expect(check.contains("No syntax or stream encoding errors"))
        }
    }

    /// One part alone, in its own order: the same pages as Cairo wrote.
    @Test func onePartJoinedAloneKeepsItsPages() throws {
        let scratch = try Scratch()
        let (bytes, pages) = try parts(in: scratch)
        let joined = try PDFJoin.join(
            [bytes[1]], order: pages[1].indices.map { PDFJoin.PageSource(part: 0, page: $0) }, outline: [])
        let path = scratch.path("alone.pdf")
        try Data(joined).write(to: URL(fileURLWithPath: path))
        #expect(try Tool.pages(of: path) == pages[1])
    }

    @Test func aBrokenPartOrAMissingPageIsAnError() throws {
        let scratch = try Scratch()
        let (bytes, _) = try parts(in: scratch)
        let truncated = Array(bytes[0].prefix(bytes[0].count / 2))
        #expect(throws: PDFJoin.Failure.self) {
            try PDFJoin.join([truncated], order: [.init(part: 0, page: 0)], outline: [])
        }
        #expect(throws: PDFJoin.Failure.self) {
            try PDFJoin.join(bytes, order: [.init(part: 1, page: 99)], outline: [])
        }
        #expect(throws: PDFJoin.Failure.self) {
            try PDFJoin.join(bytes, order: [.init(part: 0, page: 0)], outline: [.init(title: "x", page: 1)])
        }
    }

    /// Outline titles are UTF-16 with a byte-order mark, as Cairo writes them.
    @Test(arguments: zip(["Bìa", "Mục lục", "a(b)"], ["<FEFF004200EC0061>", "<FEFF004D1EE500630020006C1EE50063>", "<FEFF0061002800620029>"]))
    func titlesAreTextStrings(title: String, expected: String) {
        #expect(PDFJoin.textString(title) == expected)
    }
}
