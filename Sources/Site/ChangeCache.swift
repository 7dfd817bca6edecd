import Catalogue
import Review
import Synchronization

/// The field-level changes of each version of a procedure from the one before, computed once per
/// build: a procedure's page and the what-changed page of the decision that amended it both show
/// them, and `ProcedureDiff.compare` is the costliest step of a page.
final class ChangeCache: Sendable {
    /// One change as pages print it; the redline words and raw values are not kept.
    struct Line: Sendable {
        var summary: String
        var part: String
        var direction: Direction
    }

    private let store = Mutex<[String: [[Line]]]>([:])

    /// The changes of every version of a history (the first version has none).
    func changes(_ history: ProcedureHistory) -> [[Line]] {
        if let cached = store.withLock({ $0[history.key] }) { return cached }
        var out: [[Line]] = [[]]
        for i in history.versions.indices.dropFirst() {
            let diff = ProcedureDiff.compare(history.versions[i - 1].procedure, history.versions[i].procedure)
            out.append(diff.changes.map { Line(summary: $0.summary, part: $0.part.vietnamese, direction: $0.direction) })
        }
        store.withLock { $0[history.key] = out }
        return out
    }
}
