import Catalogue
import Review

/// What a commune must do to its board after a decision (DOMAIN.md §6: boards are updated promptly
/// after each decision): sheets to add, sheets to replace (with what changed) and sheets to take
/// down, between the board the day before `from` and the board on `to`.
public struct ChangeNotice: Sendable {
    public var commune: Province.Commune
    /// The first day of the changes; the board compared against is the one of the day before.
    public var from: LocalDate
    /// The day of the new board.
    public var to: LocalDate
    /// The decision the notice follows, when it was asked for by decision.
    public var decision: Decision?
    public var added: [Added]
    public var replaced: [Replaced]
    public var removed: [Removed]

    public var isEmpty: Bool { added.isEmpty && replaced.isEmpty && removed.isEmpty }

    public struct Added: Sendable {
        public var entry: CatalogueState.Entry
        /// Why it is new on this board, in Vietnamese.
        public var reason: String
    }

    public struct Replaced: Sendable {
        public var old: CatalogueState.Entry
        public var new: CatalogueState.Entry
        /// One sentence per change, from the review's diff.
        public var changes: [String]
    }

    public struct Removed: Sendable {
        public var entry: CatalogueState.Entry
        public var reason: String
    }

    /// Compares the commune's board the day before `from` with its board on `to`.
    public init(catalogue: Catalogue, commune: Province.Commune, from: LocalDate, to: LocalDate, decision: Decision? = nil) {
        self.commune = commune
        self.from = from
        self.to = to
        self.decision = decision
        let before = Board.entries(catalogue.state(at: from.previousDay), commune: commune.code)
        let after = Board.entries(catalogue.state(at: to), commune: commune.code)
        let old = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        added = []
        replaced = []
        removed = []
        for entry in after {
            if let previous = old[entry.key] {
                let same = previous.version.decision == entry.version.decision && previous.version.from == entry.version.from
                    && previous.procedure == entry.procedure
                if !same {
                    var changes = ProcedureDiff.compare(previous.procedure, entry.procedure).changes.map(\.summary)
                    if changes.isEmpty { changes = ["Công bố lại theo Quyết định số \(entry.version.decision)"] }
                    replaced.append(Replaced(old: previous, new: entry, changes: changes))
                }
            } else {
                added.append(Added(entry: entry, reason: Self.whyAdded(entry, catalogue: catalogue, from: from)))
            }
        }
        for entry in before where new[entry.key] == nil {
            removed.append(Removed(entry: entry, reason: Self.whyRemoved(entry, catalogue: catalogue, on: to)))
        }
    }

    private static func whyAdded(_ entry: CatalogueState.Entry, catalogue: Catalogue, from: LocalDate) -> String {
        let history = catalogue.histories[entry.key]
        let decision = "Quyết định số \(entry.version.decision)"
        let before = from.previousDay
        if let replaced = history?.replaces, !replaced.isEmpty, history?.version(at: before) == nil {
            return "thay thế thủ tục \(replaced.joined(separator: ", ")) theo \(decision)"
        }
        if history?.version(at: before) != nil { return "nay tiếp nhận tại Bộ phận Một cửa xã theo \(decision)" }
        return "công bố mới theo \(decision)"
    }

    private static func whyRemoved(_ entry: CatalogueState.Entry, catalogue: Catalogue, on date: LocalDate) -> String {
        let history = catalogue.histories[entry.key]
        if history?.version(at: date) == nil, let end = entry.version.end {
            switch end {
            case .abolished(let d): return "bãi bỏ theo Quyết định số \(d)"
            case .replaced(let by, let d): return "được thay thế bởi thủ tục \(by.joined(separator: ", ")) theo Quyết định số \(d)"
            case .amended: break
            }
        }
        if let now = history?.version(at: date) {
            return "không còn tiếp nhận tại Bộ phận Một cửa xã theo Quyết định số \(now.decision)"
        }
        return "không còn hiệu lực"
    }

    /// The one-page list the counter works from.
    public func section(province: Province) -> Section {
        var blocks = [
            Block("Ủy ban nhân dân \(commune.name)".uppercased(), style: .banner, alignment: .center),
            Block("THÔNG BÁO CẬP NHẬT BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH", style: .title, alignment: .center),
        ]
        var intro: String
        if let decision {
            intro = "Thực hiện Quyết định số \(decision.number) ngày \(decision.signedOn.vietnamese) (có hiệu lực từ ngày \(decision.effectiveDate.vietnamese))"
        } else {
            intro = "Các thay đổi có hiệu lực từ ngày \(from.vietnamese)"
        }
        intro += ", Bộ phận Một cửa \(commune.name) cập nhật bảng niêm yết như sau (bảng niêm yết ngày \(to.vietnamese)):"
        blocks.append(Block(intro, spaceBefore: 12))

        func code(_ entry: CatalogueState.Entry) -> String { entry.procedure.code?.rawValue ?? entry.key }

        blocks.append(Block("1. Niêm yết mới (\(added.count) tờ)", style: .heading, keepWithNext: true))
        if added.isEmpty { blocks.append(Block("Không có.")) }
        for a in added {
            blocks.append(Block([.bold(code(a.entry)), Block.Run(" – \(a.entry.procedure.name): "), .italic(a.reason)], indent: 12))
        }
        blocks.append(Block("2. Thay tờ niêm yết (\(replaced.count) tờ)", style: .heading, keepWithNext: true))
        if replaced.isEmpty { blocks.append(Block("Không có.")) }
        for r in replaced {
            blocks.append(Block([.bold(code(r.new)), Block.Run(" – \(r.new.procedure.name) (theo Quyết định số \(r.new.version.decision)):")], indent: 12, keepWithNext: true))
            for change in r.changes { blocks.append(Block("• " + change, indent: 28, spaceBefore: 1)) }
        }
        blocks.append(Block("3. Gỡ bỏ khỏi bảng niêm yết (\(removed.count) tờ)", style: .heading, keepWithNext: true))
        if removed.isEmpty { blocks.append(Block("Không có.")) }
        for r in removed {
            blocks.append(Block([.bold(code(r.entry)), Block.Run(" – \(r.entry.procedure.name): "), .italic(r.reason)], indent: 12))
        }
        if !added.isEmpty || !replaced.isEmpty {
            blocks.append(Block("Các tờ niêm yết mới và tờ thay thế được in kèm (\(added.count + replaced.count) tờ).", spaceBefore: 12))
        }
        return Section(
            blocks: blocks, continuation: "Thông báo cập nhật bảng niêm yết – \(commune.name) (tiếp theo)",
            footer: "\(commune.name) · thông báo ngày \(to.vietnamese)", outline: "Thông báo cập nhật")
    }

    /// The new and replacing sheets, in the order the notice lists them.
    public func sheets(catalogue: Catalogue, province: Province, postedOn: LocalDate) -> [Sheet] {
        (added.map(\.entry) + replaced.map(\.new)).map { entry in
            Sheet(
                procedure: entry.procedure, key: entry.key,
                context: SheetContext(version: entry.version, catalogue: catalogue, province: province, commune: commune, postedOn: postedOn))
        }
    }
}
