import Catalogue

/// What a ministry's amending text changes in one procedure: drawn once, nationally, and applied to
/// each province's own current version, so every province amends the same procedures in the same way
/// while keeping its local details. The decision item then declares exactly the parts that changed.
struct Amendment: Sendable {
    enum Kind: CaseIterable, Sendable {
        case processingTime, fees, dossier, steps, requirements, online, agencies, forms, subjects, name,
            annualVolume
    }

    let kinds: [Kind]
    /// The legal text that amends, cited in the new version's legal bases.
    let basis: LegalBasis
    let citesBasis: Bool
    private let detailSeed: UInt64

    /// Weights of `Kind.allCases`, in order: times and papers change most.
    private static let weights = [25, 15, 25, 10, 8, 10, 5, 4, 3, 2, 3]

    init(seed: UInt64, slot: Int, decision: Int, basis: LegalBasis) {
        var r = SeededRandom(seed: seed, .amendment, slot, decision)
        let count = r.weighted([55, 30, 15]) + 1
        var kinds: [Kind] = []
        while kinds.count < count {
            let k = Kind.allCases[r.weighted(Self.weights)]
            if !kinds.contains(k) { kinds.append(k) }
        }
        self.kinds = kinds
        self.basis = basis
        citesBasis = r.percent(80)
        detailSeed = r.next()
    }

    func apply(to old: Procedure) -> Procedure {
        var r = SeededRandom(detailSeed)
        var p = old
        for kind in kinds {
            switch kind {
            case .processingTime: Self.shortenTimes(&p)
            case .fees: Self.changeFees(&p, &r)
            case .dossier: Self.simplifyDossier(&p, &r)
            case .steps: Self.reviseSteps(&p)
            case .requirements: Self.reviseRequirements(&p, &r, basis: basis)
            case .online: Self.goOnline(&p)
            case .agencies:
                if p.agencies.contains(where: { $0.role == .coordinating }) {
                    p.agencies.removeAll { $0.role == .coordinating }
                } else {
                    let other = r.pick(Vocabulary.coordinating)
                    p.agencies.append(Agency(role: .coordinating, name: p.agencies.contains { $0.name == other } ? "Cơ quan thuế" : other))
                }
            case .forms:
                if p.forms.isEmpty {
                    p.forms.append(Form(name: "Tờ khai điện tử", code: "TK01", source: "Thông tư số \(basis.number)"))
                } else {
                    for i in p.forms.indices { p.forms[i].source = "Thông tư số \(basis.number)" }
                    p.forms[0].code = (p.forms[0].code ?? "TK01") + "a"
                }
            case .subjects:
                let foreigner = "Người nước ngoài"
                if p.subjects.contains(foreigner) { p.subjects.removeAll { $0 == foreigner } } else { p.subjects.append(foreigner) }
            case .name:
                let suffix = " theo cơ chế một cửa liên thông"
                p.name = p.name.hasSuffix(suffix) ? String(p.name.dropLast(suffix.count)) : p.name + suffix
            case .annualVolume:
                p.annualVolume = p.annualVolume.map { max(1, $0 * r.int(in: 110...150) / 100 + 1) } ?? r.int(in: 10...900)
            }
        }
        if citesBasis, !p.legalBases.contains(where: { $0.number == basis.number }) {
            p.legalBases.append(basis)
        }
        return p
    }

    /// Cuts every channel's time (the most common simplification): a working day or half a day off,
    /// a month turned into working days; stages are dropped, as the cut applies to the whole.
    private static func shortenTimes(_ p: inout Procedure) {
        for i in p.channels.indices {
            let t = p.channels[i].time
            guard let unit = t.unit, let value = t.value else { continue }
            let tenths = ProcedureFactory.tenths(value)
            switch unit {
            case .workingDays, .days:
                guard tenths >= 10 else { continue }
                let cut = tenths >= 40 ? 10 : 5
                p.channels[i].time = ProcessingTime(value: ProcedureFactory.decimal(tenths: tenths - cut), unit: unit)
            case .hours:
                p.channels[i].time = ProcessingTime(value: ProcedureFactory.decimal(tenths: max(10, tenths / 2)), unit: .hours)
            case .months:
                p.channels[i].time =
                    tenths > 10
                    ? ProcessingTime(value: ProcedureFactory.decimal(tenths: tenths - 10), unit: .months)
                    : ProcessingTime(value: 20, unit: .workingDays)
            case .sameDay:
                continue
            }
        }
    }

    private static func changeFees(_ p: inout Procedure, _ r: inout SeededRandom) {
        let newAmount = DecimalNumber(integerLiteral: r.pick(Vocabulary.amounts))
        for i in p.channels.indices {
            if p.channels[i].fees.isEmpty {
                p.channels[i].fees = [Fee(kind: .fee, amount: 0, description: "Miễn lệ phí")]
                continue
            }
            for j in p.channels[i].fees.indices {
                var fee = p.channels[i].fees[j]
                if let amount = fee.amount {
                    fee.amount = amount == newAmount ? DecimalNumber(integerLiteral: Int(amount.doubleValue) + 5000) : newAmount
                } else {
                    fee.amount = newAmount
                    fee.text = nil
                }
                p.channels[i].fees[j] = fee
            }
        }
    }

    /// Resolution 66.7/2025, art. 4: papers whose data the state already holds are cut first; otherwise
    /// one set instead of several, or one paper fewer or more.
    private static let heldByTheState: Set<String> = [
        "Sổ hộ khẩu", "Bản sao Giấy khai sinh", "Giấy tờ chứng minh nơi cư trú", "Căn cước công dân", "Thẻ căn cước",
        "Bản sao Giấy chứng nhận kết hôn", "Thẻ bảo hiểm y tế",
    ]

    private static func simplifyDossier(_ p: inout Procedure, _ r: inout SeededRandom) {
        var cut = false
        for c in p.dossier.cases.indices {
            let before = p.dossier.cases[c].items.count
            let kept = p.dossier.cases[c].items.filter { !heldByTheState.contains($0.name) }
            if !kept.isEmpty, kept.count < before {
                p.dossier.cases[c].items = kept
                cut = true
            }
        }
        if cut { return }
        if let sets = p.dossier.sets, sets > 1 {
            p.dossier.sets = 1
        } else if let c = p.dossier.cases.indices.first(where: { p.dossier.cases[$0].items.count > 1 }), r.percent(50) {
            p.dossier.cases[c].items.removeLast()
        } else if !p.dossier.cases.isEmpty {
            let paper = r.pick(Vocabulary.citizenPapers + Vocabulary.businessPapers)
            p.dossier.cases[0].items.append(DossierItem(
                name: paper.name, originals: paper.originals, copies: paper.copies, required: paper.required,
                presentation: paper.show ? .show : .submit, note: paper.note))
        } else {
            p.dossier.cases = [DossierCase(items: [DossierItem(name: "Tờ khai")])]
        }
    }

    private static func reviseSteps(_ p: inout Procedure) {
        let sentence = " Kết quả điện tử được gửi vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân."
        for g in p.steps.indices where !p.steps[g].steps.isEmpty {
            let last = p.steps[g].steps.count - 1
            let text = p.steps[g].steps[last].text
            p.steps[g].steps[last].text = text.hasSuffix(sentence) ? String(text.dropLast(sentence.count)) : text + sentence
        }
        if p.steps.isEmpty {
            p.steps = [StepGroup(steps: [Step(title: "Bước 1: Nộp hồ sơ", text: "Nộp hồ sơ tại Bộ phận Một cửa.")])]
        }
    }

    private static func reviseRequirements(_ p: inout Procedure, _ r: inout SeededRandom, basis: LegalBasis) {
        if let i = p.requirements.firstIndex(where: { $0.basis == nil }) {
            p.requirements[i].basis = basis.number
        } else if !p.requirements.isEmpty {
            p.requirements.removeLast()
        } else {
            p.requirements.append(Requirement(text: r.pick(Vocabulary.requirements), basis: basis.number))
        }
    }

    /// Decree 42/2022: move to a fully online service, opening the online channel if there was none.
    private static func goOnline(_ p: inout Procedure) {
        guard p.type != .internal, let code = p.code?.national else { return }
        if var online = p.online, online.level == .full {
            let second = "\(code).02"
            if online.codes.contains(second) { online.codes.removeAll { $0 == second } } else { online.codes.append(second) }
            p.online = online
        } else {
            var online = p.online ?? OnlineService(level: .full)
            online.level = .full
            if online.codes.isEmpty { online.codes = ["\(code).01"] }
            p.online = online
        }
        if p.channel(.online) == nil, let inPerson = p.channel(.inPerson) {
            let at = p.channels.firstIndex { $0.method == .postal } ?? p.channels.count
            p.channels.insert(Channel(method: .online, time: inPerson.time, fees: inPerson.fees), at: at)
        }
    }
}
