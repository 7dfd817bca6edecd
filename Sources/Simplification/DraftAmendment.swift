import Catalogue

/// The draft decision that carries out the accepted proposals: one `amended` row per procedure whose
/// content the proposals change, with the changed parts declared (`Part.changed`), so that `tthc
/// validate` accepts it on top of the catalogue and a diff of catalogue and draft shows exactly the
/// simplification. Proposals that need a person (merging overlapping procedures, rewording a step)
/// are left out and listed.
public struct DraftAmendment: Sendable {
    public var decision: Decision
    /// Accepted findings the draft could not apply by itself.
    public var manual: [Finding]
    /// Procedures with accepted edits but no code to amend (new procedures announced without one).
    public var uncoded: [String]
    /// Procedures left out because a later decision already changes them (key → that decision).
    public var superseded: [(key: String, decision: String, from: LocalDate)]

    public struct Header: Sendable {
        public var number: String
        public var signedOn: LocalDate
        public var authority: String
        public var place: String?

        public init(number: String, signedOn: LocalDate, authority: String, place: String? = nil) {
            self.number = number
            self.signedOn = signedOn
            self.authority = authority
            self.place = place
        }
    }

    /// `later` gives, for a procedure key, the next version after the review date, if a decision
    /// already announced changes it again: amending from the reviewed version would undo that
    /// decision, so such procedures are left out (review again on that date).
    public static func plan(
        _ report: ReviewReport, header: Header, later: (String) -> (decision: String, from: LocalDate)? = { _ in nil }
    ) -> DraftAmendment {
        var items: [DecisionItem] = []
        var manual: [Finding] = []
        var uncoded: [String] = []
        var superseded: [(key: String, decision: String, from: LocalDate)] = []
        for p in report.procedures {
            let accepted = p.findings.filter { report.selection.accepts($0) }
            manual += accepted.filter(\.edits.isEmpty)
            let changed = Part.changed(from: p.procedure, to: p.simplified)
            guard !changed.isEmpty else { continue }
            guard let code = p.procedure.code else {
                uncoded.append(p.key)
                continue
            }
            if let next = later(p.key) {
                superseded.append((p.key, next.decision, next.from))
                continue
            }
            var grounds: [String] = []
            for f in accepted where !f.edits.isEmpty && !grounds.contains(f.legalGround) { grounds.append(f.legalGround) }
            items.append(DecisionItem(
                action: .amended, code: code, name: p.name, level: p.procedure.levels.first, field: p.procedure.fields.first,
                changedParts: changed.sorted(), basis: grounds.joined(separator: "; "), procedure: p.simplified))
        }
        let decision = Decision(
            number: header.number, signedOn: header.signedOn, place: header.place, authority: header.authority,
            title: "Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung theo phương án đơn giản hóa (dự thảo)",
            legalBases: [
                LegalBasis(number: "63/2010/NĐ-CP", title: "Nghị định về kiểm soát thủ tục hành chính"),
                LegalBasis(number: "118/2025/NĐ-CP", title: "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"),
                LegalBasis(number: "66.7/2025/NQ-CP", title: "Nghị quyết về cắt giảm, đơn giản hóa thủ tục hành chính và giấy tờ công dân dựa trên dữ liệu"),
            ],
            items: items)
        return DraftAmendment(decision: decision, manual: manual, uncoded: uncoded, superseded: superseded)
    }
}
