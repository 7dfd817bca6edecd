import Catalogue
import Simplification
import Synthetic
import Foundation
import Testing

@Suite("Overlap: procedures that could merge, without comparing every pair")
struct OverlapTests {
    /// Identity-card procedures in the style a ministry merged (14 into 5): same papers, same result,
    /// same agency, different names.
    static func identityCard(_ n: Int) -> Procedure {
        var p = Support.procedure(
            ["Tờ khai căn cước", "Giấy tờ chứng minh nơi cư trú", "Ảnh chân dung", "Giấy khai sinh"],
            code: String(format: "1.%06d", 900 + n))
        p.name = "Cấp thẻ căn cước trường hợp \(n)"
        p.results = [Outcome(name: "Thẻ căn cước")]
        p.agencies = [Agency(role: .performing, name: "Công an cấp tỉnh")]
        return p
    }

    static func unrelated(_ n: Int) -> Procedure {
        var p = Support.procedure(["Đơn đề nghị \(n)", "Bản vẽ thiết kế \(n)", "Báo cáo \(n)"], code: String(format: "2.%06d", n))
        p.name = "Thủ tục khác \(n)"
        p.results = [Outcome(name: "Giấy phép \(n)")]
        return p
    }

    static func run(_ procedures: [Procedure]) -> [Finding] {
        Support.review(procedures.map { ($0.code!.key, $0) }, rules: [.overlap])
    }

    @Test func fourteenIdentityCardProceduresFormOneGroup() throws {
        let procedures = (1...14).map(Self.identityCard) + (1...30).map(Self.unrelated)
        let findings = Self.run(procedures)
        #expect(findings.count == 1)
        let group = try #require(findings.first?.overlap)
        #expect(group.members.count == 14)
        #expect(Set(group.members.map(\.code)) == Set((1...14).map { Self.identityCard($0).code!.rawValue }))
        #expect(group.score == 1)
        #expect(group.shared.contains("Thẻ căn cước"))
        #expect(group.shared.contains("Công an cấp tỉnh"))
        #expect(findings[0].edits.isEmpty, "merging needs a person; the draft does not apply it")
    }

    @Test func proceduresSharingLessThanTheThresholdStayApart() {
        var a = Self.identityCard(1), b = Self.identityCard(2)
        b.dossier.cases[0].items = [DossierItem(name: "Tờ khai căn cước"), DossierItem(name: "Giấy chứng tử"),
                                    DossierItem(name: "Văn bản ủy quyền"), DossierItem(name: "Hộ chiếu")]
        a.results = [Outcome(name: "Thẻ căn cước")]
        #expect(Self.run([a, b]).isEmpty)
    }

    @Test func aSubCaseDuplicatingAnotherProcedure() throws {
        var parent = Self.identityCard(1)
        parent.name = "Cấp thẻ căn cước"
        parent.dossier.cases = [
            DossierCase(name: "Cấp lần đầu", items: parent.dossier.cases[0].items),
            DossierCase(name: "Cấp đổi", items: [DossierItem(name: "Tờ khai căn cước"), DossierItem(name: "Thẻ căn cước cũ"),
                                                 DossierItem(name: "Giấy tờ chứng minh thay đổi thông tin")]),
        ]
        var separate = Self.identityCard(2)
        separate.name = "Cấp đổi thẻ căn cước"
        separate.dossier.cases = [DossierCase(items: parent.dossier.cases[1].items)]
        let findings = Self.run([parent, separate])
        let sub = try #require(findings.first { $0.overlap?.members.first?.caseName == "Cấp đổi" })
        #expect(sub.key == parent.code!.key)
        #expect(sub.overlap?.members.last?.code == separate.code!.rawValue)
        #expect(sub.overlap?.score == 1)
    }

    @Test func theSampleFuneralSupportProceduresOverlap() throws {
        let f = try #require(Support.findings(.overlap, code: "1.001731").first)
        #expect(f.overlap?.members.map(\.code) == ["1.001731", "1.014028"])
        #expect(f.overlap?.shared.contains("Tờ khai đề nghị hỗ trợ chi phí mai táng") == true)
        #expect((f.overlap?.score ?? 0) >= 0.7)
    }

    /// The exact comparisons are bounded by construction: a comparison that fails the threshold
    /// needs a side with misses left (≤ documents × misses), one that succeeds either joins two groups
    /// (≤ documents − 1) or scores a case (≤ documents × caseCandidates). The total grows with the
    /// number of documents, never with the number of pairs.
    @Test func comparisonsAreBoundedLinearlyNotByEveryPair() throws {
        let generated = SyntheticCatalogue.generate(SyntheticCatalogue.Options(procedures: 3000, seed: 3))
        let decisions = generated[0].decisions.enumerated().map { i, d in
            SourcedDecision(decision: d, location: SourceLocation(file: "d\(i).json"))
        }
        let state = Replay.run(decisions).catalogue.state(at: LocalDate(iso: "2026-12-31")!)
        let documents = state.entries.flatMap { Overlap.documents(of: Support.subject($0.procedure, key: $0.key)) }
        let overlap = Overlap()
        let result = overlap.find(documents)
        let bound = documents.count * (overlap.misses + overlap.caseCandidates + 1)
        let allPairs = documents.count * (documents.count - 1) / 2
        #expect(result.comparisons <= bound)
        #expect(result.comparisons * 100 < allPairs, "\(result.comparisons) of \(allPairs) pairs")
        #expect(!result.groups.isEmpty, "the generator repeats procedure stems, so some must overlap")
    }
}

extension Support {
    static func review(_ entries: [(String, Procedure)], rules: Set<RuleID>) -> [Finding] {
        var review = Review(matcher: matcher, cost: costModel)
        review.rules = rules
        return review.run(entries.map { (key: $0.0, procedure: $0.1) }).findings
    }
}
