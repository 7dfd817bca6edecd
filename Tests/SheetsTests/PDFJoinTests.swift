import Catalogue
import Foundation
@testable import Sheets
import Testing

/// Parts of a PDF drawn in memory on separate threads and joined by qpdf (`PDFJoin`), and the
/// bundle written that way (`PDFBook.writeInParts`).
@Suite("Joining PDF parts", .enabled(if: Tool.hasPoppler))
struct PDFJoinTests {
    let sample = Sample.shared
    static let date = LocalDate.day("2026-09-01")

    /// The outline items pdftohtml reads from a PDF: each title and the page it leads to.
    static func outline(of pdf: String) throws -> [(page: Int, title: String)] {
        let xml = try Tool.run("pdftohtml", ["-xml", "-stdout", "-i", "-f", "1", "-l", "1", pdf])
        return xml.matches(of: /<item page="(\d+)">(.*?)<\/item>/).map { (Int($0.1)!, String($0.2)) }
    }

    /// Three sheets drawn into three PDFs in memory, joined in order: every page is there, in order,
    /// with the text of its own sheet, and the outline leads to each sheet's first page.
    @Test func joinedPartsKeepTheirPagesInOrderWithTheOutline() throws {
        let scratch = try Scratch()
        let sheets = try ["1.001193", "1.004222", "1.004873"].map { try #require(sample.sheet($0, at: Self.date)) }
        var parts: [[UInt8]] = []
        var counts: [Int] = []
        for sheet in sheets {
            let renderer = try PDFRenderer(inMemory: PageGeometry(), shaper: TextShaper())
            let laid = renderer.layout(sheet.section)
            try renderer.drawWithoutOutline(laid)
            parts.append(try renderer.finishedBytes())
            counts.append(laid.pages.count)
        }
        #expect(parts.allSatisfy { $0.starts(with: Array("%PDF-".utf8)) })
        let starts = counts.indices.map { counts[..<$0].reduce(0, +) }
        let pdf = scratch.path("joined.pdf")
        try PDFJoin.write(
            parts, outline: zip(sheets, starts).map { PDFJoin.OutlineEntry(title: $0.code, page: $1) }, to: pdf)

        let pages = try Tool.pages(of: pdf)
        #expect(pages.count == counts.reduce(0, +))
        for (sheet, (start, count)) in zip(sheets, zip(starts, counts)) {
            #expect(pages[start].contains("Mã thủ tục: \(sheet.code)"), "page \(start + 1) starts \(sheet.code)")
            #expect(pages[start].holds(sheet.name))
            // A continued sheet's last page is still its own: "Trang y/y" of the same sheet.
            #expect(pages[start + count - 1].contains("Trang \(count)/\(count)"))
        }
        let outline = try Self.outline(of: pdf)
        #expect(outline.map(\.title) == sheets.map(\.code))
        #expect(outline.map(\.page) == starts.map { $0 + 1 })
        let fonts = try Tool.run("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(fonts.count >= 2 * 2, "each part keeps its own subsets of the fonts")
        #expect(fonts.allSatisfy { $0.contains("NotoSans") && $0.split(separator: " ").reversed().dropFirst(4).first == "yes" })
    }

    /// A bundle on two and three threads is cut into as many parts: the same pages, text for text,
    /// as on one thread (where nothing is joined), and its outline and table of contents agree.
    @Test(arguments: [2, 3]) func aBundleInPartsIsTheBundleOnOneThread(threads: Int) throws {
        let scratch = try Scratch()
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: sample.province.communes[0], date: Self.date)
        #expect(bundle.sheets.count > threads)
        let one = scratch.path("one.pdf"), parts = scratch.path("parts.pdf")
        let a = try PDFBook.write(bundle, to: one, threads: 1)
        let b = try PDFBook.write(bundle, to: parts, threads: threads)
        #expect(a.sheetStarts == b.sheetStarts && a.total == b.total && a.tableOfContents == b.tableOfContents)
        let pagesOne = try Tool.pages(of: one), pagesParts = try Tool.pages(of: parts)
        #expect(pagesParts.count == b.total)
        #expect(pagesParts == pagesOne)
        // The last sheet, drawn in the last part, ends the bundle with its own footer number.
        #expect(pagesParts[b.total - 1].squeezed.contains("–\(b.total)–"))
        #expect(try Self.outline(of: parts).map(\.page) == Self.outline(of: one).map(\.page))
    }

    /// The QR code of a sheet drawn in the last part still decodes to its procedure's page.
    @Test(.enabled(if: Tool.hasZbar)) func theQRCodeOfTheLastPartDecodes() throws {
        let scratch = try Scratch()
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: sample.province.communes[0], date: Self.date)
        let pdf = scratch.path("bundle.pdf")
        let layout = try PDFBook.write(bundle, to: pdf, threads: 2)
        let last = try #require(bundle.sheets.last)
        let png = try Tool.render(pdf, page: try #require(layout.sheetStarts.last))
        let decoded = try Tool.run("zbarimg", ["--quiet", "--raw", png]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(decoded == SitePath.url(SitePath.procedure(ProcedureCode(last.key)), base: sample.province.baseURL))
    }

    /// A part that is not a PDF is refused with the file's name and qpdf's reason; nothing is written.
    @Test func aBrokenPartIsAnErrorNamingTheFile() throws {
        let scratch = try Scratch()
        let renderer = try PDFRenderer(inMemory: PageGeometry(), shaper: TextShaper())
        let sheet = try #require(sample.sheet("1.001193", at: Self.date))
        try renderer.drawWithoutOutline(renderer.layout(sheet.section))
        let good = try renderer.finishedBytes()
        let pdf = scratch.path("joined.pdf")
        let error = try #require(throws: PDFJoin.Failure.self) {
            try PDFJoin.write([good, Array("not a PDF".utf8)], outline: [], to: pdf)
        }
        #expect(error.description.hasPrefix("\(pdf): error: cannot read the PDF Cairo wrote"))
        #expect(error.description.contains("qpdf:"))
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }
}
