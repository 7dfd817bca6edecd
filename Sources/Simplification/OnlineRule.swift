import Catalogue

/// `online`: not fully online although no step needs the applicant in person (Decree 42/2022/NĐ-CP
/// and Decree 45/2020/NĐ-CP: a service is offered fully online where nothing requires presence).
/// Presence is read from the steps and requirements (`[presence]` in documents.ini) and from items
/// to be shown at the counter that no database can replace.
struct OnlineRule {
    let matcher: DocumentMatcher

    func check(_ s: ReviewSubject) -> [Finding] {
        let p = s.procedure
        guard p.type != .internal, (p.online?.level ?? .none) != .full else { return [] }
        let texts = s.stepWords.joined() + s.requirementWords
        if texts.contains(where: { matcher.mentions($0, any: matcher.vocabulary.presence) != nil }) { return [] }
        if s.items.contains(where: { $0.item.presentation == .show && $0.reading.concept?.database == nil }) { return [] }
        let level = (p.online?.level ?? .none).vietnamese
        return [s.finding(
            .online, at: "Dịch vụ công trực tuyến", subject: level,
            reason: "Không bước nào cần người dân có mặt, nhưng thủ tục chưa được cung cấp trực tuyến toàn trình.",
            legalGround: "Nghị định 42/2022/NĐ-CP, Điều 11; Nghị định 45/2020/NĐ-CP",
            proposal: "Cung cấp dịch vụ công trực tuyến toàn trình.", edits: [.fullyOnline])]
    }
}
