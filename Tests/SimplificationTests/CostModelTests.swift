import Catalogue
import Simplification
import Testing

@Suite("Compliance cost (Standard Cost Model)")
struct CostModelTests {
    /// 100 đ an hour, so hours read straight off the total.
    static let model: CostModel = {
        var k = CostParameters()
        k.monthlyIncome = 17_600
        return CostModel(k)
    }()

    static func procedure(volume: Int? = 100) -> Procedure {
        var p = Support.procedure(["Đơn đề nghị", "Bản sao có chứng thực Giấy khai sinh"], volume: volume)
        p.dossier.cases[0].items[1].copies = 1
        p.channels[0].fees = [Fee(amount: 20000)]
        return p
    }

    @Test func oneInstanceIsActivitiesTimesIncomePlusFeesPlusOtherCosts() {
        let cost = Self.model.cost(Support.subject(Self.procedure()))
        // Hours: learn 1 + prepare 0.5 + form 0.5 + fetch the birth certificate 2 + certify 1.5
        // + submit 2 + supplement 0.5 + collect 1.5 = 9.5.
        #expect(cost.hours == 9.5)
        #expect(cost.timeCost == 950)
        #expect(cost.fees == 20000)
        // Copy 2.000 + printing 5.000 + fetching 20.000 + certification 10.000 + two trips 80.000.
        #expect(cost.otherCosts == 117_000)
        #expect(cost.perInstance == 137_950)
        #expect(cost.annual == 13_795_000)
    }

    @Test func aProposalReportsBeforeAfterSavingAndRate() throws {
        let p = Self.procedure()
        let f = try #require(Support.review(p, rules: [.certifiedCopy]).first)
        let effect = Self.model.effect(of: f.edits, on: Support.subject(p), matcher: Support.matcher)
        #expect(effect.perInstanceBefore == 137_950)
        // No certification trip (1.5 h) and no certification charge (10.000 đ).
        #expect(effect.perInstanceAfter == 127_800)
        #expect(effect.perInstanceSaving == 10_150)
        #expect(abs(effect.reductionRate - 10_150.0 / 137_950 * 100) < 1e-9)
        #expect(effect.annualSaving == 1_015_000)
    }

    @Test func extraSetsCostCopiesAndTime() {
        var two = Self.procedure()
        two.dossier.sets = 2
        let one = Self.model.cost(Support.subject(Self.procedure())), both = Self.model.cost(Support.subject(two))
        // Second set: 0.25 h copying; three more photocopies (the form's original, the birth
        // certificate's original and copy: 3 × 2.000) and a second certified copy (10.000).
        #expect(both.hours - one.hours == 0.25)
        #expect(both.otherCosts - one.otherCosts == 3 * 2000 + 10000)
    }

    @Test func fullyOnlineBlendsTheOnlinePathByUptake() {
        var p = Self.procedure()
        p = Edit.apply([.fullyOnline], to: p)
        let counter = Self.model.cost(Support.subject(Self.procedure())), online = Self.model.cost(Support.subject(p))
        // Half the applicants no longer travel twice (80.000 đ) nor spend 3.5 h at the counter but 0.6 h online.
        #expect(abs((counter.perInstance - online.perInstance) - 0.5 * (80_000 + (3.5 - 0.6) * 100)) < 1e-6)
    }

    @Test func missingVolumesAreReportedNotGuessed() {
        let cost = Self.model.cost(Support.subject(Self.procedure(volume: nil)))
        #expect(cost.annual == nil)
        var review = Review(matcher: Support.matcher, cost: Self.model)
        review.rules = [.certifiedCopy]
        let report = review.run([("9.999998", Self.procedure(volume: nil)), ("9.999999", Self.procedure())])
        #expect(report.missingVolumes.map(\.key) == ["9.999998"])
        #expect(report.annualBefore == 13_795_000)
        #expect(report.annualSaving == 1_015_000)
    }

    @Test func theShippedParametersAreTheDocumentedDefaults() throws {
        let shipped = try CostParameters.load([try Support.settings("cost.ini")])
        #expect(shipped == CostParameters())
        #expect(abs(shipped.hourlyIncome - 7_500_000.0 / 176) < 1e-9)
    }

    @Test(arguments: [
        ("[hours]\nlearn = lots\n", "c.ini:2:1: error: 'learn' must be a number"),
        ("[hours]\nlearning = 1\n", "c.ini:2:1: error: unknown key 'learning' in [hours]"),
        ("[wages]\n", "c.ini:1:1: error: unknown section [wages]"),
        ("[channels]\nonline_uptake = 2\n", "c.ini:2:1: error: 'online_uptake' is a share"),
        ("[hours]\nlearn = -1\n", "c.ini:2:1: error: 'learn' must be a number of zero or more"),
    ])
    func malformedParametersSayWhere(_ text: String, _ expected: String) {
        do {
            _ = try CostParameters.load([try SettingsFile.parse(text, file: "c.ini")])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}
