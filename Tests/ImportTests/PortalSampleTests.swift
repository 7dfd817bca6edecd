import Catalogue
import Foundation
import Testing
@testable import Import

@Suite("National portal records (shared/data/dvcqg)")
struct PortalSampleTests {
    @Test func theSamplesAreThere() {
        #expect(PortalSamples.files.count >= 6, "expected the records in \(PortalSamples.folder.path)")
    }

    @Test("Every national portal record imports without error", arguments: PortalSamples.files)
    func importsWithoutError(file: String) throws {
        let (record, diagnostics) = PortalImport.readFile(PortalSamples.folder.appendingPathComponent(file).path)
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
        let procedure = try #require(record).procedure
        #expect(procedure.code?.national != nil)
        #expect(!procedure.name.isEmpty)
        #expect(!procedure.channels.isEmpty)
        #expect(!procedure.steps.isEmpty)
        #expect(!procedure.legalBases.isEmpty)
        // Every warning names its JSON path after the file position.
        for d in diagnostics {
            #expect(d.location?.line ?? 0 > 0)
            #expect(d.message.contains(": "))
        }
    }

    @Test("National portal record 1.010038 (Tách hộ): fees, time, cases, notes, legal basis")
    func splitHousehold() throws {
        let (record, _) = PortalSamples.read(code: "1.010038")
        let r = try #require(record)
        let p = r.procedure
        #expect(p.code?.rawValue == "1.010038")
        #expect(p.levels == [.commune])
        #expect(p.fields == [Field(name: "Đăng ký, quản lý cư trú", code: "G01-CA05")])
        let inPerson = try #require(p.channel(.inPerson))
        #expect(inPerson.time == ProcessingTime(value: 5, unit: .workingDays))
        #expect(inPerson.fees.map(\.amount) == [10000, 0])
        #expect(inPerson.fees.allSatisfy { $0.kind == .fee && $0.currency == nil })
        #expect(p.channel(.online)?.fees.first?.amount == 5000)
        #expect(p.channel(.postal) == nil)
        // "*Lưu ý:" holds notes, not papers: two real cases remain, with 2 and 1 items.
        #expect(p.dossier.cases.map(\.items.count) == [2, 1])
        #expect(p.dossier.cases[0].name?.hasPrefix("Trường hợp thành viên hộ gia đình đăng ký tách hộ") == true)
        #expect(p.dossier.cases[0].items[0].form == "Mẫu CT01")
        #expect(p.dossier.cases[0].items[0].code == "000.00.00.G01-KQ003625")
        #expect(p.dossier.cases[0].items[0].name.hasSuffix("53/2025/TT-BCA)"), "trailing ';' dropped")
        #expect(p.notes?.hasPrefix("Việc nộp hồ sơ đăng ký cư trú") == true)
        #expect(p.legalBases.contains(LegalBasis(number: "68/2020/QH14", title: "Luật Cư trú 2020")))
        #expect(p.legalBases.count == 9)
        #expect(p.steps.count == 1)
        #expect(p.steps[0].steps.map(\.title) == ["Bước 1", "Bước 2", "Bước 3", "Bước 4"])
        #expect(p.steps[0].steps[1].text == "Cá nhân, tổ chức nộp hồ sơ đến Công an cấp xã.")
        #expect(p.results.map(\.code) == ["KQ.G01.000064", "KQ.G01.000065", "KQ.G01.000066", "KQ.G01.000067"])
        #expect(p.online == OnlineService(level: .partial, codes: ["1.010038.01"]))
        #expect(p.agencies == [Agency(role: .performing, name: "Công an cấp Xã"), Agency(role: .competent, name: "Công an cấp Xã")])
        #expect(p.requirements.count == 1)
        #expect(r.announcedBy == AnnouncingDecision(number: "5548/QĐ-BCA-C06", signedOn: LocalDate(year: 2021, month: 7, day: 6), agency: "Bộ Công an"))
    }

    @Test("National portal record 1.000931: a fee in USD, forms from attachments, step titles")
    func borderPermit() throws {
        let (record, diagnostics) = PortalSamples.read(code: "1.000931")
        let p = try #require(record).procedure
        let fee = try #require(p.channel(.inPerson)?.fees.first)
        #expect(fee == Fee(kind: .charge, amount: 10, currency: "USD", description: "10 USD/người"))
        #expect(p.dossier.cases.count == 1 && p.dossier.cases[0].name == nil)
        #expect(p.dossier.cases[0].items.map(\.originals) == [1, 1, 1])
        #expect(p.dossier.cases[0].items.map(\.copies) == [1, 0, 0])
        #expect(p.dossier.cases[0].items.map(\.required) == [false, false, false])
        #expect(p.dossier.cases[0].items[1].form == "Mẫu NA14")
        #expect(p.forms.map(\.file) == ["NA15.pdf", "12-Mẫu NA14 2015.doc"])
        #expect(p.steps[0].steps.map(\.title) == ["Bước 1", "Bước 2: Nộp hồ sơ", "Bước 3: Nhận kết quả"])
        // "Nghị định 118/2025/NĐ-CP " and "Thông tư số 70/2026/TT-BCA" are cited by their numbers.
        #expect(p.legalBases.map(\.number).contains("118/2025/NĐ-CP"))
        #expect(p.legalBases.map(\.number).contains("70/2026/TT-BCA"))
        #expect(p.legalBases.first { $0.number == "367/2025/NĐ-CP" }?.title?.contains("\n") == false)
        #expect(diagnostics.contains { $0.message.hasPrefix("returningMethods:") })
        #expect(diagnostics.contains { $0.message.hasPrefix("isVertical:") })
    }

    @Test("National portal record 1.012538: time per stage, a repeated paper kept, a notes-only case")
    func securityForceAllowance() throws {
        let (record, diagnostics) = PortalSamples.read(code: "1.012538")
        let p = try #require(record).procedure
        let time = try #require(p.channel(.inPerson)?.time)
        #expect(time.value == 10 && time.unit == .workingDays)
        #expect(time.stages.map(\.value) == [2, 5, 3])
        #expect(p.dossier.cases.map(\.items.count) == [4, 4])
        // The application form is asked in both cases: the review must see it twice.
        #expect(p.dossier.allItems.filter { $0.code == "000.00.00.G01-KQ002914" }.count == 2)
        #expect(p.dossier.cases[1].items[1] .originals == 0 && p.dossier.cases[1].items[1].copies == 1)
        #expect(p.notes?.hasPrefix("Khi các cơ quan quản lý nhà nước hoàn thành việc kết nối") == true)
        #expect(p.agencies == [Agency(role: .performing, name: "Ủy ban nhân dân cấp xã")])
        #expect(diagnostics.contains { $0.message.hasPrefix("executionCases[2].profileComponents[0].hasElectronicForm: true is not imported") })
        #expect(diagnostics.contains { $0.message.hasPrefix("cases[0].processingDay:") })
    }

    @Test("National portal record 1.000358: repeated legal bases once, two online-service codes, free")
    func branchLicenceExtension() throws {
        let (record, _) = PortalSamples.read(code: "1.000358")
        let p = try #require(record).procedure
        #expect(p.legalBases.map(\.number) == ["11/2016/TT-BCT", "07/2016/NĐ-CP", "38/2025/TT-BCT", "146/2025"])
        #expect(p.online?.codes == ["1.000358.01", "1.000358.02"])
        #expect(p.channels.map(\.method) == [.inPerson, .online, .postal])
        #expect(p.channels.allSatisfy { $0.fees == [Fee(kind: .fee, amount: 0)] })
        #expect(p.levels == [.province, .shared])
        #expect(p.dossier.cases[0].items.count == 4)
    }

    @Test("National portal record 2.001410: one online code listed twice, agencies by role")
    func sealReRegistration() throws {
        let (record, _) = PortalSamples.read(code: "2.001410")
        let p = try #require(record).procedure
        #expect(p.online?.codes == ["2.001410.01"])
        #expect(p.agencies(.performing) == ["Phòng cảnh sát quản lý hành chính về trật tự xã hội", "Công an tỉnh"])
        #expect(p.agencies(.competent).count == 2)
        #expect(p.subjects.count == 9)
        #expect(p.steps[0].steps.count == 3)
    }

    @Test("National portal record 3.000284: 'không' means no requirement and no note")
    func unlockIdentityAccount() throws {
        let (record, _) = PortalSamples.read(code: "3.000284")
        let p = try #require(record).procedure
        #expect(p.requirements.isEmpty)
        #expect(p.notes == nil)
        #expect(p.online == nil)
        #expect(p.channels.map(\.method) == [.inPerson, .postal])
        #expect(p.steps[0].steps.count == 3)
        #expect(p.steps[0].steps[0].text.contains("\n(Lưu ý:"))
    }
}
