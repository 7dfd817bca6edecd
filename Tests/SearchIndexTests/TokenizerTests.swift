import Catalogue
import Testing

@testable import SearchIndex

/// The builder's byte-level splitter must cut and key words exactly as `SearchToken.tokens` (the
/// reference search.js ports) does.
struct TokenizerTests {
    @Test(arguments: [
        "Đăng ký khai sinh",
        "Thủ tục 1.001193.000.00.00.H29, phí 1.000.000 đồng.",
        "a.b .c d. ..e 3.5.",
        "Hoà giải; hòa giải (viết khác)",
        "Cu\u{309}a ho\u{300}a — “trích lục” <script>",
        "×÷ ½ ǅ ⅷ ٣ 中文 🙂 x",
        "",
        "....",
        "đ",
    ])
    func splitsAsSearchToken(text: String) {
        var tokenizer = Tokenizer()
        // Twice: the second time every word comes from the table.
        for _ in 0..<2 {
            let numbers = tokenizer.numbers(text)
            #expect(numbers.map { tokenizer.tokens[$0] } == SearchToken.tokens(text))
            #expect(numbers.map { tokenizer.folded[tokenizer.foldedOf[$0]] } == SearchToken.tokens(text).map(\.folded))
        }
    }

    @Test func manyDistinctWordsGrowTheTable() {
        var tokenizer = Tokenizer()
        let text = (0..<20_000).map { "w\($0)" }.joined(separator: " ")
        let first = tokenizer.numbers(text)
        #expect(first == Array(0..<20_000))
        #expect(tokenizer.numbers(text) == first)
        #expect(tokenizer.tokens[12_345] == SearchToken(folded: "w12345", variant: "w12345"))
    }
}

extension TokenizerTests {
    /// `codeNumbers` works on bytes; these are the words it must give, spelled out with `SearchToken`.
    @Test(arguments: [
        ("1.001193.000.00.00.H29", "1.001193"),
        ("1.001193", "1.001193"),
        ("2.000123.H29.0.x", "2.000123"),
        ("12.001193.000", "12.001193"),
        ("1.00119", "1.00119"),
        ("", "QT-TAM-0007"),
        ("ABC..00.0a", "ABC..00.0a"),
    ])
    func codeWords(code: String, key: String) {
        var expected = SearchToken.tokens(code.isEmpty ? key : code)
        if let national = ProcedureCode(code).national { expected += SearchToken.tokens(national) }
        for word in SearchToken.words(code) {
            for part in word.split(separator: ".") where part.contains(where: { $0 != "0" }) {
                if let t = SearchToken.token(part) { expected.append(t) }
            }
        }
        var tokenizer = Tokenizer()
        #expect(tokenizer.codeNumbers(code, key: key).map { tokenizer.tokens[$0] } == expected)
    }
}
