import Catalogue
import Review
import TemplateView

extension SiteModel {
    /// A decision as published: header, legal bases, and its rows grouped by action.
    func decision(_ number: String) -> Page {
        let path = decisionPath(number)
        let root = SiteLinks.root(of: path)
        guard let d = data.catalogue.decisions[number] else {
            return Page(path: path, template: "decision", context: layout(path, title: number))
        }
        var c = layout(path, title: "Quyết định \(d.number)", description: d.title)
        c["number"] = d.number
        c["title"] = d.title
        c["authority"] = d.authority
        c["place"] = d.place?.nonBlank
        c["signedOn"] = d.signedOn.vietnamese
        c["effective"] = d.effectiveDate.vietnamese
        if d.effectiveDate > data.date { c["coming"] = true }
        if let s = d.signer {
            var signer = TemplateFields(["name": .text(s.name), "title": .text(s.title)])
            signer["onBehalfOf"] = s.onBehalfOf?.nonBlank
            c["signer"] = signer
        }
        c["parentDecision"] = d.parentDecision?.nonBlank
        put(&c, "legalBases", d.legalBases.map(legalBasis))
        c["changesHref"] = root + changesPath(number)
        put(&c, "groups", DecisionItem.Action.allCases.compactMap { action -> TemplateFields? in
            let items = d.items.filter { $0.action == action }
            guard !items.isEmpty else { return nil }
            return TemplateFields([
                "heading": .text(action.vietnamese), "count": .int(items.count),
                "items": .list(items.map { item(d, $0, root: root).value }),
            ])
        })
        return Page(path: path, template: "decision", context: c)
    }

    func item(_ d: Decision, _ item: DecisionItem, root: String) -> TemplateFields {
        let key = item.subjectCode?.key
        var r = TemplateFields(capacity: 10)
        r["name"] = item.subjectName ?? key ?? "—"
        r["code"] = item.subjectCode?.rawValue
        if let key, data.catalogue.histories[key] != nil { r["href"] = root + SiteData.procedurePath(key) }
        r["level"] = (item.level ?? item.procedure?.levels.first)?.vietnamese
        r["field"] = (item.field ?? item.procedure?.fields.first)?.name
        if let on = item.effectiveOn, on != d.effectiveDate { r["itemEffective"] = on.vietnamese }
        r["basis"] = item.basis?.nonBlank
        r["changedParts"] = item.changedParts.isEmpty ? nil as String? : item.changedParts.sorted().map(\.vietnamese).joined(separator: ", ")
        put(&r, "replaces", item.replaces.map { procedureLink($0.key, root: root) })
        return r
    }

    /// What a decision changes for citizens: what is new, lighter, heavier, gone, and from when.
    func changes(_ number: String) -> Page {
        let path = changesPath(number)
        let root = SiteLinks.root(of: path)
        guard let d = data.catalogue.decisions[number] else {
            return Page(path: path, template: "changes", context: layout(path, title: number))
        }
        var c = layout(path, title: "Thay đổi theo Quyết định \(d.number)", description: d.title)
        c["number"] = d.number
        c["title"] = d.title
        c["decisionHref"] = root + decisionPath(number)
        c["effective"] = d.effectiveDate.vietnamese
        if d.effectiveDate > data.date { c["coming"] = true }

        var added: [TemplateFields] = []
        var gone: [TemplateFields] = []
        var byDirection: [Direction: [TemplateFields]] = [:]
        for item in d.items {
            let from = (item.effectiveOn ?? d.effectiveDate).vietnamese
            let key = item.subjectCode?.key
            var entry = procedureLink(key ?? "—", root: root)
            if !entry.contains("name") { entry["name"] = item.subjectName ?? key ?? "—" }
            entry["from"] = from
            switch item.action {
            case .new:
                added.append(entry)
            case .replaced:
                var e = entry
                put(&e, "replaces", item.replaces.map { procedureLink($0.key, root: root) })
                added.append(e)
                for old in item.replaces {
                    var g = procedureLink(old.key, root: root)
                    g["from"] = from
                    g["why"] = "Được thay thế bằng thủ tục \(item.subjectCode?.rawValue ?? "mới")"
                    gone.append(g)
                }
            case .abolished:
                var g = entry
                g["why"] = item.basis.map { "Bãi bỏ theo \($0)" } ?? "Bãi bỏ"
                gone.append(g)
            case .amended:
                guard let key, let history = data.catalogue.histories[key],
                      let i = history.versions.firstIndex(where: { $0.decision == number && $0.action == .amended }),
                      i > 0 else { continue }
                let lines = changeCache.changes(history)[i]
                for direction in Direction.allCases {
                    let changes = lines.filter { $0.direction == direction }
                    guard !changes.isEmpty else { continue }
                    var e = entry
                    put(&e, "changes", changes.map(change))
                    byDirection[direction, default: []].append(e)
                }
            }
        }
        let sections: [(String, String, String, [TemplateFields])] = [
            ("moi", "Thủ tục mới", "Người dân, doanh nghiệp có thể thực hiện các thủ tục này.", added),
            ("nhe-hon", "Nhẹ hơn cho người dân", "Ít giấy tờ hơn, nhanh hơn, rẻ hơn hoặc làm trực tuyến được nhiều hơn.", byDirection[.lighter] ?? []),
            ("nang-hon", "Nặng hơn cho người dân", "Thêm giấy tờ, lâu hơn hoặc tốn kém hơn.", byDirection[.heavier] ?? []),
            ("thay-doi-khac", "Thay đổi khác", "Thay đổi về câu chữ, căn cứ pháp lý hoặc nội dung không làm nặng hay nhẹ hơn.", byDirection[.neutral] ?? []),
            ("bai-bo", "Không còn áp dụng", "Các thủ tục này bị bãi bỏ hoặc được thay thế.", gone),
        ]
        c["summary"] = sections.filter { !$0.3.isEmpty }.map {
            TemplateFields(["id": .text($0.0), "heading": .text($0.1), "count": .int($0.3.count)])
        }
        put(&c, "sections", sections.filter { !$0.3.isEmpty }.map {
            TemplateFields(["id": .text($0.0), "heading": .text($0.1), "intro": .text($0.2), "items": .list($0.3.map(\.value))])
        })
        return Page(path: path, template: "changes", context: c)
    }
}
