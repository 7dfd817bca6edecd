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

@Suite struct ProseRefinementTests {
    @Test(arguments: [
        ("Với trẻ em bị bỏ rơi", "Với trẻ em bị bỏ rơi;"),
        ("Nộp hồ sơ, nhận kết quả.", "Nộp hồ sơ – nhận kết quả"),
        ("Bản sao ( có chứng thực )", "Bản sao (có chứng thực)"),
        ("“Giấy khai sinh”", "Giấy khai sinh"),
    ])
    func punctuationAndSpacingAreNotChanges(old: String, new: String) {
        #expect(WordDiff.same(old, new))
        #expect(WordDiff.runs(old, new).allSatisfy { $0.kind == .same })
    }

    @Test(arguments: [
        ("Thời hạn 15 ngày", "Thời hạn 10 ngày"),
        ("Lệ phí 20.000 đồng", "Lệ phí 10.000 đồng"),
        ("Tỷ lệ 5%", "Tỷ lệ 50%"),
    ])
    func aChangedNumberIsAChange(old: String, new: String) {
        #expect(!WordDiff.same(old, new))
        let runs = WordDiff.runs(old, new)
        #expect(runs.filter { $0.kind == .deleted }.count == 1)
        #expect(runs.filter { $0.kind == .inserted }.count == 1)
    }

    @Test func punctuationChangeNextToARealChange() {
        let runs = WordDiff.runs("bị bỏ rơi", "bị bỏ rơi; không phải nộp")
        #expect(runs == [WordRun(.same, "bị bỏ rơi;"), WordRun(.inserted, "không phải nộp")])
    }

    static let first = "Công dân nộp hồ sơ tại Bộ phận Một cửa."
    static let second = "Cán bộ kiểm tra tính đầy đủ của hồ sơ."
    static let third = "Kết quả được trả qua dịch vụ bưu chính công ích."

    @Test func movedSentenceIsAMove() {
        let runs = WordDiff.runs("\(Self.first) \(Self.second) \(Self.third)", "\(Self.third) \(Self.first) \(Self.second)")
        #expect(runs == [
            WordRun(.movedTo, Self.third), WordRun(.same, "\(Self.first) \(Self.second)"), WordRun(.movedFrom, Self.third),
        ])
        #expect(WordDiff.oldText(runs) == "\(Self.first) \(Self.second) \(Self.third)")
        #expect(WordDiff.newText(runs) == "\(Self.third) \(Self.first) \(Self.second)")
        // Read backwards, the move is the inverse.
        let back = WordDiff.runs("\(Self.third) \(Self.first) \(Self.second)", "\(Self.first) \(Self.second) \(Self.third)")
        #expect(back == [
            WordRun(.movedFrom, Self.third), WordRun(.same, "\(Self.first) \(Self.second)"), WordRun(.movedTo, Self.third),
        ])
    }

    @Test func moveAndEditTogether() {
        let old = "\(Self.first) \(Self.second) \(Self.third)"
        let new = "\(Self.second) Công dân nộp hồ sơ trực tuyến. \(Self.first)"
        let runs = WordDiff.runs(old, new)
        #expect(runs.contains(WordRun(.movedTo, Self.first)) || runs.contains(WordRun(.movedFrom, Self.first))
            || runs.contains(WordRun(.movedTo, Self.second)) || runs.contains(WordRun(.movedFrom, Self.second)))
        // Kept words show the new text's spelling ("Công" for "công"); the words are the old text's.
        #expect(WordDiff.same(WordDiff.oldText(runs), old))
        #expect(WordDiff.newText(runs) == new)
        #expect(runs.contains { $0.kind == .deleted } && runs.contains { $0.kind == .inserted })
    }

    @Test func onlyMovesSaySo() throws {
        var old = residence(), new = residence()
        old.notes = "\(Self.first) \(Self.second) \(Self.third)"
        new.notes = "\(Self.third) \(Self.first) \(Self.second)"
        let change = try #require(ProcedureDiff.compare(old, new).changes.only)
        #expect(change.summary == "Sửa ghi chú (chỉ đổi thứ tự câu)")
        #expect(change.words?.contains(WordRun(.movedTo, Self.third)) == true)
    }

    /// DOMAIN.md §5: a plain copy shown with the original is enough.
    @Test func certifiedCopyToPlainCopyIsLighter() throws {
        var old = residence(), new = residence()
        old.dossier.cases[0].items[1].name = "Bản sao có chứng thực Giấy khai sinh"
        new.dossier.cases[0].items[1].name = "Bản sao Giấy khai sinh"
        let change = try #require(ProcedureDiff.compare(old, new).changes.only)
        #expect(change.direction == .lighter)
        #expect(change.summary == "Sửa tên giấy tờ: Bản sao có chứng thực Giấy khai sinh → Bản sao Giấy khai sinh (bản sao không cần chứng thực)")
        #expect(change.words == [WordRun(.same, "Bản sao"), WordRun(.deleted, "có chứng thực"), WordRun(.same, "Giấy khai sinh")])
        let back = try #require(ProcedureDiff.compare(new, old).changes.only)
        #expect(back.direction == .heavier)
    }

    /// The pathological case: 10,000 words, every one changed, in every prose field at once.
    /// Not timed here (Benchmarks/diff.sh measures it); it must complete and be a correct redline.
    @Test func tenThousandChangedWordsInEveryField() {
        let old = (0..<10_000).map { "cũ\($0)." }.joined(separator: " ")
        let new = (0..<10_000).map { "mới\($0)." }.joined(separator: " ")
        var a = residence(), b = residence()
        a.notes = old; b.notes = new
        for i in a.channels.indices { a.channels[i].description = old; b.channels[i].description = new }
        let changes = ProcedureDiff.compare(a, b).changes
        #expect(changes.count == 3)
        for c in changes {
            let words = c.words ?? []
            #expect(WordDiff.oldText(words) == old && WordDiff.newText(words) == new)
        }
    }
}
