import Catalogue
import Testing

@testable import Review

/// A small permanent-residence procedure in the shape of 1.004222 (figures from DOMAIN.md §4; prose ours).
func residence() -> Procedure {
    Procedure(
        code: ProcedureCode("1.004222"), name: "Đăng ký thường trú", levels: [.commune],
        fields: [Field(name: "Đăng ký, quản lý cư trú")],
        steps: [StepGroup(steps: [
            Step(title: "Bước 1", text: "Công dân chuẩn bị hồ sơ theo quy định"),
            Step(title: "Bước 2", text: "Nộp hồ sơ tại Công an cấp xã trong giờ hành chính"),
            Step(title: "Bước 3", text: "Nhận kết quả tại nơi nộp hồ sơ"),
        ])],
        channels: [
            Channel(method: .inPerson, time: ProcessingTime(value: 15, unit: .workingDays),
                    fees: [Fee(kind: .fee, amount: 20_000)]),
            Channel(method: .online, time: ProcessingTime(value: 15, unit: .workingDays),
                    fees: [Fee(kind: .fee, amount: 20_000)]),
        ],
        dossier: Dossier(cases: [DossierCase(items: [
            DossierItem(name: "Tờ khai thay đổi thông tin cư trú", form: "Mẫu CT01"),
            DossierItem(name: "Bản sao sổ hộ khẩu", copies: 1),
            DossierItem(name: "Giấy tờ chứng minh chỗ ở hợp pháp", originals: 1, copies: 1),
        ])], sets: 1),
        agencies: [Agency(role: .performing, name: "Công an cấp xã")],
        results: [Outcome(name: "Thông báo kết quả đăng ký thường trú")],
        legalBases: [LegalBasis(number: "68/2020/QH14", title: "Luật Cư trú")],
        online: OnlineService(level: .partial))
}

/// The signature of a change that does not depend on the direction of reading.
struct Shape: Hashable {
    var part: Part
    var kind: Change.Kind
    var direction: Direction
    var old: String?
    var new: String?

    init(_ c: Change) {
        part = c.part; kind = c.kind; direction = c.direction
        old = c.words.map(WordDiff.oldText) ?? c.old
        new = c.words.map(WordDiff.newText) ?? c.new
    }

    var inverted: Shape {
        var s = self
        s.kind = kind.inverted; s.direction = direction.inverted; s.old = new; s.new = old
        return s
    }
}

@Suite struct ProcedureDiffTests {
    @Test func identicalIsNoChange() {
        #expect(ProcedureDiff.compare(residence(), residence()).isEmpty)
    }

    @Test func timeWithPercentage() throws {
        var new = residence()
        new.channels[0].time = ProcessingTime(value: 10, unit: .workingDays)
        let diff = ProcedureDiff.compare(residence(), new)
        let change = try #require(diff.changes.only)
        #expect(change.part == .processingTime)
        #expect(change.summary == "Thời hạn giải quyết (trực tiếp): 15 → 10 ngày làm việc (−33 %)")
        #expect(change.direction == .lighter)
        #expect(change.subject == "Trực tiếp")
    }

    @Test(arguments: [
        // Same day is shorter than any whole day.
        (ProcessingTime(value: 3, unit: .workingDays), ProcessingTime(unit: .sameDay), Direction.lighter, true),
        // N days never take longer than N working days.
        (ProcessingTime(value: 10, unit: .workingDays), ProcessingTime(value: 10, unit: .days), .lighter, true),
        (ProcessingTime(value: 5, unit: .workingDays), ProcessingTime(value: 7, unit: .days), .neutral, false),
        (ProcessingTime(value: 5, unit: .days), ProcessingTime(value: 5, unit: .workingDays), .heavier, true),
        (ProcessingTime(value: 2, unit: .months), ProcessingTime(value: 30, unit: .workingDays), .neutral, false),
        (ProcessingTime(value: DecimalNumber("16.5"), unit: .days), ProcessingTime(value: 12, unit: .days), .lighter, true),
    ])
    func timeUnits(old: ProcessingTime, new: ProcessingTime, direction: Direction, convertible: Bool) throws {
        var a = residence(), b = residence()
        a.channels[0].time = old
        b.channels[0].time = new
        let change = try #require(ProcedureDiff.compare(a, b).changes.only)
        #expect(change.direction == direction)
        #expect(change.summary.contains("không quy đổi được") == !convertible)
    }

    @Test func feeAmount() throws {
        var new = residence()
        new.channels[1].fees = [Fee(kind: .fee, amount: 10_000, exemptions: ["Người có công với cách mạng"])]
        let changes = ProcedureDiff.compare(residence(), new).changes
        #expect(changes.map(\.summary) == [
            "Lệ phí (trực tuyến): 20.000 đồng → 10.000 đồng (−50 %)",
            "Thêm đối tượng miễn lệ phí (trực tuyến): Người có công với cách mạng",
        ])
        #expect(changes.allSatisfy { $0.direction == .lighter && $0.part == .fees })
    }

    @Test func itemRemovedAndAddedDespiteReordering() throws {
        var new = residence()
        // Reordered, one item dropped (Decree 104/2022: no household book), one added.
        new.dossier.cases[0].items = [
            DossierItem(name: "Giấy tờ chứng minh chỗ ở hợp pháp", originals: 1, copies: 1),
            DossierItem(name: "Tờ khai thay đổi thông tin cư trú", form: "Mẫu CT01"),
            DossierItem(name: "Văn bản đồng ý của chủ hộ"),
        ]
        let changes = ProcedureDiff.compare(residence(), new).changes
        #expect(Set(changes.map(\.summary)) == [
            "Bỏ giấy tờ: Bản sao sổ hộ khẩu", "Thêm giấy tờ: Văn bản đồng ý của chủ hộ",
        ])
        #expect(changes.first { $0.kind == .removed }?.direction == .lighter)
        #expect(changes.first { $0.kind == .added }?.direction == .heavier)
    }

    @Test func itemModifiedMatchedBySimilarity() throws {
        var new = residence()
        new.dossier.cases[0].items = [
            DossierItem(name: "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", originals: 1, copies: 0),
            DossierItem(name: "Tờ khai thay đổi thông tin cư trú", form: "Mẫu CT01"),
            DossierItem(name: "Bản sao sổ hộ khẩu", copies: 1, required: false),
        ]
        let changes = ProcedureDiff.compare(residence(), new).changes
        let rename = try #require(changes.first { $0.words != nil })
        #expect(rename.summary == "Sửa tên giấy tờ: Giấy tờ chứng minh chỗ ở hợp pháp → Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")
        // "tờ" and "tờ," are one word: punctuation is not a change.
        #expect(rename.words == [
            WordRun(.same, "Giấy tờ,"), WordRun(.inserted, "tài liệu"), WordRun(.same, "chứng minh chỗ ở hợp pháp"),
        ])
        let copies = try #require(changes.first { $0.summary.contains("số bản sao") })
        #expect(copies.summary == "Giấy tờ «Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp»: số bản sao 1 → 0")
        #expect(copies.direction == .lighter)
        let optional = try #require(changes.first { $0.summary.contains("bắt buộc") })
        #expect(optional.summary == "Giấy tờ «Bản sao sổ hộ khẩu»: không còn bắt buộc")
        #expect(optional.direction == .lighter)
        #expect(changes.count == 3)
        #expect(!changes.contains { $0.kind != .modified })
    }

    @Test func numberOfSets() throws {
        var new = residence()
        new.dossier.sets = 2
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.summary == "Số bộ hồ sơ: 1 → 2")
        #expect(change.direction == .heavier)
    }

    @Test func caseAdded() throws {
        var new = residence()
        new.dossier.cases[0].name = "Trường hợp có chỗ ở hợp pháp thuộc quyền sở hữu"
        new.dossier.cases.append(DossierCase(name: "Trường hợp ở nhờ", items: [DossierItem(name: "Văn bản cho ở nhờ")]))
        let changes = ProcedureDiff.compare(residence(), new).changes
        #expect(changes.contains { $0.kind == .added && $0.summary == "Thêm trường hợp: Trường hợp ở nhờ (1 giấy tờ)" })
    }

    @Test func stepReworded() throws {
        var new = residence()
        new.steps[0].steps[1].text = "Nộp hồ sơ trực tuyến hoặc tại Công an cấp xã trong giờ hành chính"
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.part == .steps)
        #expect(change.summary == "Sửa bước 2")
        #expect(change.words == [
            WordRun(.same, "Bước 2 Nộp hồ sơ"), WordRun(.inserted, "trực tuyến hoặc"),
            WordRun(.same, "tại Công an cấp xã trong giờ hành chính"),
        ])
    }

    @Test func stepRemoved() throws {
        var new = residence()
        new.steps[0].steps.remove(at: 0)
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.kind == .removed)
        #expect(change.direction == .lighter)
        #expect(change.summary == "Bỏ bước: Bước 1")
    }

    @Test func legalBasisAdded() throws {
        var new = residence()
        new.legalBases.append(LegalBasis(number: "104/2022/NĐ-CP", title: "Nghị định sửa đổi về nộp, xuất trình sổ hộ khẩu"))
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.part == .legalBasis)
        #expect(change.kind == .added)
        #expect(change.summary == "Thêm căn cứ pháp lý: 104/2022/NĐ-CP Nghị định sửa đổi về nộp, xuất trình sổ hộ khẩu")
    }

    @Test func onlineLevel() throws {
        var new = residence()
        new.online = OnlineService(level: .full)
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.summary == "Dịch vụ công trực tuyến: Dịch vụ công trực tuyến một phần → Dịch vụ công trực tuyến toàn trình")
        #expect(change.direction == .lighter)
    }

    @Test func channelAddedIsLighter() throws {
        var new = residence()
        new.channels.append(Channel(method: .postal, time: ProcessingTime(value: 15, unit: .workingDays)))
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.summary == "Thêm cách thức: Dịch vụ bưu chính")
        #expect(change.direction == .lighter)
    }

    @Test func levelAndField() throws {
        var new = residence()
        new.levels = [.province]
        new.fields = [Field(name: "Hộ tịch")]
        let changes = ProcedureDiff.compare(residence(), new).changes
        #expect(changes.map(\.summary) == [
            "Bỏ cấp thực hiện: Cấp xã", "Thêm cấp thực hiện: Cấp tỉnh",
            "Bỏ lĩnh vực: Đăng ký, quản lý cư trú", "Thêm lĩnh vực: Hộ tịch",
        ])
        #expect(changes.allSatisfy { $0.direction == .neutral })
    }

    @Test func tonePlacementAndDecompositionAreNoChange() {
        var new = residence()
        new.name = "Đăng ký thường trú".decomposedStringWithCanonicalMapping
        new.fields = [Field(name: "Đăng ký, quản lý cư trú".decomposedStringWithCanonicalMapping)]
        new.results = [Outcome(name: "Thông báo kết quả đăng ký thường trú")]
        var old = residence()
        old.requirements = [Requirement(text: "Hoà giải xong tranh chấp về chỗ ở tại Thuỷ Nguyên")]
        new.requirements = [Requirement(text: "Hòa giải xong tranh chấp về chỗ ở tại Thủy Nguyên")]
        #expect(ProcedureDiff.compare(old, new).isEmpty)
    }

    @Test func requirementAddedIsHeavier() throws {
        var new = residence()
        new.requirements = [Requirement(text: "Có chỗ ở hợp pháp")]
        let change = try #require(ProcedureDiff.compare(residence(), new).changes.only)
        #expect(change.direction == .heavier)
        #expect(change.summary == "Thêm yêu cầu, điều kiện: Có chỗ ở hợp pháp")
    }

    /// Everything at once, to check that reading the other way inverts every change.
    func heavyEdit() -> Procedure {
        var new = residence()
        new.name = "Đăng ký thường trú cho công dân"
        new.levels = [.commune, .province]
        new.channels[0].time = ProcessingTime(value: 7, unit: .workingDays)
        new.channels[1].time = ProcessingTime(unit: .sameDay)
        new.channels[1].fees = [Fee(kind: .fee, amount: 10_000), Fee(kind: .charge, amount: 5_000)]
        new.channels.append(Channel(method: .postal, time: ProcessingTime(value: 10, unit: .days)))
        new.dossier.sets = 2
        new.dossier.cases[0].items.remove(at: 1)
        new.dossier.cases[0].items[1].copies = 2
        new.dossier.cases[0].items.insert(DossierItem(name: "Giấy khai sinh", presentation: .show), at: 0)
        new.steps[0].steps[2].text = "Nhận kết quả trực tuyến"
        new.steps[0].steps.append(Step(title: "Bước 4", text: "Đánh giá mức độ hài lòng"))
        new.legalBases = [LegalBasis(number: "154/2024/NĐ-CP", title: "Nghị định hướng dẫn Luật Cư trú")]
        new.online = nil
        new.requirements = [Requirement(text: "Có chỗ ở hợp pháp")]
        new.agencies.append(Agency(role: .coordinating, name: "Ủy ban nhân dân cấp xã"))
        return new
    }

    @Test func readingTheOtherWayInvertsEveryChange() {
        let forward = ProcedureDiff.compare(residence(), heavyEdit())
        let backward = ProcedureDiff.compare(heavyEdit(), residence())
        #expect(forward.changes.count >= 15)
        #expect(forward.changes.count == backward.changes.count)
        #expect(Set(forward.changes.map { Shape($0).inverted }) == Set(backward.changes.map(Shape.init)))
        #expect(forward.count(.lighter) == backward.count(.heavier))
        #expect(forward.count(.heavier) == backward.count(.lighter))
    }
}

extension Array {
    /// The element of a one-element array, else nil.
    var only: Element? { count == 1 ? first : nil }
}

/// Known answers for the kinds of change the first suite does not cover, each with its inverse.
@Suite struct MoreKnownAnswers {
    func only(_ old: Procedure, _ new: Procedure) throws -> Change {
        let changes = ProcedureDiff.compare(old, new).changes
        #expect(changes.count == 1, "\(changes.map(\.summary))")
        return try #require(changes.first)
    }

    @Test func nameReworded() throws {
        var new = residence()
        new.name = "Đăng ký thường trú cho công dân"
        let c = try only(residence(), new)
        #expect(c.part == .name && c.kind == .modified && c.direction == .neutral)
        #expect(c.words == [WordRun(.same, "Đăng ký thường trú"), WordRun(.inserted, "cho công dân")])
    }

    @Test func exemptionAddedIsLighter() throws {
        var new = residence()
        new.channels[0].fees[0].exemptions = ["Người có công với cách mạng"]
        let c = try only(residence(), new)
        #expect(c.part == .fees && c.kind == .added && c.direction == .lighter)
        #expect(c.summary == "Thêm đối tượng miễn lệ phí (trực tiếp): Người có công với cách mạng")
        let back = try only(new, residence())
        #expect(back.kind == .removed && back.direction == .heavier)
    }

    @Test func agencyAndResult() throws {
        var new = residence()
        new.agencies = [Agency(role: .performing, name: "Công an cấp tỉnh")]
        new.results = [Outcome(name: "Thông báo kết quả đăng ký thường trú"), Outcome(name: "Giấy xác nhận thông tin về cư trú")]
        let changes = ProcedureDiff.compare(residence(), new).changes
        // The agency's name is reworded (same words but one), so it pairs with its old self.
        #expect(changes.map(\.part) == [.agencies, .results])
        #expect(changes.map(\.kind) == [.modified, .added])
        #expect(changes[0].words == [WordRun(.same, "Công an cấp"), WordRun(.deleted, "xã"), WordRun(.inserted, "tỉnh")])
        #expect(changes[1].summary == "Thêm kết quả: Giấy xác nhận thông tin về cư trú")
    }

    @Test func stepsReordered() throws {
        var new = residence()
        let steps = new.steps[0].steps
        new.steps[0].steps = [steps[0], steps[2], steps[1]]
        let c = try only(residence(), new)
        #expect(c.part == .steps && c.kind == .modified)
        #expect(c.summary == "Đổi thứ tự: «Bước 2» từ vị trí 2 sang vị trí 3" || c.summary == "Đổi thứ tự: «Bước 3» từ vị trí 3 sang vị trí 2")
    }

    @Test func unitsNotConvertibleAreFlagged() throws {
        var new = residence()
        new.channels[0].time = ProcessingTime(value: 1, unit: .months)
        let c = try only(residence(), new)
        #expect(c.summary == "Thời hạn giải quyết (trực tiếp): 15 ngày làm việc → 1 tháng (không quy đổi được đơn vị)")
        #expect(c.direction == .neutral)
    }
}
