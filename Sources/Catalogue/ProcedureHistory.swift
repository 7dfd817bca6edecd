/// Every version a procedure has had, oldest first.
public struct ProcedureHistory: Hashable, Sendable {
    /// The key the catalogue files the procedure under (`ProcedureCode.key`, or a provisional key for
    /// a new procedure announced without a code).
    public var key: String
    public var versions: [ProcedureVersion]
    /// Keys of the procedures this one replaced, when it was announced as a replacement.
    public var replaces: [String]

    public init(key: String, versions: [ProcedureVersion] = [], replaces: [String] = []) {
        self.key = key
        self.versions = versions
        self.replaces = replaces
    }

    /// The version in force on a date, if any.
    public func version(at date: LocalDate) -> ProcedureVersion? {
        versions.last { $0.isInForce(at: date) }
    }

    public var latest: ProcedureVersion? { versions.last }
}

/// One version of a procedure: its content, the decision that set it, and when it was in force.
public struct ProcedureVersion: Hashable, Sendable {
    public var procedure: Procedure
    /// The number of the decision that set this version.
    public var decision: String
    public var action: DecisionItem.Action
    /// The first day in force.
    public var from: LocalDate
    /// The first day no longer in force; nil while it still is (or will be).
    public var until: LocalDate?
    /// Why it stopped being in force.
    public var end: End?
    /// For each part, the number of the decision that last set it.
    public var partSources: [Part: String]

    public init(
        procedure: Procedure, decision: String, action: DecisionItem.Action, from: LocalDate,
        until: LocalDate? = nil, end: End? = nil, partSources: [Part: String] = [:]
    ) {
        self.procedure = procedure
        self.decision = decision
        self.action = action
        self.from = from
        self.until = until
        self.end = end
        self.partSources = partSources
    }

    public func isInForce(at date: LocalDate) -> Bool {
        from <= date && (until.map { date < $0 } ?? true)
    }

    /// What ended a version.
    public enum End: Hashable, Sendable {
        /// A later decision amended it; the next version follows.
        case amended(decision: String)
        /// Replaced by other procedures (their keys).
        case replaced(by: [String], decision: String)
        case abolished(decision: String)

        public var decision: String {
            switch self {
            case .amended(let d), .replaced(_, let d), .abolished(let d): d
            }
        }
    }
}
