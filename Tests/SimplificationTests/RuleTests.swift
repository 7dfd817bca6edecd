import Catalogue
import Simplification
import Testing

/// Known answers on the bundled sample (its planted opportunities), and for each rule a case that
/// must fire and one that must not.
@Suite("Review rules")
struct RuleTests {
    // MARK: database

    @Test func databaseNamesTheDatabaseAndItsMinistry() throws {
        let karaoke = Support.findings(.database, code: "1.001029")
        let f = try #require(karaoke.first)
        #expect(karaoke.count == 1)
        #expect(f.subject == "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh")
        #expect(f.database?.database == "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp")
        #expect(f.database?.ministry == "Bộ Tài chính")
        #expect(f.legalGround.contains("66.7/2025/NQ-CP"))
        #expect(f.edits == [.removeItem(case: 0, item: 2)])
    }

    @Test func databaseFindsEachKindOfPaperInTheSample() {
        let ids = Set(Support.sampleReport.findings.filter { $0.rule == .database }.compactMap {
            Support.matcher.read($0.subject).concept?.id
        })
        for id in ["identity", "birth", "marital-status", "criminal-record", "health-check", "business-registration"] {
            #expect(ids.contains(id), "no database finding for \(id)")
        }
    }

    @Test func databaseDoesNotFireOnFormsOrPapersNoDatabaseHolds() {
        // 3.000722 asks an e-form naming the identity card; 1.001029 a security certificate.
        #expect(Support.findings(.database, code: "3.000722").isEmpty)
        #expect(!Support.findings(.database, code: "1.001029").contains { $0.subject.contains("an ninh, trật tự") })
        let p = Support.procedure(["Tờ khai đề nghị", "Giấy chứng sinh"])
        #expect(Support.review(p, rules: [.database]).isEmpty)
    }

    // MARK: household-book

    @Test func householdBookInTheSample() throws {
        let poor = try #require(Support.findings(.householdBook, code: "1.011607").first)
        #expect(poor.subject == "Bản sao Sổ hộ khẩu")
        #expect(poor.legalGround.contains("104/2022/NĐ-CP"))
        // 1.001776 asked for it until decision 156/QĐ-UBND (20/01/2026) cut it.
        let old = Support.review(at: LocalDate(iso: "2025-12-31")!, rules: [.householdBook])
        #expect(Support.findings(.householdBook, code: "1.001776", in: old).map(\.subject) == ["Bản sao Sổ hộ khẩu"])
        #expect(Support.findings(.householdBook, code: "1.001776").isEmpty)
    }

    @Test func householdBookInRequirementsAndSteps() {
        let p = Support.procedure(
            ["Tờ khai"], requirements: [Requirement(text: "Có tên trong sổ hộ khẩu tại xã", basis: "Luật X")],
            steps: ["Xuất trình sổ tạm trú khi nhận kết quả"])
        let found = Support.review(p, rules: [.householdBook])
        #expect(found.map(\.location).sorted() == ["Trình tự thực hiện, bước 1", "Yêu cầu, điều kiện 1"])
        #expect(Support.review(Support.procedure(["Tờ khai", "Hộ chiếu"]), rules: [.householdBook]).isEmpty)
    }

    // MARK: certified-copy

    @Test func certifiedCopyInTheSample() throws {
        let f = try #require(Support.findings(.certifiedCopy, code: "1.001699").first)
        #expect(f.subject == "Bản sao có chứng thực Giấy khai sinh")
        #expect(f.legalGround.contains("23/2015/NĐ-CP"))
        // The certification procedure itself asks for "Bản sao cần chứng thực": not a demand.
        #expect(!Support.sampleReport.findings.contains { $0.rule == .certifiedCopy && $0.subject == "Bản sao cần chứng thực" })
        #expect(Support.findings(.certifiedCopy, code: "1.001776").isEmpty)
    }

    @Test func certifiedCopyBecomesAPlainCopyShownWithTheOriginal() throws {
        let p = Support.procedure(["Đơn", "Bản sao có chứng thực Giấy chứng nhận kết hôn"])
        let f = try #require(Support.review(p, rules: [.certifiedCopy]).first)
        let after = Edit.apply(f.edits, to: p)
        #expect(after.dossier.cases[0].items[1].name == "Bản sao Giấy chứng nhận kết hôn")
        #expect(after.dossier.cases[0].items[1].note == "Xuất trình bản chính để đối chiếu")
        #expect(Support.review(Support.procedure(["Bản sao Giấy chứng nhận kết hôn"]), rules: [.certifiedCopy]).isEmpty)
    }

    // MARK: sets

    @Test func setsInTheSample() {
        for code in ["1.001029", "1.003956"] {
            #expect(Support.findings(.sets, code: code).map(\.subject) == ["2 bộ"], "\(code)")
        }
        #expect(Support.findings(.sets, code: "1.004498").isEmpty)
        #expect(Support.review(Support.procedure(["Đơn"], sets: nil), rules: [.sets]).isEmpty)
    }

    // MARK: duplicate-item

    @Test func duplicateItemInTheSample() throws {
        let f = try #require(Support.findings(.duplicateItem, code: "2.001035").first)
        #expect(f.location == "Thành phần hồ sơ, mục 4")
        #expect(f.edits == [.removeItem(case: 0, item: 3)])
        // The adopter's health check twice (once without a name), but not the child's.
        let adoption = Support.findings(.duplicateItem, code: "2.001263")
        #expect(adoption.map(\.subject) == ["Giấy khám sức khỏe của người nhận con nuôi"])
    }

    @Test func duplicateItemByMeaningNotSpelling() {
        let p = Support.procedure(["Đơn", "Bản sao CMND", "Bản sao có chứng thực chứng minh nhân dân"])
        #expect(Support.review(p, rules: [.duplicateItem]).map(\.subject) == ["Bản sao có chứng thực chứng minh nhân dân"])
    }

    @Test func theSamePaperInTwoAlternativeCasesIsNoDuplicate() {
        // 1.001193 asks the declaration in each of its three cases.
        #expect(Support.findings(.duplicateItem, code: "1.001193").isEmpty)
        var p = Support.procedure(["Tờ khai"])
        p.dossier.cases = [
            DossierCase(name: "A", items: [DossierItem(name: "Giấy khai sinh"), DossierItem(name: "Đơn")]),
            DossierCase(name: "B", items: [DossierItem(name: "Giấy khai sinh")]),
        ]
        #expect(Support.review(p, rules: [.duplicateItem]).isEmpty)
        p.dossier.cases[1].items.append(DossierItem(name: "Bản sao giấy khai sinh"))
        #expect(Support.review(p, rules: [.duplicateItem]).map(\.location) == ["Thành phần hồ sơ, trường hợp «B», mục 2"])
    }

    // MARK: no-basis

    @Test func noBasisInTheSample() {
        #expect(Support.findings(.noBasis, code: "2.001263").map(\.subject).first?.hasPrefix("Người nhận con nuôi có thu nhập") == true)
        #expect(Support.findings(.noBasis, code: "1.001029").count == 1)
        #expect(Support.findings(.noBasis, code: "1.001193").isEmpty)
        let p = Support.procedure(["Đơn"], requirements: [Requirement(text: "Có việc làm", basis: "  ")])
        #expect(Support.review(p, rules: [.noBasis]).count == 1)
    }

    // MARK: online

    @Test func onlineWhenNothingNeedsPresence() {
        let partial = Support.procedure(["Đơn"], online: .partial, steps: ["Nộp hồ sơ", "Nhận kết quả"])
        let f = Support.review(partial, rules: [.online])
        #expect(f.map(\.edits) == [[.fullyOnline]])
        let after = Edit.apply(f[0].edits, to: partial)
        #expect(after.online?.level == .full)
        #expect(after.channel(.online) != nil)
    }

    @Test func notOnlineWhenAStepNeedsPresence() {
        let signing = Support.procedure(["Đơn"], online: .partial, steps: ["Các bên ký trước mặt người thực hiện chứng thực"])
        #expect(Support.review(signing, rules: [.online]).isEmpty)
        #expect(Support.review(Support.procedure(["Đơn"], online: .full), rules: [.online]).isEmpty)
        var shown = Support.procedure(["Đơn"], online: .partial)
        shown.dossier.cases[0].items.append(DossierItem(name: "Bản chính văn bằng", presentation: .show))
        #expect(Support.review(shown, rules: [.online]).isEmpty)
    }

    // MARK: time

    @Test func timeLongerThanElsewhere() throws {
        let p = Support.procedure(["Đơn"], code: "1.001699")
        let faster = TimeReference(time: ProcessingTime(value: 3, unit: .workingDays), source: "Tỉnh B")
        let f = try #require(Support.review(p, rules: [.time], references: ["1.001699": faster]).first)
        #expect(f.reason.contains("Tỉnh B"))
        #expect(Edit.apply(f.edits, to: p).channels[0].time == faster.time)
        // Equal, longer elsewhere, or not comparable (hours against days): nothing.
        for time in [ProcessingTime(value: 5, unit: .workingDays), ProcessingTime(value: 7, unit: .workingDays),
                     ProcessingTime(value: 5, unit: .days), ProcessingTime(value: 8, unit: .hours)] {
            let other = TimeReference(time: time, source: "Tỉnh C")
            #expect(Support.review(p, rules: [.time], references: ["1.001699": other]).isEmpty, "\(time)")
        }
        #expect(Support.review(p, rules: [.time], references: ["1.000001": faster]).isEmpty)
    }

    @Test func timeLongerThanTheNationalRecordChannelByChannel() throws {
        var p = Support.procedure(["Đơn"], code: "1.010038.000.00.00.H12")
        p.channels.append(Channel(method: .online, time: ProcessingTime(value: 5, unit: .workingDays)))
        // The record is faster in person only; online it allows longer.
        let record = NationalTime(
            times: [.inPerson: ProcessingTime(value: 3, unit: .workingDays), .online: ProcessingTime(value: 7, unit: .workingDays)],
            file: "dvcqg/tach-ho.json")
        let f = try #require(Support.review(p, rules: [.time], national: ["1.010038": record]).first)
        #expect(f.rule == .time)
        #expect(f.subject == "Trực tiếp: 5 ngày làm việc")
        #expect(f.reason.contains("hồ sơ quốc gia trên Cổng Dịch vụ công quốc gia, tệp dvcqg/tach-ho.json"))
        #expect(f.reason.contains("trực tiếp 5 ngày làm việc tại đây, 3 ngày làm việc trong hồ sơ quốc gia"))
        let shortened = Edit.apply(f.edits, to: p)
        #expect(shortened.channels.map(\.time) == [ProcessingTime(value: 3, unit: .workingDays), ProcessingTime(value: 5, unit: .workingDays)])
    }

    @Test(arguments: [
        ProcessingTime(value: 5, unit: .workingDays), ProcessingTime(value: 7, unit: .workingDays),
        ProcessingTime(value: 5, unit: .days), ProcessingTime(value: 8, unit: .hours), ProcessingTime(text: "Theo quy định"),
    ])
    func timeNotLongerThanTheNationalRecord(_ time: ProcessingTime) {
        let p = Support.procedure(["Đơn"], code: "1.010038")
        let record = NationalTime(times: [.inPerson: time], file: "x.json")
        #expect(Support.review(p, rules: [.time], national: ["1.010038": record]).isEmpty)
        // A record of another code, or one without this channel: nothing either.
        let faster = ProcessingTime(value: 1, unit: .workingDays)
        #expect(Support.review(p, rules: [.time], national: ["1.000001": NationalTime(times: [.inPerson: faster], file: "x.json")]).isEmpty)
        #expect(Support.review(p, rules: [.time], national: ["1.010038": NationalTime(times: [.online: faster], file: "x.json")]).isEmpty)
    }
}
