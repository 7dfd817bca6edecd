import Catalogue

/// A procedure as plain text for a terminal, with the headings the posting sheets use.
struct ProcedureText {
    var procedure: Procedure
    var version: ProcedureVersion?

    var text: String {
        let p = procedure
        var out: [String] = []
        func heading(_ s: String) { out.append(""); out.append(s.uppercased()) }
        func bullet(_ s: String, indent: Int = 2) { out.append(String(repeating: " ", count: indent) + "- " + s) }

        out.append("\(p.code?.rawValue ?? "(chưa có mã)")  \(p.name)")
        out.append("Cấp thực hiện: \(p.levels.map(\.vietnamese).joined(separator: ", "))")
        out.append("Lĩnh vực: \(p.fields.map { f in f.code.map { "\(f.name) (\($0))" } ?? f.name }.joined(separator: ", "))")
        if p.type != .ordinary { out.append("Loại: \(p.type.vietnamese)") }
        if let v = version {
            out.append("Công bố tại: Quyết định \(v.decision), hiệu lực từ \(v.from.vietnamese)\(v.until.map { ", hết hiệu lực từ \($0.vietnamese)" } ?? "")")
        }

        if !p.reception.isEmpty {
            heading("Địa điểm tiếp nhận")
            for r in p.reception {
                switch r.place {
                case .provinceCentre: bullet(r.name ?? "Trung tâm Phục vụ hành chính công tỉnh")
                case .communeCounter:
                    bullet((r.name ?? "Bộ phận Một cửa cấp xã") + (r.communes.isEmpty ? "" : " (\(r.communes.joined(separator: ", ")))"))
                case .agency: bullet(r.name ?? "Cơ quan giải quyết")
                }
            }
        }
        if !p.steps.isEmpty {
            heading(Part.steps.vietnamese)
            for group in p.steps {
                if let c = group.caseName { out.append("  \(c)") }
                for (i, s) in group.steps.enumerated() {
                    let title = s.title ?? "Bước \(i + 1)"
                    out.append("  \(title): " + s.text.replacingOccurrences(of: "\n", with: "\n    "))
                }
            }
        }
        if !p.channels.isEmpty {
            heading("Cách thức thực hiện, thời hạn và phí")
            for c in p.channels {
                bullet("\(c.method.vietnamese): \(c.time.vietnamese)")
                for stage in c.time.stages {
                    out.append("      \(stage.name): \(ProcessingTime(value: stage.value, unit: stage.unit).vietnamese)")
                }
                for f in c.fees {
                    out.append("      \(f.kind.vietnamese): \(f.vietnamese)\(f.description.map { " — \($0)" } ?? "")")
                    for e in f.exemptions { out.append("        Miễn: \(e)") }
                }
                if let d = c.description { out.append("      \(d)") }
            }
        }
        if !p.dossier.cases.isEmpty {
            heading(Part.dossier.vietnamese)
            for c in p.dossier.cases {
                if let name = c.name { out.append("  \(name)") }
                for item in c.items {
                    var counts: [String] = []
                    if item.originals > 0 { counts.append("\(item.originals) bản chính") }
                    if item.copies > 0 { counts.append("\(item.copies) bản sao") }
                    var flags: [String] = []
                    if item.presentation == .show { flags.append("xuất trình") }
                    if !item.required { flags.append("nếu có") }
                    if let form = item.form { flags.append(form) }
                    let extra = (counts + flags).joined(separator: ", ")
                    bullet(item.name + (extra.isEmpty ? "" : " (\(extra))"), indent: 4)
                }
            }
            if let sets = p.dossier.sets { out.append("  Số lượng: \(sets) bộ") }
        }
        if !p.subjects.isEmpty { heading(Part.subjects.vietnamese); p.subjects.forEach { bullet($0) } }
        if !p.agencies.isEmpty {
            heading(Part.agencies.vietnamese)
            for a in p.agencies { bullet("\(a.role.vietnamese): \(a.name)") }
        }
        if !p.results.isEmpty { heading(Part.results.vietnamese); p.results.forEach { bullet($0.name) } }
        if !p.forms.isEmpty {
            heading(Part.forms.vietnamese)
            p.forms.forEach { bullet([$0.code, $0.name, $0.source].compactMap { $0 }.joined(separator: " — ")) }
        }
        if !p.requirements.isEmpty {
            heading(Part.requirements.vietnamese)
            p.requirements.forEach { bullet($0.text + ($0.basis.map { " (\($0))" } ?? "")) }
        }
        if !p.legalBases.isEmpty {
            heading(Part.legalBasis.vietnamese)
            for b in p.legalBases {
                bullet([b.article, b.number, b.title].compactMap { $0 }.joined(separator: " "))
            }
        }
        if let online = p.online {
            heading(Part.online.vietnamese)
            bullet(online.level.vietnamese + (online.codes.isEmpty ? "" : " (\(online.codes.joined(separator: ", ")))"))
            if let url = online.url { bullet(url) }
        }
        if let v = p.annualVolume { out.append(""); out.append("Số hồ sơ hằng năm: \(v)") }
        if let n = p.notes { heading(Part.notes.vietnamese); out.append("  " + n) }
        return out.joined(separator: "\n")
    }
}
