import Catalogue
import Review

/// What `tthc diff` prints: a summary first, then every change, in text or in the JSON shape its
/// `--help` documents.
struct DiffReport: Encodable {
    var old: String
    var new: String
    /// True when a side is the bundled made-up catalogue: every output says so.
    var sample: Bool
    var summary: Summary
    /// Changes to the decisions' own headers, when both sides are decisions.
    var header: [HeaderChange]
    var procedures: [Procedure]

    private enum CodingKeys: String, CodingKey { case old, new, sample, summary, header, procedures }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
        if sample { try c.encode(sample, forKey: .sample) }
        try c.encode(summary, forKey: .summary)
        if !header.isEmpty { try c.encode(header, forKey: .header) }
        try c.encode(procedures, forKey: .procedures)
    }

    struct Summary: Encodable {
        var procedures: Int
        var changed: Int
        var lighter: Int
        var heavier: Int
        var neutral: Int
    }

    struct Procedure: Encodable {
        var key: String
        var name: String
        var status: String
        var oldAction: DecisionItem.Action?
        var newAction: DecisionItem.Action?
        /// When the two sides do not share a code: what paired them.
        var match: Match?
        /// For an amended draft row against the version in force.
        var parts: PartsCheck?
        var lighter: Int
        var heavier: Int
        var neutral: Int
        var changes: [Change]

        /// The code as reports show it: a row without a code is keyed by its name, which is not
        /// repeated.
        var shownCode: String { key == name ? "(chưa có mã)" : key }

        /// Both sides are decision rows, with different actions.
        var actionChanged: Bool { oldAction != nil && newAction != nil && oldAction != newAction }

        private enum CodingKeys: String, CodingKey {
            case key, name, status, oldAction, newAction, match, declaredParts, undeclaredParts, unchangedDeclaredParts
            case lighter, heavier, neutral, changes
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            try c.encode(status, forKey: .status)
            try c.encodeIfPresent(oldAction, forKey: .oldAction)
            try c.encodeIfPresent(newAction, forKey: .newAction)
            try c.encodeIfPresent(match, forKey: .match)
            if let parts {
                try c.encode(parts.declared, forKey: .declaredParts)
                if !parts.undeclared.isEmpty { try c.encode(parts.undeclared, forKey: .undeclaredParts) }
                if !parts.unchangedDeclared.isEmpty { try c.encode(parts.unchangedDeclared, forKey: .unchangedDeclaredParts) }
            }
            try c.encode(lighter, forKey: .lighter)
            try c.encode(heavier, forKey: .heavier)
            try c.encode(neutral, forKey: .neutral)
            try c.encode(changes, forKey: .changes)
        }
    }

    init(old: String, new: String, diff: DecisionDiff, sample: Bool = false) {
        self.old = old
        self.new = new
        self.sample = sample
        header = diff.header
        procedures = diff.entries.map { entry in
            let changes = entry.diff?.changes ?? []
            let status: String
            switch entry.status {
            case .added: status = "added"
            case .removed: status = "removed"
            case .compared: status = entry.isUnchanged ? "unchanged" : "changed"
            }
            return Procedure(
                key: entry.key, name: entry.name, status: status, oldAction: entry.oldAction,
                newAction: entry.newAction, match: entry.match, parts: entry.parts,
                lighter: changes.count { $0.direction == .lighter },
                heavier: changes.count { $0.direction == .heavier },
                neutral: changes.count { $0.direction == .neutral }, changes: changes)
        }
        summary = Summary(
            procedures: diff.procedureCount, changed: procedures.count { $0.status != "unchanged" },
            lighter: procedures.reduce(0) { $0 + $1.lighter }, heavier: procedures.reduce(0) { $0 + $1.heavier },
            neutral: procedures.reduce(0) { $0 + $1.neutral })
    }

    // MARK: Text

    static func marker(_ direction: Direction) -> String {
        switch direction {
        case .lighter: "↓"
        case .heavier: "↑"
        case .neutral: "·"
        }
    }

    func text(colour: Bool) -> String {
        var lines = ["So sánh: \(old) → \(new)"]
        if sample { lines.append("⚠ \(Province.sampleNotice)") }
        if !header.isEmpty {
            lines.append("Quyết định:")
            for h in header {
                lines.append("  · \(h.summary)")
                if let words = h.words, words.contains(where: { $0.kind != .same }) {
                    lines.append("        " + Self.redline(words, colour: colour))
                }
            }
        }
        let changed = procedures.filter { $0.status != "unchanged" }
        if changed.isEmpty {
            lines.append("Không có thay đổi (\(summary.procedures) thủ tục).")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            "Tóm tắt: \(changed.count)/\(summary.procedures) thủ tục thay đổi; "
                + "\(summary.lighter) thay đổi nhẹ hơn (↓), \(summary.heavier) nặng hơn (↑), "
                + "\(summary.neutral) trung tính (·) cho người dân.")
        for p in changed {
            lines.append("  \(p.shownCode) \(p.name): \(headline(p))" + (p.match.map { " (\($0.vietnamese))" } ?? ""))
        }
        for p in changed where !p.changes.isEmpty || p.actionChanged || p.match != nil || !(p.parts?.agrees ?? true) {
            lines.append("")
            lines.append("\(p.shownCode) \(p.name)")
            if let match = p.match { lines.append("  (\(match.vietnamese))") }
            for line in p.parts?.vietnamese ?? [] { lines.append("  ⚠ \(line)") }
            if p.actionChanged, let a = p.oldAction, let b = p.newAction {
                lines.append("  Hình thức công bố: \(a.vietnamese) → \(b.vietnamese)")
            }
            var part: Part?
            for change in p.changes {
                if change.part != part {
                    part = change.part
                    lines.append("  \(change.part.vietnamese)")
                }
                lines.append("    \(Self.marker(change.direction)) \(change.summary)")
                if let words = change.words, words.contains(where: { $0.kind != .same }) {
                    lines.append("        " + Self.redline(words, colour: colour))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary tables' status column, beside the counts: "thay đổi", else the headline.
    func status(_ p: Procedure) -> String {
        p.status == "changed" && !p.changes.isEmpty ? "thay đổi" : headline(p)
    }

    func headline(_ p: Procedure) -> String {
        switch p.status {
        case "removed" where p.newAction == .abolished: return "bị bãi bỏ"
        case "removed" where p.newAction == .replaced: return "bị thay thế"
        case "added" where p.oldAction == .abolished: return "bản cũ bãi bỏ, bản mới có nội dung"
        case "added" where p.oldAction == .replaced: return "bản cũ thay thế, bản mới có nội dung"
        case "added": return "chỉ có ở bản mới" + (p.newAction.map { " (\($0.vietnamese.lowercasedFirst))" } ?? "")
        case "removed": return "chỉ có ở bản cũ" + (p.oldAction.map { " (\($0.vietnamese.lowercasedFirst))" } ?? "")
        default:
            if p.changes.isEmpty {
                if p.match != nil { return "đổi mã, nội dung không đổi" }
                if !(p.parts?.agrees ?? true) { return "nội dung không đổi, khai báo phần sửa không khớp" }
                return "đổi hình thức công bố"
            }
            return "\(p.changes.count) thay đổi: \(p.lighter) nhẹ hơn, \(p.heavier) nặng hơn, \(p.neutral) trung tính"
        }
    }

    /// Words with deletions as [-…-] and insertions as {+…+}, or in red and green on a terminal;
    /// a moved sentence as [↷ chuyển đi: …] where it stood and {↷ chuyển đến: …} where it stands.
    static func redline(_ runs: [WordRun], colour: Bool) -> String {
        runs.map { run in
            switch (run.kind, colour) {
            case (.same, _): run.text
            case (.deleted, false): "[-\(run.text)-]"
            case (.inserted, false): "{+\(run.text)+}"
            case (.deleted, true): "\u{1B}[31m\(run.text)\u{1B}[0m"
            case (.inserted, true): "\u{1B}[32m\(run.text)\u{1B}[0m"
            case (.movedFrom, false): "[↷ chuyển đi: \(run.text)]"
            case (.movedTo, false): "{↷ chuyển đến: \(run.text)}"
            case (.movedFrom, true): "\u{1B}[36m[↷ chuyển đi: \(run.text)]\u{1B}[0m"
            case (.movedTo, true): "\u{1B}[36m{↷ chuyển đến: \(run.text)}\u{1B}[0m"
            }
        }.joined(separator: " ")
    }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
