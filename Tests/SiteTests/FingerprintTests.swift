import Catalogue
import Foundation
import Testing

@testable import Site

/// A page whose fingerprint is the previous build's is kept without being rendered, so a
/// fingerprint must change whenever the page would. A decision's pages are keyed by what they
/// show, not by the whole histories of the procedures they name: a later amendment leaves the pages
/// of the decisions before it as they were, unless it changes what those pages show.
@Suite("Page fingerprints")
struct FingerprintTests {
    /// 10/QĐ-UBND announces A, B, C; 20/QĐ-UBND amends A's fee and B's time; 30/QĐ-UBND amends A
    /// again: its time, and its name when `renamed`, in force after 20 or, when `retroactive`,
    /// before it (then 20's change of A is measured from 30's version).
    static func catalogues(renamed: Bool, retroactive: Bool) -> (before: Catalogue, after: Catalogue) {
        let a = Tiny.procedure("1.000001", "Thủ tục A", days: 5, fee: 20_000)
        let b = Tiny.procedure("1.000002", "Thủ tục B", days: 5, fee: 0)
        let c = Tiny.procedure("1.000003", "Thủ tục C", days: 3, fee: 0)
        var cheaper = a
        cheaper.channels[0].fees = [Fee(amount: 10_000)]
        var slower = b
        slower.channels[0].time = ProcessingTime(value: 10, unit: .workingDays)
        var faster = cheaper
        faster.channels[0].time = ProcessingTime(value: 2, unit: .workingDays)
        if renamed { faster.name = "Thủ tục A (mới)" }
        let first = [
            Tiny.decision("10/QĐ-UBND", "2026-01-05", [a, b, c].map { DecisionItem(action: .new, procedure: $0) }),
            Tiny.decision("20/QĐ-UBND", "2026-04-01", [
                DecisionItem(action: .amended, changedParts: [.fees], procedure: cheaper),
                DecisionItem(action: .amended, changedParts: [.processingTime], procedure: slower),
            ]),
        ]
        let parts: [Part] = renamed ? [.name, .processingTime] : [.processingTime]
        let third = Tiny.decision("30/QĐ-UBND", retroactive ? "2026-02-01" : "2026-06-01", [
            DecisionItem(action: .amended, changedParts: parts, procedure: faster),
        ])
        return (Tiny.catalogue(first), Tiny.catalogue(first + [third]))
    }

    static func model(_ catalogue: Catalogue) -> SiteModel {
        SiteModel(data: SiteData(catalogue: catalogue, province: Tiny.province, date: LocalDate(iso: "2026-08-01")!))
    }

    /// Pages of both builds with the same path and fingerprint render to the same bytes.
    @Test(arguments: [(false, false), (true, false), (false, true)])
    func equalFingerprintsMeanEqualPages(_ renamed: Bool, _ retroactive: Bool) throws {
        let (before, after) = Self.catalogues(renamed: renamed, retroactive: retroactive)
        let theme = try Theme.load(site: Fixture.site)
        let old = Self.model(before), new = Self.model(after)
        let oldSeed = old.fingerprintSeed(templates: theme.fingerprint), newSeed = new.fingerprintSeed(templates: theme.fingerprint)
        let oldPages = Dictionary(uniqueKeysWithValues: old.pages.map { (old.path(of: $0), $0) })
        var compared = 0
        for kind in new.pages {
            guard let was = oldPages[new.path(of: kind)], old.fingerprint(was, seed: oldSeed) == new.fingerprint(kind, seed: newSeed) else { continue }
            let a = old.page(was), b = new.page(kind)
            let x = try theme.renderBytes(a.context, template: a.template), y = try theme.renderBytes(b.context, template: b.template)
            #expect(x == y, "\(b.path) changed but kept its fingerprint")
            compared += 1
        }
        #expect(compared > 0)
    }

    /// Which of the earlier decisions' pages a later amendment of A leaves (they are kept, not rendered).
    @Test(arguments: [(false, false), (true, false), (false, true)])
    func anAmendmentKeepsTheEarlierDecisionsPagesItDoesNotChange(_ renamed: Bool, _ retroactive: Bool) throws {
        let (before, after) = Self.catalogues(renamed: renamed, retroactive: retroactive)
        let old = Self.model(before), new = Self.model(after)
        func same(_ kind: PageKind) -> Bool { old.fingerprint(kind, templates: "t") == new.fingerprint(kind, templates: "t") }
        // A decision's page shows its own rows: kept whatever came after.
        #expect(same(.decision(number: "10/QĐ-UBND")))
        #expect(same(.decision(number: "20/QĐ-UBND")))
        // What-changed pages name the procedures as their pages do now, and 20's measures A's change
        // from the version before it.
        #expect(same(.changes(number: "10/QĐ-UBND")) == !renamed)
        #expect(same(.changes(number: "20/QĐ-UBND")) == !(renamed || retroactive))
        // B's page is kept, A's is not.
        #expect(same(.procedure(key: "1.000002")))
        #expect(!same(.procedure(key: "1.000001")))
    }
}
