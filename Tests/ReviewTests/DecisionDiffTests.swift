import Catalogue
import Testing

@testable import Review

@Suite struct DecisionDiffTests {
    func decision(_ items: [DecisionItem]) -> Decision {
        Decision(number: "12/QĐ-UBND", signedOn: LocalDate(year: 2026, month: 1, day: 5)!,
                 authority: "ỦY BAN NHÂN DÂN TỈNH MẪU", title: "Công bố danh mục", items: items)
    }

    @Test func identicalDecisionsHaveNoChanges() {
        let d = decision([DecisionItem(action: .amended, procedure: residence())])
        #expect(DecisionDiff.compare(d, d).isEmpty)
    }

    @Test func itemsPairByCodeKeyNotPosition() throws {
        var local = residence()
        local.code = ProcedureCode("1.004222.000.00.00.H99")
        local.channels[0].time = ProcessingTime(value: 10, unit: .workingDays)
        let abolished = DecisionItem(action: .abolished, code: ProcedureCode("1.003197"), name: "Xóa đăng ký thường trú")
        let added = DecisionItem(action: .new, name: "Thủ tục mới không mã",
                                 procedure: Procedure(name: "Thủ tục mới không mã"))
        let old = decision([abolished, DecisionItem(action: .amended, procedure: residence())])
        let new = decision([DecisionItem(action: .amended, procedure: local), added])
        let diff = DecisionDiff.compare(old, new)
        #expect(diff.entries.map(\.status) == [.removed, .compared, .added])
        let compared = try #require(diff.entries.first { $0.key == "1.004222" })
        #expect(compared.diff?.changes.map(\.summary) == ["Thời hạn giải quyết (trực tiếp): 15 → 10 ngày làm việc (−33 %)"])
        #expect(diff.entries.last?.key == "Thủ tục mới không mã")
        // And back again.
        let back = DecisionDiff.compare(new, old)
        #expect(Set(back.entries.map { "\($0.key) \($0.status)" })
            == ["1.004222 compared", "1.003197 added", "Thủ tục mới không mã removed"])
    }

    @Test func actionChangeIsAChange() {
        let old = decision([DecisionItem(action: .amended, procedure: residence())])
        let new = decision([DecisionItem(action: .replaced, procedure: residence())])
        let diff = DecisionDiff.compare(old, new)
        #expect(diff.changed.count == 1)
        #expect(diff.changed.first?.diff?.isEmpty == true)
    }
}

@Suite struct DecisionHeaderTests {
    static func header(number: String = "156/QĐ-UBND", signed: String = "2026-01-20", effective: String? = nil,
                       signer: String = "Nguyễn Văn A", title: String = "Công bố danh mục thủ tục hành chính lĩnh vực hộ tịch") -> Decision {
        Decision(
            number: number, signedOn: LocalDate(iso: signed)!, authority: "ỦY BAN NHÂN DÂN TỈNH MẪU",
            signer: Decision.Signer(name: signer, onBehalfOf: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH"), title: title,
            effectiveOn: effective.map { LocalDate(iso: $0)! })
    }

    @Test func headerFieldsAndInverse() {
        let old = Self.header()
        let new = Self.header(
            number: "157/QĐ-UBND", effective: "2026-03-01", signer: "Trần Thị B",
            title: "Công bố danh mục thủ tục hành chính sửa đổi lĩnh vực hộ tịch")
        let diff = DecisionDiff.compare(old, new)
        #expect(diff.header.map(\.field) == ["number", "effectiveOn", "signer", "title"])
        #expect(diff.header.map(\.summary) == [
            "Số quyết định: 156/QĐ-UBND → 157/QĐ-UBND",
            "Ngày có hiệu lực: 20/01/2026 → 01/03/2026",
            "Người ký: KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A → KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị B",
            "Trích yếu: sửa",
        ])
        #expect(diff.header[3].words?.contains(WordRun(.inserted, "sửa đổi")) == true)
        #expect(!diff.isEmpty)
        let back = DecisionDiff.compare(new, old)
        #expect(back.header.map(\.old) == diff.header.map(\.new))
        #expect(DecisionDiff.compare(old, old).header.isEmpty)
    }
}
