import ArgumentParser
import Catalogue
import Formats
import Foundation
import Review

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "So sánh hai phiên bản: thủ tục thay đổi gì cho người dân.",
        discussion: """
            Compares OLD and NEW part by part, the way a reviewer reads a draft decision: processing \
            time per channel (with the change in per cent), fees, dossier items added, removed or \
            modified (matched by name, not position), steps, channels, online level, agencies, \
            results, legal bases, requirements, levels, fields and name. Each change is marked \
            lighter (↓) or heavier (↑) for citizens, or neutral (·). Reworded prose is shown word by \
            word: [-deleted-] and {+inserted+} (red and green on a colour terminal; NO_COLOR turns \
            colour off). Old and new tone placement (hoà / hòa) and decomposed text are not changes.

            Each side is a decision or a single procedure, in XML or JSON (either side either \
            format), or a catalogue folder replayed to a date: DIR@YYYY-MM-DD (DIR@ alone: today). \
            Two decisions pair their rows by procedure code and also show changes to the header \
            (number, dates, signer, title); a procedure against a decision is compared with the \
            decision's row for the same code. The catalogue against a draft decision compares each \
            row with the version in force: new rows against nothing, amended rows against the code \
            in force (warning when the parts it declares are not the parts that change), replaced \
            rows against the code(s) they replace, abolished rows shown as removed. Two catalogue \
            states list the procedures added, removed and changed (the rest are only counted). \
            Where no code pairs two procedures (a draft without a code, a replacement under a new \
            code), they are paired by a replacement the decisions declare, or by name and content \
            likeness, and the output says so: "có thể là cùng thủ tục 1.004222: tên giống 92 %".

            --format html writes a standalone page (no external resource) to open offline and \
            print: a summary table, then a section per procedure with <ins>/<del> redlines and a \
            side-by-side view. --format md writes Markdown for a memo. --format json follows the \
            JSON Schema in docs/diff-report.schema.json: {"old", "new", "sample", "summary", \
            "header", "procedures": [{"key", "name", "status", "match", "changes": [{"part", \
            "kind", "summary", "direction", "old", "new", "words"}]}]}; keys without a value are \
            left out.

            Exit status: 0 whether or not there are changes; 1 when a file or catalogue cannot be \
            read, or when a procedure is compared with a decision that has no row for it; 2 for a \
            DIR@DATE whose folder or date is wrong.

            Examples:
              tthc diff catalogue/decisions/2026/2026-01-20-156-QD-UBND.json du-thao.xml
              tthc show 1.001776 --at 2025-12-31 --format xml > cu.xml
              tthc show 1.001776 --at 2026-02-01 --format json > moi.json
              tthc diff cu.xml moi.json --format json -o thay-doi.json
              tthc diff catalogue@ du-thao.xml --format html -o bao-cao.html
              tthc diff catalogue@2025-12-31 catalogue@2026-06-01 --format md
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html, md }

    @Argument(help: ArgumentHelp("The old version: a decision or procedure file (.xml or .json), or DIR@YYYY-MM-DD.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The new version: a decision or procedure file (.xml or .json), or DIR@YYYY-MM-DD.", valueName: "NEW"))
    var new: String

    @Option(help: "Output format: text, json, html or md.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func run() throws {
        let sides = try DiffSide.read([old, new])
        let diff: DecisionDiff
        do {
            diff = try Self.compare(sides[0], sides[1])
        } catch let mismatch as Mismatch {
            Console.error(mismatch.description)
            throw ExitCode(1)
        }
        let report = DiffReport(old: old, new: new, diff: diff, sample: sides.contains(where: \.isSample))
        let text: String
        switch format {
        case .json: text = JSONFormat.pretty(report)
        case .html: text = DiffHTML(report: report).html
        case .md: text = DiffMarkdown(report: report).markdown
        case .text:
            let colour = output == nil && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            text = report.text(colour: colour)
        }
        try Console.deliver(text, to: output, force: force)
    }

    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// The diff of two sides, as rows: a procedure stands for a one-row decision; a catalogue state
    /// against a decision compares each row with the version in force.
    static func compare(_ old: DiffSide, _ new: DiffSide) throws -> DecisionDiff {
        switch (old, new) {
        case (.document(let a), .document(let b)):
            return try compare(a, b)
        case (.state(let a, _), .state(let b, _)):
            let successions = old.successions.merging(new.successions) { Array(Set($0 + $1)).sorted() }
            var diff = CatalogueDiff.compare(a, b, successions: successions)
            // Say how a procedure left or came: from the history of the later state's catalogue.
            let (early, late, lateSide) = a.date <= b.date ? (a.date, b.date, new) : (b.date, a.date, old)
            guard case .state(_, let loaded) = lateSide else { return diff }
            for i in diff.entries.indices where diff.entries[i].status != .compared {
                let entry = diff.entries[i]
                guard let history = loaded.catalogue.histories[entry.key],
                      let version = history.version(at: early) ?? history.version(at: late) else { continue }
                let action: DecisionItem.Action?
                switch version.end {
                case .abolished?: action = .abolished
                case .replaced?: action = .replaced
                default: action = version.isInForce(at: late) && !version.isInForce(at: early) ? version.action : nil
                }
                // Forward in time the action is the new side's; backwards, the old side's.
                if a.date <= b.date {
                    diff.entries[i].newAction = action
                } else {
                    diff.entries[i].oldAction = action
                }
            }
            return diff
        case (.state(let state, _), .document(let document)):
            return draft(document, state, draftIsNew: true)
        case (.document(let document), .state(let state, _)):
            return draft(document, state, draftIsNew: false)
        }
    }

    /// A decision against the catalogue in force; a lone procedure counts as a one-row decision
    /// whose row says nothing of its own (no action is shown).
    static func draft(_ document: Document, _ state: CatalogueState, draftIsNew: Bool) -> DecisionDiff {
        switch document {
        case .decision(let sourced):
            return CatalogueDiff.draft(sourced.decision, against: state, draftIsNew: draftIsNew)
        case .procedure(let p, _):
            let row = DecisionItem(action: p.code == nil ? .new : .amended, procedure: p)
            let decision = Decision(number: "", signedOn: state.date, authority: "", title: "", items: [row])
            var diff = CatalogueDiff.draft(decision, against: state, draftIsNew: draftIsNew)
            for i in diff.entries.indices {
                diff.entries[i].oldAction = nil
                diff.entries[i].newAction = nil
            }
            return diff
        }
    }

    /// The diff of two documents, as rows: a procedure stands for a one-row decision.
    static func compare(_ old: Document, _ new: Document) throws -> DecisionDiff {
        switch (old, new) {
        case (.decision(let a), .decision(let b)):
            return DecisionDiff.compare(a.decision, b.decision)
        case (.procedure(let p, _), .procedure(let q, _)):
            let row = DecisionItem(action: .amended, procedure: q)
            return DecisionDiff(entries: [DecisionDiff.Entry(
                key: DecisionDiff.displayKey(row), name: q.name, status: .compared, oldAction: nil, newAction: nil,
                diff: ProcedureDiff.compare(p, q))])
        case (.procedure(let p, _), .decision(let d)):
            let row = try Self.row(for: p, in: d)
            return DecisionDiff(entries: [DecisionDiff.Entry(
                key: DecisionDiff.displayKey(row), name: row.subjectName ?? p.name,
                // A row without content (an abolition) takes the procedure out.
                status: row.procedure == nil ? .removed : .compared, oldAction: nil, newAction: row.action,
                diff: row.procedure.map { ProcedureDiff.compare(p, $0) })])
        case (.decision(let d), .procedure(let q, _)):
            let row = try Self.row(for: q, in: d)
            return DecisionDiff(entries: [DecisionDiff.Entry(
                key: DecisionDiff.displayKey(row), name: q.name,
                status: row.procedure == nil ? .added : .compared, oldAction: row.action, newAction: nil,
                diff: row.procedure.map { ProcedureDiff.compare($0, q) })])
        }
    }

    /// The decision's row for a procedure, by code key (or name when the procedure has no code).
    static func row(for procedure: Procedure, in decision: SourcedDecision) throws -> DecisionItem {
        let key = DecisionDiff.pairKey(DecisionItem(action: .amended, procedure: procedure))
        guard let row = decision.decision.items.first(where: { DecisionDiff.pairKey($0) == key }) else {
            let what = procedure.code.map { "code \($0.key)" } ?? "the name \"\(procedure.name)\""
            throw Mismatch(description:
                "\(decision.location.file): error: decision \(decision.decision.number) has no row for procedure with \(what); compare two procedures, two decisions, or a decision with a row for this procedure")
        }
        return row
    }
}
