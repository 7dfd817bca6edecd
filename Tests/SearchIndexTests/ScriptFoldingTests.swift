import Catalogue
import Foundation
import SearchIndex
import Testing

/// site/assets/search.js folds a query with its own ports of `VietnameseText.searchKey` and
/// `.comparisonKey` and splits it like `SearchToken.words`; if the two sides differed, a word would be
/// looked up under a key the index never wrote. Runs the script under Node (Debian's `nodejs`,
/// installed by scripts/install-deps); the browser test runs the same script in Chromium.
@Suite struct ScriptFoldingTests {
    static let tricky = [
        "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "đăng ký", "dang ky khai sinh",
        "Đăng ký khai sinh".decomposedStringWithCanonicalMapping,
        "hoà giải", "hòa giải", "HOÀ GIẢI", "thuỷ lợi", "thủy lợi", "uỷ ban", "ủy ban", "Khoẻ", "khỏe", "Quý", "quý",
        "Ngoại giao", "người", "NGƯỜI", "ư ơ Ư Ơ â Â ă Ă ê Ê ô Ô", "Ủy ban nhân dân tỉnh Hoà Bình",
        "Mã 1.001193.000.00.00.H29; phí 1.000.000 đồng.", "Nghị định 63/2010/NĐ-CP", "Bước 1.Nộp hồ sơ",
        "  nhiều   khoảng\u{00A0}trắng\tvà\ndòng  ", "a\u{2028}b\u{3000}c", "x\u{200B}y", "\u{FEFF}bom",
        "e\u{0301}\u{0323}", "\u{0301}abc", "a\u{0301}.b\u{0300}", "İstanbul", "ǅemal", "ﬁle", "Straße", "Ñandú",
        "１２３ Ⅻ ½", "👍🏽 ok", "ĐẠI HỌC QUỐC GIA", "Chứng thực bản sao từ bản chính", "Ơ-rô", "x..y", "",
    ]

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("site/assets/search.js").path

    @Test(.enabled(if: Node.path != nil, "needs node (Debian: nodejs)"))
    func scriptFoldsAndSplitsAsTheIndexDoes() throws {
        let program = #"""
            require(process.argv[1]);
            const s = globalThis.tthcSearch;
            const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            const out = JSON.stringify(input.map(t => [s.fold(t), s.spelling(t), s.tokens(t).map(k => [k.folded, k.spelling])]));
            // ASCII only: the reader must see every character, a U+FEFF included.
            process.stdout.write(out.replace(/[\u007f-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
            """#
        let input = try JSONSerialization.data(withJSONObject: Self.tricky)
        let output = try Node.run(program, arguments: [Self.script], input: input)
        let answers = try #require(try JSONSerialization.jsonObject(with: output) as? [[Any]])
        #expect(answers.count == Self.tricky.count)
        for (text, answer) in zip(Self.tricky, answers) {
            let fold = try #require(answer[0] as? String)
            let spelling = try #require(answer[1] as? String)
            let tokens = try #require(answer[2] as? [[String]])
            #expect(Array(fold.unicodeScalars) == Array(VietnameseText.searchKey(text).unicodeScalars), "fold of \(text.debugDescription)")
            #expect(Array(spelling.unicodeScalars) == Array(VietnameseText.comparisonKey(text).unicodeScalars), "spelling of \(text.debugDescription)")
            let swiftTokens = SearchToken.tokens(text.precomposedStringWithCanonicalMapping).map { [$0.folded, $0.variant] }
            #expect(tokens.map { $0.map { Array($0.unicodeScalars) } } == swiftTokens.map { $0.map { Array($0.unicodeScalars) } }, "tokens of \(text.debugDescription)")
        }
    }
}
