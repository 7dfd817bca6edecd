import Catalogue
import Review

/// `tthc diff --format md`: the report as Markdown for pasting into a memo: a summary table, then
/// one section per procedure; deletions ~~struck through~~, insertions in **bold**, directions as an
/// arrow with words.
struct DiffMarkdown {
    var report: DiffReport

    var markdown: String {
        var lines = ["# So sánh thủ tục hành chính", "", "Bản cũ: `\(code(report.old))` — bản mới: `\(code(report.new))`", ""]
        if report.sample { lines += ["> ⚠ \(e(Province.sampleNotice))", ""] }
        let s = report.summary
        let changed = report.procedures.filter { $0.status != "unchanged" }
        lines += ["## Tóm tắt", ""]
        if changed.isEmpty && report.header.isEmpty {
            lines += ["Không có thay đổi (\(s.procedures) thủ tục).", ""]
            return lines.joined(separator: "\n")
        }
        lines += ["\(changed.count)/\(s.procedures) thủ tục thay đổi: \(s.lighter) thay đổi nhẹ hơn (↓), \(s.heavier) nặng hơn (↑), \(s.neutral) trung tính (·) cho người dân.", ""]
        if !changed.isEmpty {
            lines += ["| Mã | Thủ tục | Tình trạng | ↓ nhẹ hơn | ↑ nặng hơn | · trung tính |", "| --- | --- | --- | ---: | ---: | ---: |"]
            for p in changed {
                let match = p.match.map { " (\(e($0.vietnamese)))" } ?? ""
                lines.append("| \(e(p.shownCode)) | \(e(p.name))\(match) | \(e(report.status(p))) | \(p.lighter) | \(p.heavier) | \(p.neutral) |")
            }
            lines.append("| **Cộng** | | | \(s.lighter) | \(s.heavier) | \(s.neutral) |")
            lines.append("")
        }
        if !report.header.isEmpty {
            lines += ["## Quyết định", ""]
            for c in report.header {
                lines.append("- \(e(c.summary))")
                if let words = c.words, words.contains(where: { $0.kind != .same }) { lines.append("  - \(redline(words))") }
            }
            lines.append("")
        }
        for p in changed {
            lines += ["## \(e(p.shownCode)) \(e(p.name))", "", "_\(e(report.headline(p)))_", ""]
            if let match = p.match { lines += ["> \(e(match.vietnamese))", ""] }
            for line in p.parts?.vietnamese ?? [] { lines += ["> ⚠ \(e(line))", ""] }
            if p.actionChanged, let a = p.oldAction, let b = p.newAction {
                lines += ["Hình thức công bố: \(e(a.vietnamese)) → \(e(b.vietnamese))", ""]
            }
            var part: Part?
            for change in p.changes {
                if change.part != part {
                    if part != nil { lines.append("") }
                    part = change.part
                    lines += ["### \(e(change.part.vietnamese))", ""]
                }
                lines.append("- \(DiffReport.marker(change.direction)) \(change.direction.vietnamese): \(e(change.summary))")
                if let words = change.words, words.contains(where: { $0.kind != .same }) {
                    lines.append("  - \(redline(words))")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    func redline(_ runs: [WordRun]) -> String {
        runs.map { run in
            switch run.kind {
            case .same: e(run.text)
            case .deleted: "~~\(e(run.text))~~"
            case .inserted: "**\(e(run.text))**"
            case .movedFrom: "~~↷ chuyển đi: \(e(run.text))~~"
            case .movedTo: "**↷ chuyển đến: \(e(run.text))**"
            }
        }.joined(separator: " ")
    }

    /// Escapes Markdown's punctuation (and raw HTML) so text prints as written, also inside tables.
    func e(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "~", "[", "]", "|", "#", "!": out += "\\\(ch)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Inside a code span nothing is escaped; a backtick would end it, so it becomes a quote.
    func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}
