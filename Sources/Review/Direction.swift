/// Whether a change makes the procedure lighter or heavier for citizens: fewer papers, less time,
/// lower fees and more online are lighter (the aims of Resolution 66.7/2025 and Decree 63's review).
public enum Direction: String, Codable, Sendable, CaseIterable {
    case lighter
    case heavier
    case neutral

    /// The same change seen from the other side.
    public var inverted: Direction {
        switch self {
        case .lighter: .heavier
        case .heavier: .lighter
        case .neutral: .neutral
        }
    }

    /// "nhẹ hơn" / "nặng hơn" / "trung tính", as the report prints it.
    public var vietnamese: String {
        switch self {
        case .lighter: "nhẹ hơn"
        case .heavier: "nặng hơn"
        case .neutral: "trung tính"
        }
    }

    /// The direction of a number citizens want small (papers, days, đồng): down is lighter.
    static func ofCost<T: Comparable>(_ old: T, _ new: T) -> Direction {
        new < old ? .lighter : new > old ? .heavier : .neutral
    }
}
