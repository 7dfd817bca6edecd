/// A fee or charge (phí, lệ phí) payable on one submission channel.
///
/// `amount` is in đồng when the law fixes a figure; otherwise `text` holds the wording ("Theo quy định
/// tại Thông tư 85/2019/TT-BTC"). An amount of 0 means free ("Miễn phí"), which differs from no amount.
public struct Fee: Hashable, Codable, Sendable {
    public var kind: Kind
    public var amount: DecimalNumber?
    /// ISO 4217 code when not đồng (some national records quote USD).
    public var currency: String?
    public var text: String?
    public var description: String?
    @Many public var exemptions: [String]

    public init(
        kind: Kind = .fee, amount: DecimalNumber? = nil, currency: String? = nil, text: String? = nil,
        description: String? = nil, exemptions: [String] = []
    ) {
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.text = text
        self.description = description
        self.exemptions = exemptions
    }

    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Lệ phí: a state levy for the service.
        case fee
        /// Phí: a charge covering the cost of the service.
        case charge

        public var vietnamese: String {
            switch self {
            case .fee: "Lệ phí"
            case .charge: "Phí"
            }
        }
    }

    /// "20.000 đồng", "Miễn phí", or the text.
    public var vietnamese: String {
        guard let amount else { return text ?? "" }
        if amount == 0 { return "Miễn phí" }
        let unit = currency.map { $0 == "VND" ? "đồng" : $0 } ?? "đồng"
        return "\(amount.vietnamese) \(unit)"
    }
}
