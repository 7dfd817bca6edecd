import Catalogue

/// `certified-copy`: where the law asks for a copy, the receiving body may not demand a certified
/// one; a plain copy shown with its original is enough (Decree 23/2015/NĐ-CP, art. 6.2).
struct CertifiedCopyRule {
    static let legalGround = "Nghị định 23/2015/NĐ-CP, Điều 6 khoản 2"

    func check(_ s: ReviewSubject) -> [Finding] {
        s.items.compactMap { c, i, item, reading in
            guard reading.isCertifiedCopy else { return nil }
            return s.finding(
                .certifiedCopy, at: s.itemLocation(case: c, item: i), subject: item.name,
                reason: "Yêu cầu bản sao có chứng thực trong khi bản sao kèm bản chính để đối chiếu là đủ; người dân phải đi chứng thực và nộp phí chứng thực.",
                legalGround: Self.legalGround,
                proposal: "Thay bằng bản sao (hoặc bản chụp) kèm xuất trình bản chính để đối chiếu.",
                edits: [.plainCopy(case: c, item: i)])
        }
    }
}
