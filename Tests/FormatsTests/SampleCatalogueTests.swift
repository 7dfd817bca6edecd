import Catalogue
import Formats
import Foundation
import Testing

/// The bundled sample province in `catalogue/`: what the README's first command runs on and what the
/// review rules are shown on, so it must replay cleanly and exercise every part of the model.
///
/// Read with the same loader `tthc` uses (`CatalogueFolder`), XML and JSON alike.
@Suite("Bundled sample catalogue")
struct SampleCatalogueTests {
    let sample: SampleCatalogue

    init() throws {
        sample = try SampleCatalogue.load()
    }

    // MARK: - Replay

    @Test func everyDecisionReplaysWithoutErrorsOrWarnings() {
        let diagnostics = sample.result.diagnostics.sortedForDisplay
        for diagnostic in diagnostics { print(diagnostic) }
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors.map(\.description).joined(separator: "\n"))")
        #expect(diagnostics.warnings.isEmpty, "\(diagnostics.warnings.map(\.description).joined(separator: "\n"))")
    }

    @Test func announcesAtLeast80ProceduresInAtLeast10Fields() {
        let histories = sample.result.catalogue.histories
        #expect(histories.count >= 80)
        let fields = Set(histories.values.flatMap { $0.versions.flatMap { $0.procedure.fields.map(\.name) } })
        #expect(fields.count >= 10, "fields: \(fields.sorted())")
    }

    @Test func coversProvinceCommuneSharedAndNonTerritorialLevels() {
        let levels = Set(sample.procedures.flatMap(\.levels))
        for level in [Level.province, .commune, .shared, .nonTerritorial] {
            #expect(levels.contains(level), "no procedure at level \(level.rawValue)")
        }
    }

    @Test func hasAtLeastEightDecisionsOverAtLeastTwoYears() {
        #expect(sample.decisions.count >= 8)
        #expect(Set(sample.decisions.map(\.signedOn.year)).count >= 2)
    }

    @Test func usesEveryAction() {
        let used = Set(sample.items.map(\.action))
        #expect(used == Set(DecisionItem.Action.allCases))
    }

    // MARK: - Dates

    @Test func oneDecisionTakesEffectAfterItsSigningAndAfterEveryOtherDecision() throws {
        let future = try #require(sample.futureDecision)
        let effective = try #require(future.effectiveOn)
        #expect(effective > future.signedOn)
        for other in sample.decisions where other.number != future.number {
            #expect(other.effectiveDate < effective, "\(other.number) takes effect on or after \(future.number)")
        }
    }

    @Test func oneItemHasItsOwnLaterEffectiveDate() {
        let later = sample.decisions.flatMap { d in
            d.items.filter { item in item.effectiveOn.map { $0 > d.effectiveDate } ?? false }
        }
        #expect(!later.isEmpty)
    }

    @Test func theCatalogueBeforeTheFutureDecisionDiffersFromTheCatalogueAfterIt() throws {
        let future = try #require(sample.futureDecision)
        let catalogue = sample.result.catalogue
        let before = catalogue.state(at: future.effectiveDate.previousDay)
        let after = catalogue.state(at: future.effectiveDate)
        let setBefore = Dictionary(uniqueKeysWithValues: before.entries.map { ($0.key, $0.version.decision) })
        let setAfter = Dictionary(uniqueKeysWithValues: after.entries.map { ($0.key, $0.version.decision) })
        #expect(setBefore != setAfter)
        for item in future.items {
            let key = try #require(item.subjectCode?.key)
            #expect(setBefore[key] != future.number)
            if item.action != .abolished { #expect(setAfter[key] == future.number) }
        }
    }

    @Test func anItemWithItsOwnDateWaitsForThatDate() throws {
        let (decision, item) = try #require(sample.decisions.lazy.flatMap { d in
            d.items.lazy.filter { ($0.effectiveOn ?? d.effectiveDate) > d.effectiveDate }.map { (d, $0) }
        }.first)
        let key = try #require(item.subjectCode?.key)
        let own = try #require(item.effectiveOn)
        let catalogue = sample.result.catalogue
        let onDecisionDate = catalogue.state(at: decision.effectiveDate).entries.first { $0.key == key }
        let onOwnDate = catalogue.state(at: own).entries.first { $0.key == key }
        #expect(onDecisionDate?.version.decision != decision.number)
        if item.action == .abolished {
            #expect(onDecisionDate != nil)
            #expect(onOwnDate == nil)
        } else {
            #expect(onOwnDate?.version.decision == decision.number)
        }
    }

    // MARK: - Replacement and abolition

    @Test func aGroupOfLinkedProceduresIsReplacedByOne() throws {
        let group = try #require(sample.items.first { $0.action == .replaced && $0.replaces.count >= 2 })
        let newKey = try #require(group.subjectCode?.key)
        let histories = sample.result.catalogue.histories
        #expect(histories[newKey]?.replaces == group.replaces.map(\.key).sorted())
        for old in group.replaces {
            let last = try #require(histories[old.key]?.versions.last)
            guard case .replaced(let by, _) = last.end else {
                Issue.record("\(old) should end replaced by \(newKey), ends \(String(describing: last.end))")
                continue
            }
            #expect(by == [newKey])
        }
    }

    @Test func anAbolishedProcedureLeavesTheCatalogueButKeepsItsHistory() throws {
        let abolitions = sample.decisions.flatMap { d in d.items.filter { $0.action == .abolished }.map { (d, $0) } }
        #expect(!abolitions.isEmpty)
        let catalogue = sample.result.catalogue
        for (decision, item) in abolitions {
            let key = try #require(item.subjectCode?.key)
            let date = item.effectiveOn ?? decision.effectiveDate
            #expect(catalogue.state(at: date.previousDay).entries.contains { $0.key == key })
            #expect(!catalogue.state(at: date).entries.contains { $0.key == key })
            let history = try #require(catalogue.history(for: key))
            #expect(!history.versions.isEmpty)
            #expect(history.versions.last?.end == .abolished(decision: decision.number))
            #expect(history.versions.last?.until == date)
        }
    }

    // MARK: - Honest declarations

    /// Every amended row says which parts it changes; those must be exactly the parts that differ
    /// from the version it amends, or the history would credit the wrong decision.
    @Test func declaredChangedPartsAreThePartsThatReallyChanged() throws {
        let catalogue = sample.result.catalogue
        var amended = 0
        for decision in sample.decisions {
            for item in decision.items where item.action == .amended {
                amended += 1
                let procedure = try #require(item.procedure)
                let key = try #require(item.subjectCode?.key)
                let date = item.effectiveOn ?? decision.effectiveDate
                let previous = try #require(catalogue.histories[key]?.version(at: date.previousDay),
                                            "\(decision.number) amends \(key), which is not in force before \(date.iso)")
                let changed = Part.changed(from: previous.procedure, to: procedure)
                #expect(changed == Set(item.changedParts),
                        "\(decision.number) \(key): declares \(item.changedParts.map(\.rawValue)), really changes \(changed.sorted().map(\.rawValue))")
            }
        }
        #expect(amended >= 5)
    }

    @Test func rowsAreListedUnderALevelAndFieldOfTheirProcedure() {
        for decision in sample.decisions {
            for item in decision.items {
                guard let procedure = item.procedure else { continue }
                if let level = item.level {
                    #expect(procedure.levels.contains(level), "\(decision.number) \(procedure.name)")
                }
                if let field = item.field {
                    #expect(procedure.fields.contains(field), "\(decision.number) \(procedure.name)")
                }
            }
        }
    }

    // MARK: - Province

    @Test func provinceIsAMarkedSampleWithItsCommunes() throws {
        let province = sample.province
        #expect(province.sample)
        #expect(province.agencyCode == "H99")
        #expect(province.communes.count >= 10)
        #expect(Set(province.communes.map(\.code)).count == province.communes.count)
        #expect(province.feedback?.email != nil)
        // A provincial procedure received at commune counters must name communes that exist.
        let known = Set(province.communes.map(\.code))
        let named = Set(sample.procedures.flatMap { $0.reception.flatMap(\.communes) })
        #expect(named.isSubset(of: known), "unknown communes: \(named.subtracting(known).sorted())")
        #expect(sample.procedures.contains { $0.levels.contains(.province) && $0.reception.contains { $0.place == .communeCounter } })
    }

    // MARK: - Text

    @Test func everyTextIsNFC() throws {
        for file in sample.files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // String's == compares canonical equivalence, so compare the scalars themselves.
            let composed = text.precomposedStringWithCanonicalMapping
            #expect(text.unicodeScalars.elementsEqual(composed.unicodeScalars), "\(file.lastPathComponent) is not NFC")
            #expect(!text.contains("&#"), "\(file.lastPathComponent) spells characters as references")
            #expect(!text.contains("\\u"), "\(file.lastPathComponent) spells characters as escapes")
        }
    }
}

/// The sample read from disk and replayed once per suite instance.
struct SampleCatalogue: Sendable {
    let files: [URL]
    let decisions: [Decision]
    let province: Province
    let result: Replay.Result

    var items: [DecisionItem] { decisions.flatMap(\.items) }
    /// Every version of every procedure the decisions announce.
    var procedures: [Procedure] { items.compactMap(\.procedure) }
    /// The decision that takes effect after its signing date, last of all.
    var futureDecision: Decision? {
        decisions.filter { ($0.effectiveOn ?? $0.signedOn) > $0.signedOn }.max { $0.effectiveDate < $1.effectiveDate }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("catalogue")

    static func load() throws -> SampleCatalogue {
        let loaded = CatalogueFolder.load(folder.path)
        if loaded.diagnostics.hasErrors { throw FormatError(loaded.diagnostics) }
        let province = try #require(loaded.province)
        let files = loaded.files.map { URL(fileURLWithPath: $0) } + [folder.appendingPathComponent(CatalogueFolder.provinceFile)]
        return SampleCatalogue(
            files: files, decisions: loaded.decisions.map(\.decision), province: province,
            result: Replay.run(loaded.decisions))
    }
}
