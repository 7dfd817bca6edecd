import Catalogue

/// One simplification opportunity: which rule, which procedure, the exact text it rests on, why
/// (with the legal ground), what to do instead, and what that saves.
public struct Finding: Sendable, Hashable {
    public var rule: RuleID
    /// The procedure's catalogue key (national code, or the provisional key of a new procedure).
    public var key: String
    /// The code as the catalogue writes it.
    public var code: String
    public var procedure: String
    /// Where in the procedure: "Thành phần hồ sơ, mục 2", "Yêu cầu, điều kiện 3".
    public var location: String
    /// The exact item or text the finding rests on.
    public var subject: String
    public var reason: String
    public var legalGround: String
    public var proposal: String
    /// The machine-applicable change; empty when the proposal needs a person (merging procedures).
    public var edits: [Edit]
    /// For `database` (and `household-book`): the database that holds the document.
    public var database: DatabaseReference?
    /// For `overlap`: the other procedures and what they share.
    public var overlap: OverlapDetail?
    /// The compliance cost of this proposal alone; set by `Review`.
    public var cost: CostEffect?

    public init(
        rule: RuleID, key: String, code: String, procedure: String, location: String, subject: String,
        reason: String, legalGround: String, proposal: String, edits: [Edit] = [],
        database: DatabaseReference? = nil, overlap: OverlapDetail? = nil, cost: CostEffect? = nil
    ) {
        self.rule = rule
        self.key = key
        self.code = code
        self.procedure = procedure
        self.location = location
        self.subject = subject
        self.reason = reason
        self.legalGround = legalGround
        self.proposal = proposal
        self.edits = edits
        self.database = database
        self.overlap = overlap
        self.cost = cost
    }
}

/// The register line of Resolution 66.7/2025's appendix: which database replaces the paper.
public struct DatabaseReference: Sendable, Hashable {
    public var document: String
    public var database: String
    public var ministry: String
    /// The legal text that lets the database replace the paper.
    public var legal: String
    /// The procedure's own legal text that asks for the paper, and its article or form, when known.
    public var procedureBasis: String?
    public var article: String?
}

/// The procedures an overlapping one could merge with.
public struct OverlapDetail: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var code: String
        public var name: String
        /// The case of the dossier, for a sub-case that duplicates another procedure.
        public var caseName: String?
    }

    public var members: [Member]
    /// Jaccard similarity of the dossier items, results and agencies (0…1), the group's lowest pair.
    public var score: Double
    /// What the members share, as the first member words it.
    public var shared: [String]
}
