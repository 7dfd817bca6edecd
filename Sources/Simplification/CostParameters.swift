import Foundation
import Catalogue

/// The Standard Cost Model's parameters, from `catalogue/review/cost.ini` (documented there).
public struct CostParameters: Sendable, Hashable {
    public var monthlyIncome = 7_500_000.0
    public var daysPerMonth = 22.0
    public var hoursPerDay = 8.0
    public var learn = 1.0
    public var prepareItem = 0.5
    public var fillForm = 0.5
    public var obtainIssuedDocument = 2.0
    public var certifyCopy = 1.5
    public var copySet = 0.25
    public var meetRequirement = 1.0
    public var submitInPerson = 2.0
    public var submitOnline = 0.5
    public var supplement = 0.5
    public var collectInPerson = 1.5
    public var collectOnline = 0.1
    public var copyPage = 2000.0
    public var certification = 10000.0
    public var issuedDocument = 20000.0
    public var travel = 40000.0
    public var printing = 5000.0
    public var postage = 0.0
    public var onlineUptake = 0.5

    public init() {}

    /// Hourly income: monthly income / (days × hours), DOMAIN.md §5.
    public var hourlyIncome: Double { monthlyIncome / (daysPerMonth * hoursPerDay) }

    /// Each file key's parameter. A constant never mutated; `nonisolated(unsafe)` only because key
    /// paths are not marked `Sendable`.
    nonisolated(unsafe) private static let keys: [String: [String: WritableKeyPath<CostParameters, Double>]] = [
        "income": ["monthly": \.monthlyIncome, "days_per_month": \.daysPerMonth, "hours_per_day": \.hoursPerDay],
        "hours": [
            "learn": \.learn, "prepare_item": \.prepareItem, "fill_form": \.fillForm,
            "obtain_issued_document": \.obtainIssuedDocument, "certify_copy": \.certifyCopy, "copy_set": \.copySet,
            "meet_requirement": \.meetRequirement, "submit_in_person": \.submitInPerson,
            "submit_online": \.submitOnline, "supplement": \.supplement, "collect_in_person": \.collectInPerson,
            "collect_online": \.collectOnline,
        ],
        "costs": [
            "copy_page": \.copyPage, "certification": \.certification, "issued_document": \.issuedDocument,
            "travel": \.travel, "printing": \.printing, "postage": \.postage,
        ],
        "channels": ["online_uptake": \.onlineUptake],
    ]

    /// Reads files in order, later values overriding earlier ones; unknown keys and values that are
    /// not numbers are errors, located.
    public static func load(_ files: [SettingsFile]) throws(SettingsError) -> CostParameters {
        var p = CostParameters()
        var problems: [Diagnostic] = []
        for file in files {
            for section in file.sections {
                guard let known = keys[section.name] else {
                    problems.append(.error("unknown section [\(section.name)]; use \(keys.keys.sorted().map { "[\($0)]" }.joined(separator: ", "))", at: section.location))
                    continue
                }
                for e in section.entries {
                    guard let path = known[e.key] else {
                        problems.append(.error("unknown key '\(e.key)' in [\(section.name)]; use one of \(known.keys.sorted().joined(separator: ", "))", at: e.location))
                        continue
                    }
                    guard let value = Double(e.value.replacingOccurrences(of: "_", with: "")), value >= 0, value.isFinite else {
                        problems.append(.error("'\(e.key)' must be a number of zero or more (a point for decimals, e.g. 0.5); found \"\(e.value)\"", at: e.location))
                        continue
                    }
                    if path == \CostParameters.onlineUptake, value > 1 {
                        problems.append(.error("'online_uptake' is a share between 0 and 1; found \(e.value)", at: e.location))
                        continue
                    }
                    p[keyPath: path] = value
                }
            }
        }
        if p.daysPerMonth == 0 || p.hoursPerDay == 0, let f = files.last {
            problems.append(.error("days_per_month and hours_per_day must be more than zero", at: SourceLocation(file: f.file)))
        }
        if !problems.isEmpty { throw SettingsError(diagnostics: problems) }
        return p
    }
}
