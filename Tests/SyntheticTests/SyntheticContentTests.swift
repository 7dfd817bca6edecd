import Catalogue
import Foundation
import Synthetic
import Testing

@Suite("Synthetic catalogue: realistic, varied, well-formed content")
struct SyntheticContentTests {
    /// Procedures as first announced in province 1.
    var announced: [Procedure] {
        medium[0].decisions.flatMap(\.items).filter { $0.action == .new }.compactMap(\.procedure)
    }

    @Test func allTextIsNFC() throws {
        // String == compares canonically, so compare the bytes of the whole encoded catalogue.
        for catalogue in medium {
            for value in [try json(catalogue.province), try json(catalogue.decisions)] {
                let text = try #require(String(data: value, encoding: .utf8))
                #expect(Array(text.utf8) == Array(VietnameseText.nfc(text).utf8))
            }
        }
    }

    @Test func everyTextIsCleanAndEveryCodeHasNoSpace() {
        // What the loaders store: NFC, single spaces, trimmed, never blank (XSD `xs:token`, JSON `text`).
        for catalogue in medium {
            for decision in catalogue.decisions {
                for text in decision.texts {
                    #expect(!text.isEmpty && Array(text.utf8) == Array(VietnameseText.clean(text).utf8), "\(text)")
                }
                for code in decision.codes {
                    #expect(!code.isEmpty && !code.contains { $0.isWhitespace }, "\(code)")
                }
            }
            for commune in catalogue.province.communes {
                #expect(!commune.code.contains { $0.isWhitespace })
            }
        }
    }

    @Test func nationalCodesAreWellFormedUniqueAndSharedByProvinces() throws {
        var perProvince: [[String]] = []
        for catalogue in medium {
            let announced = catalogue.decisions.flatMap(\.items)
                .filter { $0.action == .new || $0.action == .replaced }
                .compactMap { $0.subjectCode?.national }
            #expect(Set(announced).count == announced.count, "a code is announced twice")
            for code in announced {
                #expect(code.utf8.count == 8)
                #expect(code.hasPrefix("1.") || code.hasPrefix("2."))
            }
            perProvince.append(announced)
        }
        #expect(perProvince[0] == perProvince[1])
        // Codes are scattered, not 1.000001, 1.000002, …
        let first = perProvince[0].prefix(20)
        #expect(Set(first.map { $0.prefix(5) }).count > 5)
    }

    @Test func provincesShareProceduresButDifferInLocalDetails() {
        let a = mediumReplays[0].catalogue.state(at: SyntheticCatalogue.Timeline.end)
        let b = mediumReplays[1].catalogue.state(at: SyntheticCatalogue.Timeline.end)
        #expect(a.entries.map(\.key) == b.entries.map(\.key))
        let pairs = zip(a.procedures, b.procedures)
        #expect(pairs.allSatisfy { $0.name == $1.name && $0.fields == $1.fields && $0.levels == $1.levels })
        let differingTimes = pairs.filter { Part.processingTime.differs($0, $1) }.count
        let differingFees = pairs.filter { Part.fees.differs($0, $1) }.count
        let same = pairs.filter { $0 == $1 }.count
        #expect(differingTimes > 200, "times differ in \(differingTimes)")
        #expect(differingFees > 50, "fees differ in \(differingFees)")
        #expect(same > 0)
    }

    @Test func provincesAreSampleDataWithTheirOwnCommunes() {
        for (i, catalogue) in medium.enumerated() {
            let p = catalogue.province
            let n = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            #expect(p.name == "Tỉnh Tổng hợp \(n)")
            #expect(p.agencyCode == "H\(n)")
            #expect(p.sample)
            #expect((20...100).contains(p.communes.count))
            #expect(Set(p.communes.map(\.code)).count == p.communes.count)
            #expect(Set(p.communes.map(\.name)).count == p.communes.count)
            #expect(p.feedback?.email != nil)
            #expect(catalogue.decisions.allSatisfy { $0.authority == "ỦY BAN NHÂN DÂN TỈNH TỔNG HỢP \(n)" })
        }
        #expect(medium[0].province.communes != medium[1].province.communes)
    }

    @Test func levelsChannelsAndTypesHaveRealisticShares() {
        let all = announced
        func share(_ test: (Procedure) -> Bool) -> Double { Double(all.filter(test).count) / Double(all.count) }
        #expect((0.45...0.75).contains(share { $0.levels == [.province] }))
        #expect((0.15...0.40).contains(share { $0.levels == [.commune] }))
        #expect(share { $0.levels == [.shared] } > 0.02)
        #expect(share { $0.levels == [.nonTerritorial] } > 0.01)
        #expect(all.allSatisfy { $0.channel(.inPerson) != nil })
        #expect((0.55...0.80).contains(share { $0.channel(.online) != nil }))
        #expect((0.28...0.50).contains(share { $0.channel(.postal) != nil }))
        #expect((0.01...0.06).contains(share { $0.type == .internal }))
        #expect(share { $0.type == .linked } > 0.02)
        #expect((0.50...0.70).contains(share { $0.annualVolume != nil }))
        #expect(share { $0.dossier.sets == 1 } > 0.75)
        #expect(share { $0.dossier.sets == 2 } > 0)
        #expect(all.allSatisfy { !$0.steps.isEmpty && $0.steps.allSatisfy { (2...6).contains($0.steps.count) } })
        #expect(all.contains { $0.steps.count > 1 && $0.steps.allSatisfy { $0.caseName != nil } })
        #expect(all.allSatisfy { (1...3).contains($0.dossier.cases.count) })
        #expect(all.allSatisfy { $0.dossier.cases.allSatisfy { (1...12).contains($0.items.count) } })
        #expect(Set(all.flatMap(\.fields).map(\.code)).count >= 20)
    }

    @Test func timesFeesAndPapersCoverEveryCase() {
        let channels = announced.flatMap(\.channels)
        let times = channels.map(\.time)
        #expect(Set(times.compactMap(\.unit)) == Set(TimeUnit.allCases))
        #expect(times.contains { $0.value.map { $0.description.contains(".") } == true })
        #expect(times.contains { !$0.stages.isEmpty })
        #expect(times.contains { $0.text?.contains("so với quy định") == true })
        let fees = channels.flatMap(\.fees)
        #expect(fees.contains { $0.amount == 0 })
        #expect(fees.contains { ($0.amount ?? 0) > 0 })
        #expect(fees.contains { $0.text == "Theo quy định của Bộ Tài chính" })
        #expect(fees.contains { !$0.exemptions.isEmpty })
        #expect(channels.contains { $0.fees.isEmpty })
        let items = announced.flatMap { $0.dossier.allItems }
        #expect(items.contains { $0.name == "Sổ hộ khẩu" })
        #expect(items.contains { $0.presentation == .show })
        #expect(items.contains { !$0.required })
        #expect(items.contains { $0.form != nil })
        #expect(items.contains { $0.originals == 0 && $0.copies == 1 })
        #expect(announced.flatMap(\.requirements).contains { $0.basis == nil })
        #expect(announced.allSatisfy { !$0.legalBases.isEmpty && !$0.results.isEmpty && !$0.agencies.isEmpty })
        let online = announced.compactMap(\.online).filter { $0.level == .full || $0.level == .partial }
        #expect(online.allSatisfy { $0.codes.first?.hasSuffix(".01") == true })
    }

    @Test func textIsVariedEnoughForDiffAndSearchBenchmarks() {
        let all = announced
        #expect(Set(all.map(\.name)).count > 800)
        let stepTexts = all.flatMap { $0.steps.flatMap { $0.steps.map(\.text) } }
        #expect(Set(stepTexts).count > stepTexts.count / 10)
        #expect(Set(all.flatMap(\.texts)).count > 5000)
    }

    @Test func legalNumbersHaveTheRealShape() {
        let numbers = announced.flatMap(\.legalBases).map(\.number)
        let shapes = ["/NĐ-CP", "/QH1", "/TT-"]
        for shape in shapes { #expect(numbers.contains { $0.contains(shape) }) }
        #expect(numbers.allSatisfy { n in
            let parts = n.split(separator: "/")
            return parts.count == 3 && Int(parts[0]) != nil && Int(parts[1]).map { (2000...2030).contains($0) } == true
        })
    }
}
