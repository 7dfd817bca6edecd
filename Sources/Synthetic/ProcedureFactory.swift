import Catalogue
import Foundation

/// Invents the national content of one procedure: the same for every province, since provinces
/// publish the ministry's procedure and change only local details (see `ProvinceContext.localise`).
///
/// Each procedure draws from its own stream, keyed by its slot in the plan, so its content does not
/// depend on what was generated before it.
struct ProcedureFactory: Sendable {
    let seed: UInt64
    let laws: [FieldLaws]

    init(seed: UInt64) {
        self.seed = seed
        laws = Vocabulary.fields.indices.map { FieldLaws(seed: seed, field: $0) }
    }

    func make(slot: Int, code: String, field: Int, level: Level, linked: Bool) -> Procedure {
        var r = SeededRandom(seed: seed, .content, slot)
        let spec = Vocabulary.fields[field]
        let ministry = Vocabulary.ministries[spec.ministry]
        let law = laws[field]
        let stem = r.pick(spec.stems)

        var name = stem.name
        if r.percent(40) { name += " " + r.pick(Vocabulary.qualifiers(spec.audience)) }
        let type: ProcedureType =
            linked ? .linked
            : r.percent(spec.internalPercent) ? .internal
            : r.percent(5) ? .linked
            : r.percent(2) ? .special
            : .ordinary

        let agencies = self.agencies(&r, level: level, ministry: ministry)
        let performing = agencies.first { $0.role == .performing }!.name
        let competent = agencies.first { $0.role == .competent }?.name
        let coordinating = agencies.first { $0.role == .coordinating }?.name

        let time = processingTime(&r, performing: performing, other: competent ?? coordinating)
        let baseFees = fees(&r, law: law)
        let online = type != .internal && r.percent(70)
        let postal = type != .internal && r.percent(40)
        var channels = [
            Channel(
                method: .inPerson, time: time, fees: baseFees,
                description: r.percent(30) ? "Nộp hồ sơ trực tiếp tại \(receptionPhrase(level))" : nil),
        ]
        if online {
            channels.append(Channel(
                method: .online, time: onlineTime(&r, time), fees: onlineFees(&r, baseFees),
                description: r.percent(50) ? "Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia" : nil))
        }
        if postal {
            channels.append(Channel(
                method: .postal, time: time, fees: baseFees,
                description: r.percent(40) ? "Qua dịch vụ bưu chính công ích" : nil))
        }

        let (dossier, forms) = self.dossier(&r, stem: stem, spec: spec, law: law)
        let steps = self.steps(
            &r, stem: stem, spec: spec, level: level, time: time, dossier: dossier, online: online, postal: postal,
            performing: performing, competent: competent, coordinating: coordinating)

        var results = [Outcome(name: stem.result)]
        if r.percent(15) { results.append(Outcome(name: "Văn bản trả lời nêu rõ lý do (trường hợp không giải quyết)")) }

        var requirements: [Requirement] = []
        if r.percent(40) {
            for i in r.distinct(r.int(in: 1...3), of: Vocabulary.requirements.count) {
                let basis = r.percent(85) ? "Khoản \(r.int(in: 1...5)) Điều \(r.int(in: 5...60)) \(spec.law)" : nil
                requirements.append(Requirement(text: Vocabulary.requirements[i], basis: basis))
            }
        }

        var legalBases = [LegalBasis(
            number: law.law.number, title: law.law.title, article: "Điều \(r.int(in: 5...80))",
            issuedOn: law.law.issuedOn)]
        for i in r.distinct(r.int(in: 1...2), of: law.decrees.count).sorted() { legalBases.append(law.decrees[i]) }
        for i in r.distinct(r.int(in: 0...2), of: law.circulars.count).sorted() { legalBases.append(law.circulars[i]) }
        if baseFees.contains(where: { ($0.amount ?? 0) > 0 }) { legalBases.append(law.feeCircular) }

        let onlineService: OnlineService? =
            online
            ? OnlineService(
                level: r.percent(55) ? .full : .partial,
                codes: r.percent(12) ? ["\(code).01", "\(code).02"] : ["\(code).01"])
            : r.percent(35) ? OnlineService(level: .informationOnly) : nil

        var annualVolume: Int?
        if r.percent(60) {
            annualVolume =
                switch level {
                case .commune: r.int(in: 20...4000)
                case .shared: r.int(in: 10...2500)
                case .nonTerritorial: r.int(in: 50...5000)
                default: r.int(in: 1...600)
                }
        }

        let subjectPool = Vocabulary.subjects(spec.audience)
        let subjectCount = r.int(in: 1...3)
        let subjects = r.distinct(subjectCount, of: subjectPool.count).map { subjectPool[$0] }
        let keywords = keywords(&r, stem: stem, spec: spec, fullyOnline: onlineService?.level == .full)
        let notes = r.percent(6) ? r.pick(Vocabulary.notes) : nil

        return Procedure(
            code: ProcedureCode(code), name: name, levels: [level], fields: [spec.field],
            reception: reception(level: level, type: type, ministry: ministry), steps: steps, channels: channels,
            dossier: dossier, subjects: subjects, agencies: agencies, results: results, forms: forms,
            requirements: requirements, legalBases: legalBases, online: onlineService, type: type,
            annualVolume: annualVolume, keywords: keywords, notes: notes)
    }

    // MARK: - Agencies and reception

    private func agencies(_ r: inout SeededRandom, level: Level, ministry: Ministry) -> [Agency] {
        let department = ministry.department
        var out: [Agency] = []
        switch level {
        case .commune: out.append(Agency(role: .performing, name: Vocabulary.communeCommittee))
        case .shared:
            out.append(Agency(role: .performing, name: department))
            out.append(Agency(role: .performing, name: Vocabulary.communeCommittee))
        default: out.append(Agency(role: .performing, name: department))
        }
        if r.percent(60) {
            let competent =
                level == .commune
                ? "Chủ tịch Ủy ban nhân dân cấp xã"
                : r.pick(["Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc \(department)", "Ủy ban nhân dân tỉnh"])
            out.append(Agency(role: .competent, name: competent))
        }
        if r.percent(25) {
            let other = r.pick(Vocabulary.coordinating)
            if !out.contains(where: { $0.name == other }) { out.append(Agency(role: .coordinating, name: other)) }
        }
        return out
    }

    private func reception(level: Level, type: ProcedureType, ministry: Ministry) -> [Reception] {
        if type == .internal { return [Reception(place: .agency, name: ministry.department)] }
        switch level {
        case .commune: return [Reception(place: .communeCounter)]
        case .shared, .nonTerritorial:
            return [Reception(place: .provinceCentre, name: Vocabulary.provinceCentre), Reception(place: .communeCounter)]
        default: return [Reception(place: .provinceCentre, name: Vocabulary.provinceCentre)]
        }
    }

    private func receptionPhrase(_ level: Level) -> String {
        level == .commune ? Vocabulary.communeCounter : Vocabulary.provinceCentre
    }

    // MARK: - Time and fees

    private func processingTime(_ r: inout SeededRandom, performing: String, other: String?) -> ProcessingTime {
        switch r.weighted([72, 8, 8, 6, 6]) {
        case 0:
            let tenths =
                r.percent(15)
                ? r.pick([5, 15, 25, 35, 45, 75, 105, 165])
                : 10 * r.pick([1, 2, 3, 3, 5, 5, 5, 7, 7, 10, 10, 12, 15, 15, 20, 25, 30, 45])
            var stages: [ProcessingTime.Stage] = []
            if tenths >= 30, r.percent(12) {
                let first = 5 * r.int(in: 1...(tenths / 5 - 1))
                stages = [
                    .init(name: performing, value: Self.decimal(tenths: first), unit: .workingDays),
                    .init(
                        name: other ?? Vocabulary.communeCommittee, value: Self.decimal(tenths: tenths - first),
                        unit: .workingDays),
                ]
            }
            return ProcessingTime(value: Self.decimal(tenths: tenths), unit: .workingDays, stages: stages)
        case 1:
            return ProcessingTime(unit: .sameDay, text: r.percent(30) ? "Trong ngày làm việc" : nil)
        case 2:
            return ProcessingTime(value: DecimalNumber(integerLiteral: r.pick([3, 5, 7, 10, 15, 20, 30, 45, 60, 90])), unit: .days)
        case 3:
            return ProcessingTime(value: DecimalNumber(integerLiteral: r.pick([4, 8, 12, 24, 48, 72])), unit: .hours)
        default:
            return ProcessingTime(value: DecimalNumber(integerLiteral: r.pick([1, 2, 3, 6, 12])), unit: .months)
        }
    }

    private func onlineTime(_ r: inout SeededRandom, _ time: ProcessingTime) -> ProcessingTime {
        guard time.unit == .workingDays, time.stages.isEmpty, let value = time.value, value >= 2, r.percent(20)
        else { return time }
        return ProcessingTime(value: Self.decimal(tenths: Self.tenths(value) - 5), unit: .workingDays)
    }

    private func fees(_ r: inout SeededRandom, law: FieldLaws) -> [Fee] {
        switch r.weighted([30, 32, 16, 22]) {
        case 0:
            return [Fee(kind: .fee, amount: 0, description: r.percent(50) ? "Miễn lệ phí" : nil)]
        case 1:
            let kind: Fee.Kind = r.percent(70) ? .fee : .charge
            var fees = [Fee(
                kind: kind, amount: DecimalNumber(integerLiteral: r.pick(Vocabulary.amounts)),
                description: kind == .fee ? "Lệ phí cấp, đăng ký" : "Phí thẩm định hồ sơ",
                exemptions: r.percent(20)
                    ? r.distinct(r.int(in: 1...2), of: Vocabulary.exemptions.count).map { Vocabulary.exemptions[$0] }
                    : [])]
            if kind == .fee, r.percent(15) {
                fees.append(Fee(
                    kind: .charge, amount: DecimalNumber(integerLiteral: r.pick(Vocabulary.amounts)),
                    description: "Phí thẩm định hồ sơ"))
            }
            return fees
        case 2:
            let text = r.percent(40) ? "Theo quy định tại Thông tư số \(law.feeCircular.number)" : r.pick(Vocabulary.feeTexts)
            return [Fee(kind: r.percent(50) ? .fee : .charge, text: text)]
        default:
            return []
        }
    }

    private func onlineFees(_ r: inout SeededRandom, _ fees: [Fee]) -> [Fee] {
        guard fees.contains(where: { ($0.amount ?? 0) > 0 }) else { return fees }
        switch r.weighted([50, 30, 20]) {
        case 0: return fees
        case 1:
            return fees.map { fee in
                var f = fee
                if let a = fee.amount, a > 0 { f.amount = Self.halved(a) }
                f.description = "Giảm 50% khi nộp hồ sơ trực tuyến"
                return f
            }
        default:
            return fees.map { fee in
                var f = fee
                if fee.amount != nil { f.amount = 0 }
                f.description = "Miễn lệ phí khi nộp hồ sơ trực tuyến"
                return f
            }
        }
    }

    // MARK: - Dossier, forms, steps

    private func dossier(_ r: inout SeededRandom, stem: Stem, spec: FieldSpec, law: FieldLaws) -> (Dossier, [Form]) {
        // A form code has no spaces ("CT01"); the dossier row prints it as "Mẫu CT01".
        let formCode = "\(spec.formPrefix)\(Vocabulary.twoDigits(r.int(in: 1...40)))"
        let formLabel = "Mẫu \(formCode)"
        let formName = r.percent(50) ? "Tờ khai \(stem.lowerName)" : "Đơn đề nghị \(stem.lowerName)"
        let hasForm = r.percent(85)
        var forms: [Form] = []
        if hasForm {
            let source = r.pick(law.circulars).number
            forms.append(Form(
                name: formName, code: formCode, source: "Thông tư số \(source)",
                file: r.percent(25) ? "mau-\(formCode.lowercased()).docx" : nil))
        }

        let caseCount = r.weighted([70, 22, 8]) + 1
        let caseNames: [String?] =
            caseCount == 1 ? [nil] : r.distinct(caseCount, of: Vocabulary.caseNames.count).map { Vocabulary.caseNames[$0] }
        let pool = Vocabulary.papers(spec.audience)
        let legacyAllowed = spec.audience == .citizens || spec.audience == .mixed
        var cases: [DossierCase] = []
        for caseName in caseNames {
            let count = r.weighted([4, 10, 16, 18, 15, 11, 8, 6, 4, 3, 3, 2]) + 1
            var items: [DossierItem] = []
            if hasForm { items.append(DossierItem(name: formName, form: formLabel)) }
            let legacy = legacyAllowed && r.permille(15)
            for i in r.distinct(max(0, count - items.count - (legacy ? 1 : 0)), of: pool.count) {
                items.append(Self.item(pool[i], &r))
            }
            if legacy { items.append(Self.item(Vocabulary.legacyPaper, &r)) }
            if items.isEmpty { items.append(DossierItem(name: formName)) }
            cases.append(DossierCase(name: caseName, items: items))
        }
        let sets: Int? = [1, nil, 2, 3][r.weighted([85, 5, 7, 3])]
        return (Dossier(cases: cases, sets: sets), forms)
    }

    private static func item(_ t: PaperTemplate, _ r: inout SeededRandom) -> DossierItem {
        var copies = t.copies
        if t.originals > 0, t.copies == 0, !t.show, r.percent(10) { copies = 1 }
        return DossierItem(
            name: t.name, originals: t.originals, copies: copies, required: t.required && !r.percent(4),
            presentation: t.show ? .show : .submit, note: t.note)
    }

    private func steps(
        _ r: inout SeededRandom, stem: Stem, spec: FieldSpec, level: Level, time: ProcessingTime, dossier: Dossier,
        online: Bool, postal: Bool, performing: String, competent: String?, coordinating: String?
    ) -> [StepGroup] {
        let grouped = dossier.cases.count > 1 && r.percent(50)
        let caseNames: [String?] = grouped ? dossier.cases.map(\.name) : [nil]
        return caseNames.map { caseName in
            StepGroup(caseName: caseName, steps: stepList(
                &r, stem: stem, spec: spec, level: level, time: time, online: online, postal: postal,
                performing: performing, competent: competent, coordinating: coordinating))
        }
    }

    private func stepList(
        _ r: inout SeededRandom, stem: Stem, spec: FieldSpec, level: Level, time: ProcessingTime, online: Bool,
        postal: Bool, performing: String, competent: String?, coordinating: String?
    ) -> [Step] {
        let who: String =
            switch spec.audience {
            case .citizens: r.pick(["Cá nhân", "Người yêu cầu", "Công dân"])
            case .business: r.pick(["Tổ chức, cá nhân", "Doanh nghiệp", "Cơ sở kinh doanh"])
            case .organisations: r.pick(["Cơ quan, đơn vị", "Tổ chức"])
            case .mixed: "Tổ chức, cá nhân"
            }
        var ways: [String] = ["trực tiếp tại \(receptionPhrase(level))"]
        if postal { ways.append("qua dịch vụ bưu chính công ích") }
        if online { ways.append("trực tuyến trên Cổng Dịch vụ công quốc gia") }
        let days = time.unit == .workingDays ? max(1, Self.tenths(time.value ?? 1) / 10) : r.int(in: 1...5)
        let object = stem.lowerName

        var middle: [Step] = []
        let chosen = r.distinct(r.int(in: 0...4), of: 5).sorted()
        for kind in chosen {
            switch kind {
            case 0:
                middle.append(Step(title: "Tiếp nhận hồ sơ", text: r.percent(50)
                    ? "Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ. Trường hợp hồ sơ chưa đầy đủ, hướng dẫn người nộp bổ sung, hoàn thiện trong 01 lần; trường hợp hồ sơ đầy đủ, cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
                    : "Bộ phận Một cửa tiếp nhận, số hóa hồ sơ và chuyển \(performing) trong ngày làm việc."))
            case 1:
                let check = r.percent(40) ? " và đối chiếu với Cơ sở dữ liệu quốc gia về dân cư" : ""
                middle.append(Step(
                    title: "Thẩm định hồ sơ",
                    text: "Trong thời hạn \(Vocabulary.twoDigits(max(1, days / 2))) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, \(performing) thẩm định hồ sơ \(object)\(check)."))
            case 2:
                let place = r.pick(["cơ sở", "địa điểm đề nghị", "khu vực thực hiện", "nơi cư trú của người yêu cầu"])
                middle.append(Step(
                    title: "Kiểm tra thực tế",
                    text: "Trường hợp cần thiết, \(performing) tổ chức kiểm tra thực tế tại \(place) trong thời hạn \(Vocabulary.twoDigits(r.int(in: 1...5))) ngày làm việc."))
            case 3:
                let partner = coordinating ?? r.pick(Vocabulary.coordinating)
                middle.append(Step(
                    title: "Lấy ý kiến",
                    text: "\(performing) gửi văn bản lấy ý kiến \(partner); cơ quan được lấy ý kiến trả lời trong thời hạn \(Vocabulary.twoDigits(r.int(in: 2...7))) ngày làm việc."))
            default:
                middle.append(Step(
                    title: "Trình phê duyệt",
                    text: "\(performing) trình \(competent ?? "người có thẩm quyền") xem xét, quyết định \(object)."))
            }
        }
        let first = Step(title: "Nộp hồ sơ", text: "\(who) nộp hồ sơ \(Self.joinedOr(ways)).")
        let last = Step(
            title: "Trả kết quả",
            text: r.percent(60)
                ? "Trả \(stem.lowerResult) tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích. Trường hợp không giải quyết, trả lời bằng văn bản và nêu rõ lý do."
                : "\(who) nhận kết quả theo thời gian ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
        let all = [first] + middle + [last]
        return all.enumerated().map { i, step in
            Step(title: "Bước \(i + 1): \(step.title!)", text: step.text)
        }
    }

    /// What citizens search for: the paper they want and the field.
    private func keywords(_ r: inout SeededRandom, stem: Stem, spec: FieldSpec, fullyOnline: Bool) -> [String] {
        var out: [String] = []
        if !stem.result.hasPrefix("Văn bản") { out.append(stem.lowerResult) }
        out.append(spec.lowerName)
        if fullyOnline, r.percent(50) { out.append("dịch vụ công trực tuyến toàn trình") }
        return out
    }

    // MARK: - Numbers

    /// A decimal from tenths, built the same way every time so equal values compare and hash alike.
    static func decimal(tenths: Int) -> DecimalNumber {
        tenths % 10 == 0
            ? DecimalNumber(integerLiteral: tenths / 10)
            : DecimalNumber(Decimal(sign: .plus, exponent: -1, significand: Decimal(tenths)))
    }

    static func tenths(_ value: DecimalNumber) -> Int {
        Int((value.doubleValue * 10).rounded())
    }

    /// Half an amount, to the thousand đồng.
    static func halved(_ amount: DecimalNumber) -> DecimalNumber {
        let half = Int(amount.doubleValue.rounded()) / 2
        return DecimalNumber(integerLiteral: max(1000, half / 1000 * 1000))
    }

    static func joinedOr(_ parts: [String]) -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        default: parts.dropLast().joined(separator: ", ") + " hoặc " + parts.last!
        }
    }
}
