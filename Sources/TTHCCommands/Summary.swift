import Catalogue

/// The few lines that say what a catalogue holds on a date: the main job's report.
struct Summary {
    var loaded: LoadedCatalogue
    var at: LocalDate

    var text: String {
        var lines: [String] = []
        if let p = loaded.province {
            lines.append("\(p.name) (\(p.agencyCode))")
        }
        if let notice = loaded.sampleNotice { lines.append(notice) }
        let state = loaded.catalogue.state(at: at)
        lines.append("Thủ tục hành chính có hiệu lực ngày \(at.vietnamese): \(state.count)")

        var byLevel: [Level: Int] = [:]
        var byField: [String: Int] = [:]
        for p in state.procedures {
            for l in Set(p.levels) { byLevel[l, default: 0] += 1 }
            for f in Set(p.fields.map(\.name)) { byField[f, default: 0] += 1 }
        }
        if !byLevel.isEmpty {
            lines.append("  Theo cấp: " + byLevel.sorted { $0.key < $1.key }.map { "\($0.key.vietnamese) \($0.value)" }.joined(separator: " · "))
        }
        if !byField.isEmpty {
            let fields = byField.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            lines.append("  Theo lĩnh vực (\(fields.count)): " + fields.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        }
        let decisions = loaded.catalogue.decisionsByEffectiveDate
        let inForce = decisions.filter { $0.effectiveDate <= at }
        let future = decisions.filter { $0.effectiveDate > at }
        lines.append("Quyết định công bố: \(decisions.count) (đã có hiệu lực \(inForce.count), chưa có hiệu lực \(future.count))")
        if let last = inForce.last {
            lines.append("  Mới nhất có hiệu lực: \(last.number) ngày \(last.signedOn.vietnamese), hiệu lực từ \(last.effectiveDate.vietnamese)")
        }
        for d in future {
            lines.append("  Sắp có hiệu lực: \(d.number), từ \(d.effectiveDate.vietnamese) (\(d.items.count) thủ tục)")
        }
        let pending = decisions.flatMap { d in d.items.compactMap { item -> (Decision, DecisionItem)? in
            guard let e = item.effectiveOn, e > at, d.effectiveDate <= at else { return nil }
            return (d, item)
        } }
        for (d, item) in pending {
            lines.append("  Dòng có hiệu lực riêng: \(item.subjectCode?.rawValue ?? "?") (\(d.number)) từ \(item.effectiveOn!.vietnamese)")
        }
        return lines.joined(separator: "\n")
    }
}
