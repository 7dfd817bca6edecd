import Catalogue
import Foundation

/// Compares two processing times for citizens.
///
/// Only comparisons that hold whatever the calendar are made: the same unit compares by value (with
/// the percentage); "trong ngày" is shorter than one or more days of any kind; and because every
/// working day is also a day, N calendar days never take longer than N working days, so "10 ngày làm
/// việc → 10 ngày" or "→ 7 ngày" is lighter. The other way round (days → working days), and hours or
/// months against days, depend on weekends, holidays and month lengths: those are flagged as not
/// convertible and left neutral.
struct TimeComparison {
    var direction: Direction
    /// The change in per cent, when both are values in one unit.
    var percent: Int?
    var convertible: Bool

    init(_ old: ProcessingTime, _ new: ProcessingTime) {
        direction = .neutral
        percent = nil
        convertible = true
        switch (old.unit, old.value, new.unit, new.value) {
        case (.sameDay?, _, .sameDay?, _):
            return
        case (let u?, let a?, let w?, let b?) where u == w:
            direction = Direction.ofCost(a, b)
            if a.decimal != 0 {
                let change = (b.doubleValue - a.doubleValue) / a.doubleValue * 100
                percent = Int(change.rounded())
            }
        case (.sameDay?, _, let w?, let b?) where (w == .days || w == .workingDays) && b >= 1:
            direction = .heavier
        case (let u?, let a?, .sameDay?, _) where (u == .days || u == .workingDays) && a >= 1:
            direction = .lighter
        case (.workingDays?, let a?, .days?, let b?) where b <= a:
            direction = .lighter
        case (.days?, let a?, .workingDays?, let b?) where a <= b:
            direction = .heavier
        default:
            if old.unit == nil || new.unit == nil || old.value == nil || new.value == nil {
                // Wording only ("theo quy định"): nothing to compare.
                convertible = old.unit == new.unit
            } else {
                convertible = false
            }
        }
    }

    /// "−33 %", "+50 %", with a true minus sign.
    static func format(percent: Int) -> String {
        percent < 0 ? "−\(-percent) %" : "+\(percent) %"
    }
}
