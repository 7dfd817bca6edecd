import Catalogue

/// A change to a decision's own header: number, dates, authority, signer, title, parent decision,
/// legal bases (DOMAIN.md §2). Shown before the procedures when both sides are decisions.
public struct HeaderChange: Hashable, Codable, Sendable {
    /// `number`, `signedOn`, `effectiveOn`, `place`, `authority`, `signer`, `title`, `parentDecision`, `legalBases`.
    public var field: String
    /// One Vietnamese sentence: "Ngày hiệu lực: 20/01/2026 → 01/03/2026".
    public var summary: String
    public var old: String?
    public var new: String?
    /// For the title: the word-level redline.
    public var words: [WordRun]?

    public init(field: String, summary: String, old: String?, new: String?, words: [WordRun]? = nil) {
        self.field = field
        self.summary = summary
        self.old = old
        self.new = new
        self.words = words
    }
}

enum DecisionHeaderDiff {
    static func compare(_ old: Decision, _ new: Decision) -> [HeaderChange] {
        var out: [HeaderChange] = []
        func value(_ field: String, _ label: String, _ a: String?, _ b: String?, prose: Bool = false) {
            guard !WordDiff.same(a ?? "", b ?? "") else { return }
            let shownA = a ?? "không ghi", shownB = b ?? "không ghi"
            out.append(HeaderChange(
                field: field, summary: prose ? "\(label): sửa" : "\(label): \(shownA) → \(shownB)", old: a, new: b,
                words: prose ? WordDiff.runs(a ?? "", b ?? "") : nil))
        }
        func date(_ d: LocalDate?) -> String? { d?.vietnamese }
        value("number", "Số quyết định", old.number, new.number)
        value("signedOn", "Ngày ký", date(old.signedOn), date(new.signedOn))
        value("effectiveOn", "Ngày có hiệu lực", date(old.effectiveDate), date(new.effectiveDate))
        value("place", "Địa danh", old.place, new.place)
        value("authority", "Cơ quan ban hành", old.authority, new.authority)
        func signer(_ s: Decision.Signer?) -> String? {
            s.map { [$0.onBehalfOf, $0.title, $0.name].compactMap { $0 }.joined(separator: " ") }
        }
        value("signer", "Người ký", signer(old.signer), signer(new.signer))
        value("title", "Trích yếu", old.title, new.title, prose: true)
        value("parentDecision", "Quyết định của bộ", old.parentDecision, new.parentDecision)
        let a = old.legalBases.map(\.number), b = new.legalBases.map(\.number)
        let removed = a.filter { x in !b.contains { VietnameseText.sameWords($0, x) } }
        let added = b.filter { x in !a.contains { VietnameseText.sameWords($0, x) } }
        for x in removed { out.append(HeaderChange(field: "legalBases", summary: "Bỏ căn cứ: \(x)", old: x, new: nil)) }
        for x in added { out.append(HeaderChange(field: "legalBases", summary: "Thêm căn cứ: \(x)", old: nil, new: x)) }
        return out
    }
}
