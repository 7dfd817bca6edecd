import Foundation
@testable import Sheets
import Testing

/// The byte search a sheet uses for "is the form's code already in the item's name" answers as
/// Foundation's `contains` (canonical equivalence) does, on NFC text and around combining marks.
@Suite("Text search")
struct TextSearchTests {
    static let cases: [(String, String)] = [
        ("Tờ khai đăng ký khai sinh (Mẫu số 01/TK)", "Mẫu số 01/TK"),
        ("Tờ khai đăng ký khai sinh (Mẫu số 01/TK)", "Mẫu số 02/TK"),
        ("Tờ khai đăng ký khai sinh", "Tờ khai đăng ký khai sinh dài hơn"),
        ("Đơn đề nghị", "đơn"),
        ("Đơn đề nghị", "Đơn"),
        ("https://dichvucong.gov.vn/p", "://"),
        ("thu-tuc/1.001193.html", "://"),
        ("ệ", "e"),
        ("Nghị định", "ị"),
        ("Nghị định", ""),
        ("", "a"),
        ("aaab", "aab"),
        ("x\u{301}y", "x"),
        ("Nghi\u{323} đi\u{323}nh", "Nghị"),
        ("Nghị định", "Nghi\u{323}"),
        ("Mẫu 01", "Mẫu 01"),
    ]

    @Test(arguments: cases)
    func answersAsFoundation(text: String, part: String) {
        #expect(TextSearch.contains(text, part) == (text.range(of: part) != nil))
    }

    @Test func findsWhatIsThereAndNotWhatIsNot() {
        #expect(TextSearch.contains("Tờ khai (Mẫu số 01/TK)", "01/TK"))
        #expect(!TextSearch.contains("Tờ khai (Mẫu số 01/TK)", "01/TT"))
        #expect(TextSearch.contains("https://a.vn", "://"))
        #expect(!TextSearch.contains("thu-tuc/1.html", "://"))
    }

    @Test func upperCaseNamesAreTheStandardLibrarysAndKept() {
        for name in ["Ủy ban nhân dân xã Đông Hòa", "Sở Tư pháp tỉnh Mẫu", "ǆ ß ﬁ"] {
            #expect(UpperCase.of(name) == name.uppercased())
            #expect(UpperCase.of(name) == name.uppercased())
        }
    }
}
