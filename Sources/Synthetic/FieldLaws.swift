import Catalogue

/// The legal texts one field's procedures rest on: its law, a few decrees and circulars, and the
/// Ministry of Finance circular on its fees. Drawn once per field and seed, so that many procedures
/// cite the same texts, as real ones do. Numbers have the real shape (`123/2015/NĐ-CP`) but are made up.
struct FieldLaws: Sendable {
    let law: LegalBasis
    let decrees: [LegalBasis]
    let circulars: [LegalBasis]
    let feeCircular: LegalBasis

    init(seed: UInt64, field index: Int) {
        var r = SeededRandom(seed: seed, .law, index)
        let spec = Vocabulary.fields[index]
        let ministry = Vocabulary.ministries[spec.ministry]
        let lawYear = r.int(in: 2012...2025)
        let session = lawYear <= 2016 ? 13 : lawYear <= 2021 ? 14 : 15
        law = LegalBasis(
            number: "\(r.int(in: 10...99))/\(lawYear)/QH\(session)", title: spec.law,
            issuedOn: LocalDate.known(lawYear, r.int(in: 1...12), r.int(in: 1...28)))
        decrees = (0..<3).map { i in
            let year = r.int(in: max(lawYear, 2015)...2025)
            let title = i == 0
                ? "Nghị định quy định chi tiết một số điều của \(spec.law)"
                : "Nghị định quy định về thủ tục hành chính trong lĩnh vực \(spec.name)"
            return LegalBasis(
                number: "\(r.int(in: 1...199))/\(year)/NĐ-CP", title: title,
                issuedOn: LocalDate.known(year, r.int(in: 1...12), r.int(in: 1...28)))
        }
        circulars = (0..<2).map { _ in
            let year = r.int(in: 2016...2025)
            return LegalBasis(
                number: "\(Vocabulary.twoDigits(r.int(in: 1...60)))/\(year)/TT-\(ministry.short)",
                title: "Thông tư hướng dẫn thi hành một số điều của \(spec.law)",
                issuedOn: LocalDate.known(year, r.int(in: 1...12), r.int(in: 1...28)))
        }
        let feeYear = r.int(in: 2016...2025)
        feeCircular = LegalBasis(
            number: "\(r.int(in: 10...120))/\(feeYear)/TT-BTC",
            title: "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực \(spec.name)",
            issuedOn: LocalDate.known(feeYear, r.int(in: 1...12), r.int(in: 1...28)))
    }
}
