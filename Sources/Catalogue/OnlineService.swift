/// How far the procedure can be done online (Decree 42/2022/NĐ-CP).
public struct OnlineService: Hashable, Codable, Sendable {
    public var level: OnlineLevel
    /// Online-service codes (`1.001193.01`).
    @Many public var codes: [String]
    /// Where to submit online.
    public var url: String?

    public init(level: OnlineLevel, codes: [String] = [], url: String? = nil) {
        self.level = level
        self.codes = codes
        self.url = url
    }
}

public enum OnlineLevel: String, Codable, CaseIterable, Sendable, Comparable {
    /// Toàn trình: every step online.
    case full
    /// Một phần: some steps need presence.
    case partial
    /// Cung cấp thông tin: information only.
    case informationOnly = "information-only"
    case none

    public var vietnamese: String {
        switch self {
        case .full: "Dịch vụ công trực tuyến toàn trình"
        case .partial: "Dịch vụ công trực tuyến một phần"
        case .informationOnly: "Cung cấp thông tin trực tuyến"
        case .none: "Không cung cấp dịch vụ công trực tuyến"
        }
    }

    /// More online is lighter for citizens: full < partial < information < none.
    public static func < (a: OnlineLevel, b: OnlineLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
