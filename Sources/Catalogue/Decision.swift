/// A decision announcing procedures (Quyết định công bố danh mục TTHC, DOMAIN.md §2).
public struct Decision: Hashable, Codable, Sendable {
    /// "3218/QĐ-UBND"; unique in a catalogue.
    public var number: String
    public var signedOn: LocalDate
    /// Place of signing, as printed in the header ("Hà Tĩnh").
    public var place: String?
    /// "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH".
    public var authority: String
    public var signer: Signer?
    /// The title (trích yếu).
    public var title: String
    /// When it takes effect; the signing date when absent. May be in the future.
    public var effectiveOn: LocalDate?
    /// The decision's own legal bases (căn cứ), including the parent ministry decision.
    @Many public var legalBases: [LegalBasis]
    /// The ministry decision this one follows, e.g. "2972/QĐ-BNN-CN".
    public var parentDecision: String?
    @Many public var items: [DecisionItem]

    public init(
        number: String, signedOn: LocalDate, place: String? = nil, authority: String, signer: Signer? = nil,
        title: String, effectiveOn: LocalDate? = nil, legalBases: [LegalBasis] = [],
        parentDecision: String? = nil, items: [DecisionItem] = []
    ) {
        self.number = number
        self.signedOn = signedOn
        self.place = place
        self.authority = authority
        self.signer = signer
        self.title = title
        self.effectiveOn = effectiveOn
        self.legalBases = legalBases
        self.parentDecision = parentDecision
        self.items = items
    }

    /// The date the decision takes effect: its own effective date, else the signing date.
    public var effectiveDate: LocalDate { effectiveOn ?? signedOn }

    /// Who signed, and in what capacity ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
    public struct Signer: Hashable, Codable, Sendable {
        public var name: String
        /// "KT. CHỦ TỊCH", when signing on behalf of someone.
        public var onBehalfOf: String?
        /// "PHÓ CHỦ TỊCH".
        public var title: String

        public init(name: String, onBehalfOf: String? = nil, title: String) {
            self.name = name
            self.onBehalfOf = onBehalfOf
            self.title = title
        }
    }
}
