import Catalogue
import Foundation
import Review
import Simplification
import Testing

@Suite("Draft amendment applying the accepted proposals")
struct DraftAmendmentTests {
    /// After every decision of the sample has taken effect, so no later decision changes a procedure.
    static let date = LocalDate(iso: "2027-06-01")!
    static let header = DraftAmendment.Header(number: "99/QĐ-UBND", signedOn: date, authority: "ỦY BAN NHÂN DÂN TỈNH MẪU")

    static func draft(_ selection: Selection) -> (ReviewReport, DraftAmendment) {
        var review = Review(matcher: Support.matcher, cost: Support.costModel)
        review.selection = selection
        let report = review.run(Support.procedures(at: date))
        return (report, DraftAmendment.plan(report, header: header))
    }

    @Test func replaysOnTheCatalogueWithoutErrorsOrWarnings() throws {
        let (_, draft) = Self.draft(.all)
        #expect(draft.decision.items.count > 20)
        let result = Replay.run(FormatsLoader.decisions + [SourcedDecision(decision: draft.decision, location: SourceLocation(file: "du-thao.xml"))])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        // The amended versions are in force from the draft's date.
        let state = result.catalogue.state(at: Self.date)
        for item in draft.decision.items {
            let key = try #require(item.code?.key)
            #expect(state.entries.first { $0.key == key }?.version.decision == "99/QĐ-UBND")
        }
    }

    @Test func theDiffShowsExactlyTheSimplification() throws {
        let (report, draft) = Self.draft(Selection(rules: [.database, .householdBook, .certifiedCopy, .duplicateItem, .sets, .noBasis]))
        for item in draft.decision.items {
            let key = try #require(item.code?.key)
            let reviewed = try #require(report.procedures.first { $0.key == key })
            let amended = try #require(item.procedure)
            let diff = ProcedureDiff.compare(reviewed.procedure, amended)
            #expect(diff.count(.heavier) == 0, "\(key): \(diff.changes.filter { $0.direction == .heavier }.map(\.summary))")
            #expect(Set(diff.parts) == Set(item.changedParts), "\(key)")
            // Every dossier item removed is one an accepted finding proposed to remove.
            let removedNames = diff.changes.filter { $0.part == .dossier && $0.kind == .removed }.compactMap(\.subject)
            let proposed = reviewed.findings.filter { f in f.edits.contains { if case .removeItem = $0 { true } else { false } } }.map(\.subject)
            for name in removedNames { #expect(proposed.contains(name), "\(key): removed \(name) without a finding") }
        }
    }

    @Test func onlyTheAcceptedRulesChangeTheProcedures() throws {
        let (_, draft) = Self.draft(Selection(rules: [.sets]))
        #expect(Set(draft.decision.items.compactMap(\.code?.key)) == ["1.001029", "1.003956", "1.003976", "2.000806"])
        for item in draft.decision.items {
            #expect(item.changedParts == [.dossier])
            #expect(item.procedure?.dossier.sets == 1)
        }
    }

    @Test func aSelectionFileAcceptsRulesProceduresAndPairs() throws {
        let selection = try Selection.parse("""
            # phương án được thông qua
            sets
            1.011607
            2.001035 duplicate-item
            """, file: "chon.txt")
        let (_, draft) = Self.draft(selection)
        let keys = Set(draft.decision.items.compactMap(\.code?.key))
        #expect(keys.isSuperset(of: ["1.001029", "1.011607", "2.001035"]))
        let notary = try #require(draft.decision.items.first { $0.code?.key == "2.001035" }?.procedure)
        // Only the duplicate went: the identity paper the database rule flags stays once.
        #expect(notary.dossier.cases[0].items.count == 3)
        #expect(throws: SettingsError.self) { try Selection.parse("1.001029 faster\n", file: "x") }
    }

    @Test func mergingProposalsAreListedNotApplied() {
        let (_, draft) = Self.draft(Selection(rules: [.overlap]))
        #expect(draft.decision.items.isEmpty)
        #expect(!draft.manual.isEmpty)
        #expect(draft.manual.allSatisfy { $0.rule == .overlap })
    }
}
