import Catalogue
import Formats
import Testing
@testable import Import

@Suite("Planning the draft against the catalogue in force")
struct DraftPlanTests {
    static let day = LocalDate(year: 2026, month: 1, day: 1)!
    static let later = LocalDate(year: 2026, month: 12, day: 1)!

    static func procedure(_ code: String, _ name: String, days: Int = 5, field: Field = Field(name: "Hộ tịch", code: "G15-TP07"),
                          levels: [Level] = [.commune]) -> Procedure {
        Procedure(
            code: ProcedureCode(code), name: name, levels: levels, fields: [field],
            channels: [Channel(method: .inPerson, time: ProcessingTime(value: DecimalNumber(integerLiteral: days), unit: .workingDays))])
    }

    static func state(_ procedures: [Procedure]) -> CatalogueState {
        let decision = Decision(
            number: "1/QĐ-UBND", signedOn: day, authority: "ỦY BAN NHÂN DÂN TỈNH MẪU", title: "Công bố",
            items: procedures.map { DecisionItem(action: .new, procedure: $0) })
        let replay = Replay.run([SourcedDecision(decision: decision, location: SourceLocation(file: "1.xml"))])
        return replay.catalogue.state(at: later)
    }

    static func options(levels: [Level] = [], abolish: [String] = []) -> DraftPlan.Options {
        DraftPlan.Options(
            number: "99/QĐ-UBND", signedOn: later, authority: "ỦY BAN NHÂN DÂN TỈNH MẪU", title: "Dự thảo",
            levels: levels, abolishMissing: abolish)
    }

    static func record(_ p: Procedure, file: String, updatedAt: Int64? = nil, by number: String = "5/QĐ-BTP") -> PortalRecord {
        PortalRecord(file: file, procedure: p, announcedBy: AnnouncingDecision(number: number, signedOn: day, agency: "Bộ Tư pháp"), updatedAt: updatedAt)
    }

    @Test func newAmendedWithTheRealDifferenceAndUnchanged() throws {
        var inForce = Self.procedure("1.000001.000.00.00.H99", "Đăng ký khai sinh")
        inForce.annualVolume = 1200
        inForce.keywords = ["khai sinh"]
        let state = Self.state([inForce, Self.procedure("1.000002", "Đăng ký kết hôn")])
        let records = [
            Self.record(Self.procedure("1.000001", "Đăng ký khai sinh", days: 3), file: "a.json"),
            Self.record(Self.procedure("1.000002", "Đăng ký kết hôn"), file: "b.json"),
            Self.record(Self.procedure("1.000003", "Đăng ký khai tử"), file: "c.json"),
        ]
        let plan = DraftPlan.plan(records, state: state, options: Self.options())
        #expect(plan.rows.map(\.outcome) == [.amended([.processingTime]), .unchanged, .new])
        #expect(plan.decision.items.map(\.action) == [.new, .amended])
        let amended = try #require(plan.decision.items.last)
        #expect(amended.changedParts == [.processingTime])
        #expect(amended.basis == "5/QĐ-BTP")
        // What the portal does not hold is kept from the version in force, and the local code with it.
        #expect(amended.procedure?.annualVolume == 1200)
        #expect(amended.procedure?.keywords == ["khai sinh"])
        #expect(amended.procedure?.code?.rawValue == "1.000001.000.00.00.H99")
        #expect(plan.decision.parentDecision == "5/QĐ-BTP")
        #expect(plan.decision.legalBases == [LegalBasis(number: "5/QĐ-BTP", title: "Quyết định công bố thủ tục hành chính của Bộ Tư pháp", issuedOn: Self.day)])

        // The draft replays on top of the catalogue without a problem.
        let base = Decision(
            number: "1/QĐ-UBND", signedOn: Self.day, authority: "X", title: "Công bố",
            items: [inForce, Self.procedure("1.000002", "Đăng ký kết hôn")].map { DecisionItem(action: .new, procedure: $0) })
        let replay = Replay.run([
            SourcedDecision(decision: base, location: SourceLocation(file: "1.xml")),
            SourcedDecision(decision: plan.decision, location: SourceLocation(file: "draft.xml")),
        ])
        #expect(replay.diagnostics.isEmpty, "\(replay.diagnostics)")
        #expect(replay.catalogue.state(at: Self.later).count == 3)
    }

    @Test func abolishMissingProposesOnlyTheFieldAsked() {
        let state = Self.state([
            Self.procedure("1.000001", "Đăng ký khai sinh"),
            Self.procedure("1.000002", "Đăng ký kết hôn"),
            Self.procedure("2.000001", "Cấp phép", field: Field(name: "Xây dựng", code: "G09-XD01")),
        ])
        let records = [Self.record(Self.procedure("1.000001", "Đăng ký khai sinh"), file: "a.json")]
        for field in ["ho tich", "Hộ tịch", "g15-tp07"] {
            let plan = DraftPlan.plan(records, state: state, options: Self.options(abolish: [field]))
            #expect(plan.decision.items.map(\.action) == [.abolished])
            #expect(plan.decision.items.first?.code?.rawValue == "1.000002")
            #expect(plan.rows.map(\.outcome) == [.unchanged, .abolished])
        }
    }

    @Test func oneRecordPerCodeTheLatestEdit() {
        let records = [
            Self.record(Self.procedure("1.000003", "Cũ"), file: "a.json", updatedAt: 100),
            Self.record(Self.procedure("1.000003", "Mới"), file: "b.json", updatedAt: 200),
        ]
        let plan = DraftPlan.plan(records, state: Self.state([]), options: Self.options())
        #expect(plan.decision.items.map { $0.procedure?.name } == ["Mới"])
        #expect(plan.rows.count == 2)
        #expect(plan.rows.first { $0.file == "a.json" }?.outcome == .skipped("cùng mã với b.json, bản ghi được cập nhật sau hơn nên được dùng"))
    }

    @Test func levelFilterSkipsWithAReason() {
        let records = [
            Self.record(Self.procedure("1.000003", "Xã"), file: "a.json"),
            Self.record(Self.procedure("1.000004", "Tỉnh", levels: [.province]), file: "b.json"),
        ]
        let plan = DraftPlan.plan(records, state: Self.state([]), options: Self.options(levels: [.commune]))
        #expect(plan.decision.items.map { $0.procedure?.name } == ["Xã"])
        #expect(plan.decision.items.first?.level == .commune)
        #expect(plan.rows.last?.outcome == .skipped("không thuộc cấp xã (bản ghi: cấp tỉnh)"))
    }

    @Test func sameInputSameBytesWhateverTheOrder() {
        let records = (1...30).map { k in
            Self.record(Self.procedure("1.\(100_000 + k)", "Thủ tục \(k)", field: Field(name: "Lĩnh vực \(k % 4)")), file: "\(k).json", by: "\(k % 3)/QĐ-BTP")
        }
        let a = DraftPlan.plan(records, state: Self.state([]), options: Self.options())
        let b = DraftPlan.plan(records.reversed(), state: Self.state([]), options: Self.options())
        #expect(XMLFormat.write(a.decision) == XMLFormat.write(b.decision))
        #expect(JSONFormat.write(a.decision) == JSONFormat.write(b.decision))
        #expect(a.decision.legalBases.map(\.number) == ["0/QĐ-BTP", "1/QĐ-BTP", "2/QĐ-BTP"])
        #expect(a.decision.parentDecision == nil)
    }
}
