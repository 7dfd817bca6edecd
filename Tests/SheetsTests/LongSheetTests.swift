import Catalogue
import Foundation
import Sheets
import Testing

/// A procedure long enough for three pages: page numbers, the running header, nothing lost.
@Suite("Long sheets", .enabled(if: Tool.hasPoppler))
struct LongSheetTests {
    let sample = Sample.shared

    /// A made-up procedure with `steps` numbered steps of Vietnamese prose.
    static func procedure(steps: Int) -> Procedure {
        Procedure(
            code: ProcedureCode("2.000999"), name: "Cấp giấy phép thử nghiệm dài nhiều trang",
            levels: [.commune], fields: [Field(name: "Thử nghiệm")],
            reception: [Reception(place: .communeCounter)],
            steps: [StepGroup(steps: (1...steps).map {
                Step(title: "Bước \($0)", text: "Người nộp hồ sơ chuẩn bị giấy tờ thứ \($0), kiểm tra kỹ thông tin, ký xác nhận và nộp tại Bộ phận Một cửa; công chức tiếp nhận đối chiếu, ghi sổ theo dõi và hẹn ngày trả kết quả (bước số \($0)).")
            })],
            channels: [Channel(method: .inPerson, time: ProcessingTime(value: 5, unit: .workingDays), fees: [Fee(amount: 0)])],
            dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Đơn đề nghị")])], sets: 1),
            results: [Outcome(name: "Giấy phép thử nghiệm")],
            legalBases: [LegalBasis(number: "63/2010/NĐ-CP")])
    }

    func sheet(steps: Int) -> Sheet {
        let context = SheetContext(
            province: sample.province, decisionNumber: "1/QĐ-UBND", inForceSince: .day("2026-01-01"), postedOn: .day("2026-06-01"))
        return Sheet(procedure: Self.procedure(steps: steps), key: "2.000999", context: context)
    }

    @Test func aThreePageSheetNumbersItsPagesAndContinues() throws {
        let scratch = try Scratch()
        // Find the number of steps that takes exactly three pages with the real fonts.
        let probe = try PDFRenderer(path: scratch.path("probe.pdf"))
        var steps = 10
        while probe.layout(sheet(steps: steps).section).pages.count < 3 { steps += 2 }
        let sheet = sheet(steps: steps)
        #expect(probe.layout(sheet.section).pages.count == 3)
        try probe.finish()

        let pdf = scratch.path("long.pdf")
        let counts = try PDFBook.write([sheet.section], to: pdf, notice: PDFBook.notice(for: sample.province))
        #expect(counts == [3])
        let pages = try Tool.pages(of: pdf)
        #expect(pages.count == 3)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Trang \(index + 1)/3"), "page \(index + 1) footer")
            #expect(page.contains(Province.sampleNotice))
            #expect(page.contains("(tiếp theo)") == (index > 0), "running header on page \(index + 1)")
        }
        #expect(pages[0].contains("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH"))
        #expect(!pages[1].contains("BẢNG NIÊM YẾT"))
        // Every step, once, in order, across the pages.
        let all = pages.joined(separator: "\n").words
        var from = all.startIndex
        for n in 1...steps {
            let marker = "(bước số \(n))."
            let found = try #require(all.range(of: marker, range: from..<all.endIndex), "step \(n) is missing or out of order")
            from = found.upperBound
            #expect(all.ranges(of: marker).count == 1, "step \(n) printed twice")
        }
        // The sheet ends with where to send feedback, on the last page.
        #expect(pages[2].contains(try #require(sample.province.feedback?.email)))
    }
}
