import Catalogue
import Sheets
import Testing

/// Which procedures a commune posts (DOMAIN.md §6).
@Suite("Commune board")
struct BoardTests {
    let sample = Sample.shared

    func procedure(_ levels: [Level], _ reception: [Reception] = [], type: ProcedureType = .ordinary) -> Procedure {
        Procedure(code: ProcedureCode("1.000001"), name: "Thử", levels: levels, reception: reception, type: type)
    }

    @Test func communeAndSharedProceduresArePostedByEveryCommune() {
        #expect(Board.posts(procedure([.commune]), commune: "99001"))
        #expect(Board.posts(procedure([.shared]), commune: "99005"))
        #expect(!Board.posts(procedure([.province]), commune: "99001"))
        #expect(!Board.posts(procedure([.nonTerritorial], [Reception(place: .provinceCentre)]), commune: "99001"))
    }

    @Test func aProvincialProcedureReceivedAtSomeCountersIsPostedThereOnly() {
        let p = procedure([.province], [Reception(place: .provinceCentre), Reception(place: .communeCounter, communes: ["99001", "99003"])])
        #expect(Board.posts(p, commune: "99001"))
        #expect(Board.posts(p, commune: "99003"))
        #expect(!Board.posts(p, commune: "99002"))
        let everywhere = procedure([.province], [Reception(place: .communeCounter)])
        #expect(Board.posts(everywhere, commune: "99002"))
    }

    @Test func internalProceduresAreNeverPosted() {
        #expect(!Board.posts(procedure([.commune], [Reception(place: .communeCounter)], type: .internal), commune: "99001"))
    }

    /// Sample decision 1388/QĐ-UBND: provincial procedure 1.001029 received at three wards' counters.
    @Test func theSampleProvincialProcedureAtThreeWardsIsOnTheirBoardsOnly() {
        let state = sample.catalogue.state(at: .day("2026-09-01"))
        for commune in sample.province.communes {
            let keys = Board.entries(state, commune: commune.code).map(\.key)
            #expect(keys.contains("1.001029") == ["99001", "99002", "99003"].contains(commune.code), "\(commune.code)")
        }
    }

    /// Sample decision 412/QĐ-UBND abolishes 2.002621 from 2026-05-01; decision 1630/QĐ-UBND amends
    /// four fisheries procedures from 2027-01-01 (not yet in force before).
    @Test func abolishedAndNotYetInForceVersionsAreNotPosted() throws {
        let before = sample.catalogue.state(at: .day("2026-04-30"))
        let after = sample.catalogue.state(at: .day("2026-05-01"))
        let commune = sample.province.communes[0].code
        #expect(Board.entries(before, commune: commune).contains { $0.key == "2.002621" })
        #expect(!Board.entries(after, commune: commune).contains { $0.key == "2.002621" })
        let december = sample.catalogue.state(at: .day("2026-12-31"))
        let amended = try #require(Board.entries(december, commune: commune).first { $0.key == "1.003956" })
        #expect(amended.version.decision != "1630/QĐ-UBND")
        let january = sample.catalogue.state(at: .day("2027-01-01"))
        #expect(Board.entries(january, commune: commune).first { $0.key == "1.003956" }?.version.decision == "1630/QĐ-UBND")
    }
}
