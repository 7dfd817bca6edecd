import ArgumentParser
import Catalogue

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Lịch sử các phiên bản của một thủ tục.",
        discussion: """
            Lists every version of a procedure: the decision that set it, from when to when, the parts \
            it changed, and what ended it (amended, replaced by which code, abolished).

            Example:
              tthc history 1.004222
            """)

    @OptionGroup var options: CatalogueOptions

    @Argument(help: "The procedure code.")
    var code: String

    func run() throws {
        let loaded = try options.load()
        guard let history = loaded.catalogue.history(for: code) else {
            Console.error("tthc: no procedure \(code) in the catalogue; `tthc list` shows the codes")
            throw ExitCode(1)
        }
        if let notice = loaded.sampleNotice { Console.out(notice) }
        Console.out(HistoryText(history: history, catalogue: loaded.catalogue).text)
    }
}

/// A procedure's versions as text.
struct HistoryText {
    var history: ProcedureHistory
    var catalogue: Catalogue

    var text: String {
        var out: [String] = []
        out.append("\(history.key)  \(history.latest?.procedure.name ?? "")")
        if !history.replaces.isEmpty {
            out.append("Thay thế: \(history.replaces.joined(separator: ", "))")
        }
        var previous: ProcedureVersion?
        for (i, v) in history.versions.enumerated() {
            let until = v.until.map { " đến hết \($0.previousDay.vietnamese)" } ?? " (đang có hiệu lực hoặc sắp có hiệu lực)"
            out.append("")
            out.append("Phiên bản \(i + 1): \(action(v.action)) theo Quyết định \(v.decision), từ \(v.from.vietnamese)\(until)")
            if let title = catalogue.decisions[v.decision]?.title { out.append("  \(title)") }
            if let p = previous, v.action == .amended {
                let changed = Part.changed(from: p.procedure, to: v.procedure).sorted()
                out.append("  Thay đổi: " + (changed.isEmpty ? "không có thay đổi về nội dung" : changed.map(\.vietnamese).joined(separator: "; ")))
            }
            if let end = v.end {
                switch end {
                case .amended: break
                case .replaced(let by, let d): out.append("  Được thay thế bởi \(by.joined(separator: ", ")) theo Quyết định \(d)")
                case .abolished(let d): out.append("  Bị bãi bỏ theo Quyết định \(d)")
                }
            }
            previous = v
        }
        if let last = history.latest, !last.partSources.isEmpty {
            out.append("")
            out.append("Quyết định đã ban hành từng phần của phiên bản \(history.versions.count):")
            let byDecision = Dictionary(grouping: last.partSources.keys, by: { last.partSources[$0]! })
            let ordered = byDecision.keys.sorted { a, b in
                let da = catalogue.decisions[a]?.effectiveDate, db = catalogue.decisions[b]?.effectiveDate
                return (da?.iso ?? "", a) < (db?.iso ?? "", b)
            }
            for decision in ordered {
                let parts = byDecision[decision]!.sorted().map(\.vietnamese).joined(separator: "; ")
                out.append("  \(decision): \(parts)")
            }
        }
        return out.joined(separator: "\n")
    }

    private func action(_ a: DecisionItem.Action) -> String {
        switch a {
        case .new: "Công bố mới"
        case .amended: "Sửa đổi, bổ sung"
        case .replaced: "Thay thế"
        case .abolished: "Bãi bỏ"
        }
    }
}
