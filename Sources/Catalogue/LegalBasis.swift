/// A legal text a procedure or decision rests on (căn cứ pháp lý).
public struct LegalBasis: Hashable, Codable, Sendable {
    /// "63/2010/NĐ-CP", "2972/QĐ-BNN-CN".
    public var number: String
    public var title: String?
    /// "Điều 8", "Khoản 2 Điều 5".
    public var article: String?
    public var issuedOn: LocalDate?

    public init(number: String, title: String? = nil, article: String? = nil, issuedOn: LocalDate? = nil) {
        self.number = number
        self.title = title
        self.article = article
        self.issuedOn = issuedOn
    }
}
