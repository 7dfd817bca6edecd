import Catalogue
import Foundation
import Site
import Testing

@Suite("Decision and what-changed pages")
struct DecisionPagesTests {
    /// Decision 20 makes A cheaper, B slower, abolishes C from a later date, and adds D.
    static func catalogue() -> Catalogue {
        let a = Tiny.procedure("1.000001", "Thủ tục A", days: 5, fee: 20_000)
        let b = Tiny.procedure("1.000002", "Thủ tục B", days: 5, fee: 0)
        let c = Tiny.procedure("1.000003", "Thủ tục C", days: 3, fee: 0)
        let d = Tiny.procedure("1.000004", "Thủ tục D", days: 1, fee: 0)
        var cheaper = a
        cheaper.channels[0].fees = [Fee(amount: 10_000)]
        var slower = b
        slower.channels[0].time = ProcessingTime(value: 10, unit: .workingDays)
        return Tiny.catalogue([
            Tiny.decision("10/QĐ-UBND", "2026-01-05", [a, b, c].map { DecisionItem(action: .new, procedure: $0) }),
            Tiny.decision("20/QĐ-UBND", "2026-06-01", [
                DecisionItem(action: .amended, changedParts: [.fees], procedure: cheaper),
                DecisionItem(action: .amended, changedParts: [.processingTime], procedure: slower),
                DecisionItem(action: .abolished, code: ProcedureCode("1.000003"), name: "Thủ tục C",
                             effectiveOn: LocalDate(iso: "2026-07-01"), basis: "Thông tư 09/2026/TT-BTP"),
                DecisionItem(action: .new, procedure: d),
            ]),
        ])
    }

    @Test func decisionPageGroupsItsRowsByAction() throws {
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(Self.catalogue(), province: Tiny.province, into: out + "/public")
        let html = try Fixture.read(out + "/public/" + SitePath.decision("20/QĐ-UBND"))
        let headings = [DecisionItem.Action.new, .amended, .abolished].map(\.vietnamese)
        let positions = try headings.map { try #require(html.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("hiệu lực từ 01/07/2026"))
        #expect(html.contains("Thông tư 09/2026/TT-BTP"))
        #expect(html.contains("href=\"../thu-tuc/1.000004.html\""))
    }

    @Test func whatChangedSaysNewLighterHeavierGoneAndFromWhen() throws {
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(Self.catalogue(), province: Tiny.province, into: out + "/public")
        let html = try Fixture.read(out + "/public/" + SitePath.decisionChanges("20/QĐ-UBND"))
        func section(_ id: String) throws -> Substring {
            let start = try #require(html.range(of: "<section aria-labelledby=\"\(id)\""))
            let end = try #require(html[start.upperBound...].range(of: "</section>"))
            return html[start.lowerBound..<end.lowerBound]
        }
        #expect(try section("moi").contains("Thủ tục D"))
        #expect(try section("nhe-hon").contains("Thủ tục A"))
        #expect(try !section("nhe-hon").contains("Thủ tục B"))
        #expect(try section("nang-hon").contains("Thủ tục B"))
        let gone = try section("bai-bo")
        #expect(gone.contains("Thủ tục C") && gone.contains("từ 01/07/2026"))
        #expect(try section("moi").contains("từ 01/06/2026"))
        // The abolished procedure still has a page that says so.
        let c = try Fixture.read(out + "/public/thu-tuc/1.000003.html")
        #expect(c.contains("Đã bị bãi bỏ từ 01/07/2026"))
    }
}
