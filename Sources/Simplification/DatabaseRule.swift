import Catalogue

/// `database`: a dossier item a national database already holds. Resolution 66.7/2025/NQ-CP, art. 4
/// has such papers cut and the data looked up instead; the finding names the database and its
/// owning ministry, which is what the resolution's appendix register lists.
struct DatabaseRule {
    func check(_ s: ReviewSubject) -> [Finding] {
        s.items.compactMap { c, i, item, reading in
            guard let concept = reading.concept, concept.rule == nil, let database = concept.database else { return nil }
            let ministry = concept.ministry ?? ""
            let basis = s.procedure.legalBases.first
            return s.finding(
                .database, at: s.itemLocation(case: c, item: i), subject: item.name,
                reason: "Giấy tờ (\(concept.name)) đã có trong \(database) do \(ministry) quản lý; cơ quan giải quyết khai thác dữ liệu thay cho việc yêu cầu người dân nộp hoặc xuất trình.",
                legalGround: concept.legal ?? "Nghị quyết 66.7/2025/NQ-CP, Điều 4",
                proposal: "Bỏ thành phần hồ sơ «\(item.name)»; cơ quan giải quyết khai thác thông tin từ \(database).",
                edits: [.removeItem(case: c, item: i)],
                database: DatabaseReference(
                    document: item.name, database: database, ministry: ministry,
                    legal: concept.legal ?? "Nghị quyết 66.7/2025/NQ-CP, Điều 4",
                    procedureBasis: basis.map { [$0.number, $0.title].compactMap { $0 }.joined(separator: " ") },
                    article: item.form ?? basis?.article))
        }
    }
}
