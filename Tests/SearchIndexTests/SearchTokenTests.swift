import Foundation
import SearchIndex
import Testing

@Suite struct SearchTokenTests {
    @Test(arguments: [
        ("Đăng ký khai sinh", ["Đăng", "ký", "khai", "sinh"]),
        ("Mã 1.001193.000.00.00.H29; lệ phí 1.000.000 đồng.", ["Mã", "1.001193.000.00.00.H29", "lệ", "phí", "1.000.000", "đồng"]),
        ("Bước 1: nộp hồ sơ...", ["Bước", "1", "nộp", "hồ", "sơ"]),
        ("a..b .c d.", ["a", "b", "c", "d"]),
        ("(Cấp xã)/Cấp tỉnh", ["Cấp", "xã", "Cấp", "tỉnh"]),
    ])
    func words(text: String, expected: [String]) {
        #expect(SearchToken.words(text).map(String.init) == expected)
    }

    @Test func foldsDiacriticsAndDStroke() {
        let t = SearchToken.tokens("Đăng ký KHAI SINH")
        #expect(t.map(\.folded) == ["dang", "ky", "khai", "sinh"])
        #expect(t.map(\.variant) == ["đăng", "ký", "khai", "sinh"])
    }

    @Test func oldAndNewTonePlacementHaveOneSpelling() {
        let old = SearchToken.tokens("hoà giải thuỷ lợi")
        let new = SearchToken.tokens("hòa giải thủy lợi")
        #expect(old == new)
        #expect(old[0].folded == "hoa")
    }

    @Test func decomposedTextGivesTheSameTokensAsComposed() {
        let decomposed = "Đăng ký khai sinh".decomposedStringWithCanonicalMapping
        #expect(SearchToken.tokens(decomposed) == SearchToken.tokens("Đăng ký khai sinh"))
    }
}

