import Catalogue
import Testing

@testable import Review

@Suite struct WordDiffTests {
    @Test func rewordedStepGivesExactRuns() {
        let runs = WordDiff.runs(
            "Nộp hồ sơ tại Bộ phận Một cửa cấp huyện trong giờ hành chính",
            "Nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa cấp xã trong giờ hành chính")
        #expect(runs == [
            WordRun(.same, "Nộp hồ sơ"),
            WordRun(.inserted, "trực tuyến hoặc"),
            WordRun(.same, "tại Bộ phận Một cửa cấp"),
            WordRun(.deleted, "huyện"),
            WordRun(.inserted, "xã"),
            WordRun(.same, "trong giờ hành chính"),
        ])
    }

    @Test func identicalTextIsOneSameRun() {
        #expect(WordDiff.runs("Giấy khai sinh", "Giấy khai sinh") == [WordRun(.same, "Giấy khai sinh")])
        #expect(WordDiff.runs("", "") == [])
    }

    @Test func emptySides() {
        #expect(WordDiff.runs("", "bản sao") == [WordRun(.inserted, "bản sao")])
        #expect(WordDiff.runs("bản sao", "") == [WordRun(.deleted, "bản sao")])
    }

    @Test func tonePlacementCaseAndDecompositionAreTheSameWord() {
        // Old (hoà, thuỷ) and new (hòa, thủy) tone placement, and a decomposed copy of the same text.
        let old = "Hoà giải tại Thuỷ Nguyên"
        let new = "hòa giải tại thủy nguyên"
        #expect(WordDiff.same(old, new))
        #expect(WordDiff.runs(old, new).allSatisfy { $0.kind == .same })
        let decomposed = "Đăng ký khai sinh".decomposedStringWithCanonicalMapping
        #expect(WordDiff.same(decomposed, "Đăng ký khai sinh"))
        #expect(WordDiff.runs(decomposed, "Đăng ký khai sinh") == [WordRun(.same, "Đăng ký khai sinh")])
    }

    @Test func spacingDoesNotCount() {
        #expect(WordDiff.same("Bản  sao\tsổ hộ khẩu ", "Bản sao sổ hộ khẩu"))
    }

    @Test(arguments: [
        ("a b c d e f", "a x c d y f"),
        ("một hai ba bốn năm", "năm bốn ba hai một"),
        ("", "a b"),
        ("a a a b", "b a a a"),
        ("Thời hạn 15 ngày làm việc", "Thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ"),
    ])
    func runsRebuildBothSides(old: String, new: String) {
        let runs = WordDiff.runs(old, new)
        #expect(WordDiff.oldText(runs) == WordDiff.tokens(old).joined(separator: " "))
        #expect(WordDiff.newText(runs) == WordDiff.tokens(new).joined(separator: " "))
        // The reverse diff is the inverse: the same words kept, inserted and deleted swapped.
        let back = WordDiff.runs(new, old)
        #expect(WordDiff.oldText(back) == WordDiff.newText(runs))
        #expect(WordDiff.newText(back) == WordDiff.oldText(runs))
        let kept = runs.filter { $0.kind == .same }.map(\.text).joined(separator: " ")
        let keptBack = back.filter { $0.kind == .same }.map(\.text).joined(separator: " ")
        #expect(WordDiff.tokens(kept).count == WordDiff.tokens(keptBack).count)
    }

    @Test func minimalEditsOnSmallInput() {
        // One substitution in the middle: exactly one deleted and one inserted word.
        let runs = WordDiff.runs("a b c d e", "a b X d e")
        #expect(runs == [WordRun(.same, "a b"), WordRun(.deleted, "c"), WordRun(.inserted, "X"), WordRun(.same, "d e")])
    }

    @Test func tenThousandWordsAllChanged() {
        let old = (0..<10_000).map { "cũ\($0)" }.joined(separator: " ")
        let new = (0..<10_000).map { "mới\($0)" }.joined(separator: " ")
        let runs = WordDiff.runs(old, new)
        #expect(runs.count == 2)
        #expect(runs.first?.kind == .deleted)
        #expect(runs.last?.kind == .inserted)
        #expect(WordDiff.oldText(runs) == old)
        #expect(WordDiff.newText(runs) == new)
    }

    /// More edits than Myers searches for: the patience fallback still finds every kept word.
    @Test func manyScatteredEditsPastTheLimit() {
        var words = (0..<10_000).map { "từ\($0)" }
        let old = words.joined(separator: " ")
        let edited = Array(stride(from: 3, to: 10_000, by: 6))
        #expect(edited.count * 2 > WordDiff.maximumEdits)
        for i in edited { words[i] = "sửa\(i)" }
        let new = words.joined(separator: " ")
        let runs = WordDiff.runs(old, new)
        #expect(WordDiff.oldText(runs) == old)
        #expect(WordDiff.newText(runs) == new)
        #expect(runs.filter { $0.kind == .inserted }.count == edited.count)
        #expect(runs.filter { $0.kind == .deleted }.count == edited.count)
        #expect(runs.filter { $0.kind == .inserted }.allSatisfy { WordDiff.tokens($0.text).count == 1 })
    }

    @Test func tenThousandWordsWithScatteredEdits() {
        var words = (0..<10_000).map { "từ\($0 % 97)" }
        let old = words.joined(separator: " ")
        for i in stride(from: 50, to: 10_000, by: 500) { words[i] = "sửa" }
        let new = words.joined(separator: " ")
        let runs = WordDiff.runs(old, new)
        #expect(WordDiff.oldText(runs) == old)
        #expect(WordDiff.newText(runs) == new)
        #expect(runs.filter { $0.kind == .inserted }.count == 20)
        #expect(runs.filter { $0.kind == .inserted }.allSatisfy { $0.text == "sửa" })
    }
}
