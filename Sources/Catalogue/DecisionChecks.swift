import Dispatch
import Synchronization

/// Checks of one decision on its own, before replay: each row has what its action needs, and no date
/// goes back before the signature.
public enum DecisionChecks {
    /// The checks of every decision, in the order given; the decisions are checked on every core
    /// (each on its own, so the result is the same as checking them one after another).
    public static func check(all decisions: [SourcedDecision]) -> [[Diagnostic]] {
        let results = Mutex<[[Diagnostic]]>(Array(repeating: [], count: decisions.count))
        DispatchQueue.concurrentPerform(iterations: decisions.count) { i in
            let found = check(decisions[i])
            if !found.isEmpty { results.withLock { $0[i] = found } }
        }
        return results.withLock { $0 }
    }

    public static func check(_ sourced: SourcedDecision) -> [Diagnostic] {
        let d = sourced.decision
        var out: [Diagnostic] = []
        func error(_ message: String, _ index: Int? = nil, code: ProcedureCode? = nil) {
            let at = index.map { sourced.location(ofItem: $0) } ?? sourced.location
            out.append(.error("decision \(d.number): \(message)", at: at, code: code?.rawValue))
        }
        func warning(_ message: String, _ index: Int, code: ProcedureCode? = nil) {
            out.append(.warning("decision \(d.number): \(message)", at: sourced.location(ofItem: index), code: code?.rawValue))
        }

        if d.number.allSatisfy(\.isWhitespace) { error("the decision has no number; write it as on the signed paper, e.g. 3218/QĐ-UBND") }
        if let e = d.effectiveOn, e < d.signedOn {
            error("takes effect on \(e.iso), before it is signed on \(d.signedOn.iso); a decision cannot act before its signature")
        }
        if d.items.isEmpty { error("announces no procedure; add at least one item") }

        var seen: [String: Int] = [:]
        seen.reserveCapacity(d.items.count)
        // Rows are read where they lie (an unsafe buffer's element is a place, not a copy): copying
        // a row retains every field of its procedure, and this runs once per row of the catalogue.
        d.items.withUnsafeBufferPointer { items in
            for i in items.indices {
                // `subjectCode`, without a call that takes the whole row.
                let contentCode = items[i].procedure?.code
                let hasProcedure = items[i].procedure != nil
                let code = contentCode ?? items[i].code
                let action = items[i].action
                // Made only for a row that has a problem.
                var row: String { "item \(i + 1)\(code.map { " (\($0))" } ?? "")" }
                if let e = items[i].effectiveOn, e < d.signedOn {
                    error("\(row) takes effect on \(e.iso), before the decision is signed on \(d.signedOn.iso)", i, code: code)
                }
                switch action {
                case .new, .amended, .replaced:
                    if !hasProcedure {
                        error("\(row) is '\(action.rawValue)' but has no procedure content; add the full procedure (Phần II)", i, code: code)
                    }
                    if let own = items[i].code, let content = contentCode, own.key != content.key {
                        error("\(row) names code \(own) but its content has code \(content); make them the same", i, code: code)
                    }
                case .abolished:
                    if hasProcedure {
                        warning("\(row) is abolished but carries procedure content, which is ignored", i, code: code)
                    }
                }
                let replacesNothing = items[i].replaces.isEmpty
                let declaresNoPart = items[i].changedParts.isEmpty
                switch action {
                case .amended where code == nil:
                    error("\(row) is 'amended' but names no code; say which procedure it amends", i)
                case .abolished where code == nil:
                    error("\(row) is 'abolished' but names no code; say which procedure it abolishes", i)
                case .replaced where replacesNothing:
                    error("\(row) is 'replaced' but does not say what it replaces; list the old codes", i, code: code)
                case .amended where declaresNoPart:
                    warning("\(row) is 'amended' but does not declare which parts change", i, code: code)
                default: break
                }
                if action != .replaced, !replacesNothing {
                    error("\(row) lists codes it replaces, but its action is '\(action.rawValue)'; use 'replaced'", i, code: code)
                }
                if action != .amended, !declaresNoPart {
                    warning("\(row) declares changed parts, but only 'amended' rows change parts", i, code: code)
                }
                if let code {
                    if let other = seen[code.key] {
                        error("\(row) concerns the same procedure as item \(other + 1); one decision announces a procedure once", i, code: code)
                    } else {
                        seen[code.key] = i
                    }
                }
            }
        }
        return out
    }
}
