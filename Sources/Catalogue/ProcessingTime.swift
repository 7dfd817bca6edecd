/// How long the agency has to settle a dossier (thời hạn giải quyết).
///
/// Values are decimal ("16,5 ngày"); "trong ngày" is `.sameDay` with no value. Where the law gives the
/// time per stage ("Sở Tư pháp: 04 ngày; UBND xã: 05 ngày"), `stages` holds the breakdown and `value`
/// the total. `text` keeps the wording a decision uses, for display and for times no unit captures.
public struct ProcessingTime: Hashable, Codable, Sendable {
    public var value: DecimalNumber?
    public var unit: TimeUnit?
    public var text: String?
    @Many public var stages: [Stage]

    public init(value: DecimalNumber? = nil, unit: TimeUnit? = nil, text: String? = nil, stages: [Stage] = []) {
        self.value = value
        self.unit = unit
        self.text = text
        self.stages = stages
    }

    /// One stage of a time split between agencies or steps.
    public struct Stage: Hashable, Codable, Sendable {
        public var name: String
        public var value: DecimalNumber?
        public var unit: TimeUnit?

        public init(name: String, value: DecimalNumber? = nil, unit: TimeUnit? = nil) {
            self.name = name
            self.value = value
            self.unit = unit
        }
    }

    /// The time as citizens read it: "05 ngày làm việc", "Trong ngày", or the decision's own text.
    public var vietnamese: String {
        if let text, value == nil || unit == nil { return text }
        guard let unit else { return text ?? "" }
        if unit == .sameDay { return unit.vietnamese }
        guard let value else { return unit.vietnamese }
        return "\(value.vietnamese) \(unit.lowercaseVietnamese)"
    }
}

/// The unit of a processing time.
public enum TimeUnit: String, Codable, CaseIterable, Sendable {
    case workingDays = "working-days"
    case days
    case hours
    case months
    case sameDay = "same-day"

    public var vietnamese: String {
        switch self {
        case .workingDays: "Ngày làm việc"
        case .days: "Ngày"
        case .hours: "Giờ"
        case .months: "Tháng"
        case .sameDay: "Trong ngày"
        }
    }

    /// `vietnamese.lowercased()`, spelled out (it is printed on every sheet and page).
    public var lowercaseVietnamese: String {
        switch self {
        case .workingDays: "ngày làm việc"
        case .days: "ngày"
        case .hours: "giờ"
        case .months: "tháng"
        case .sameDay: "trong ngày"
        }
    }
}
