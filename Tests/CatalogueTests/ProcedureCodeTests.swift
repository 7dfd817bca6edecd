@testable import Catalogue
import Testing

/// `ProcedureCode.national` reads ASCII codes byte by byte; it must answer exactly as reading them
/// character by character does, for codes and for anything else a file may hold.
@Suite("Procedure codes")
struct ProcedureCodeTests {
    @Test(arguments: [
        ("1.001193", "1.001193"), ("1.001193.000.00.00.H99", "1.001193"), ("2.000123.H29", "2.000123"),
        ("1.00119", nil), ("1.0011934", nil), ("12.001193", nil), ("1,001193", nil), ("a.001193", nil),
        ("1.00a193", nil), ("1.001193x", nil), ("", nil), (".", nil), ("1.", nil), ("123/QĐ-UBND#4", nil),
        ("1.001193.", "1.001193"), ("1.001193..", "1.001193"),
    ] as [(String, String?)])
    func nationalPart(code: String, national: String?) {
        #expect(ProcedureCode(code).national == national)
        #expect(ProcedureCode(code).key == (national ?? code))
    }

    /// Strings where characters and bytes could part ways: combining marks after a digit or a dot,
    /// CR LF, non-ASCII digits, a national code followed by Vietnamese text.
    @Test(arguments: [
        "1.001193", "1\u{301}.001193", "1.001193\u{301}", "1.001193.\u{301}x", "1.001193.Hà Nội", "1.00119\u{0663}",
        "\u{0661}.001193", "1.001193\r\n", "1\r\n.001193", "1.001193\u{300}.H99", "１.001193", "Đ.001193", "1.001193.\r\n",
    ])
    func sameAsReadingCharacters(code: String) {
        #expect(ProcedureCode(code).national == ProcedureCode.national(byCharacters: code))
    }
}
