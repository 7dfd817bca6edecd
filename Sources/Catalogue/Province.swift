/// The province that keeps the catalogue, and its communes: read from `catalogue/province.json`.
///
/// Sheets and the site print these contacts as the place to send feedback (phản ánh, kiến nghị,
/// Decree 63, art. 17), and the agency code builds local procedure codes (`…H29`).
public struct Province: Hashable, Codable, Sendable {
    public var name: String
    /// Electronic agency code, e.g. "H29".
    public var agencyCode: String
    /// Where the public site is served, e.g. "https://thutuc.example.gov.vn/".
    public var baseURL: String?
    /// "Ủy ban nhân dân tỉnh …", as printed in headers.
    public var authority: String?
    public var feedback: Contact?
    /// True for made-up data: every output then says "dữ liệu mẫu".
    public var sample: Bool
    @Many public var communes: [Commune]
    /// The emblem the site shows in its header: a path inside the site (`assets/emblem.svg`, the
    /// default, which a theme may replace) or nil for the default.
    public var emblem: String?

    public init(
        name: String, agencyCode: String, baseURL: String? = nil, authority: String? = nil,
        feedback: Contact? = nil, sample: Bool = false, communes: [Commune] = [], emblem: String? = nil
    ) {
        self.name = name
        self.agencyCode = agencyCode
        self.baseURL = baseURL
        self.authority = authority
        self.feedback = feedback
        self.sample = sample
        self.communes = communes
        self.emblem = emblem
    }

    private enum CodingKeys: String, CodingKey {
        case name, agencyCode, baseURL, authority, feedback, sample, communes, emblem
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        agencyCode = try c.decode(String.self, forKey: .agencyCode)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL)
        authority = try c.decodeIfPresent(String.self, forKey: .authority)
        feedback = try c.decodeIfPresent(Contact.self, forKey: .feedback)
        sample = try c.decodeIfPresent(Bool.self, forKey: .sample) ?? false
        _communes = try c.decode(Many<Commune>.self, forKey: .communes)
        emblem = try c.decodeIfPresent(String.self, forKey: .emblem)
    }

    /// A commune or ward (xã, phường, đặc khu) with its one-stop counter.
    public struct Commune: Hashable, Codable, Sendable {
        public var code: String
        public var name: String
        public var address: String?
        public var phone: String?
        public var email: String?

        public init(code: String, name: String, address: String? = nil, phone: String? = nil, email: String? = nil) {
            self.code = code
            self.name = name
            self.address = address
            self.phone = phone
            self.email = email
        }
    }

    /// Where citizens send feedback on procedures.
    public struct Contact: Hashable, Codable, Sendable {
        public var agency: String
        public var address: String?
        public var phone: String?
        public var email: String?

        public init(agency: String, address: String? = nil, phone: String? = nil, email: String? = nil) {
            self.agency = agency
            self.address = address
            self.phone = phone
            self.email = email
        }
    }

    /// The words every output shows when the data is made up.
    public static let sampleNotice = "Dữ liệu mẫu – không phải danh mục thủ tục hành chính chính thức"
}
