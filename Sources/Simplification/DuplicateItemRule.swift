import Catalogue

/// `duplicate-item`: the same document asked twice in one case of the dossier, however it is worded
/// (same recognised document, or the same words once qualifiers are set aside) and for the same
/// person. An item that names no owner belongs to the dossier's main applicant, the owner named most
/// often. The same paper in two alternative cases is not a duplicate: an applicant prepares one case.
struct DuplicateItemRule {
    func check(_ s: ReviewSubject) -> [Finding] {
        var owners: [String: Int] = [:]
        for reading in s.readings.joined() { if let o = reading.owner { owners[o, default: 0] += 1 } }
        let main = owners.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        var out: [Finding] = []
        for (c, dossierCase) in s.procedure.dossier.cases.enumerated() {
            var seen: [String: Int] = [:]
            for (i, item) in dossierCase.items.enumerated() {
                let reading = s.readings[c][i]
                guard !reading.core.isEmpty, !reading.isApplication else { continue }
                let key = reading.identity + "|" + (reading.owner ?? main ?? "")
                guard let first = seen[key] else {
                    seen[key] = i
                    continue
                }
                let earlier = dossierCase.items[first]
                out.append(s.finding(
                    .duplicateItem, at: s.itemLocation(case: c, item: i), subject: item.name,
                    reason: "Cùng một giấy tờ đã được yêu cầu ở mục \(first + 1) («\(earlier.name)»).",
                    legalGround: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 (thành phần hồ sơ cần thiết, hợp lý)",
                    proposal: "Bỏ mục \(i + 1), giữ mục \(first + 1).", edits: [.removeItem(case: c, item: i)]))
            }
        }
        return out
    }
}
