import Catalogue
import Formats
import Foundation
import Simplification
import Testing

/// The bundled sample province and the review data files shipped under `catalogue/review/`.
enum Support {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogueFolder = repository.appendingPathComponent("catalogue")

    static func settings(_ name: String) throws -> SettingsFile {
        let url = catalogueFolder.appendingPathComponent("review/\(name)")
        return try SettingsFile.parse(try String(contentsOf: url, encoding: .utf8), file: url.path)
    }

    static let matcher: DocumentMatcher = {
        DocumentMatcher(try! DocumentVocabulary.load([try! settings("documents.ini")]))
    }()

    static let costModel: CostModel = { CostModel(try! CostParameters.load([try! settings("cost.ini")])) }()

    static let catalogue: Catalogue = {
        let folder = CatalogueFolder.load(catalogueFolder.path)
        return Replay.run(folder.decisions).catalogue
    }()

    static let reviewDate = LocalDate(iso: "2026-11-01")!

    static func procedures(at date: LocalDate = reviewDate) -> [(key: String, procedure: Procedure)] {
        catalogue.state(at: date).entries.map { ($0.key, $0.procedure) }
    }

    static func review(at date: LocalDate = reviewDate, rules: Set<RuleID> = Set(RuleID.allCases)) -> ReviewReport {
        var review = Review(matcher: matcher, cost: costModel)
        review.rules = rules
        return review.run(procedures(at: date))
    }

    /// The bundled sample's review on the usual date, computed once.
    static let sampleReport = review()

    static func findings(_ rule: RuleID, code: String, in report: ReviewReport = sampleReport) -> [Finding] {
        report.findings.filter { $0.rule == rule && $0.key == code }
    }

    static func subject(_ procedure: Procedure, key: String = "9.999999") -> ReviewSubject {
        ReviewSubject(key: key, procedure: procedure, matcher: matcher)
    }

    /// One procedure reviewed alone.
    static func review(
        _ procedure: Procedure, rules: Set<RuleID>, references: [String: TimeReference] = [:],
        national: [String: NationalTime] = [:]
    ) -> [Finding] {
        var review = Review(matcher: matcher, cost: costModel)
        review.rules = rules
        review.timeReferences = references
        review.nationalTimes = national
        return review.run([(procedure.code?.key ?? "9.999999", procedure)]).findings
    }

    static func procedure(
        _ items: [String], code: String = "9.999999", sets: Int? = 1, requirements: [Requirement] = [],
        online: OnlineLevel = .full, steps: [String] = [], volume: Int? = 100
    ) -> Procedure {
        Procedure(
            code: ProcedureCode(code), name: "Thủ tục thử",
            steps: [StepGroup(steps: steps.map { Step(text: $0) })],
            channels: [Channel(method: .inPerson, time: ProcessingTime(value: 5, unit: .workingDays))],
            dossier: Dossier(cases: [DossierCase(items: items.map { DossierItem(name: $0) })], sets: sets),
            agencies: [Agency(role: .performing, name: "Ủy ban nhân dân cấp xã")],
            results: [Outcome(name: "Văn bản trả lời")], requirements: requirements,
            online: OnlineService(level: online), annualVolume: volume)
    }
}

/// The bundled decisions as replay reads them.
enum FormatsLoader {
    static let decisions: [SourcedDecision] = CatalogueFolder.load(Support.catalogueFolder.path).decisions
}
