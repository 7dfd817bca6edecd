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
