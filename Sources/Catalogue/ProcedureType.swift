/// The kind of procedure the national portal records.
public enum ProcedureType: String, Codable, CaseIterable, Sendable {
    case ordinary
    /// Đặc thù.
    case special
    /// Liên thông: linked with other procedures or levels.
    case linked
    /// Nội bộ: between state bodies; published but never posted to citizens (DOMAIN.md §6).
    case `internal`

    public var vietnamese: String {
        switch self {
        case .ordinary: "Thủ tục hành chính thông thường"
        case .special: "Thủ tục hành chính đặc thù"
        case .linked: "Thủ tục hành chính liên thông"
        case .internal: "Thủ tục hành chính nội bộ"
        }
    }
}
