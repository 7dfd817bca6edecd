import Catalogue

/// Which of two processing times is longer, only where that holds whatever the calendar: the same
/// unit compares by value, "trong ngày" is shorter than a day or more, and N working days are never
/// shorter than N calendar days. Anything else (hours against days, months) is not compared.
public enum TimeOrder {
    public static func isLonger(_ a: ProcessingTime, than b: ProcessingTime) -> Bool {
        switch (a.unit, a.value, b.unit, b.value) {
        case (.sameDay?, _, _, _): return false
        case (let u?, let x?, .sameDay?, _) where u == .days || u == .workingDays: return x >= 1
        case (let u?, let x?, let w?, let y?) where u == w: return x > y
        case (.workingDays?, let x?, .days?, let y?): return x > y
        default: return false
        }
    }
}
