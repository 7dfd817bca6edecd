import Catalogue
import Sheets
import Testing

/// The notice a commune gets after a decision: exactly the sheets to add, replace and take down.
@Suite("Change notice")
struct ChangeNoticeTests {
    let sample = Sample.shared

    func decision(_ number: String) throws -> Decision {
        try #require(sample.catalogue.decisions[number])
    }

    /// Sample decision 1630/QĐ-UBND (effective 2027-01-01) amends four commune-level fisheries
    /// procedures: every commune replaces exactly those four sheets, adds and removes none.
    @Test func after1630EveryCommuneReplacesTheFourAmendedSheets() throws {
        let d = try decision("1630/QĐ-UBND")
        let amended = Set(d.items.filter { $0.action == .amended }.compactMap { $0.subjectCode?.key })
        #expect(amended.count == 4)
        for commune in sample.province.communes {
            let notice = ChangeNotice(catalogue: sample.catalogue, commune: commune, from: d.effectiveDate, to: d.effectiveDate, decision: d)
            #expect(notice.added.isEmpty && notice.removed.isEmpty, "\(commune.code)")
            #expect(Set(notice.replaced.map(\.new.key)) == amended, "\(commune.code)")
            #expect(notice.replaced.count == 4)
            for r in notice.replaced {
                #expect(r.new.version.decision == "1630/QĐ-UBND")
                #expect(r.old.version.decision != "1630/QĐ-UBND")
                #expect(r.changes.contains { $0.contains("Thời hạn giải quyết") }, "\(r.new.key): \(r.changes)")
            }
            let sheets = notice.sheets(catalogue: sample.catalogue, province: sample.province, postedOn: d.effectiveDate)
            #expect(Set(sheets.map(\.key)) == amended)
        }
    }

    /// Sample decision 412/QĐ-UBND (2026-03-10): two shared procedures replace three older ones,
    /// 1.001193 is amended; its abolition of 2.002621 waits until 2026-05-01.
    @Test func on412TheReplacementsAreAddedTheReplacedTakenDown() throws {
        let d = try decision("412/QĐ-UBND")
        let commune = sample.province.communes[4]
        let notice = ChangeNotice(catalogue: sample.catalogue, commune: commune, from: .day("2026-03-10"), to: .day("2026-03-10"), decision: d)
        #expect(Set(notice.added.map(\.entry.key)) == ["3.000722", "2.002913"])
        #expect(notice.added.allSatisfy { $0.reason.hasPrefix("thay thế thủ tục") })
        #expect(Set(notice.replaced.map(\.new.key)) == ["1.001193"])
        #expect(Set(notice.removed.map(\.entry.key)) == ["2.000986", "2.001023", "2.002622"])
        #expect(notice.removed.allSatisfy { $0.reason.contains("được thay thế bởi") && $0.reason.contains("412/QĐ-UBND") })

        let abolition = ChangeNotice(catalogue: sample.catalogue, commune: commune, from: .day("2026-05-01"), to: .day("2026-05-01"))
        #expect(abolition.removed.map(\.entry.key) == ["2.002621"])
        #expect(abolition.removed.first?.reason == "bãi bỏ theo Quyết định số 412/QĐ-UBND")
        #expect(abolition.added.isEmpty && abolition.replaced.isEmpty)
    }

    /// Sample decision 1388/QĐ-UBND: provincial procedure 1.001029 now received at three wards'
    /// counters, so only those three boards change.
    @Test func on1388OnlyTheThreeWardsReceivingTheProcedureChange() throws {
        let d = try decision("1388/QĐ-UBND")
        for commune in sample.province.communes {
            let notice = ChangeNotice(catalogue: sample.catalogue, commune: commune, from: d.effectiveDate, to: d.effectiveDate, decision: d)
            let touched = notice.added.map(\.entry.key) + notice.replaced.map(\.new.key)
            if ["99001", "99002", "99003"].contains(commune.code) {
                #expect(touched == ["1.001029"], "\(commune.code)")
            } else {
                #expect(notice.isEmpty, "\(commune.code)")
            }
        }
    }
}
