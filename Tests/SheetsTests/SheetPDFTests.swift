import Catalogue
import Foundation
import Sheets
import Testing

/// One procedure's sheet as a PDF, read back with Poppler and zbar as a reviewer would.
@Suite("Sheet PDF", .enabled(if: Tool.hasPoppler))
struct SheetPDFTests {
    static let date = LocalDate.day("2026-06-01")
    let sample = Sample.shared

    /// Writes the sheet of the bundled procedure `key` and returns its pages' text without the
    /// running headers and footers, whitespace collapsed.
    func body(of sheet: Sheet, in scratch: borrowing Scratch) throws -> (text: String, pages: [String]) {
        let pdf = scratch.path("\(sheet.key).pdf")
        try PDFBook.write([sheet.section], to: pdf, notice: PDFBook.notice(for: sample.province))
        let pages = try Tool.pages(of: pdf)
        let margins = [Province.sampleNotice, sheet.footer, sheet.continuation.words]
        let text = pages.map { page in
            page.components(separatedBy: "\n").filter { line in
                let l = line.words
                return !margins.contains(l) && !l.hasPrefix("Trang ")
            }.joined(separator: "\n")
        }.joined(separator: "\n")
        return (text.words, pages)
    }

    @Test(arguments: ["1.001193", "1.004222", "1.003956"])
    func everyPartOfTheProcedureIsInTheText(key: String) throws {
        let scratch = try Scratch()
        let sheet = try #require(sample.sheet(key, at: Self.date))
        let p = try #require(sample.entry(key, at: Self.date)).procedure
        let (text, pages) = try body(of: sheet, in: scratch)
        #expect(text.isNFC)
        var expected = ["BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH", p.name, sheet.code]
        expected += p.fields.map(\.name) + p.levels.map(\.vietnamese)
        expected += p.steps.flatMap { $0.steps.map(\.text) }
        for channel in p.channels {
            expected += [channel.method.vietnamese, channel.time.vietnamese] + channel.fees.map(\.vietnamese)
            expected += channel.fees.flatMap(\.exemptions)
        }
        expected += p.dossier.cases.compactMap(\.name) + p.dossier.allItems.map(\.name)
        expected += p.forms.map(\.name) + p.results.map(\.name) + p.requirements.map(\.text)
        expected += p.legalBases.map(\.number) + p.legalBases.compactMap(\.title)
        expected += p.agencies.map(\.name) + p.subjects
        expected.append((p.online?.level ?? .none).vietnamese)
        let version = try #require(sample.entry(key, at: Self.date)).version
        expected += [version.decision, version.from.vietnamese, Self.date.vietnamese]
        let feedback = try #require(sample.province.feedback)
        expected += [feedback.agency, feedback.address, feedback.phone, feedback.email].compactMap { $0 }
        expected.append(SitePath.url(SitePath.procedure(ProcedureCode(key)), base: sample.province.baseURL)!)
        for piece in expected where !piece.isEmpty {
            #expect(text.holds(piece), "missing from the PDF text: \(piece)")
        }
        for page in pages {
            #expect(page.contains(Province.sampleNotice), "every page says the data is made up")
        }
    }

    /// National portal record 1.001193 (birth registration) in the sample, at a commune counter.
    @Test func aCommuneSheetNamesItsCounterAndItsContacts() throws {
        let scratch = try Scratch()
        let commune = sample.province.communes[1]
        let sheet = try #require(sample.sheet("1.001193", at: Self.date, commune: commune))
        let (text, _) = try body(of: sheet, in: scratch)
        #expect(text.holds("ỦY BAN NHÂN DÂN \(commune.name.uppercased())"))
        #expect(text.holds("Bộ phận Một cửa \(commune.name)"))
        for contact in [commune.address, commune.phone, commune.email].compactMap({ $0 }) {
            #expect(text.holds(contact))
        }
    }

    @Test func theFontIsEmbeddedNotoSans() throws {
        let scratch = try Scratch()
        let sheet = try #require(sample.sheet("1.001193", at: Self.date))
        let pdf = scratch.path("s.pdf")
        try PDFBook.write([sheet.section], to: pdf, notice: nil)
        let rows = try Tool.run("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(row.contains("NotoSans"), "\(row)")
            // name, type (one or two words), encoding, emb, sub, uni, object, id
            #expect(columns[columns.count - 5] == "yes", "not embedded: \(row)")
        }
    }

    @Test(.enabled(if: Tool.hasZbar), arguments: ["1.001193", "1.004222"])
    func theQRCodeDecodesToTheProcedurePage(key: String) throws {
        let scratch = try Scratch()
        let sheet = try #require(sample.sheet(key, at: Self.date))
        let pdf = scratch.path("qr.pdf")
        try PDFBook.write([sheet.section], to: pdf, notice: nil)
        let png = try Tool.render(pdf, page: 1)
        let decoded = try Tool.run("zbarimg", ["--quiet", "--raw", png]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(decoded == SitePath.url(SitePath.procedure(ProcedureCode(key)), base: sample.province.baseURL))
        #expect(decoded == "https://thutuc.mau.gov.vn/thu-tuc/\(key).html")
    }
}
