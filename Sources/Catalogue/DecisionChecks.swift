/// Checks of one decision on its own, before replay: each row has what its action needs, and no date
/// goes back before the signature.
public enum DecisionChecks {
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
        for (i, item) in d.items.enumerated() {
            let code = item.subjectCode
            let row = "item \(i + 1)\(code.map { " (\($0))" } ?? "")"
            if let e = item.effectiveOn, e < d.signedOn {
                error("\(row) takes effect on \(e.iso), before the decision is signed on \(d.signedOn.iso)", i, code: code)
            }
            switch item.action {
            case .new, .amended, .replaced:
                if item.procedure == nil {
                    error("\(row) is '\(item.action.rawValue)' but has no procedure content; add the full procedure (Phần II)", i, code: code)
                }
                if let own = item.code, let content = item.procedure?.code, own.key != content.key {
                    error("\(row) names code \(own) but its content has code \(content); make them the same", i, code: code)
                }
            case .abolished:
                if item.procedure != nil {
                    warning("\(row) is abolished but carries procedure content, which is ignored", i, code: code)
                }
            }
            switch item.action {
            case .amended where code == nil:
                error("\(row) is 'amended' but names no code; say which procedure it amends", i)
            case .abolished where code == nil:
                error("\(row) is 'abolished' but names no code; say which procedure it abolishes", i)
            case .replaced where item.replaces.isEmpty:
                error("\(row) is 'replaced' but does not say what it replaces; list the old codes", i, code: code)
            case .amended where item.changedParts.isEmpty:
                warning("\(row) is 'amended' but does not declare which parts change", i, code: code)
            default: break
            }
            if item.action != .replaced, !item.replaces.isEmpty {
                error("\(row) lists codes it replaces, but its action is '\(item.action.rawValue)'; use 'replaced'", i, code: code)
            }
            if item.action != .amended, !item.changedParts.isEmpty {
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
        return out
    }
}
