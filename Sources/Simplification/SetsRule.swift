import Catalogue

/// `sets`: a dossier asked in more than one set (số lượng hồ sơ). One set is enough: copies
/// for coordinating bodies are the receiving body's job, and since Decree 45/2020/NĐ-CP and Decree
/// 118/2025/NĐ-CP dossiers are digitised on receipt.
struct SetsRule {
    func check(_ s: ReviewSubject) -> [Finding] {
        guard let sets = s.procedure.dossier.sets, sets > 1 else { return [] }
        return [s.finding(
            .sets, at: "Số lượng hồ sơ", subject: "\(sets) bộ",
            reason: "Yêu cầu \(sets) bộ hồ sơ; người dân phải sao chụp thêm \(sets - 1) bộ trong khi hồ sơ được số hóa khi tiếp nhận và cơ quan giải quyết tự chuyển cho cơ quan phối hợp.",
            legalGround: "Nghị định 118/2025/NĐ-CP (số hóa hồ sơ khi tiếp nhận); Nghị định 63/2010/NĐ-CP, Điều 8 (hồ sơ hợp lý)",
            proposal: "Giảm số lượng hồ sơ xuống 01 bộ.", edits: [.singleSet])]
    }
}
