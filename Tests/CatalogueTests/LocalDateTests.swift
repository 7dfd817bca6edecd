import Catalogue
import Testing

/// Day counts since 1970-01-01, checked against Python's `datetime.date` subtraction.
@Suite struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11_016), ("2000-03-01", 11_017),
        ("2026-11-24", 20_781), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func dayNumberCountsFrom1970(iso: String, days: Int) throws {
        let date = try #require(LocalDate(iso: iso))
        #expect(date.dayNumber == days)
        let civil = LocalDate.civil(dayNumber: days)
        #expect(LocalDate(year: civil.year, month: civil.month, day: civil.day) == date)
    }

    @Test func civilGoesBeyondTheYearsADateHolds() {
        // 10000-01-01 is one day after 9999-12-31: a year LocalDate refuses, which callers clamp.
        let civil = LocalDate.civil(dayNumber: 2_932_897)
        #expect(civil.year == 10_000 && civil.month == 1 && civil.day == 1)
    }
}
