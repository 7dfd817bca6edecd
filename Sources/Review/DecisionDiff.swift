import Catalogue

/// What a new draft of a decision changes against an old one, procedure by procedure.
///
/// Rows pair by the procedure's code key (`ProcedureCode.key`, so a local copy and the national code
/// pair); a row with no code pairs with a row of the same name. Rows with content on both sides are
/// compared with `ProcedureDiff`; the rest are procedures added to or removed from the decision.
public struct DecisionDiff: Hashable, Codable, Sendable {
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The entries with something to say.
    public var changed: [Entry] { entries.filter { !$0.isUnchanged } }

    public var isEmpty: Bool { changed.isEmpty }

    /// One procedure of either decision.
    public struct Entry: Hashable, Codable, Sendable {
        /// The code key (`1.004222`), or the name of a row without a code.
        public var key: String
        public var name: String
        public var status: Status
        /// The row's action on each side (`new`, `amended`, …), when the side has the row.
        public var oldAction: DecisionItem.Action?
        public var newAction: DecisionItem.Action?
        /// For rows with content on both sides.
        public var diff: ProcedureDiff?

        public init(
            key: String, name: String, status: Status, oldAction: DecisionItem.Action?,
            newAction: DecisionItem.Action?, diff: ProcedureDiff?
        ) {
            self.key = key
            self.name = name
            self.status = status
            self.oldAction = oldAction
            self.newAction = newAction
            self.diff = diff
        }

        /// Nothing to report: compared, the same action where both sides are rows, no change of content.
        public var isUnchanged: Bool {
            status == .compared && (oldAction == nil || newAction == nil || oldAction == newAction)
                && (diff?.isEmpty ?? true)
        }

        public enum Status: String, Codable, Sendable {
            /// Only the new decision has the row.
            case added
            /// Only the old decision has the row.
            case removed
            /// Both have it (with content on both sides, `diff` says what changed).
            case compared
        }
    }

    /// The key a row pairs by: its code key, else its name (compared by `comparisonKey`).
    public static func pairKey(_ item: DecisionItem) -> String {
        if let code = item.subjectCode { return code.key }
        return "#" + VietnameseText.comparisonKey(item.subjectName ?? "")
    }

    /// The key a report shows: the code key, else the name as written.
    public static func displayKey(_ item: DecisionItem) -> String {
        item.subjectCode?.key ?? item.subjectName ?? ""
    }

    public static func compare(_ old: Decision, _ new: Decision) -> DecisionDiff {
        var oldByKey: [String: DecisionItem] = [:]
        var order: [String] = []
        for item in old.items {
            let k = pairKey(item)
            if oldByKey[k] == nil { order.append(k) }
            oldByKey[k] = item
        }
        var newByKey: [String: DecisionItem] = [:]
        for item in new.items {
            let k = pairKey(item)
            if newByKey[k] == nil, oldByKey[k] == nil { order.append(k) }
            newByKey[k] = item
        }
        let entries = order.map { k -> Entry in
            let a = oldByKey[k], b = newByKey[k]
            let name = b?.subjectName ?? a?.subjectName ?? k
            let shown = (b ?? a).map(displayKey) ?? k
            switch (a, b) {
            case (let a?, let b?):
                var diff: ProcedureDiff?
                if let p = a.procedure, let q = b.procedure { diff = ProcedureDiff.compare(p, q) }
                return Entry(key: shown, name: name, status: .compared, oldAction: a.action, newAction: b.action, diff: diff)
            case (let a?, nil):
                return Entry(key: shown, name: name, status: .removed, oldAction: a.action, newAction: nil, diff: nil)
            case (nil, let b?):
                return Entry(key: shown, name: name, status: .added, oldAction: nil, newAction: b.action, diff: nil)
            case (nil, nil):
                return Entry(key: shown, name: name, status: .compared, oldAction: nil, newAction: nil, diff: nil)
            }
        }
        return DecisionDiff(entries: entries)
    }
}
