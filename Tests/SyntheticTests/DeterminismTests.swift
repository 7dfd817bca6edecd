import Catalogue
import Foundation
import Synthetic
import Testing

@Suite("Synthetic catalogue: same options, same bytes")
struct DeterminismTests {
    let options = SyntheticCatalogue.Options(procedures: 300, provinces: 2, seed: 7)

    @Test func twoRunsWithTheSameOptionsAreIdenticalToTheByte() throws {
        let a = SyntheticCatalogue.generate(options)
        let b = SyntheticCatalogue.generate(options)
        #expect(a == b)
        for (x, y) in zip(a, b) {
            #expect(try json(x.province) == json(y.province))
            #expect(try json(x.decisions) == json(y.decisions))
        }
    }

    @Test func anotherSeedGivesAnotherCatalogue() throws {
        var other = options
        other.seed = 8
        let a = SyntheticCatalogue.generate(options)
        let b = SyntheticCatalogue.generate(other)
        #expect(a != b)
        let codes = { (c: [SyntheticCatalogue.ProvinceCatalogue]) in
            c[0].decisions[0].items.compactMap { $0.subjectCode?.rawValue }
        }
        #expect(codes(a) != codes(b))
        #expect(a[0].decisions[0].items.map(\.subjectName) != b[0].decisions[0].items.map(\.subjectName))
    }

    @Test func aLargerCatalogueStartsWithTheSameProvinceRecord() {
        // Provinces are drawn from their own stream: the number of procedures does not change them.
        var larger = options
        larger.procedures = 400
        #expect(SyntheticCatalogue.generate(options).map(\.province)
            == SyntheticCatalogue.generate(larger).map(\.province))
    }

    @Test(arguments: [
        (SyntheticCatalogue.Options(procedures: 0), "procedures"),
        (SyntheticCatalogue.Options(procedures: 2_000_000), "procedures"),
        (SyntheticCatalogue.Options(procedures: 10, provinces: 0), "provinces"),
        (SyntheticCatalogue.Options(procedures: 10, provinces: 100), "provinces"),
        (SyntheticCatalogue.Options(procedures: 10, maxProceduresPerDecision: 0), "at least one procedure"),
    ])
    func invalidOptionsAreNamedInOneSentence(options: SyntheticCatalogue.Options, word: String) throws {
        let problem = try #require(options.problem)
        #expect(problem.contains(word))
    }

    @Test func validOptionsHaveNoProblem() {
        #expect(SyntheticCatalogue.Options(procedures: 1).problem == nil)
        #expect(SyntheticCatalogue.Options(procedures: 100_000, provinces: 99, seed: 0, maxProceduresPerDecision: 1).problem == nil)
    }
}
