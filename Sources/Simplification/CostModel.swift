import Catalogue

/// Compliance cost (chi phí tuân thủ), the Standard Cost Model variant of DOMAIN.md §5: one
/// instance costs Σ activities (hours × hourly income) + fees + other costs (copies, certification,
/// travel, printing); a year costs one instance × the procedure's annual volume.
///
/// A dossier with several cases costs the average of its cases (an applicant prepares one). A fully
/// online procedure costs the online path for `online_uptake` of applicants and the counter path for
/// the rest; otherwise every applicant goes to the counter.
public struct CostModel: Sendable {
    public var parameters: CostParameters

    public init(_ parameters: CostParameters) { self.parameters = parameters }

    /// One line of the breakdown: an activity's hours and the money it costs outside the hours.
    public struct Line: Sendable, Hashable {
        public var activity: String
        public var hours: Double
        public var money: Double

        /// The fees line (its wording is always `CostModel.feesLine`, so bytes compare).
        var isFees: Bool { activity.utf8.elementsEqual(CostModel.feesLine.utf8) }
    }

    public struct Breakdown: Sendable, Hashable {
        public var lines: [Line]
        public var hourlyIncome: Double
        public var annualVolume: Int?

        public var hours: Double { lines.reduce(0) { $0 + $1.hours } }
        public var timeCost: Double { hours * hourlyIncome }
        public var fees: Double { lines.filter(\.isFees).reduce(0) { $0 + $1.money } }
        public var otherCosts: Double { lines.filter { !$0.isFees }.reduce(0) { $0 + $1.money } }
        /// Cost of one instance, in đồng: `timeCost + fees + otherCosts`, summed in one pass in the
        /// same order (the review asks it millions of times).
        public var perInstance: Double {
            var hours = 0.0, fees = 0.0, other = 0.0
            for line in lines {
                hours += line.hours
                if line.isFees { fees += line.money } else { other += line.money }
            }
            return hours * hourlyIncome + fees + other
        }
        /// A year's cost, or nil when the volume is unknown.
        public var annual: Double? { annualVolume.map { perInstance * Double($0) } }
    }

    static let feesLine = "Phí, lệ phí"

    public func cost(_ s: ReviewSubject) -> Breakdown {
        let p = s.procedure
        let counter = path(s, online: false)
        var lines = counter
        if (p.online?.level ?? .none) == .full, p.channel(.online) != nil {
            let online = path(s, online: true)
            let share = parameters.onlineUptake
            lines = zip(counter, online).map { a, b in
                Line(activity: a.activity, hours: a.hours * (1 - share) + b.hours * share,
                     money: a.money * (1 - share) + b.money * share)
            }
        } else if p.channel(.inPerson) == nil, p.channel(.postal) == nil, p.channel(.online) != nil {
            lines = path(s, online: true)
        }
        return Breakdown(lines: lines, hourlyIncome: parameters.hourlyIncome, annualVolume: p.annualVolume)
    }

    /// The lines of one path, always the same activities in the same order so paths blend line by line.
    private func path(_ s: ReviewSubject, online: Bool) -> [Line] {
        let k = parameters, p = s.procedure
        let sets = Double(max(1, p.dossier.sets ?? 1))
        // Average over the cases: an applicant prepares one.
        let cases = s.readings.isEmpty ? [[]] : s.readings.indices.map { c in
            zip(p.dossier.cases[c].items, s.readings[c]).map { ($0, $1) }
        }
        let n = Double(cases.count)
        var prepare = 0.0, fill = 0.0, issuedHours = 0.0, issuedMoney = 0.0
        var certifyHours = 0.0, certifyMoney = 0.0, copyMoney = 0.0
        for items in cases {
            for (item, reading) in items {
                if reading.isApplication || item.form != nil { fill += k.fillForm } else { prepare += k.prepareItem }
                if reading.concept?.database != nil {
                    issuedHours += k.obtainIssuedDocument
                    issuedMoney += k.issuedDocument
                }
                let copies = Double(item.copies) * sets + Double(item.originals) * (sets - 1)
                if reading.isCertifiedCopy {
                    let certified = max(1, Double(item.copies)) * sets
                    certifyHours += k.certifyCopy
                    certifyMoney += k.certification * certified
                }
                if item.presentation == .submit { copyMoney += k.copyPage * copies }
            }
        }
        let channel = online ? (p.channel(.online) ?? p.channels.first) : (p.channel(.inPerson) ?? p.channel(.postal) ?? p.channels.first)
        let fees = (channel?.fees ?? []).reduce(0.0) { sum, fee in
            guard let amount = fee.amount, fee.currency == nil || fee.currency == "VND" else { return sum }
            return sum + amount.doubleValue
        }
        return [
            Line(activity: "Tìm hiểu thủ tục", hours: k.learn, money: 0),
            Line(activity: "Chuẩn bị thành phần hồ sơ", hours: prepare / n, money: copyMoney / n),
            Line(activity: "Điền đơn, tờ khai", hours: fill / n, money: k.printing),
            Line(activity: "Xin giấy tờ do cơ quan khác cấp", hours: issuedHours / n, money: issuedMoney / n),
            Line(activity: "Chứng thực bản sao", hours: certifyHours / n, money: certifyMoney / n),
            Line(activity: "Sao chụp bộ hồ sơ thêm", hours: k.copySet * (sets - 1), money: 0),
            Line(activity: "Chứng minh yêu cầu, điều kiện", hours: k.meetRequirement * Double(p.requirements.count), money: 0),
            Line(activity: "Nộp hồ sơ", hours: online ? k.submitOnline : k.submitInPerson, money: online ? 0 : k.travel),
            Line(activity: "Bổ sung hồ sơ", hours: k.supplement, money: 0),
            Line(activity: "Nhận kết quả", hours: online ? k.collectOnline : k.collectInPerson, money: online ? k.postage : k.travel),
            Line(activity: Self.feesLine, hours: 0, money: fees),
        ]
    }

    /// Before and after a set of edits; `before`, when the caller has it, saves computing it again.
    public func effect(
        of edits: [Edit], on s: ReviewSubject, matcher: DocumentMatcher, before: Breakdown? = nil
    ) -> CostEffect {
        let before = before ?? cost(s)
        let after = edits.isEmpty ? before : cost(s.applying(edits, matcher: matcher))
        return CostEffect(before: before, after: after)
    }
}

/// What a proposal (or all of a procedure's) does to the compliance cost.
public struct CostEffect: Sendable, Hashable {
    public var before: CostModel.Breakdown
    public var after: CostModel.Breakdown

    public var perInstanceBefore: Double { before.perInstance }
    public var perInstanceAfter: Double { after.perInstance }
    public var perInstanceSaving: Double { before.perInstance - after.perInstance }
    public var annualBefore: Double? { before.annual }
    public var annualAfter: Double? { after.annual }
    public var annualSaving: Double? { before.annual.flatMap { b in after.annual.map { b - $0 } } }
    /// Saving as a share of the cost before, in per cent.
    public var reductionRate: Double {
        before.perInstance > 0 ? perInstanceSaving / before.perInstance * 100 : 0
    }
}

extension ReviewSubject {
    /// The procedure after the edits, with the readings of its items kept in step.
    public func applying(_ edits: [Edit], matcher: DocumentMatcher) -> ReviewSubject {
        guard !edits.isEmpty else { return self }
        let changed = Edit.apply(edits, to: procedure)
        let newReadings = changed.dossier.cases.enumerated().map { c, dossierCase in
            dossierCase.items.enumerated().map { i, item in
                // Unchanged names keep their reading; a renamed item (plain copy) is read again.
                let old = procedure.dossier.cases[c].items.firstIndex { $0.name == item.name }
                return old.map { readings[c][$0] } ?? matcher.read(item.name)
            }
        }
        var subject = self
        subject.procedure = changed
        subject.readings = newReadings
        if changed.requirements.count != procedure.requirements.count {
            subject.requirementWords = changed.requirements.map { matcher.textWords($0.text) }
        }
        return subject
    }
}
