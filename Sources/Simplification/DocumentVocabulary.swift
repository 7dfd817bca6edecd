import Catalogue

/// The synonym lists behind document matching, read from `catalogue/review/documents.ini` (and any
/// file a user adds with `--documents`) at run time, so officers extend them without rebuilding.
public struct DocumentVocabulary: Sendable {
    /// Folded short form → folded words it stands for ("cmnd" → chung minh nhan dan).
    public var abbreviations: [String: [String]] = [:]
    /// How a paper is handed in ("bản sao có chứng thực"), longest first.
    public var qualifiers: [[String]] = []
    /// Heads of the applicant's own papers ("tờ khai", "đơn").
    public var applications: [[String]] = []
    /// Wordings of a step that needs the applicant in person.
    public var presence: [[String]] = []
    public var concepts: [DocumentConcept] = []

    public init() {}

    /// Reads one or more files; later files extend earlier ones, and a `[document ID]` repeated in a
    /// later file replaces the earlier definition.
    public static func load(_ files: [SettingsFile]) throws(SettingsError) -> DocumentVocabulary {
        var v = DocumentVocabulary()
        for file in files { try v.add(file) }
        // Abbreviations apply to every phrase, whichever file defined it.
        v.qualifiers = v.qualifiers.map(v.expand).sorted { $0.count > $1.count }
        v.applications = v.applications.map(v.expand)
        v.presence = v.presence.map(v.expand)
        for i in v.concepts.indices { v.concepts[i].phrases = v.concepts[i].phrases.map(v.expand) }
        return v
    }

    mutating func add(_ file: SettingsFile) throws(SettingsError) {
        var problems: [Diagnostic] = []
        for section in file.sections {
            let words = section.name.split(separator: " ", maxSplits: 1).map(String.init)
            switch words[0] {
            case "abbreviations":
                for e in section.entries {
                    let short = VietnameseText.searchKey(e.key)
                    guard !short.contains(" ") else {
                        problems.append(.error("an abbreviation is one word; '\(e.key)' has several", at: e.location))
                        continue
                    }
                    abbreviations[short] = DocumentMatcher.words(e.value)
                }
            case "qualifiers", "applications", "presence":
                for e in section.entries {
                    guard e.key == "phrase" else {
                        problems.append(.error("[\(words[0])] takes only 'phrase = …' lines; found '\(e.key)'", at: e.location))
                        continue
                    }
                    let phrase = DocumentMatcher.words(e.value)
                    switch words[0] {
                    case "qualifiers": qualifiers.append(phrase)
                    case "applications": applications.append(phrase)
                    default: presence.append(phrase)
                    }
                }
            case "document":
                guard words.count == 2, !words[1].contains(" ") else {
                    problems.append(.error("a document section needs one id: [document land-certificate]", at: section.location))
                    continue
                }
                let known: Set<String> = ["name", "phrase", "database", "ministry", "legal", "rule"]
                for e in section.entries where !known.contains(e.key) {
                    problems.append(.error("unknown key '\(e.key)' in [\(section.name)]; use one of \(known.sorted().joined(separator: ", "))", at: e.location))
                }
                let phrases = section.values("phrase").map { DocumentMatcher.words($0) }.filter { !$0.isEmpty }
                if phrases.isEmpty {
                    problems.append(.error("[\(section.name)] has no 'phrase = …' line; add the wordings that mean this document", at: section.location))
                    continue
                }
                var rule: RuleID?
                if let e = section.entry("rule") {
                    guard let r = RuleID(rawValue: e.value) else {
                        problems.append(.error("unknown rule '\(e.value)'; use one of \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))", at: e.location))
                        continue
                    }
                    rule = r
                }
                if section.value("database") != nil, section.value("ministry") == nil {
                    problems.append(.error("[\(section.name)] names a database but not the ministry that owns it; add 'ministry = …'", at: section.location))
                }
                let concept = DocumentConcept(
                    id: words[1], name: section.value("name") ?? words[1], phrases: phrases,
                    database: section.value("database"), ministry: section.value("ministry"),
                    legal: section.value("legal"), rule: rule)
                if let i = concepts.firstIndex(where: { $0.id == concept.id }) {
                    concepts[i] = concept
                } else {
                    concepts.append(concept)
                }
            default:
                problems.append(.error("unknown section [\(section.name)]; use [abbreviations], [qualifiers], [applications], [presence] or [document ID]", at: section.location))
            }
        }
        if !problems.isEmpty { throw SettingsError(diagnostics: problems) }
    }

    /// Replaces abbreviations by their long forms.
    func expand(_ words: [String]) -> [String] {
        words.flatMap { abbreviations[$0] ?? [$0] }
    }
}
