import Catalogue
import Foundation
import Site
import Testing

@Suite("Procedure pages")
struct ProcedurePageTests {
    /// Every part of the bundled birth registration (1.001193) appears on its page, as the model has it.
    @Test func everyPartOfTheSampleProcedureAppears() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: province, into: out + "/public")
        let history = try #require(catalogue.history(for: "1.001193"))
        let version = try #require(history.version(at: LocalDate(iso: "2026-11-01")!))
        let p = version.procedure
        let html = try Fixture.read(out + "/public/" + SitePath.procedure(p.code!))

        var expected: [String] = [p.name, p.code!.rawValue, "Có hiệu lực từ", version.from.vietnamese, version.decision]
        expected += p.steps.flatMap { $0.steps.map(\.text) }
        for channel in p.channels {
            expected.append(channel.method.vietnamese)
            expected.append(channel.time.vietnamese)
            expected += channel.fees.map(\.vietnamese).filter { !$0.isEmpty }
        }
        for item in p.dossier.allItems {
            expected.append(item.name)
            if let form = item.form { expected.append(form) }
            if item.originals > 0 { expected.append("\(String(format: "%02d", item.originals)) bản chính") }
            if item.copies > 0 { expected.append("\(String(format: "%02d", item.copies)) bản sao") }
        }
        expected += p.dossier.cases.compactMap(\.name)
        expected += p.results.map(\.name)
        expected += p.forms.map(\.name)
        expected += p.requirements.map(\.text)
        expected += p.legalBases.map(\.number)
        expected += p.subjects
        expected += p.agencies.map(\.name)
        #expect(!p.steps.isEmpty && !p.channels.isEmpty && !p.dossier.allItems.isEmpty && !p.legalBases.isEmpty)
        for text in expected {
            #expect(html.contains(escaped(text)), "missing on the page: \(text)")
        }
        // Submit online, open data, the sample notice, and the search-free page works without script.
        let online = try #require(p.online?.url)
        #expect(html.contains("href=\"\(escaped(online))\""))
        #expect(html.contains("href=\"../\(SitePath.procedureData(p.code!).replacingOccurrences(of: "thu-tuc/", with: "thu-tuc/"))\""))
        #expect(html.contains(Province.sampleNotice))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("href=\"#noi-dung\""))
    }

    /// Each version is listed with the decision that set it, and an amendment with its field-level changes.
    @Test func historyShowsEachVersionWithItsChanges() throws {
        let first = Tiny.procedure("1.000001", "Chứng thực chữ ký", days: 5, fee: 20_000)
        var second = first
        second.channels[0].time = ProcessingTime(value: 2, unit: .workingDays)
        let catalogue = Tiny.catalogue([
            Tiny.decision("10/QĐ-UBND", "2026-01-05", [DecisionItem(action: .new, procedure: first)]),
            Tiny.decision("20/QĐ-UBND", "2026-06-01", [DecisionItem(action: .amended, changedParts: [.processingTime], procedure: second)]),
        ])
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: Tiny.province, into: out + "/public")
        let html = try Fixture.read(out + "/public/thu-tuc/1.000001.html")
        #expect(html.contains("Phiên bản 1: Ban hành mới từ 05/01/2026 đến hết 31/05/2026"))
        #expect(html.contains("Phiên bản 2: Sửa đổi, bổ sung từ 01/06/2026"))
        #expect(html.contains("badge-lighter"))
        #expect(html.contains("href=\"../quyet-dinh/20-qd-ubnd.html\""))
        #expect(html.contains("Thời hạn giải quyết (") && html.contains("2 ngày làm việc"))
    }

    /// The QR code and the posting-sheet link appear only when the site has an address / sheets.
    @Test func qrCodeNeedsAnAddressAndSheetLinkNeedsARenderer() throws {
        let catalogue = Tiny.catalogue([
            Tiny.decision("10/QĐ-UBND", "2026-01-05", [DecisionItem(action: .new, procedure: Tiny.procedure("1.000001", "Thử", days: 1, fee: 0))]),
        ])
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: Tiny.province, into: out + "/a")
        let plain = try Fixture.read(out + "/a/thu-tuc/1.000001.html")
        #expect(!plain.contains("<svg"))
        #expect(!plain.contains("niem-yet/"))

        try Fixture.build(catalogue, province: Tiny.province, into: out + "/b", baseURL: "https://thutuc.example.vn",
                          sheet: { v, _ in "<!DOCTYPE html><title>\(v.procedure.name)</title>" })
        let full = try Fixture.read(out + "/b/thu-tuc/1.000001.html")
        #expect(full.contains("<!-- https://thutuc.example.vn/thu-tuc/1.000001.html -->"))
        #expect(full.contains("href=\"../niem-yet/1.000001.html\""))
        #expect(FileManager.default.fileExists(atPath: out + "/b/niem-yet/1.000001.html"))
    }
}
