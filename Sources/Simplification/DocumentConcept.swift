import Catalogue

/// A document as the review understands it, whatever its wording: "Bản sao CMND", "thẻ căn cước
/// công dân" and "Giấy tờ tùy thân có ảnh" are all `identity`.
///
/// Where a national database holds the document, `database` and `ministry` name it: Resolution
/// 66.7/2025/NQ-CP, art. 4 has such documents cut from dossiers and looked up instead.
public struct DocumentConcept: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Folded, abbreviation-expanded wordings, each as words.
    public var phrases: [[String]]
    public var database: String?
    public var ministry: String?
    public var legal: String?
    /// The rule that reports it when it is not `database` (the household book: `household-book`).
    public var rule: RuleID?

    public init(
        id: String, name: String, phrases: [[String]], database: String? = nil, ministry: String? = nil,
        legal: String? = nil, rule: RuleID? = nil
    ) {
        self.id = id
        self.name = name
        self.phrases = phrases
        self.database = database
        self.ministry = ministry
        self.legal = legal
        self.rule = rule
    }
}
