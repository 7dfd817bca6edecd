import Catalogue

/// One synthetic province: its `Province` record, and what it does differently from the others with
/// the same national procedures (shorter times, waived online fees, local codes, its own numbering).
struct ProvinceContext {
    let index: Int
    /// "Tổng hợp 01", as the place of signing and after "tỉnh".
    let shortName: String
    let province: Province
    private let seed: UInt64
    /// Days every date of this province is shifted by, so provinces do not sign on the same days.
    let shiftDays: Int
    private let signers: [String]
    private let chairman: String
    private var nextNumber: Int
    private var numberRandom: SeededRandom
    /// Percent by which dossier volumes differ from the national figure.
    private let volumePercent: Int
    /// The provincial council resolution that waives or sets local fees.
    private let feeResolution: LegalBasis

    init(seed: UInt64, index: Int) {
        self.seed = seed
        self.index = index
        var r = SeededRandom(seed: seed, .province, index)
        let two = Vocabulary.twoDigits(index)
        shortName = "Tổng hợp \(two)"
        let agencyCode = "H\(two)"
        shiftDays = r.int(in: 0...6)

        func person() -> String {
            "\(r.pick(Vocabulary.familyNames)) \(r.pick(Vocabulary.middleNames)) \(r.pick(Vocabulary.givenNames))"
        }
        chairman = person()
        signers = (0..<r.int(in: 2...3)).map { _ in person() }
        nextNumber = r.int(in: 100...999)
        numberRandom = SeededRandom(seed: seed, .decision, index)
        volumePercent = r.int(in: 50...200)
        let resolutionYear = r.int(in: 2020...2025)
        feeResolution = LegalBasis(
            number: "\(Vocabulary.twoDigits(r.int(in: 1...40)))/\(resolutionYear)/NQ-HĐND",
            title: "Nghị quyết quy định mức thu, miễn, giảm phí, lệ phí trên địa bàn tỉnh \(shortName)",
            issuedOn: LocalDate.known(resolutionYear, r.int(in: 1...12), r.int(in: 1...28)))

        // Communes: distinct two-syllable names, mostly xã, some phường, sometimes one đặc khu.
        let syllables = Vocabulary.placeSyllables
        let count = r.int(in: 20...100)
        var used: Set<Int> = []
        var communes: [Province.Commune] = []
        let host = agencyCode.lowercased()
        while communes.count < count {
            let a = r.below(syllables.count), b = r.below(syllables.count)
            guard a != b, used.insert(a * syllables.count + b).inserted else { continue }
            let i = communes.count
            let kind =
                i == count - 1 && r.percent(30) ? "Đặc khu" : r.percent(28) ? "Phường" : "Xã"
            let name = "\(kind) \(syllables[a]) \(syllables[b])"
            let code = "\(index * 1000 + i + 1)"
            let slug = VietnameseText.searchKey("\(syllables[a])\(syllables[b])")
            communes.append(Province.Commune(
                code: String(repeating: "0", count: max(0, 5 - code.count)) + code, name: name,
                address: "\(name), tỉnh \(shortName)",
                phone: "0\(200 + index) \(r.int(in: 3_000_000...3_999_999))",
                email: "motcua.\(slug)@\(host).example"))
        }

        province = Province(
            name: "Tỉnh \(shortName)", agencyCode: agencyCode, baseURL: "https://thutuc.\(host).example/",
            authority: "Ủy ban nhân dân tỉnh \(shortName)",
            feedback: Province.Contact(
                agency: "Văn phòng Ủy ban nhân dân tỉnh \(shortName)",
                address: "Số \(r.int(in: 1...199)) đường \(r.pick(Vocabulary.streets)), \(communes[0].name), tỉnh \(shortName)",
                phone: "0\(200 + index) \(r.int(in: 3_000_000...3_999_999))", email: "kiemsoattthc@\(host).example"),
            sample: true, communes: communes)
    }

    /// Whether a decision writes the province's local copy of codes (`1.000494.000.00.00.H29`).
    func usesLocalCodes(_ ordinal: Int) -> Bool {
        (ordinal + index) % 5 == 2
    }

    func code(_ national: String, local: Bool) -> ProcedureCode {
        ProcedureCode(local ? "\(national).000.00.00.\(province.agencyCode)" : national)
    }

    /// The next decision number: numbers only grow, so they never repeat across years.
    mutating func nextDecisionNumber() -> String {
        nextNumber += numberRandom.int(in: 1...40)
        return "\(nextNumber)/QĐ-UBND"
    }

    func signer(_ ordinal: Int) -> Decision.Signer {
        var r = SeededRandom(seed: seed, .decision, index, ordinal, 1)
        return r.percent(10)
            ? Decision.Signer(name: chairman, title: "CHỦ TỊCH")
            : Decision.Signer(name: r.pick(signers), onBehalfOf: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH")
    }

    var authority: String { "ỦY BAN NHÂN DÂN TỈNH \(shortName.uppercased())" }

    /// The department with the province's name, as decision titles print it.
    func department(_ name: String) -> String {
        name.hasSuffix(" tỉnh") ? "\(name) \(shortName)" : "\(name) tỉnh \(shortName)"
    }

    /// The province's version of a national procedure.
    func localise(_ national: Procedure, slot: Int) -> Procedure {
        var r = SeededRandom(seed: seed, .local, index, slot)
        var p = national

        // A quarter of procedures have their time cut locally ("giảm 02 ngày so với quy định").
        if r.percent(25) {
            let cutPercent = r.int(in: 10...50)
            for i in p.channels.indices {
                let t = p.channels[i].time
                guard t.stages.isEmpty, let unit = t.unit, unit == .workingDays || unit == .days, let v = t.value
                else { continue }
                let tenths = ProcedureFactory.tenths(v)
                guard tenths >= 20 else { continue }
                let cut = max(5, tenths * cutPercent / 100 / 5 * 5)
                let kept = tenths - cut
                let unitText = unit == .workingDays ? "ngày làm việc" : "ngày"
                p.channels[i].time = ProcessingTime(
                    value: ProcedureFactory.decimal(tenths: kept), unit: unit,
                    text: "\(Self.count(tenths: kept)) \(unitText) (giảm \(Self.count(tenths: cut)) \(unitText) so với quy định)")
            }
        }

        // A fifth waive the fee online, by resolution of the provincial council.
        if r.percent(20), let i = p.channels.firstIndex(where: { $0.method == .online }),
            p.channels[i].fees.contains(where: { ($0.amount ?? 0) > 0 })
        {
            p.channels[i].fees = p.channels[i].fees.map { fee in
                var f = fee
                if fee.amount != nil { f.amount = 0 }
                f.description = "Miễn khi nộp hồ sơ trực tuyến theo Nghị quyết số \(feeResolution.number)"
                return f
            }
            p.legalBases.append(feeResolution)
        }

        // Where the law leaves the amount to the province, the province sets it.
        if r.percent(50) {
            for i in p.channels.indices {
                for j in p.channels[i].fees.indices where p.channels[i].fees[j].text == Vocabulary.feeTexts[2] {
                    p.channels[i].fees[j].amount = DecimalNumber(integerLiteral: r.pick(Vocabulary.amounts))
                    p.channels[i].fees[j].text = nil
                    p.channels[i].fees[j].description = "Theo Nghị quyết số \(feeResolution.number)"
                }
            }
        }

        if r.percent(12), p.type != .internal {
            p.agencies.append(Agency(role: .authorised, name: "\(Vocabulary.provinceCentre) \(shortName)"))
        }

        // Some provincial procedures are also received at chosen communes' counters.
        if r.percent(10), p.levels == [.province], p.type != .internal, !province.communes.isEmpty {
            let codes = r.distinct(r.int(in: 2...6), of: province.communes.count).sorted().map { province.communes[$0].code }
            p.reception.append(Reception(place: .communeCounter, communes: codes))
        }

        if let volume = p.annualVolume {
            p.annualVolume = max(1, volume * volumePercent / 100 * r.int(in: 80...120) / 100)
        }
        if var online = p.online, online.level == .full || online.level == .partial, let code = p.code?.national {
            online.url = "https://dichvucong.\(province.agencyCode.lowercased()).example/thu-tuc/\(code)"
            p.online = online
        }
        return p
    }

    /// "05", "2,5": how decisions write a count of days.
    static func count(tenths: Int) -> String {
        tenths % 10 == 0 ? Vocabulary.twoDigits(tenths / 10) : "\(tenths / 10),\(tenths % 10)"
    }
}
