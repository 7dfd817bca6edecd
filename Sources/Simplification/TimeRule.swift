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

/// `time`: a processing time longer than the same national code's elsewhere or than the national
/// record. Decree 63/2010/NĐ-CP, art. 8 asks that times be as short as the work allows, and
/// provinces cut times where others do the same work faster (DOMAIN.md §5, "shorter processing times").
struct TimeRule {
    /// References by national code key.
    let references: [String: TimeReference]
    /// National-portal records by national code key.
    var national: [String: NationalTime] = [:]

    static let legalGround = "Nghị định 63/2010/NĐ-CP, Điều 8 (thời hạn giải quyết hợp lý); Nghị quyết 66.7/2025/NQ-CP (cắt giảm thời gian giải quyết)"

    func check(_ s: ReviewSubject) -> [Finding] {
        elsewhere(s) + nationalRecord(s)
    }

    /// Each channel against the national record's time for the same channel, with the comparison
    /// `--compare` uses; a channel the record does not list, or a unit that does not compare, is left alone.
    func nationalRecord(_ s: ReviewSubject) -> [Finding] {
        guard let code = s.procedure.code, let record = national[code.key] else { return [] }
        let longer = s.procedure.channels.compactMap { c -> (Channel, ProcessingTime)? in
            guard let theirs = record.times[c.method], TimeOrder.isLonger(c.time, than: theirs) else { return nil }
            return (c, theirs)
        }
        guard !longer.isEmpty else { return [] }
        let ours = longer.map { "\($0.0.method.vietnamese): \($0.0.time.vietnamese)" }.joined(separator: "; ")
        let both = longer.map { c, theirs in
            "\(c.method.vietnamese.lowercased()) \(c.time.vietnamese) tại đây, \(theirs.vietnamese) trong hồ sơ quốc gia"
        }.joined(separator: "; ")
        let target = longer.map { "\($0.0.method.vietnamese.lowercased()) \($0.1.vietnamese)" }.joined(separator: "; ")
        return [s.finding(
            .time, at: "Thời hạn giải quyết", subject: ours,
            reason: "Thời hạn dài hơn \(record.source) (thủ tục \(code.key)): \(both).",
            legalGround: Self.legalGround,
            proposal: "Rút ngắn thời hạn giải quyết về mức của hồ sơ quốc gia: \(target).",
            edits: longer.map { .shortenChannelTime($0.0.method, $0.1) })]
    }

    /// Every channel against the shortest time of the same code in another catalogue.
    func elsewhere(_ s: ReviewSubject) -> [Finding] {
        guard let national = s.procedure.code?.national, let reference = references[national] else { return [] }
        let longer = s.procedure.channels.filter { TimeOrder.isLonger($0.time, than: reference.time) }
        guard !longer.isEmpty else { return [] }
        let ours = longer.map { "\($0.method.vietnamese): \($0.time.vietnamese)" }.joined(separator: "; ")
        return [s.finding(
            .time, at: "Thời hạn giải quyết", subject: ours,
            reason: "Cùng thủ tục \(national) tại \(reference.source) chỉ mất \(reference.time.vietnamese).",
            legalGround: Self.legalGround,
            proposal: "Rút ngắn thời hạn giải quyết xuống \(reference.time.vietnamese).",
            edits: [.shortenTime(reference.time)])]
    }
}
