/// The review's rules, by the ids every output prints (issue 5, DOMAIN.md §5).
public enum RuleID: String, CaseIterable, Sendable, Codable, Comparable {
    case database
    case householdBook = "household-book"
    case certifiedCopy = "certified-copy"
    case sets
    case duplicateItem = "duplicate-item"
    case overlap
    case time
    case online
    case noBasis = "no-basis"

    /// The heading a review meeting reads.
    public var vietnamese: String {
        switch self {
        case .database: "Giấy tờ đã có trong cơ sở dữ liệu quốc gia"
        case .householdBook: "Yêu cầu sổ hộ khẩu, sổ tạm trú"
        case .certifiedCopy: "Yêu cầu bản sao có chứng thực"
        case .sets: "Nhiều hơn một bộ hồ sơ"
        case .duplicateItem: "Giấy tờ yêu cầu hai lần"
        case .overlap: "Thủ tục trùng lặp, có thể hợp nhất"
        case .time: "Thời hạn giải quyết dài hơn nơi khác"
        case .online: "Chưa trực tuyến toàn trình"
        case .noBasis: "Yêu cầu, điều kiện không có căn cứ pháp lý"
        }
    }

    public static func < (a: RuleID, b: RuleID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
