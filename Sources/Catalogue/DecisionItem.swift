/// One row of a decision's list: a procedure announced as new, amended, replacing others, or abolished.
public struct DecisionItem: Hashable, Codable, Sendable {
    public var action: Action
    /// The procedure the row is about: for `new`, `amended` and `replaced` rows its code is the
    /// procedure's own (`procedure.code`); for `abolished` rows, which carry no content, it is here.
    public var code: ProcedureCode?
    /// The name as listed; for `abolished` rows the only name there is.
    public var name: String?
    /// The level and field under which Phần I lists the row.
    public var level: Level?
    public var field: Field?
    /// Overrides the decision's effective date for this row ("bãi bỏ từ ngày 01/01/2027").
    public var effectiveOn: LocalDate?
    /// For `replaced` rows: the codes this procedure replaces (one, or a whole group of linked ones).
    @Many public var replaces: [ProcedureCode]
    /// For `amended` rows: the parts the decision says it changes.
    @Many public var changedParts: [Part]
    /// The legal text that amends, replaces or abolishes ("Thông tư 15/2025/TT-BTP").
    public var basis: String?
    /// Full content, for `new`, `amended` and `replaced` rows.
    public var procedure: Procedure?

    public init(
        action: Action, code: ProcedureCode? = nil, name: String? = nil, level: Level? = nil, field: Field? = nil,
        effectiveOn: LocalDate? = nil, replaces: [ProcedureCode] = [], changedParts: [Part] = [],
        basis: String? = nil, procedure: Procedure? = nil
    ) {
        self.action = action
        self.code = code
        self.name = name
        self.level = level
        self.field = field
        self.effectiveOn = effectiveOn
        self.replaces = replaces
        self.changedParts = changedParts
        self.basis = basis
        self.procedure = procedure
    }

    /// The code the row concerns, from its content or, for abolitions, from the row.
    public var subjectCode: ProcedureCode? { procedure?.code ?? code }

    /// The name the row concerns.
    public var subjectName: String? { procedure?.name ?? name }

    public enum Action: String, Codable, CaseIterable, Sendable {
        case new
        case amended
        case replaced
        case abolished

        /// As appendix headings print it.
        public var vietnamese: String {
            switch self {
            case .new: "Thủ tục hành chính mới ban hành"
            case .amended: "Thủ tục hành chính được sửa đổi, bổ sung"
            case .replaced: "Thủ tục hành chính được thay thế"
            case .abolished: "Thủ tục hành chính bị bãi bỏ"
            }
        }
    }
}
