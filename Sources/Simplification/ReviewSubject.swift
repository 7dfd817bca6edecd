import Catalogue

/// A procedure under review, with its dossier items already read for meaning, so that every rule
/// shares one reading of each item.
public struct ReviewSubject: Sendable {
    public var key: String
    public var procedure: Procedure
    /// `readings[case][item]`.
    public var readings: [[DocumentMatcher.Reading]]
    /// The folded words of each step, `stepWords[group][step]`, and of each requirement.
    public var stepWords: [[[String]]]
    public var requirementWords: [[String]]

    public init(key: String, procedure: Procedure, matcher: DocumentMatcher) {
        self.init(
            key: key, procedure: procedure,
            readings: procedure.dossier.cases.map { $0.items.map { matcher.read($0.name) } },
            words: matcher.textWords)
    }

    /// `words` reads a step's or a requirement's text; the review passes a cached reader.
    init(key: String, procedure: Procedure, readings: [[DocumentMatcher.Reading]], words: (String) -> [String]) {
        self.key = key
        self.procedure = procedure
        self.readings = readings
        stepWords = procedure.steps.map { $0.steps.map { words($0.text) } }
        requirementWords = procedure.requirements.map { words($0.text) }
    }

    public var code: String { procedure.code?.rawValue ?? key }

    /// A finding about this procedure.
    func finding(
        _ rule: RuleID, at location: String, subject: String, reason: String, legalGround: String,
        proposal: String, edits: [Edit] = [], database: DatabaseReference? = nil
    ) -> Finding {
        Finding(
            rule: rule, key: key, code: code, procedure: procedure.name, location: location, subject: subject,
            reason: reason, legalGround: legalGround, proposal: proposal, edits: edits, database: database)
    }

    /// "Thành phần hồ sơ, mục 2" or "Thành phần hồ sơ, trường hợp «…», mục 2".
    func itemLocation(case c: Int, item i: Int) -> String {
        let name = procedure.dossier.cases[c].name.map { "trường hợp «\($0)», " } ?? ""
        return "Thành phần hồ sơ, \(name)mục \(i + 1)"
    }

    /// Every item with its indices and reading.
    var items: [(c: Int, i: Int, item: DossierItem, reading: DocumentMatcher.Reading)] {
        var out: [(c: Int, i: Int, item: DossierItem, reading: DocumentMatcher.Reading)] = []
        for (c, dossierCase) in procedure.dossier.cases.enumerated() {
            for (i, item) in dossierCase.items.enumerated() { out.append((c, i, item, readings[c][i])) }
        }
        return out
    }
}
