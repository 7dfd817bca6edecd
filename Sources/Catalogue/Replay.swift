/// Replays decisions, in order of effective date, into the history of every procedure.
///
/// The order is fixed by the decisions' content alone (effective date, then signing date, then number,
/// then row), never by file names or read order, so the same decisions always give the same catalogue.
/// Every problem is reported, not just the first; a row that cannot apply is skipped and named.
public enum Replay {
    public struct Result: Sendable {
        public var catalogue: Catalogue
        public var diagnostics: [Diagnostic]
    }

    public static func run(_ input: [SourcedDecision]) -> Result {
        var diagnostics: [Diagnostic] = []

        // Decision numbers are unique; compare them the way officers write them, whatever the spacing.
        var byNumber: [String: SourcedDecision] = [:]
        let ordered = input.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        var accepting: [SourcedDecision] = []
        // Each decision's own checks, made on every core; reported in the order the decisions are taken.
        let checks = DecisionChecks.check(all: ordered)
        for (sourced, found) in zip(ordered, checks) {
            let number = numberKey(sourced.decision.number)
            if let first = byNumber[number] {
                diagnostics.append(.error(
                    "decision \(sourced.decision.number) is already announced in \(first.location); give each decision its own number, or remove the copy",
                    at: sourced.location))
                continue
            }
            byNumber[number] = sourced
            diagnostics += found
            accepting.append(sourced)
        }
        // A constant from here on: the functions below read rows where they lie, which they could
        // not do in a variable they capture (it might change under them, so each row was copied).
        let accepted = accepting

        // An event is a row to apply: its date, its decision (by index into `accepted`) and its row.
        // Small and free of references, so sorting 100,000 of them moves no decisions around; the
        // order is (date, decision's signing date, decision's number, row), with the decisions
        // ranked once by signing date and number (numbers are unique among accepted decisions).
        struct Event {
            var date: LocalDate
            var rank: Int
            var decision: Int
            var index: Int
        }
        let ranks: [Int] = {
            let order = accepted.indices.sorted {
                (accepted[$0].decision.signedOn, accepted[$0].decision.number)
                    < (accepted[$1].decision.signedOn, accepted[$1].decision.number)
            }
            var ranks = [Int](repeating: 0, count: accepted.count)
            for (rank, i) in order.enumerated() { ranks[i] = rank }
            return ranks
        }()
        var events: [Event] = []
        events.reserveCapacity(accepted.reduce(0) { $0 + $1.decision.items.count })
        for n in accepted.indices {
            let effective = accepted[n].decision.effectiveDate
            let signedOn = accepted[n].decision.signedOn
            // Rows read where they lie (an unsafe buffer's element is a place): `items[i]` of an
            // array copies the whole row, retaining every field of its procedure.
            accepted[n].decision.items.withUnsafeBufferPointer { items in
                for i in items.indices {
                    let date = items[i].effectiveOn ?? effective
                    if date < signedOn { continue }  // reported by DecisionChecks; never applied
                    events.append(Event(date: date, rank: ranks[n], decision: n, index: i))
                }
            }
        }
        events.sort { ($0.date, $0.rank, $0.index) < ($1.date, $1.rank, $1.index) }

        var histories: [String: ProcedureHistory] = [:]
        histories.reserveCapacity(events.count)

        // Reads only the last version's dates: copying a version would retain its whole procedure.
        func inForce(_ key: String, on date: LocalDate) -> Bool {
            guard let versions = histories[key]?.versions else { return false }
            return versions.withUnsafeBufferPointer { versions in
                guard let last = versions.indices.last else { return false }
                return versions[last].from <= date && versions[last].until == nil
            }
        }

        let numbers = accepted.map(\.decision.number)

        // Every part set by the same decision: one dictionary per decision, shared by its versions.
        var allPartsByDecision = [[Part: String]?](repeating: nil, count: accepted.count)
        func allParts(_ decision: Int) -> [Part: String] {
            if let known = allPartsByDecision[decision] { return known }
            let made = Self.allParts(accepted[decision].decision.number)
            allPartsByDecision[decision] = made
            return made
        }

        // A row is applied where it lies in its decision, through a pointer into its decision's
        // items: an array element, even passed `borrowing`, was copied, and copying a row retains
        // every field of its procedure. For the same reason versions change in place in their
        // history (`endLast`, `fillLastCode`) instead of being taken out, changed and put back, and
        // a row's procedure is copied once, into its new version.
        func apply(_ event: Event, _ item: UnsafePointer<DecisionItem>) {
            let number = numbers[event.decision]
            func fail(_ message: String) {
                diagnostics.append(.error(
                    "decision \(number): \(message)", at: accepted[event.decision].location(ofItem: event.index),
                    code: item.pointee.subjectCode?.rawValue))
            }

            switch item.pointee.action {
            case .new:
                guard let procedure = item.pointee.procedure else { return }
                let key = procedure.code?.key ?? provisionalKey(decision: number, row: event.index)
                if inForce(key, on: event.date) {
                    fail("new procedure \(key) is already in force since \(histories[key]!.versions.last!.from.iso) (decision \(histories[key]!.versions.last!.decision)); announce it as 'amended' instead")
                    return
                }
                histories[key, default: ProcedureHistory(key: key)].versions.append(ProcedureVersion(
                    procedure: procedure, decision: number, action: .new, from: event.date,
                    partSources: allParts(event.decision)))
                if let own = item.pointee.code { histories[key]!.fillLastCode(own) }

            case .amended:
                guard let procedure = item.pointee.procedure, let code = item.pointee.subjectCode else { return }
                let key = code.key
                // Taken out of the dictionary while it changes, so its versions are not copied.
                guard inForce(key, on: event.date), var history = histories.removeValue(forKey: key) else {
                    fail("cannot amend \(code): it is not in force on \(event.date.iso)\(endNote(histories[key])); announce it as 'new', or check the code")
                    return
                }
                let (previousSources, previousFrom, changed) = history.versions.withUnsafeBufferPointer { versions in
                    let previous = versions.count - 1
                    return (versions[previous].partSources, versions[previous].from,
                            Part.changed(from: versions[previous].procedure, to: procedure))
                }
                var sources = previousSources
                for part in changed.union(item.pointee.changedParts) { sources[part] = number }
                if !item.pointee.changedParts.isEmpty {
                    diagnostics += declarationMismatches(
                        declared: Set(item.pointee.changedParts), changed: changed, decision: number, code: code, at: accepted[event.decision].location(ofItem: event.index))
                }
                // A version replaced on the day it starts was never in force: it goes.
                if previousFrom == event.date {
                    history.versions.removeLast()
                } else {
                    history.endLast(on: event.date, .amended(decision: number))
                }
                history.versions.append(ProcedureVersion(
                    procedure: procedure, decision: number, action: .amended, from: event.date,
                    partSources: sources))
                histories[key] = history

            case .replaced:
                guard let procedure = item.pointee.procedure, !item.pointee.replaces.isEmpty else { return }
                let newKey = procedure.code?.key ?? provisionalKey(decision: number, row: event.index)
                let oldKeys = item.pointee.replaces.map(\.key)
                var missing: [ProcedureCode] = []
                for old in item.pointee.replaces where !inForce(old.key, on: event.date) { missing.append(old) }
                if !missing.isEmpty {
                    fail("cannot replace \(missing.map(\.rawValue).joined(separator: ", ")): not in force on \(event.date.iso)\(missing.count == 1 ? endNote(histories[missing[0].key]) : ""); check the codes")
                    return
                }
                if !oldKeys.contains(newKey), inForce(newKey, on: event.date) {
                    fail("replacing procedure \(newKey) is already in force; give the replacement a new code, or announce it as 'amended'")
                    return
                }
                for old in oldKeys {
                    histories[old]!.endLast(on: event.date, .replaced(by: [newKey], decision: number))
                }
                var history = histories.removeValue(forKey: newKey) ?? ProcedureHistory(key: newKey)
                history.replaces = Array(Set(history.replaces + oldKeys.filter { $0 != newKey })).sorted()
                history.versions.append(ProcedureVersion(
                    procedure: procedure, decision: number, action: .replaced, from: event.date,
                    partSources: allParts(event.decision)))
                if let own = item.pointee.code { history.fillLastCode(own) }
                histories[newKey] = history

            case .abolished:
                guard let code = item.pointee.subjectCode else { return }
                let key = code.key
                guard inForce(key, on: event.date) else {
                    fail("cannot abolish \(code): it is not in force on \(event.date.iso)\(endNote(histories[key])); check the code and the date")
                    return
                }
                histories[key]!.endLast(on: event.date, .abolished(decision: number))
            }
        }
        accepted.withUnsafeBufferPointer { accepted in
            for event in events {
                accepted[event.decision].decision.items.withUnsafeBufferPointer { apply(event, $0.baseAddress! + event.index) }
            }
        }

        var decisions: [String: Decision] = [:]
        for sourced in accepted { decisions[sourced.decision.number] = sourced.decision }
        return Result(
            catalogue: Catalogue(decisions: decisions, histories: histories),
            diagnostics: diagnostics)
    }

    /// An amended row should declare exactly the parts it changes: reviewers read the declaration,
    /// citizens live with the content.
    static func declarationMismatches(
        declared: Set<Part>, changed: Set<Part>, decision: String, code: ProcedureCode, at location: SourceLocation
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let unchanged = declared.subtracting(changed).sorted()
        let undeclared = changed.subtracting(declared).sorted()
        if !unchanged.isEmpty {
            out.append(.warning(
                "decision \(decision): amends \(code) declaring \(unchanged.map(\.rawValue).joined(separator: ", ")) changed, but the content of \(unchanged.count == 1 ? "that part" : "those parts") is the same as before; remove \(unchanged.count == 1 ? "it" : "them") from changedParts or change the content",
                at: location, code: code.rawValue))
        }
        if !undeclared.isEmpty {
            out.append(.warning(
                "decision \(decision): amends \(code) and changes \(undeclared.map(\.rawValue).joined(separator: ", ")) without declaring \(undeclared.count == 1 ? "it" : "them"); add \(undeclared.count == 1 ? "it" : "them") to changedParts",
                at: location, code: code.rawValue))
        }
        return out
    }

    /// The key of a new procedure announced without a code: the decision and its row.
    public static func provisionalKey(decision: String, row: Int) -> String {
        "\(decision)#\(row + 1)"
    }

    private static func allParts(_ number: String) -> [Part: String] {
        Dictionary(uniqueKeysWithValues: Part.allCases.map { ($0, number) })
    }

    private static func numberKey(_ number: String) -> String {
        VietnameseText.comparisonKey(number).replacingSpaces()
    }

    private static func endNote(_ history: ProcedureHistory?) -> String {
        guard let last = history?.versions.last else { return " (no decision announces it)" }
        if let end = last.end {
            switch end {
            case .abolished(let d): return " (abolished by \(d) from \(last.until!.iso))"
            case .replaced(let by, let d): return " (replaced by \(by.joined(separator: ", ")) under \(d) from \(last.until!.iso))"
            case .amended: return ""
            }
        }
        return " (in force only from \(last.from.iso), decision \(last.decision))"
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { filter { $0 != " " } }
}

extension ProcedureHistory {
    /// Ends the last version, where it lies.
    fileprivate mutating func endLast(on date: LocalDate, _ end: ProcedureVersion.End) {
        let last = versions.count - 1
        versions[last].until = date
        versions[last].end = end
    }

    /// Gives the last version's procedure the row's code when its content has none (a row may name
    /// the code beside content that leaves it out).
    fileprivate mutating func fillLastCode(_ code: ProcedureCode) {
        let last = versions.count - 1
        if versions.withUnsafeBufferPointer({ $0[last].procedure.code == nil }) {
            versions[last].procedure.code = code
        }
    }
}
