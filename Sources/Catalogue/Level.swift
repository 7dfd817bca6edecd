/// The level of government that carries out a procedure (DOMAIN.md §1).
///
/// Since 01/7/2025 only province, commune, shared and non-territorial are current; district and
/// ministry stay for history and for imported national records.
public enum Level: String, Codable, CaseIterable, Sendable, Comparable {
    case province
    case commune
    case shared
    case nonTerritorial = "non-territorial"
    case district
    case ministry

    /// The name officers and citizens read.
    public var vietnamese: String {
        switch self {
        case .province: "Cấp tỉnh"
        case .commune: "Cấp xã"
        case .shared: "Dùng chung"
        case .nonTerritorial: "Không phụ thuộc địa giới hành chính"
        case .district: "Cấp huyện"
        case .ministry: "Cấp trung ương"
        }
    }

    /// Whether the level still exists after the two-level reform of 01/7/2025.
    public var isCurrent: Bool { self != .district && self != .ministry }

    public static func < (a: Level, b: Level) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
