import Catalogue
import Foundation
import Sheets
import Testing

/// A commune's bundle: cover, table of contents by field, then the sheets it lists.
@Suite("Commune bundle", .enabled(if: Tool.hasPoppler))
struct BundleTests {
    let sample = Sample.shared
    static let date = LocalDate.day("2026-09-01")

    @Test func theTableOfContentsMatchesTheSheets() throws {
        let scratch = try Scratch()
        let commune = sample.province.communes[2]
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: commune, date: Self.date)
        let expected = Board.entries(sample.catalogue.state(at: Self.date), commune: commune.code).map(\.key)
        #expect(Set(bundle.sheets.map(\.key)) == Set(expected))
        #expect(bundle.sheets.count == expected.count)

        let pdf = scratch.path("bundle.pdf")
        let layout = try PDFBook.write(bundle, to: pdf)
        let pages = try Tool.pages(of: pdf)
        #expect(pages.count == layout.total)
        #expect(pages[0].contains("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH") && pages[0].contains(commune.name))
        #expect(pages[0].contains("\(expected.count) thủ tục hành chính"))

        // Read the table back from the PDF (layout mode keeps each entry's page number on its line).
        var entries: [(code: String, page: Int)] = []
        var fields: [String] = []
        let pattern = /^\s*\d+\. (\S+) – .*?\s(\d+)\s*$/
        let heading = /^\s*[IVXLC]+\. (.+) \(\d+ thủ tục\)\s*$/
        for number in layout.tableOfContents {
            let text = try Tool.run("pdftotext", ["-layout", "-f", "\(number)", "-l", "\(number)", pdf, "-"])
            for line in text.split(separator: "\n") {
                if let m = try pattern.wholeMatch(in: String(line)) { entries.append((String(m.1), Int(m.2)!)) }
                if let m = try heading.wholeMatch(in: String(line)) { fields.append(String(m.1)) }
            }
        }
        #expect(entries.map(\.code) == bundle.sheets.map(\.code), "the table lists every sheet, in the bundle's order")
        #expect(entries.map(\.page) == layout.sheetStarts)
        #expect(fields == bundle.groups.map(\.field))
        #expect(fields.count == Set(fields).count, "each field once")
        for (entry, sheet) in zip(entries, bundle.sheets) {
            let page = pages[entry.page - 1]
            #expect(page.contains("Mã thủ tục: \(entry.code)"), "page \(entry.page) should start sheet \(entry.code)")
            #expect(page.contains("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH"))
            #expect(page.squeezed.contains("–\(entry.page)–"), "the footer numbers the page in the bundle")
            #expect(page.holds(sheet.name), "page \(entry.page) should name \(sheet.name)")
        }
        // Sheets are grouped: a field's sheets are contiguous in the bundle.
        let order = bundle.sheets.map(\.field)
        #expect(order.count == Set(order).count + zip(order, order.dropFirst()).filter { $0 == $1 }.count)
    }

    /// A shaper reused from one commune's bundle to the next gives the same pages as a fresh one.
    @Test func reusingShapedTextAcrossCommunesChangesNothing() throws {
        let scratch = try Scratch()
        let communes = Array(sample.province.communes.prefix(3))
        let shared = TextShaper()
        for (index, commune) in communes.enumerated() {
            let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: commune, date: Self.date)
            let reused = scratch.path("reused-\(index).pdf"), fresh = scratch.path("fresh-\(index).pdf")
            let a = try PDFBook.write(bundle, to: reused, shaper: shared)
            let b = try PDFBook.write(bundle, to: fresh)
            #expect(a.sheetStarts == b.sheetStarts && a.total == b.total)
            #expect(try Tool.pages(of: reused) == Tool.pages(of: fresh), "\(commune.code)")
        }
    }

    /// Laying a bundle's sheets out on two threads gives the same pages as on one.
    @Test func layingOutOnTwoThreadsChangesNothing() throws {
        let scratch = try Scratch()
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: sample.province.communes[0], date: Self.date)
        let one = scratch.path("one.pdf"), two = scratch.path("two.pdf")
        let a = try PDFBook.write(bundle, to: one, threads: 1)
        let b = try PDFBook.write(bundle, to: two, threads: 2)
        #expect(bundle.sheets.count > 2)
        #expect(a.sheetStarts == b.sheetStarts && a.total == b.total)
        #expect(try Tool.pages(of: one) == Tool.pages(of: two))
    }

    /// Drawn in two parts and joined on their bytes, whichever sheet the parts meet at, the bundle
    /// has the pages, text and outline of the one drawn on one surface.
    @Test(arguments: [1, 2, 5]) func aBundleDrawnInTwoPartsIsTheSameBundle(frontSheets: Int) throws {
        let scratch = try Scratch()
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: sample.province.communes[0], date: Self.date)
        #expect(bundle.sheets.count > frontSheets)
        let one = scratch.path("one.pdf"), two = scratch.path("two.pdf")
        let a = try PDFBook.write(bundle, to: one, threads: 1)
        let b = try PDFBook.writeInTwoParts(bundle, to: two, frontSheets: frontSheets)
        #expect(a.sheetStarts == b.sheetStarts && a.total == b.total && a.tableOfContents == b.tableOfContents)
        #expect(try Tool.pages(of: one) == Tool.pages(of: two))
        let outline = { (pdf: String) in
            try Tool.run("pdftohtml", ["-xml", "-stdout", "-i", "-f", "1", "-l", "1", pdf])
                .matches(of: /<item page="(\d+)">(.*?)<\/item>/).map { "\($0.1) \($0.2)" }
        }
        #expect(try outline(two) == outline(one))
        #expect(try outline(two).count == bundle.sheets.count + 2)
        // Both parts embed their own font subsets: the joined file has twice the fonts.
        let fonts = { (pdf: String) in try Tool.run("pdffonts", [pdf]).split(separator: "\n").count - 2 }
        #expect(try fonts(two) == 2 * fonts(one))
    }

    /// The table of contents is drawn after the sheets and moved behind the cover: the PDF's
    /// outline still leads to the cover, the table and each sheet's first page.
    @Test(arguments: [1, 2]) func theOutlineLeadsToEachPart(threads: Int) throws {
        let scratch = try Scratch()
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: sample.province.communes[0], date: Self.date)
        let pdf = scratch.path("bundle.pdf")
        let layout = try PDFBook.write(bundle, to: pdf, threads: threads)
        let xml = try Tool.run("pdftohtml", ["-xml", "-stdout", "-i", "-f", "1", "-l", "1", pdf])
        let items = xml.matches(of: /<item page="(\d+)">(.*?)<\/item>/).map { match in
            let title = [("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")]
                .reduce(String(match.2)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
            return (page: Int(match.1)!, title: title)
        }
        #expect(items.map(\.title) == ["Bìa", "Mục lục"] + bundle.sheets.map { "\($0.code) – \($0.name)" })
        #expect(items.map(\.page) == [1, layout.tableOfContents.lowerBound] + layout.sheetStarts)
        let pages = try Tool.pages(of: pdf)
        #expect(pages[layout.tableOfContents.lowerBound - 1].contains("MỤC LỤC"))
    }
}
