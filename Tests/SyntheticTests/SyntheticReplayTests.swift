import Catalogue
import Synthetic
import Testing

@Suite("Synthetic catalogue: replay is clean and tells a full story")
struct SyntheticReplayTests {
    typealias Timeline = SyntheticCatalogue.Timeline

    @Test func replayOfEveryProvinceHasNoErrorAndNoWarning() {
        for result in mediumReplays {
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5).map(\.description))")
        }
    }

    @Test func theCountInForceIsRightBeforeDuringAndAfterTheChanges() {
        for result in mediumReplays {
            let c = result.catalogue
            #expect(c.state(at: Timeline.start.previousDay).count == 0)
            // Only the first decisions have acted: exactly the procedures asked for.
            #expect(c.state(at: Timeline.initialAnnouncementsComplete).count == 2000)
            let midway = c.state(at: Timeline.rounds[2]).count
            #expect((1900...2100).contains(midway), "in force midway: \(midway)")
            let end = c.state(at: Timeline.end).count
            #expect((1900...2100).contains(end), "in force at the end: \(end)")
        }
    }

    @Test func everyActionAppearsIncludingGroupReplacementsAndRowDates() {
        for catalogue in medium {
            let items = catalogue.decisions.flatMap(\.items)
            func count(_ a: DecisionItem.Action) -> Int { items.filter { $0.action == a }.count }
            #expect(count(.new) > 2000)
            #expect((150...250).contains(count(.amended)), "amended: \(count(.amended))")
            #expect(count(.replaced) > 10)
            #expect(count(.abolished) > 20)
            #expect(items.contains { $0.action == .replaced && $0.replaces.count >= 2 })
            #expect(items.contains { $0.action == .abolished && $0.effectiveOn != nil })
            #expect(items.contains { $0.action == .amended && $0.effectiveOn != nil })
            // Some decisions write the province's local copy of the codes.
            let agency = catalogue.province.agencyCode
            #expect(items.contains { $0.subjectCode?.rawValue.hasSuffix(".000.00.00.\(agency)") == true })
        }
    }

    @Test func aReplacedGroupEndsTogetherAndPointsToItsSuccessor() throws {
        let (catalogue, result) = (medium[0], mediumReplays[0])
        let item = try #require(catalogue.decisions.flatMap(\.items).first { $0.action == .replaced && $0.replaces.count >= 2 })
        let successor = try #require(item.subjectCode?.key)
        for old in item.replaces {
            let end = try #require(result.catalogue.histories[old.key]?.latest?.end)
            guard case .replaced(let by, _) = end else {
                Issue.record("\(old) ended by \(end), not by replacement")
                continue
            }
            #expect(by == [successor])
        }
        #expect(result.catalogue.histories[successor]?.replaces == item.replaces.map(\.key).sorted())
    }

    @Test func declaredChangedPartsAreExactlyThePartsThatChanged() throws {
        for (catalogue, result) in zip(medium, mediumReplays) {
            let byNumber = Dictionary(uniqueKeysWithValues: catalogue.decisions.map { ($0.number, $0) })
            var checked = 0
            for history in result.catalogue.histories.values {
                for (previous, version) in zip(history.versions, history.versions.dropFirst()) where version.action == .amended {
                    let decision = try #require(byNumber[version.decision])
                    let item = try #require(decision.items.first { $0.subjectCode?.key == history.key })
                    let actual = Part.changed(from: previous.procedure, to: version.procedure)
                    #expect(!actual.isEmpty)
                    #expect(Set(item.changedParts) == actual, "\(history.key) in \(decision.number)")
                    #expect(item.changedParts == item.changedParts.sorted())
                    checked += 1
                }
            }
            let amended = catalogue.decisions.flatMap(\.items).filter { $0.action == .amended }.count
            #expect(checked == amended)
        }
    }

    @Test func theFutureDecisionChangesNothingBeforeItsDate() throws {
        for catalogue in medium {
            let future = catalogue.decisions.filter(\.isFutureDated)
            #expect(future.count == 1)
            let decision = try #require(future.first)
            #expect(decision.signedOn < Timeline.futureDecisionEffective)
            #expect(Set(decision.items.map(\.action)) == Set(DecisionItem.Action.allCases))

            let with = replay(catalogue.decisions).catalogue
            let without = replay(catalogue.decisions.filter { !$0.isFutureDated }).catalogue
            let dayBefore = Timeline.futureDecisionEffective.previousDay
            let a = with.state(at: dayBefore), b = without.state(at: dayBefore)
            #expect(a.entries.map(\.key) == b.entries.map(\.key))
            #expect(a.procedures == b.procedures)
            let onTheDay = Timeline.futureDecisionEffective
            #expect(with.state(at: onTheDay).procedures != without.state(at: onTheDay).procedures)
        }
    }

    @Test func decisionsRespectThePerDecisionCap() {
        let small = SyntheticCatalogue.generate(.init(procedures: 500, seed: 3, maxProceduresPerDecision: 25))
        let decisions = small[0].decisions
        #expect(decisions.allSatisfy { !$0.items.isEmpty && $0.items.count <= 25 })
        #expect(decisions.count >= 500 / 25)
        let result = replay(decisions)
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalogue.state(at: Timeline.initialAnnouncementsComplete).count == 500)
        // The default cap is 2,000: the medium catalogue fits its new procedures in few decisions per field.
        #expect(medium.allSatisfy { $0.decisions.allSatisfy { $0.items.count <= 2000 } })
    }

    @Test(arguments: [1, 2, 7, 40])
    func tinyCataloguesReplayCleanly(procedures: Int) {
        let tiny = SyntheticCatalogue.generate(.init(procedures: procedures, seed: UInt64(procedures)))
        let result = replay(tiny[0].decisions)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(\.description))")
        #expect(result.catalogue.state(at: Timeline.initialAnnouncementsComplete).count == procedures)
        #expect(tiny[0].decisions.filter(\.isFutureDated).count == 1)
    }

    @Test func decisionNumbersAreUniqueAndSignedInOrder() {
        for catalogue in medium {
            let numbers = catalogue.decisions.map(\.number)
            #expect(Set(numbers).count == numbers.count)
            let signed = catalogue.decisions.map(\.signedOn)
            #expect(signed == signed.sorted())
        }
    }
}
