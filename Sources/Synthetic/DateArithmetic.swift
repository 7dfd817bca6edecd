import Catalogue

extension LocalDate {
    /// The date `days` later (earlier when negative), through `LocalDate.dayNumber`.
    func adding(days: Int) -> LocalDate {
        LocalDate.fromDayNumber(dayNumber + days)
    }

    static func fromDayNumber(_ n: Int) -> LocalDate {
        let (y, m, d) = LocalDate.civil(dayNumber: n)
        return LocalDate(year: y, month: m, day: d)!
    }

    /// A literal date known to exist.
    static func known(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }
}
