import Catalogue

/// Which proposals a review meeting accepts: whole rules (`--accept database,certified-copy`) or a
/// selection file, one acceptance a line: `RULE`, `CODE` (every proposal for that procedure) or
/// `CODE RULE`; `#` starts a comment.
public struct Selection: Sendable, Hashable {
    public var rules: Set<RuleID>
    public var procedures: Set<String>
    public var pairs: Set<String>

    public init(rules: Set<RuleID> = Set(RuleID.allCases), procedures: Set<String> = [], pairs: Set<String> = []) {
        self.rules = rules
        self.procedures = procedures
        self.pairs = pairs
    }

    public static let all = Selection()

    public func accepts(_ finding: Finding) -> Bool {
        rules.contains(finding.rule) || procedures.contains(finding.key)
            || pairs.contains("\(finding.key) \(finding.rule.rawValue)")
    }

    /// Parses a selection file; unknown rules and malformed lines are located errors.
    public static func parse(_ text: String, file: String) throws(SettingsError) -> Selection {
        var selection = Selection(rules: [])
        var problems: [Diagnostic] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "," }).map(String.init)
            let at = SourceLocation(file: file, line: n + 1, column: 1)
            switch words.count {
            case 0: continue
            case 1:
                if let rule = RuleID(rawValue: words[0]) {
                    selection.rules.insert(rule)
                } else if words[0].first?.isNumber == true {
                    selection.procedures.insert(ProcedureCode(words[0]).key)
                } else {
                    problems.append(.error("'\(words[0])' is neither a rule (\(RuleID.allCases.map(\.rawValue).joined(separator: ", "))) nor a procedure code", at: at))
                }
            case 2:
                guard let rule = RuleID(rawValue: words[1]) else {
                    problems.append(.error("unknown rule '\(words[1])'; write CODE RULE, e.g. 1.001776 household-book", at: at))
                    continue
                }
                selection.pairs.insert("\(ProcedureCode(words[0]).key) \(rule.rawValue)")
            default:
                problems.append(.error("a line holds RULE, CODE, or CODE RULE; found \(words.count) words", at: at))
            }
        }
        if !problems.isEmpty { throw SettingsError(diagnostics: problems) }
        return selection
    }
}
