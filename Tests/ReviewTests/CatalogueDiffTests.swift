import Catalogue
import Testing

@testable import Review

/// Catalogue states built by the real replay from small decisions.
enum States {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static func decision(_ number: String, _ signed: String, _ items: [DecisionItem]) -> SourcedDecision {
        SourcedDecision(
            decision: Decision(number: number, signedOn: day(signed), authority: "ỦY BAN NHÂN DÂN TỈNH MẪU",
                               title: "Công bố danh mục thủ tục hành chính", items: items),
            location: SourceLocation(file: "\(number).xml", line: 1, column: 1))
    }

    static func marriage() -> Procedure {
        var p = residence()
        p.code = ProcedureCode("1.000894")
        p.name = "Đăng ký kết hôn"
        p.dossier = Dossier(cases: [DossierCase(items: [DossierItem(name: "Tờ khai đăng ký kết hôn")])], sets: 1)
        p.steps = [StepGroup(steps: [Step(text: "Hai bên nam, nữ nộp tờ khai tại Ủy ban nhân dân cấp xã")])]
        return p
    }

    static func copy() -> Procedure {
        var p = residence()
        p.code = ProcedureCode("2.000908")
        p.name = "Cấp bản sao từ sổ gốc"
        p.dossier = Dossier(cases: [DossierCase(items: [DossierItem(name: "Văn bản yêu cầu cấp bản sao")])], sets: 1)
        p.steps = [StepGroup(steps: [Step(text: "Người yêu cầu nộp văn bản tại cơ quan đang lưu giữ sổ gốc")])]
        return p
    }

    /// 2025: residence, marriage and copies announced. 2026-03-01: residence's time cut, copies
    /// abolished, marriage replaced by a new code with the same content, a new procedure.
    static func catalogue() -> Catalogue {
        var cut = residence()
        cut.channels[0].time = ProcessingTime(value: 10, unit: .workingDays)
        var renamed = marriage()
        renamed.code = ProcedureCode("1.013000")
        var divorce = residence()
        divorce.code = ProcedureCode("1.013001")
        divorce.name = "Ghi vào sổ hộ tịch việc ly hôn đã giải quyết ở nước ngoài"
        divorce.dossier = Dossier(cases: [DossierCase(items: [DossierItem(name: "Bản án ly hôn")])], sets: 1)
        divorce.steps = [StepGroup(steps: [Step(text: "Nộp bản án tại Sở Tư pháp")])]
        let result = Replay.run([
            decision("1/QĐ-UBND", "2025-07-01", [
                DecisionItem(action: .new, procedure: residence()), DecisionItem(action: .new, procedure: marriage()),
                DecisionItem(action: .new, procedure: copy()),
            ]),
            decision("2/QĐ-UBND", "2026-03-01", [
                DecisionItem(action: .amended, changedParts: [.processingTime], procedure: cut),
                DecisionItem(action: .abolished, code: ProcedureCode("2.000908")),
                DecisionItem(action: .replaced, replaces: [ProcedureCode("1.000894")], procedure: renamed),
                DecisionItem(action: .new, procedure: divorce),
            ]),
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.catalogue
    }

    static func successions(_ c: Catalogue) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (key, h) in c.histories { for p in h.replaces { out[p, default: []].append(key) } }
        return out
    }
}

@Suite struct CatalogueDiffTests {
    let catalogue = States.catalogue()
    var before: CatalogueState { catalogue.state(at: States.day("2026-01-01")) }
    var after: CatalogueState { catalogue.state(at: States.day("2026-06-01")) }

    func entry(_ diff: DecisionDiff, _ key: String) throws -> DecisionDiff.Entry {
        try #require(diff.entries.first { $0.key == key }, "no entry \(key) in \(diff.entries.map(\.key))")
    }

    @Test func twoStates() throws {
        let diff = CatalogueDiff.compare(before, after, successions: States.successions(catalogue))
        #expect(diff.procedureCount == 4)
        #expect(diff.unchanged == 0)
        let cut = try entry(diff, "1.004222")
        #expect(cut.status == .compared)
        #expect(cut.diff?.changes.map(\.summary) == ["Thời hạn giải quyết (trực tiếp): 15 → 10 ngày làm việc (−33 %)"])
        #expect(try entry(diff, "2.000908").status == .removed)
        #expect(try entry(diff, "1.013001").status == .added)
        // The replacement pairs old and new codes; the content is the same, so the only news is the code.
        let replaced = try entry(diff, "1.013000")
        #expect(replaced.status == .compared)
        #expect(replaced.match == Match(kind: .replaces, key: "1.000894"))
        #expect(replaced.match?.vietnamese == "thay thế thủ tục 1.000894")
        #expect(replaced.diff?.isEmpty == true)
        #expect(!replaced.isUnchanged)
        #expect(!diff.entries.contains { $0.key == "1.000894" })
    }

    @Test func sameStateHasNoChanges() {
        let diff = CatalogueDiff.compare(after, after)
        #expect(diff.entries.isEmpty)
        #expect(diff.unchanged == after.count)
        #expect(diff.isEmpty)
    }

    /// diff B A is the inverse of diff A B: added ↔ removed, lighter ↔ heavier, replaces ↔ replaced by.
    @Test func backwardsInTimeIsTheInverse() throws {
        let s = States.successions(catalogue)
        let forward = CatalogueDiff.compare(before, after, successions: s)
        let backward = CatalogueDiff.compare(after, before, successions: s)
        #expect(try entry(backward, "2.000908").status == .added)
        #expect(try entry(backward, "1.013001").status == .removed)
        let cut = try entry(backward, "1.004222")
        #expect(cut.diff?.changes.map(\.direction) == [.heavier])
        #expect(try entry(backward, "1.000894").match == Match(kind: .replacedBy, key: "1.013000"))
        #expect(forward.entries.count == backward.entries.count)
        for f in forward.entries {
            let key = f.match?.key ?? f.key
            let b = try #require(backward.entries.first { $0.key == key || $0.match?.key == f.key })
            let fs = (f.diff?.changes ?? []).map(Shape.init), bs = (b.diff?.changes ?? []).map { Shape($0).inverted }
            #expect(Set(fs) == Set(bs), "\(f.key)")
        }
    }

    /// Without the replay's history, the replacement is still found: same content under a new code.
    @Test func similarityFindsTheReplacementWithoutHistory() throws {
        let diff = CatalogueDiff.compare(before, after)
        let replaced = try entry(diff, "1.013000")
        let match = try #require(replaced.match)
        #expect(match.kind == .similar)
        #expect(match.key == "1.000894")
        #expect(match.name == 100 && match.content == 100)
        #expect(match.vietnamese == "có thể là cùng thủ tục 1.000894: tên giống 100 %, nội dung giống 100 %")
        // Unlike procedures are not forced together.
        #expect(try entry(diff, "1.013001").status == .added)
        #expect(try entry(diff, "2.000908").status == .removed)
    }

    @Test func draftAgainstTheCatalogueInForce() throws {
        var cut = residence()
        cut.channels[1].fees = [Fee(kind: .fee, amount: 10_000)]
        var draftNew = States.marriage()
        draftNew.code = nil
        draftNew.name = "Đăng ký kết hôn có yếu tố nước ngoài"  // new, no code; like 1.000894
        var unrelated = residence()
        unrelated.code = nil
        unrelated.name = "Cấp phép khai thác khoáng sản làm vật liệu xây dựng"
        unrelated.dossier = Dossier(cases: [DossierCase(items: [DossierItem(name: "Bản đồ khu vực khai thác")])])
        unrelated.steps = []
        var replacement = States.copy()
        replacement.code = ProcedureCode("2.100000")
        let draft = Decision(
            number: "9/QĐ-UBND", signedOn: States.day("2026-01-05"), authority: "UBND", title: "Dự thảo",
            items: [
                DecisionItem(action: .amended, changedParts: [.fees], procedure: cut),
                DecisionItem(action: .new, procedure: draftNew),
                DecisionItem(action: .new, procedure: unrelated),
                DecisionItem(action: .replaced, replaces: [ProcedureCode("2.000908")], procedure: replacement),
                DecisionItem(action: .abolished, code: ProcedureCode("1.000894")),
            ])
        let diff = CatalogueDiff.draft(draft, against: before)
        #expect(diff.entries.count == 5)
        let amended = try entry(diff, "1.004222")
        #expect(amended.newAction == .amended)
        #expect(amended.diff?.changes.map(\.summary) == ["Lệ phí (trực tuyến): 20.000 đồng → 10.000 đồng (−50 %)"])
        let similar = try entry(diff, "Đăng ký kết hôn có yếu tố nước ngoài")
        #expect(similar.match?.kind == .similar && similar.match?.key == "1.000894")
        #expect(similar.diff?.changes.contains { $0.part == .name } == true)
        let lonely = try entry(diff, "Cấp phép khai thác khoáng sản làm vật liệu xây dựng")
        #expect(lonely.status == .added && lonely.match == nil)
        let replaced = try entry(diff, "2.100000")
        #expect(replaced.match == Match(kind: .replaces, key: "2.000908"))
        #expect(replaced.diff?.isEmpty == true)
        let abolished = try entry(diff, "1.000894")
        #expect(abolished.status == .removed && abolished.newAction == .abolished)
        #expect(abolished.name == "Đăng ký kết hôn")

        // The draft as the old side reads the other way.
        let back = CatalogueDiff.draft(draft, against: before, draftIsNew: false)
        let restored = try #require(back.entries.first { $0.key == "1.000894" && $0.match == nil })
        #expect(restored.status == .added && restored.oldAction == .abolished)
        #expect(try entry(back, "Cấp phép khai thác khoáng sản làm vật liệu xây dựng").status == .removed)
        #expect(try entry(back, "2.000908").match == Match(kind: .replacedBy, key: "2.100000"))
        #expect(try entry(back, "1.004222").diff?.changes.map(\.direction) == [.heavier])
    }
}

extension CatalogueDiffTests {
    /// An amended row that declares fees but changes the processing time: the diff shows both.
    @Test func declaredPartsAgainstRealChanges() throws {
        var cut = residence()
        cut.channels[0].time = ProcessingTime(value: 7, unit: .workingDays)
        let draft = Decision(
            number: "9/QĐ-UBND", signedOn: States.day("2026-01-05"), authority: "UBND", title: "Dự thảo",
            items: [DecisionItem(action: .amended, changedParts: [.fees], procedure: cut)])
        let e = try entry(CatalogueDiff.draft(draft, against: before), "1.004222")
        let parts = try #require(e.parts)
        #expect(parts.undeclared == [.processingTime])
        #expect(parts.unchangedDeclared == [.fees])
        #expect(parts.vietnamese == [
            "Có thay đổi nhưng không khai báo: Thời hạn giải quyết", "Khai báo sửa nhưng không thay đổi: Phí, lệ phí",
        ])
        // Declared right, it agrees and says nothing.
        var right = draft
        right.items[0].changedParts = [.processingTime]
        #expect(try entry(CatalogueDiff.draft(right, against: before), "1.004222").parts?.agrees == true)
        // Declared right but nothing changed: still reported, not silently unchanged.
        right.items[0].procedure = residence()
        let idle = try entry(CatalogueDiff.draft(right, against: before), "1.004222")
        #expect(idle.parts?.unchangedDeclared == [.processingTime])
        #expect(!idle.isUnchanged)
    }
}

@Suite struct SimilarityTests {
    func named(_ name: String, items: [String]) -> Procedure {
        Procedure(code: nil, name: name, dossier: Dossier(cases: [DossierCase(items: items.map { DossierItem(name: $0) })]))
    }

    @Test func pairsBestFirstEachOnce() {
        let old = [
            named("Đăng ký thường trú", items: ["Tờ khai thay đổi thông tin cư trú"]),
            named("Đăng ký tạm trú", items: ["Tờ khai thay đổi thông tin cư trú"]),
            named("Cấp bản sao trích lục hộ tịch", items: ["Tờ khai cấp bản sao"]),
        ]
        let new = [
            named("Đăng ký tạm trú cho người nước ngoài", items: ["Tờ khai thay đổi thông tin cư trú"]),
            named("Đăng ký thường trú", items: ["Tờ khai thay đổi thông tin cư trú", "Giấy tờ chứng minh chỗ ở"]),
            named("Cấp giấy phép xây dựng", items: ["Đơn đề nghị cấp giấy phép"]),
        ]
        let pairs = Similarity.pair(old, new)
        #expect(pairs.map { [$0.old, $0.new] } == [[1, 0], [0, 1]])
        #expect(pairs[1].name == 100)
        #expect(pairs[0].name == 67)
    }

    /// Names that share only everyday syllables ("đăng", "ký", "cấp") with thousands of others are
    /// still found, and a large catalogue is not compared pair by pair (this runs in well under a
    /// second; a quadratic pass over 20,000 × 20,000 would not).
    @Test func largeCatalogueStaysLinear() {
        let old = (0..<20_000).map { named("Đăng ký cấp giấy phép số \($0) loại \($0 % 7)", items: ["Tờ khai \($0)"]) }
        let new = [named("Đăng ký cấp giấy phép số 12345 loại 4", items: ["Tờ khai 12345"])]
        let pairs = Similarity.pair(old, new)
        #expect(pairs.map(\.old) == [12345])
    }
}
