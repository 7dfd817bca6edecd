import Catalogue
import Review
import TemplateView

extension SiteModel {
    /// A procedure's page: every part citizens read, where it comes from, and how it has changed.
    func procedure(_ key: String) -> Page {
        let path = SiteData.procedurePath(key)
        let root = SiteLinks.root(of: path)
        guard let history = data.catalogue.histories[key], let shown = data.shownVersion(of: history) else {
            return Page(path: path, template: "procedure", context: layout(path, title: key))
        }
        let p = shown.procedure
        let code = p.code ?? ProcedureCode(key)
        var c = layout(path, title: p.name, description: "\(p.name) — thủ tục hành chính \(code.rawValue), \(data.province.name)")
        c["name"] = p.name
        c["code"] = code.rawValue
        c["status"] = status(history, shown)
        c["inForce"] = shown.isInForce(at: data.date)
        c["since"] = shown.from.vietnamese
        c["decision"] = decisionLink(shown.decision, root: root)
        // Levels and fields link to their page when they have one (a procedure no longer in force may
        // name a field nothing in force is listed under).
        put(&c, "levels", p.levels.map { level -> TemplateFields in
            var d = TemplateFields()
            d["name"] = level.vietnamese
            if data.levels.contains(where: { $0.level == level }) { d["href"] = root + levelPath(level) }
            return d
        })
        put(&c, "fields", p.fields.map { field -> TemplateFields in
            var d = TemplateFields()
            d["name"] = field.name
            if let slug = data.fieldSlugs[field.name] { d["href"] = root + SiteLinks.field(slug: slug) }
            return d
        })
        if p.type != .ordinary { c["type"] = p.type.vietnamese }
        put(&c, "subjects", p.subjects)
        put(&c, "reception", p.reception.map(receptionText))
        put(&c, "agencies", p.agencies.map { TemplateFields(["role": .text($0.role.vietnamese), "name": .text($0.name)]) })
        put(&c, "steps", p.steps.map(stepGroup))
        put(&c, "channels", p.channels.map(channel))
        c["dossier"] = dossier(p.dossier)
        put(&c, "results", p.results.map { r -> TemplateFields in
            var d = TemplateFields()
            d["name"] = r.name
            d["code"] = r.code?.nonBlank
            return d
        })
        put(&c, "forms", p.forms.map(form))
        put(&c, "requirements", p.requirements.map { r -> TemplateFields in
            var d = TemplateFields()
            d["text"] = r.text
            d["basis"] = r.basis?.nonBlank
            return d
        })
        put(&c, "legalBases", p.legalBases.map(legalBasis))
        c["online"] = online(p.online)
        c["notes"] = p.notes?.nonBlank
        c["history"] = self.history(history, root: root)
        if let replaced = replacedBy(history) { put(&c, "replacedBy", replaced.map { procedureLink($0, root: root) }) }
        put(&c, "replaces", history.replaces.map { procedureLink($0, root: root) })
        if hasSheets, p.isPostable { c["sheet"] = root + SitePath.sheet(code) }
        c["data"] = root + SitePath.procedureData(code)
        if let url = data.absolute(path), let qrCode, let svg = qrCode(url, "Mã QR của trang này: \(url)") {
            c["qr"] = svg
            c["url"] = url
        }
        return Page(path: path, template: "procedure", context: c)
    }

    /// Says whether the version shown is in force, coming, or over.
    func status(_ history: ProcedureHistory, _ shown: ProcedureVersion) -> TemplateFields {
        if shown.isInForce(at: data.date) {
            return TemplateFields(["text": .text("Đang có hiệu lực (từ \(shown.from.vietnamese))"), "current": .bool(true)])
        }
        if shown.from > data.date {
            return TemplateFields(["text": .text("Chưa có hiệu lực: áp dụng từ \(shown.from.vietnamese)"), "coming": .bool(true)])
        }
        let until = shown.until.map { " từ \($0.vietnamese)" } ?? ""
        switch shown.end {
        case .abolished(let d): return TemplateFields(["text": .text("Đã bị bãi bỏ\(until) theo Quyết định \(d)"), "ended": .bool(true)])
        case .replaced(_, let d): return TemplateFields(["text": .text("Đã được thay thế\(until) theo Quyết định \(d)"), "ended": .bool(true)])
        default: return TemplateFields(["text": .text("Không còn hiệu lực\(until)"), "ended": .bool(true)])
        }
    }

    func replacedBy(_ history: ProcedureHistory) -> [String]? {
        if case .replaced(let keys, _)? = history.latest?.end, !keys.isEmpty { return keys }
        return nil
    }

    func procedureLink(_ key: String, root: String) -> TemplateFields {
        let name = data.catalogue.histories[key].flatMap { data.shownVersion(of: $0) }?.procedure.name
        var d = TemplateFields(capacity: 5)
        d["code"] = key
        d["name"] = name ?? ""
        if data.catalogue.histories[key] != nil { d["href"] = root + SiteData.procedurePath(key) }
        return d
    }

    func decisionLink(_ number: String, root: String) -> TemplateFields {
        var d = TemplateFields(capacity: 4)
        d["number"] = number
        if let decision = data.catalogue.decisions[number] {
            d["href"] = root + decisionPath(number)
            d["title"] = decision.title
            d["signedOn"] = decision.signedOn.vietnamese
        }
        return d
    }

    /// Each version, newest first, with the field-level changes from the one before it.
    func history(_ history: ProcedureHistory, root: String) -> [TemplateFields] {
        var out: [TemplateFields] = []
        out.reserveCapacity(history.versions.count)
        let changes = changeCache.changes(history)
        for (i, v) in history.versions.enumerated() {
            var d = TemplateFields(capacity: 9)
            d["number"] = i + 1
            d["action"] = Texts.action(v.action)
            d["from"] = v.from.vietnamese
            d["decision"] = decisionLink(v.decision, root: root)
            d["until"] = v.until.map { $0.previousDay.vietnamese }
            if v.isInForce(at: data.date) { d["current"] = true }
            switch v.end {
            case .abolished(let n): d["end"] = "Bãi bỏ theo Quyết định \(n)"
            case .replaced(let keys, let n): d["end"] = "Thay thế bằng \(keys.joined(separator: ", ")) theo Quyết định \(n)"
            default: break
            }
            put(&d, "changes", changes[i].map(change))
            out.append(d)
        }
        return out.reversed()
    }

    func change(_ c: ChangeCache.Line) -> TemplateFields {
        TemplateFields([
            "summary": .text(c.summary),
            "part": .text(c.part),
            "direction": .text(c.direction.rawValue),
            "directionText": .text(Texts.direction(c.direction)),
        ])
    }

    func receptionText(_ r: Reception) -> String {
        switch r.place {
        case .provinceCentre: r.name?.nonBlank ?? "Trung tâm Phục vụ hành chính công tỉnh"
        case .communeCounter:
            if r.communes.isEmpty { "Bộ phận Một cửa của Ủy ban nhân dân cấp xã" }
            else {
                "Bộ phận Một cửa: " + r.communes.map { code in
                    data.province.communes.first { $0.code == code }?.name ?? code
                }.joined(separator: ", ")
            }
        case .agency: r.name?.nonBlank ?? "Cơ quan thực hiện"
        }
    }

    func stepGroup(_ g: StepGroup) -> TemplateFields {
        var d = TemplateFields()
        d["steps"] = g.steps.map { s -> TemplateFields in
            var step = TemplateFields()
            step["text"] = s.text
            step["title"] = s.title?.nonBlank
            return step
        }
        d["case"] = g.caseName?.nonBlank
        return d
    }

    func channel(_ ch: Channel) -> TemplateFields {
        var d = TemplateFields(capacity: 6)
        d["method"] = ch.method.vietnamese
        d["time"] = Texts.time(ch.time)
        d["description"] = ch.description?.nonBlank
        put(&d, "fees", ch.fees.map { f -> TemplateFields in
            var fee = TemplateFields(capacity: 6)
            fee["kind"] = f.kind.vietnamese
            fee["amount"] = f.vietnamese.nonBlank ?? "Không quy định"
            fee["feeNote"] = f.description?.nonBlank
            if f.amount != nil { fee["text"] = f.text?.nonBlank }
            put(&fee, "exemptions", f.exemptions)
            return fee
        })
        if ch.fees.isEmpty { d["noFee"] = true }
        return d
    }

    func dossier(_ dossier: Dossier) -> TemplateFields? {
        guard !dossier.cases.isEmpty || dossier.sets != nil else { return nil }
        var d = TemplateFields()
        d["sets"] = dossier.sets.map { Texts.count($0, "bộ") }
        d["cases"] = dossier.cases.map { c -> TemplateFields in
            var out = TemplateFields()
            out["items"] = c.items.map { item -> TemplateFields in
                    var i = TemplateFields(capacity: 8)
                    i["name"] = item.name
                    i["presentation"] = item.presentation.vietnamese
                    var counts: [String] = []
                    if item.originals > 0 { counts.append(Texts.count(item.originals, "bản chính")) }
                    if item.copies > 0 { counts.append(Texts.count(item.copies, "bản sao")) }
                    i["counts"] = counts.joined(separator: ", ").nonBlank
                    i["form"] = item.form?.nonBlank
                    i["note"] = item.note?.nonBlank
                    if !item.required { i["optional"] = true }
                    if item.presentation == .show { i["show"] = true }
                    return i
                }
            out["caseName"] = c.name?.nonBlank
            return out
        }
        return d
    }

    func form(_ f: Form) -> TemplateFields {
        var d = TemplateFields(capacity: 4)
        d["name"] = f.name
        d["formCode"] = f.code?.nonBlank
        d["source"] = f.source?.nonBlank
        if let url = Texts.safeURL(f.file) { d["href"] = url } else { d["file"] = f.file?.nonBlank }
        return d
    }

    func legalBasis(_ b: LegalBasis) -> TemplateFields {
        var d = TemplateFields(capacity: 4)
        d["number"] = b.number
        d["title"] = b.title?.nonBlank
        d["article"] = b.article?.nonBlank
        d["issuedOn"] = b.issuedOn?.vietnamese
        return d
    }

    func online(_ o: OnlineService?) -> TemplateFields? {
        guard let o else { return nil }
        var d = TemplateFields(capacity: 3)
        d["level"] = o.level.vietnamese
        d["codes"] = o.codes.joined(separator: ", ").nonBlank
        if o.level == .full || o.level == .partial { d["href"] = Texts.safeURL(o.url) }
        return d
    }

    /// An array, or nil when empty, so the section around it disappears.
    func list<T>(_ items: [T]) -> [T]? { items.isEmpty ? nil : items }
}
