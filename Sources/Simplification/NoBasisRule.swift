import Catalogue

/// `no-basis`: a requirement or condition that names no legal text. Decree 63/2010/NĐ-CP, art. 8.2
/// (as amended by Decree 92/2017) allows requirements only where a law, ordinance or decree sets them.
struct NoBasisRule {
    func check(_ s: ReviewSubject) -> [Finding] {
        s.procedure.requirements.enumerated().compactMap { r, requirement in
            guard (requirement.basis ?? "").trimmingCharacters(in: " \t").isEmpty else { return nil }
            return s.finding(
                .noBasis, at: "Yêu cầu, điều kiện \(r + 1)", subject: requirement.text,
                reason: "Yêu cầu, điều kiện không dẫn căn cứ pháp lý nào.",
                legalGround: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 (sửa đổi bởi Nghị định 92/2017/NĐ-CP)",
                proposal: "Bãi bỏ yêu cầu, điều kiện này, hoặc bổ sung căn cứ pháp lý nếu có.",
                edits: [.removeRequirement(r)])
        }
    }
}
