import Catalogue

/// `household-book`: since 01/01/2023 nobody may be asked for the household book (sổ hộ khẩu) or
/// the temporary-residence book (sổ tạm trú); residence is looked up in the population database
/// (Decree 104/2022/NĐ-CP; Residence Law 68/2020/QH14, art. 38). Looks in the dossier, the
/// requirements and the steps.
struct HouseholdBookRule {
    let matcher: DocumentMatcher

    func check(_ s: ReviewSubject) -> [Finding] {
        guard let concept = matcher.vocabulary.concepts.first(where: { $0.rule == .householdBook }) else { return [] }
        let legal = concept.legal ?? "Nghị định 104/2022/NĐ-CP"
        let database = concept.database ?? "Cơ sở dữ liệu quốc gia về dân cư"
        var out: [Finding] = []
        for (c, i, item, reading) in s.items where reading.concept?.id == concept.id {
            out.append(s.finding(
                .householdBook, at: s.itemLocation(case: c, item: i), subject: item.name,
                reason: "Sổ hộ khẩu, sổ tạm trú không còn giá trị sử dụng từ ngày 01/01/2023; thông tin cư trú được khai thác từ \(database).",
                legalGround: legal,
                proposal: "Bỏ thành phần hồ sơ «\(item.name)»; cơ quan giải quyết tra cứu thông tin cư trú trong \(database).",
                edits: [.removeItem(case: c, item: i)],
                database: DatabaseReference(
                    document: item.name, database: database, ministry: concept.ministry ?? "Bộ Công an", legal: legal,
                    procedureBasis: s.procedure.legalBases.first?.number, article: item.form)))
        }
        for (r, requirement) in s.procedure.requirements.enumerated() where mentions(s.requirementWords[r], concept) {
            out.append(s.finding(
                .householdBook, at: "Yêu cầu, điều kiện \(r + 1)", subject: requirement.text,
                reason: "Điều kiện dựa vào sổ hộ khẩu, sổ tạm trú, là giấy tờ không còn giá trị sử dụng từ ngày 01/01/2023.",
                legalGround: legal,
                proposal: "Sửa điều kiện để căn cứ vào thông tin cư trú trong \(database)."))
        }
        for (g, group) in s.procedure.steps.enumerated() {
            for (n, step) in group.steps.enumerated() where mentions(s.stepWords[g][n], concept) {
                let place = group.caseName.map { "trường hợp «\($0)», " } ?? ""
                out.append(s.finding(
                    .householdBook, at: "Trình tự thực hiện, \(place)bước \(n + 1)", subject: step.text,
                    reason: "Bước thực hiện yêu cầu sổ hộ khẩu, sổ tạm trú, là giấy tờ không còn giá trị sử dụng từ ngày 01/01/2023.",
                    legalGround: legal,
                    proposal: "Bỏ yêu cầu xuất trình sổ hộ khẩu, sổ tạm trú ở bước này; tra cứu \(database)."))
            }
        }
        return out
    }

    private func mentions(_ words: [String], _ concept: DocumentConcept) -> Bool {
        matcher.mentions(words, any: concept.phrases) != nil
    }
}
