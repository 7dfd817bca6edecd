import Catalogue

/// What a new draft of a decision changes against an old one, procedure by procedure.
///
/// Rows pair by the procedure's code key (`ProcedureCode.key`, so a local copy and the national code
/// pair); a row with no code pairs with a row of the same name. Rows with content on both sides are
/// compared with `ProcedureDiff`; the rest are procedures added to or removed from the decision.
public struct DecisionDiff: Hashable, Codable, Sendable {
    public var entries: [Entry]
    /// Procedures compared and found unchanged that `entries` leaves out (whole-catalogue diffs list
    /// only what changed).
    public var unchanged: Int
    /// What changed in the decisions' own headers (number, dates, signer, title), when both sides are decisions.
    public var header: [HeaderChange]

    public init(entries: [Entry], unchanged: Int = 0, header: [HeaderChange] = []) {
        self.entries = entries
        self.unchanged = unchanged
        self.header = header
    }

    /// Every procedure compared, listed or not.
    public var procedureCount: Int { entries.count + unchanged }

    /// The entries with something to say.
    public var changed: [Entry] { entries.filter { !$0.isUnchanged } }

    public var isEmpty: Bool { changed.isEmpty && header.isEmpty }

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
        /// When the two sides do not share a code: the replacement or likeness that paired them.
        public var match: Match?
        /// For an amended draft row against the version in force: the parts it declares and the
        /// parts that really change (`tthc validate` warns about the same mismatch).
        public var parts: PartsCheck?

        public init(
            key: String, name: String, status: Status, oldAction: DecisionItem.Action?,
            newAction: DecisionItem.Action?, diff: ProcedureDiff?, match: Match? = nil
        ) {
            self.key = key
            self.name = name
            self.status = status
            self.oldAction = oldAction
            self.newAction = newAction
            self.diff = diff
            self.match = match
        }

        /// Nothing to report: compared under one code, the same action where both sides are rows, no
        /// change of content.
        public var isUnchanged: Bool {
            status == .compared && match == nil && (parts?.agrees ?? true) && (oldAction == nil || newAction == nil || oldAction == newAction)
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
        let pairs = order.map { k in Pair(old: oldByKey[k].map(Row.init), new: newByKey[k].map(Row.init)) }
        return DecisionDiff(entries: Pair.joinSimilar(pairs).map { $0.entry() }, header: DecisionHeaderDiff.compare(old, new))
    }
}
