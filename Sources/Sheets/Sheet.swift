import Catalogue

/// One procedure's posting sheet as blocks, before layout (Decree 63, art. 17: every part, forms
/// right after the dossier, where to send feedback).
public struct Sheet: Sendable {
    /// The catalogue key (`1.001193`).
    public var key: String
    /// The code as printed.
    public var code: String
    public var name: String
    /// The field the bundle's table of contents groups the sheet under.
    public var field: String
    public var blocks: [Block]
    /// The running header of continuation pages.
    public var continuation: String { "\(code) – \(name) (tiếp theo)" }
    /// The footer of every page.
    public var footer: String

    /// The sheet as a section of a PDF: its own page count, "(tiếp theo)" on continuation pages.
    public var section: Section {
        Section(blocks: blocks, continuation: continuation, footer: footer, outline: "\(code) – \(name)")
    }

    public init(procedure p: Procedure, key: String, context: SheetContext) {
        self.key = key
        code = p.code?.rawValue ?? key
        name = p.name
        field = p.fields.first?.name ?? "Lĩnh vực khác"
        blocks = SheetContent(procedure: p, code: code, key: key, context: context).blocks
        footer = "Mã \(code) · niêm yết ngày \(context.postedOn.vietnamese)"
    }
}

/// Builds a sheet's blocks, part by part, in the order Decree 63, art. 8 lists them.
struct SheetContent {
    let p: Procedure
    let code: String
    let key: String
    let context: SheetContext
    private(set) var blocks: [Block] = []

    init(procedure: Procedure, code: String, key: String, context: SheetContext) {
        p = procedure
        self.code = code
        self.key = key
        self.context = context
        build()
    }

    private mutating func heading(_ number: Int, _ text: String) {
        blocks.append(Block("\(number). \(text)", style: .heading, keepWithNext: true))
    }

    private mutating func line(_ runs: [Block.Run], indent: Double = 0, spaceBefore: Double? = nil) {
        blocks.append(Block(runs, indent: indent, spaceBefore: spaceBefore))
    }

    /// A label over what follows it (a case, a channel): never left alone at the foot of a page.
    private mutating func label(_ runs: [Block.Run]) {
        blocks.append(Block(runs, spaceBefore: 5, keepWithNext: true))
    }

    private mutating func line(_ text: String, indent: Double = 0) {
        line([Block.Run(text)], indent: indent)
    }

    private mutating func labelled(_ label: String, _ value: String, indent: Double = 0) {
        line([.bold(label + ": "), Block.Run(value)], indent: indent)
    }

    private mutating func build() {
        blocks.append(Block(context.postingBody(for: p), style: .banner, alignment: .center))
        blocks.append(Block("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH", style: .title, alignment: .center))

        var head: [Block.Run] = [.bold("Tên thủ tục: "), Block.Run(p.name), Block.Run("\n")]
        head += [.bold("Mã thủ tục: "), Block.Run(code), Block.Run("\n")]
        if !p.fields.isEmpty {
            head += [.bold("Lĩnh vực: "), Block.Run(p.fields.map(\.name).joined(separator: "; ")), Block.Run("\n")]
        }
        if !p.levels.isEmpty {
            head += [.bold("Cấp thực hiện: "), Block.Run(p.levels.map(\.vietnamese).joined(separator: "; ")), Block.Run("\n")]
        }
        head += [.bold("Nơi tiếp nhận hồ sơ: "), Block.Run(receivingPlaces.joined(separator: "; "))]
        if p.type != .ordinary { head += [Block.Run("\n"), .bold("Loại thủ tục: "), Block.Run(p.type.vietnamese)] }
        let url = context.url(for: p, key: key)
        if let url {
            let page = SitePath.procedure(p.code ?? ProcedureCode(key))
            head += [Block.Run("\n"), .bold("Tra cứu: "), Block.Run(url, link: page)]
        }
        blocks.append(Block(head, spaceBefore: 10, qrCode: url))

        var n = 0
        n += 1
        heading(n, "Trình tự thực hiện")
        if p.steps.isEmpty { line("Không quy định.") }
        for group in p.steps {
            if let name = group.caseName { label([.italic(name)]) }
            for (i, step) in group.steps.enumerated() {
                let title = step.title ?? "Bước \(i + 1)"
                line([.bold(title.hasSuffix(":") || title.hasSuffix(".") ? title + " " : title + ": "), Block.Run(step.text)], indent: 12)
            }
        }

        n += 1
        heading(n, "Cách thức thực hiện, thời hạn giải quyết, phí, lệ phí")
        if p.channels.isEmpty { line("Không quy định.") }
        for channel in p.channels.sorted(by: { $0.method < $1.method }) {
            label([.bold(channel.method.vietnamese)])
            labelled("Thời hạn giải quyết", channel.time.vietnamese, indent: 12)
            for stage in channel.time.stages {
                let value = [stage.value?.vietnamese, stage.unit?.lowercaseVietnamese].compactMap { $0 }.joined(separator: " ")
                line("– \(stage.name): \(value)", indent: 24)
            }
            if channel.fees.isEmpty {
                labelled("Phí, lệ phí", "Không", indent: 12)
            }
            for fee in channel.fees {
                var value = fee.vietnamese
                if let d = fee.description, !d.isEmpty { value += value.isEmpty ? d : " (\(d))" }
                if !fee.exemptions.isEmpty { value += ". Miễn: " + fee.exemptions.joined(separator: "; ") }
                labelled(fee.kind.vietnamese, value, indent: 12)
            }
            if let d = channel.description, !d.isEmpty { line(d, indent: 12) }
        }

        n += 1
        heading(n, "Thành phần, số lượng hồ sơ")
        if p.dossier.cases.isEmpty || p.dossier.allItems.isEmpty { line("Không phải nộp hồ sơ.") }
        for dossierCase in p.dossier.cases {
            if let name = dossierCase.name { label([.italic(name)]) }
            for item in dossierCase.items { line(itemRuns(item), indent: 12) }
        }
        if let sets = p.dossier.sets { labelled("Số lượng hồ sơ", "\(sets < 10 ? "0" : "")\(sets) bộ") }
        if !p.forms.isEmpty {
            label([.bold("Mẫu đơn, tờ khai kèm theo:")])
            for form in p.forms {
                var text = "– " + form.name
                if let code = form.code, !TextSearch.contains(form.name, code) { text += " (\(code))" }
                if let source = form.source { text += ", ban hành kèm theo \(source)" }
                if let file = form.file { text += "; tải tại: \(file)" }
                line(text, indent: 12)
            }
        }

        n += 1
        heading(n, "Đối tượng thực hiện")
        line(p.subjects.isEmpty ? "Cá nhân, tổ chức." : p.subjects.joined(separator: "; "))

        n += 1
        heading(n, "Cơ quan thực hiện")
        if p.agencies.isEmpty { line("Không quy định.") }
        for role in Agency.Role.allCases {
            let names = p.agencies(role)
            if !names.isEmpty { labelled(role.vietnamese, names.joined(separator: "; ")) }
        }

        n += 1
        heading(n, "Kết quả thực hiện")
        if p.results.isEmpty { line("Không quy định.") }
        for result in p.results { line("– " + result.name, indent: 12) }

        n += 1
        heading(n, "Yêu cầu, điều kiện")
        if p.requirements.isEmpty { line("Không.") }
        for requirement in p.requirements {
            var text = "– " + requirement.text
            if let basis = requirement.basis { text += " (\(basis))" }
            line(text, indent: 12)
        }

        n += 1
        heading(n, "Căn cứ pháp lý")
        if p.legalBases.isEmpty { line("Không quy định.") }
        for basis in p.legalBases { line("– " + Self.describe(basis), indent: 12) }

        n += 1
        heading(n, "Dịch vụ công trực tuyến")
        let level = p.online?.level ?? .none
        labelled("Mức độ", level.vietnamese)
        if let codes = p.online?.codes, !codes.isEmpty { labelled("Mã dịch vụ", codes.joined(separator: ", ")) }
        if level == .full || level == .partial {
            let place = p.online?.url ?? "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)"
            labelled("Nộp hồ sơ trực tuyến", "đăng nhập bằng tài khoản định danh điện tử (VNeID) tại \(place), chọn thủ tục theo mã \(code), khai và đính kèm thành phần hồ sơ, nộp phí, lệ phí (nếu có) trực tuyến.")
            if let online = p.channel(.online)?.description, !online.isEmpty { line(online, indent: 12) }
        }

        if let notes = p.notes, !notes.isEmpty {
            n += 1
            heading(n, "Ghi chú")
            line(notes)
        }

        n += 1
        heading(n, "Công bố và niêm yết")
        var announced = "Quyết định số \(context.decisionNumber)"
        if let d = context.decision {
            announced += " ngày \(d.signedOn.vietnamese) của \(authority(of: d))"
        }
        labelled("Công bố tại", announced)
        labelled("Có hiệu lực từ ngày", context.inForceSince.vietnamese)
        labelled("Ngày niêm yết", context.postedOn.vietnamese)

        n += 1
        heading(n, "Tiếp nhận phản ánh, kiến nghị")
        if let feedback = context.province.feedback {
            label([.bold(feedback.agency)])
            contact(address: feedback.address, phone: feedback.phone, email: feedback.email)
        }
        if let commune = context.commune {
            label([.bold("Bộ phận Một cửa \(commune.name)")])
            contact(address: commune.address, phone: commune.phone, email: commune.email)
        }
        if context.province.feedback == nil && context.commune == nil {
            line("Cổng Dịch vụ công quốc gia, mục Phản ánh kiến nghị (dichvucong.gov.vn).")
        }
    }

    private mutating func contact(address: String?, phone: String?, email: String?) {
        if let address { labelled("Địa chỉ", address, indent: 12) }
        if let phone { labelled("Điện thoại", phone, indent: 12) }
        if let email { labelled("Thư điện tử", email, indent: 12) }
    }

    private var receivingPlaces: [String] {
        var places: [String] = []
        let agencies = p.receivingAgencies
        for (i, r) in p.reception.enumerated() {
            let place: String
            if let commune = context.commune, r.includes(commune: commune.code) {
                place = "Bộ phận Một cửa \(commune.name)"
            } else {
                place = agencies[i]
            }
            if !places.contains(place) { places.append(place) }
        }
        return places.isEmpty ? p.agencies(.performing) : places
    }

    private func itemRuns(_ item: DossierItem) -> [Block.Run] {
        var runs: [Block.Run] = [Block.Run("– " + item.name)]
        if let form = item.form, !TextSearch.contains(item.name, form) { runs.append(Block.Run(" (\(form))")) }
        var counts: [String] = []
        if item.originals > 0 { counts.append("\(Self.two(item.originals)) bản chính") }
        if item.copies > 0 { counts.append("\(Self.two(item.copies)) bản sao") }
        var tail = counts.joined(separator: ", ")
        if item.presentation == .show { tail += tail.isEmpty ? "Xuất trình" : " (xuất trình)" }
        if !item.required { tail += tail.isEmpty ? "Nếu có" : "; nếu có" }
        if !tail.isEmpty { runs.append(.italic(": " + tail)) }
        if let note = item.note, !note.isEmpty { runs.append(Block.Run(". " + note)) }
        return runs
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func describe(_ basis: LegalBasis) -> String {
        var text = basis.number
        if let title = basis.title { text += " – " + title }
        if let date = basis.issuedOn { text += " ngày \(date.vietnamese)" }
        if let article = basis.article { text += " (\(article))" }
        return text
    }

    /// The authority as a sentence reads it: decisions print it in capitals, the province file in
    /// ordinary case ("Ủy ban nhân dân tỉnh Mẫu"), which proper names need.
    func authority(of decision: Decision) -> String {
        if let own = context.province.authority, own.uppercased() == decision.authority.uppercased() { return own }
        return decision.authority
    }
}
