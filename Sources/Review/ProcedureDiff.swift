import Catalogue

/// What a new version of a procedure changes for citizens, part by part (issue 4).
///
/// Not a text diff: each change is typed (the part, added / removed / modified, lighter or heavier),
/// says itself in one Vietnamese sentence, and carries a word-level redline when prose is reworded.
/// Lists are matched by what their elements say, never by position, and every comparison of words
/// goes through `VietnameseText.comparisonKey`, so a file re-typed with the other tone placement, or
/// the same procedure in XML and in JSON, shows no change.
public struct ProcedureDiff: Hashable, Codable, Sendable {
    public var code: ProcedureCode?
    public var name: String
    public var changes: [Change]

    public init(code: ProcedureCode?, name: String, changes: [Change]) {
        self.code = code
        self.name = name
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    public func count(_ direction: Direction) -> Int { changes.count { $0.direction == direction } }

    /// The parts with at least one change, in the order of Decree 63, art. 8.
    public var parts: [Part] { Set(changes.map(\.part)).sorted() }

    /// Compares two versions of a procedure.
    public static func compare(_ old: Procedure, _ new: Procedure) -> ProcedureDiff {
        var builder = Builder()
        builder.name(old, new)
        builder.levels(old, new)
        builder.fields(old, new)
        builder.reception(old, new)
        builder.steps(old, new)
        builder.channels(old, new)
        builder.dossier(old.dossier, new.dossier)
        builder.texts(.subjects, "đối tượng thực hiện", old.subjects, new.subjects)
        builder.agencies(old, new)
        builder.texts(.results, "kết quả", old.results.map(\.name), new.results.map(\.name))
        builder.texts(.forms, "mẫu đơn, tờ khai", old.forms.map(formText), new.forms.map(formText))
        builder.requirements(old, new)
        builder.legalBases(old, new)
        builder.online(old, new)
        builder.other(old, new)
        let changes = builder.changes.enumerated().sorted {
            ($0.element.part, $0.offset) < ($1.element.part, $1.offset)
        }.map(\.element)
        return ProcedureDiff(code: new.code ?? old.code, name: new.name, changes: changes)
    }

    static func formText(_ form: Form) -> String {
        [form.code, form.name].compactMap { $0 }.joined(separator: " ")
    }
}

/// Collects changes part by part.
struct Builder {
    var changes: [Change] = []

    mutating func add(_ change: Change) { changes.append(change) }

    /// A prose change with its redline, or nothing when the words are the same.
    mutating func prose(_ part: Part, subject: String? = nil, summary: String, _ old: String, _ new: String) {
        // Most texts of an amended procedure are untouched: no need to split them into words.
        if old == new { return }
        // The redline is all kept words exactly when the texts are the same words.
        let words = WordDiff.runs(old, new)
        guard words.contains(where: { $0.kind != .same }) else { return }
        let onlyMoves = words.allSatisfy { $0.kind == .same || $0.kind == .movedFrom || $0.kind == .movedTo }
        add(Change(
            part: part, kind: .modified, subject: subject, summary: onlyMoves ? summary + " (chỉ đổi thứ tự câu)" : summary,
            direction: part == .dossier ? Builder.certification(old, new) : .neutral, old: old, new: new, words: words))
    }

    /// A certified copy ("bản sao có chứng thực") that becomes a plain copy is lighter: a plain copy
    /// shown with the original is enough, and officers may not demand certification (DOMAIN.md §5).
    /// The other way round is heavier.
    static func certification(_ old: String, _ new: String) -> Direction {
        func certified(_ text: String) -> Bool {
            let key = VietnameseText.searchKey(text)
            return key.contains("ban sao") && (key.contains("chung thuc") || key.contains("cong chung"))
        }
        func copy(_ text: String) -> Bool { VietnameseText.searchKey(text).contains("ban sao") }
        let a = certified(old), b = certified(new)
        if a && !b && copy(new) { return .lighter }
        if !a && b && copy(old) { return .heavier }
        return .neutral
    }

    /// Two lists of short texts matched by their words: added, removed, reworded.
    mutating func texts(
        _ part: Part, _ label: String, _ old: [String], _ new: [String],
        added: Direction = .neutral, subjectPrefix: String = ""
    ) {
        let m = Matching.match(old, new)
        for (i, j) in m.pairs {
            prose(part, subject: new[j], summary: "Sửa \(label): \(new[j])", old[i], new[j])
        }
        for i in m.removed {
            add(Change(part: part, kind: .removed, subject: old[i], summary: "Bỏ \(label): \(old[i])",
                       direction: added.inverted, old: old[i]))
        }
        for j in m.added {
            add(Change(part: part, kind: .added, subject: new[j], summary: "Thêm \(label): \(new[j])",
                       direction: added, new: new[j]))
        }
    }

    // MARK: Parts

    mutating func name(_ old: Procedure, _ new: Procedure) {
        prose(.name, summary: "Tên thủ tục: \(old.name) → \(new.name)", old.name, new.name)
    }

    mutating func levels(_ old: Procedure, _ new: Procedure) {
        for level in Level.allCases where old.levels.contains(level) && !new.levels.contains(level) {
            add(Change(part: .levels, kind: .removed, subject: level.vietnamese,
                       summary: "Bỏ cấp thực hiện: \(level.vietnamese)", old: level.vietnamese))
        }
        for level in Level.allCases where new.levels.contains(level) && !old.levels.contains(level) {
            add(Change(part: .levels, kind: .added, subject: level.vietnamese,
                       summary: "Thêm cấp thực hiện: \(level.vietnamese)", new: level.vietnamese))
        }
    }

    mutating func fields(_ old: Procedure, _ new: Procedure) {
        texts(.fields, "lĩnh vực", old.fields.map(\.name), new.fields.map(\.name))
    }

    mutating func reception(_ old: Procedure, _ new: Procedure) {
        func text(_ r: Reception) -> String {
            ([r.place.rawValue, r.name ?? ""] + r.communes).joined(separator: " ")
        }
        let a = old.reception.map(text), b = new.reception.map(text)
        guard a.count != b.count || !zip(a, b).allSatisfy({ WordDiff.same($0, $1) }) else { return }
        add(Change(part: .reception, kind: .modified, summary: "Địa điểm tiếp nhận hồ sơ thay đổi"))
    }

    mutating func steps(_ old: Procedure, _ new: Procedure) {
        func text(_ s: Step) -> String { [s.title, s.text].compactMap { $0 }.joined(separator: " ") }
        let groups = pairGroups(old.steps.map { $0.caseName ?? "" }, new.steps.map { $0.caseName ?? "" })
        for (i, j) in groups.pairs {
            let a = old.steps[i].steps, b = new.steps[j].steps
            let m = Matching.match(a.map(text), b.map(text))
            // Steps kept but out of their old order: the longest run in order stays, the rest moved.
            let inOrder = Set(WordDiff.longestIncreasing(m.pairs.sorted { $0.old < $1.old }.map { (i: $0.old, j: $0.new) }).map(\.i))
            for (x, y) in m.pairs where !inOrder.contains(x) {
                let label = b[y].title ?? a[x].title ?? b[y].text
                add(Change(part: .steps, kind: .modified, subject: label,
                           summary: "Đổi thứ tự: «\(label)» từ vị trí \(x + 1) sang vị trí \(y + 1)",
                           old: String(x + 1), new: String(y + 1)))
            }
            for (x, y) in m.pairs {
                let label = b[y].title ?? "Bước \(y + 1)"
                // Titles usually number the step themselves ("Bước 2: Nộp hồ sơ").
                let summary = VietnameseText.searchKey(label).hasPrefix("buoc")
                    ? "Sửa \(label.lowercasedFirst)" : "Sửa bước \(y + 1): \(label)"
                prose(.steps, subject: label, summary: summary, text(a[x]), text(b[y]))
            }
            for x in m.removed {
                add(Change(part: .steps, kind: .removed, subject: a[x].title,
                           summary: "Bỏ bước: \(a[x].title ?? a[x].text)", direction: .lighter, old: text(a[x])))
            }
            for y in m.added {
                add(Change(part: .steps, kind: .added, subject: b[y].title,
                           summary: "Thêm bước: \(b[y].title ?? b[y].text)", direction: .heavier, new: text(b[y])))
            }
        }
        for i in groups.removed {
            let name = old.steps[i].caseName ?? ""
            add(Change(part: .steps, kind: .removed, subject: name, summary: "Bỏ các bước của trường hợp: \(name)",
                       old: name))
        }
        for j in groups.added {
            let name = new.steps[j].caseName ?? ""
            add(Change(part: .steps, kind: .added, subject: name, summary: "Thêm các bước của trường hợp: \(name)",
                       new: name))
        }
    }

    /// Pairs named groups (dossier cases, step groups): a lone group on each side is the same group
    /// whatever its name; otherwise groups pair by name.
    func pairGroups(_ old: [String], _ new: [String]) -> Matching.Result {
        if old.count == 1 && new.count == 1 { return Matching.Result(pairs: [(0, 0)], removed: [], added: []) }
        return Matching.match(old, new)
    }

    mutating func channels(_ old: Procedure, _ new: Procedure) {
        for method in SubmissionMethod.allCases {
            let label = method.vietnamese.lowercased()
            switch (old.channel(method), new.channel(method)) {
            case (nil, nil):
                continue
            case (_?, nil):
                add(Change(part: .channels, kind: .removed, subject: method.vietnamese,
                           summary: "Bỏ cách thức: \(method.vietnamese)", direction: .heavier, old: method.vietnamese))
            case (nil, _?):
                add(Change(part: .channels, kind: .added, subject: method.vietnamese,
                           summary: "Thêm cách thức: \(method.vietnamese)", direction: .lighter, new: method.vietnamese))
            case (let a?, let b?):
                prose(.channels, subject: method.vietnamese, summary: "Cách thức (\(label)): sửa mô tả",
                      a.description ?? "", b.description ?? "")
                time(a.time, b.time, channel: method)
                fees(a.fees, b.fees, channel: method)
            }
        }
    }

    mutating func time(_ old: ProcessingTime, _ new: ProcessingTime, channel: SubmissionMethod) {
        let label = channel.vietnamese.lowercased()
        let sameValue = old.value == new.value && old.unit == new.unit
        let sameText = WordDiff.same(old.text ?? "", new.text ?? "")
        let sameStages = old.stages.count == new.stages.count
            && zip(old.stages, new.stages).allSatisfy {
                $0.value == $1.value && $0.unit == $1.unit && WordDiff.same($0.name, $1.name)
            }
        if sameValue && sameText && sameStages { return }
        let subject = channel.vietnamese
        if sameValue && old.value != nil && old.unit != nil {
            if !sameText {
                prose(.processingTime, subject: subject, summary: "Thời hạn giải quyết (\(label)): sửa cách ghi",
                      old.text ?? "", new.text ?? "")
            }
            if !sameStages {
                add(Change(part: .processingTime, kind: .modified, subject: subject,
                           summary: "Thời hạn giải quyết (\(label)): thay đổi thời hạn từng giai đoạn"))
            }
            return
        }
        let comparison = TimeComparison(old, new)
        var summary: String
        if let unit = old.unit, unit == new.unit, unit != .sameDay, let a = old.value, let b = new.value {
            summary = "Thời hạn giải quyết (\(label)): \(a.vietnamese) → \(b.vietnamese) \(unit.vietnamese.lowercased())"
        } else {
            summary = "Thời hạn giải quyết (\(label)): \(old.vietnamese) → \(new.vietnamese)"
        }
        if let percent = comparison.percent { summary += " (\(TimeComparison.format(percent: percent)))" }
        if !comparison.convertible { summary += " (không quy đổi được đơn vị)" }
        add(Change(part: .processingTime, kind: .modified, subject: subject, summary: summary,
                   direction: comparison.direction, old: old.vietnamese, new: new.vietnamese))
    }

    mutating func fees(_ old: [Fee], _ new: [Fee], channel: SubmissionMethod) {
        let label = channel.vietnamese.lowercased()
        for kind in Fee.Kind.allCases {
            let a = old.filter { $0.kind == kind }, b = new.filter { $0.kind == kind }
            let name = "\(kind.vietnamese) (\(label))"
            for index in 0..<max(a.count, b.count) {
                switch (index < a.count ? a[index] : nil, index < b.count ? b[index] : nil) {
                case (let x?, let y?): fee(x, y, name: name, channel: channel)
                case (let x?, nil):
                    add(Change(part: .fees, kind: .removed, subject: channel.vietnamese,
                               summary: "Bỏ \(name.lowercasedFirst): \(x.vietnamese)",
                               direction: Builder.payable(x) ? .lighter : .neutral, old: x.vietnamese))
                case (nil, let y?):
                    add(Change(part: .fees, kind: .added, subject: channel.vietnamese,
                               summary: "Thêm \(name.lowercasedFirst): \(y.vietnamese)",
                               direction: Builder.payable(y) ? .heavier : .neutral, new: y.vietnamese))
                case (nil, nil): break
                }
            }
        }
    }

    /// Whether a fee costs something: a positive amount, or a wording with no amount.
    static func payable(_ fee: Fee) -> Bool { fee.amount.map { $0 > 0 } ?? true }

    mutating func fee(_ old: Fee, _ new: Fee, name: String, channel: SubmissionMethod) {
        let subject = channel.vietnamese
        if let a = old.amount, let b = new.amount, a != b || old.currency != new.currency {
            var summary = "\(name): \(old.vietnamese) → \(new.vietnamese)"
            var direction = Direction.neutral
            if old.currency == new.currency {
                direction = Direction.ofCost(a, b)
                if a.decimal != 0 {
                    let percent = Int(((b.doubleValue - a.doubleValue) / a.doubleValue * 100).rounded())
                    summary += " (\(TimeComparison.format(percent: percent)))"
                }
            }
            add(Change(part: .fees, kind: .modified, subject: subject, summary: summary, direction: direction,
                       old: old.vietnamese, new: new.vietnamese))
        } else if (old.amount == nil) != (new.amount == nil) || !WordDiff.same(old.text ?? "", new.text ?? "") {
            let words = old.amount == nil && new.amount == nil
                ? WordDiff.runs(old.text ?? "", new.text ?? "") : nil
            add(Change(part: .fees, kind: .modified, subject: subject,
                       summary: "\(name): \(old.vietnamese) → \(new.vietnamese)",
                       old: old.vietnamese, new: new.vietnamese, words: words))
        }
        prose(.fees, subject: subject, summary: "\(name): sửa mô tả", old.description ?? "", new.description ?? "")
        texts(.fees, "đối tượng miễn \(name.lowercasedFirst)", old.exemptions, new.exemptions, added: .lighter)
    }

    mutating func dossier(_ old: Dossier, _ new: Dossier) {
        if old.sets != new.sets {
            let a = old.sets.map(String.init) ?? "không ghi", b = new.sets.map(String.init) ?? "không ghi"
            let direction = old.sets.flatMap { x in new.sets.map { Direction.ofCost(x, $0) } } ?? .neutral
            add(Change(part: .dossier, kind: .modified, summary: "Số bộ hồ sơ: \(a) → \(b)",
                       direction: direction, old: a, new: b))
        }
        let groups = pairGroups(old.cases.map { $0.name ?? "" }, new.cases.map { $0.name ?? "" })
        for (i, j) in groups.pairs {
            prose(.dossier, subject: new.cases[j].name, summary: "Sửa tên trường hợp: \(new.cases[j].name ?? "")",
                  old.cases[i].name ?? "", new.cases[j].name ?? "")
            items(old.cases[i].items, new.cases[j].items)
        }
        for i in groups.removed {
            let c = old.cases[i]
            add(Change(part: .dossier, kind: .removed, subject: c.name,
                       summary: "Bỏ trường hợp: \(c.name ?? "") (\(c.items.count) giấy tờ)", old: c.name))
        }
        for j in groups.added {
            let c = new.cases[j]
            add(Change(part: .dossier, kind: .added, subject: c.name,
                       summary: "Thêm trường hợp: \(c.name ?? "") (\(c.items.count) giấy tờ)", new: c.name))
        }
    }

    mutating func items(_ old: [DossierItem], _ new: [DossierItem]) {
        let m = Matching.match(old.map(\.name), new.map(\.name))
        for (i, j) in m.pairs { item(old[i], new[j]) }
        for i in m.removed {
            add(Change(part: .dossier, kind: .removed, subject: old[i].name, summary: "Bỏ giấy tờ: \(old[i].name)",
                       direction: old[i].required ? .lighter : .neutral, old: old[i].name))
        }
        for j in m.added {
            add(Change(part: .dossier, kind: .added, subject: new[j].name, summary: "Thêm giấy tờ: \(new[j].name)",
                       direction: new[j].required ? .heavier : .neutral, new: new[j].name))
        }
    }

    mutating func item(_ old: DossierItem, _ new: DossierItem) {
        let subject = new.name
        let plain = Builder.certification(old.name, new.name) == .lighter
        prose(.dossier, subject: subject, summary: "Sửa tên giấy tờ: \(old.name) → \(new.name)"
              + (plain ? " (bản sao không cần chứng thực)" : ""), old.name, new.name)
        func count(_ label: String, _ a: Int, _ b: Int) {
            guard a != b else { return }
            add(Change(part: .dossier, kind: .modified, subject: subject,
                       summary: "Giấy tờ «\(subject)»: \(label) \(a) → \(b)",
                       direction: Direction.ofCost(a, b), old: String(a), new: String(b)))
        }
        count("số bản chính", old.originals, new.originals)
        count("số bản sao", old.copies, new.copies)
        if old.required != new.required {
            add(Change(part: .dossier, kind: .modified, subject: subject,
                       summary: "Giấy tờ «\(subject)»: " + (new.required ? "trở thành bắt buộc" : "không còn bắt buộc"),
                       direction: new.required ? .heavier : .lighter,
                       old: old.required ? "bắt buộc" : "không bắt buộc", new: new.required ? "bắt buộc" : "không bắt buộc"))
        }
        if old.presentation != new.presentation {
            add(Change(part: .dossier, kind: .modified, subject: subject,
                       summary: "Giấy tờ «\(subject)»: \(old.presentation.vietnamese.lowercased()) → \(new.presentation.vietnamese.lowercased())",
                       direction: new.presentation == .show ? .lighter : .heavier,
                       old: old.presentation.vietnamese, new: new.presentation.vietnamese))
        }
        if !WordDiff.same(old.form ?? "", new.form ?? "") {
            add(Change(part: .dossier, kind: .modified, subject: subject,
                       summary: "Giấy tờ «\(subject)»: mẫu \(old.form ?? "không có") → \(new.form ?? "không có")",
                       old: old.form, new: new.form))
        }
        prose(.dossier, subject: subject, summary: "Giấy tờ «\(subject)»: sửa ghi chú", old.note ?? "", new.note ?? "")
    }

    mutating func agencies(_ old: Procedure, _ new: Procedure) {
        for role in Agency.Role.allCases {
            texts(.agencies, role.vietnamese.lowercasedFirst, old.agencies(role), new.agencies(role))
        }
    }

    mutating func requirements(_ old: Procedure, _ new: Procedure) {
        texts(.requirements, "yêu cầu, điều kiện", old.requirements.map(\.text), new.requirements.map(\.text),
              added: .heavier)
    }

    mutating func legalBases(_ old: Procedure, _ new: Procedure) {
        func text(_ b: LegalBasis) -> String { [b.number, b.title].compactMap { $0 }.joined(separator: " ") }
        func key(_ b: LegalBasis) -> String { VietnameseText.comparisonKey(b.number) }
        var remaining = new.legalBases
        for a in old.legalBases {
            if let index = remaining.firstIndex(where: { key($0) == key(a) }) {
                let b = remaining.remove(at: index)
                prose(.legalBasis, subject: b.number, summary: "Sửa căn cứ pháp lý: \(b.number)",
                      [a.title, a.article].compactMap { $0 }.joined(separator: " "),
                      [b.title, b.article].compactMap { $0 }.joined(separator: " "))
            } else {
                add(Change(part: .legalBasis, kind: .removed, subject: a.number,
                           summary: "Bỏ căn cứ pháp lý: \(text(a))", old: text(a)))
            }
        }
        for b in remaining {
            add(Change(part: .legalBasis, kind: .added, subject: b.number,
                       summary: "Thêm căn cứ pháp lý: \(text(b))", new: text(b)))
        }
    }

    mutating func online(_ old: Procedure, _ new: Procedure) {
        let a = old.online?.level ?? .none, b = new.online?.level ?? .none
        if a != b {
            add(Change(part: .online, kind: .modified,
                       summary: "Dịch vụ công trực tuyến: \(a.vietnamese) → \(b.vietnamese)",
                       direction: Direction.ofCost(a, b), old: a.vietnamese, new: b.vietnamese))
        }
        if old.online?.url != new.online?.url || old.online?.codes ?? [] != new.online?.codes ?? [] {
            add(Change(part: .online, kind: .modified, summary: "Dịch vụ công trực tuyến: đổi mã hoặc địa chỉ nộp",
                       old: old.online?.url, new: new.online?.url))
        }
    }

    /// Parts with no rule of their own for citizens: type, yearly volume, keywords, notes.
    mutating func other(_ old: Procedure, _ new: Procedure) {
        if old.type != new.type {
            add(Change(part: .type, kind: .modified,
                       summary: "Loại thủ tục: \(old.type.vietnamese) → \(new.type.vietnamese)",
                       old: old.type.vietnamese, new: new.type.vietnamese))
        }
        if old.annualVolume != new.annualVolume {
            let a = old.annualVolume.map(String.init) ?? "không ghi", b = new.annualVolume.map(String.init) ?? "không ghi"
            add(Change(part: .annualVolume, kind: .modified, summary: "Số lượng hồ sơ hằng năm: \(a) → \(b)",
                       old: a, new: b))
        }
        texts(.keywords, "từ khóa", old.keywords, new.keywords)
        prose(.notes, summary: "Sửa ghi chú", old.notes ?? "", new.notes ?? "")
    }
}

extension String {
    /// "Lệ phí (trực tuyến)" → "lệ phí (trực tuyến)", for the middle of a sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
