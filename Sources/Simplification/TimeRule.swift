import Catalogue

/// The processing time the same national code takes elsewhere: another province's catalogue
/// (`--compare DIR`) or the national record.
public struct TimeReference: Sendable, Hashable {
    public var time: ProcessingTime
    /// Where it comes from, as the report says it: "Tỉnh Mẫu Hai (../tinh-khac)".
    public var source: String

    public init(time: ProcessingTime, source: String) {
        self.time = time
        self.source = source
    }

    /// The shortest time a procedure offers on any channel, the one to compare against.
    public static func shortest(of procedure: Procedure) -> ProcessingTime? {
        let times = procedure.channels.map(\.time).filter { $0.unit != nil }
        return times.first { t in !times.contains { TimeOrder.isLonger(t, than: $0) } }
    }
}

/// `time`: a processing time longer than the same national code's elsewhere. Decree 63/2010/NĐ-CP,
/// art. 8 asks that times be as short as the work allows, and provinces cut times where others do
/// the same work faster (DOMAIN.md §5, "shorter processing times").
struct TimeRule {
    /// References by national code key.
    let references: [String: TimeReference]

    func check(_ s: ReviewSubject) -> [Finding] {
        guard let national = s.procedure.code?.national, let reference = references[national] else { return [] }
        let longer = s.procedure.channels.filter { TimeOrder.isLonger($0.time, than: reference.time) }
        guard !longer.isEmpty else { return [] }
        let ours = longer.map { "\($0.method.vietnamese): \($0.time.vietnamese)" }.joined(separator: "; ")
        return [s.finding(
            .time, at: "Thời hạn giải quyết", subject: ours,
            reason: "Cùng thủ tục \(national) tại \(reference.source) chỉ mất \(reference.time.vietnamese).",
            legalGround: "Nghị định 63/2010/NĐ-CP, Điều 8 (thời hạn giải quyết hợp lý); Nghị quyết 66.7/2025/NQ-CP (cắt giảm thời gian giải quyết)",
            proposal: "Rút ngắn thời hạn giải quyết xuống \(reference.time.vietnamese).",
            edits: [.shortenTime(reference.time)])]
    }
}
