import Catalogue
import Formats
import Foundation

/// The field-by-field mapping of a portal record onto a `Procedure` (documented in
/// docs/import-dvcqg.md). Each part the model holds is read; each value it cannot hold is a warning
/// at its JSON path; the portal's bookkeeping (ids, storage paths, timestamps) is ignored on purpose.
struct PortalMapping {
    let root: PortalObject

    struct Mapped {
        var procedure: Procedure
        var announcedBy: AnnouncingDecision?
        var updatedAt: Int64?
    }

    func map() -> Mapped? {
        let r = root
        r.ignore("id", "createdAt", "state", "departmentPromulgateId", "departmentPromulgateCode", "departmentPromulgateName")

        let codeText = r.requiredLine("code")
        let nameText = r.requiredName("name")
        if let codeText, codeText.contains(where: \.isWhitespace) {
            r.diagnostics.error("code", "'\(codeText)' is not a procedure code: a code has no spaces, e.g. 1.010038", at: r.raw("code")!)
        }
        if let notation = r.line("codeNotation"), notation != codeText {
            r.diagnostics.warning("codeNotation", "'\(notation)' is not imported: the draft uses 'code' (\(codeText ?? "")), and the model keeps one code", at: r.raw("codeNotation")!)
        }

        var notes: [String] = []
        let levels = self.levels()
        let fields = self.fields()
        let reception = r.line("dossierReceivingAddresses").map { [Reception(place: .agency, name: $0)] } ?? []
        let steps = r.objects("executionSteps").compactMap(stepGroup)
        var channels = self.channels()
        let dossier = self.dossier(notes: &notes)
        let subjects = self.subjects()
        let agencies = self.agencies()
        let results = r.objects("resultsDetails").compactMap { o -> Outcome? in
            defer { o.finish() }
            o.ignore("id")
            guard let name = o.line("name") else { return nil }
            return Outcome(name: name, code: code(o, "code"))
        }
        let legalBases = self.legalBases()
        let requirementsText = r.prose("requirementsAndConditions")
        let requirements = requirementsText.flatMap { PortalText.meansNothing($0) ? nil : [Requirement(text: $0)] } ?? []
        if let description = r.prose("description"), !PortalText.meansNothing(description),
           description != requirementsText {
            notes.append(description)
        }
        if let note = r.prose("note"), !PortalText.meansNothing(note) { notes.append(note) }
        let keywords = (r.string("keywords") ?? "").split(whereSeparator: { ",;\n".contains($0) })
            .map { PortalText.line(String($0)) }.filter { !$0.isEmpty }
        let online = self.online(channels: &channels, procedureName: nameText)
        let type = self.type()
        let announcedBy = self.announcingDecision()
        let updatedAt = r.count64("updatedAt")

        r.unheld("decisionNo", "the draft takes the announcing decision from procedureProposal")
        r.unheld("formalityType", "the model does not record whether local rules detail the procedure")
        r.unheld("formalityTargetType", "the model has no place for it")
        r.unheld("returningMethods", "the model does not record how results are returned")
        r.unheld("fees", "fees are read per submission channel (executionMethods[].fees); these belong to none")
        r.unheld("profileComponents", "dossier items are read per case (executionCases[].profileComponents); these belong to none")
        r.unheld("targetObjects", "subjects are read from subjectTypesDetails")
        r.unheld("procedureRelatedGroup", "the model does not link groups of procedures")
        r.unheld("serviceGroupsDetails", "the model has no service groups")
        r.unheld("departmentDetails", "agencies are read from departmentsExecuting, departmentsAuthority, departmentsAuthorized and departmentsCoordinating")
        r.unheld("isOtherAgency", "the model has no level for agencies outside the province, commune and ministry levels")
        r.unheld("isUndetermined", "the model has no undetermined level")
        r.unheld("isVertical", "the model does not record whether a vertical (ngành dọc) agency carries it out")
        idLists()
        r.finish()

        guard let codeText, let nameText else { return nil }
        let procedure = Procedure(
            code: ProcedureCode(codeText), name: nameText, levels: levels, fields: fields, reception: reception,
            steps: steps, channels: channels, dossier: dossier.dossier, subjects: subjects, agencies: agencies,
            results: results, forms: dossier.forms, requirements: requirements, legalBases: legalBases,
            online: online, type: type, keywords: keywords,
            notes: notes.isEmpty ? nil : StoredText.prose(notes.joined(separator: "\n\n")))
        return Mapped(procedure: procedure, announcedBy: announcedBy, updatedAt: updatedAt)
    }

    // MARK: - Parts

    private func levels() -> [Level] {
        let flags: [(String, Level)] = [
            ("isProvince", .province), ("isWard", .commune), ("isSharedService", .shared),
            ("isNonTerritorial", .nonTerritorial), ("isDistrict", .district), ("isMinistry", .ministry),
        ]
        return flags.compactMap { root.bool($0.0) == true ? $0.1 : nil }
    }

    private func fields() -> [Field] {
        var fields: [Field] = []
        for o in root.objects("categoriesDetails") {
            o.ignore("id")
            if let name = o.line("name") {
                let field = Field(name: name, code: code(o, "code"))
                if !fields.contains(field) { fields.append(field) }
            }
            o.finish()
        }
        // `category` repeats the first field; read it only when it adds one.
        if let o = root.object("category") {
            o.ignore("id")
            if let name = o.line("name") {
                let field = Field(name: name, code: code(o, "code"))
                if !fields.contains(field) { fields.append(field) }
            }
            o.finish()
        }
        return fields
    }

    private func stepGroup(_ o: PortalObject) -> StepGroup? {
        defer { o.finish() }
        let caseName = o.name("name").flatMap { $0.isEmpty ? nil : $0 }
        var steps = o.storedProse("description").map(StepSplitter.split(prose:)) ?? []
        if steps.isEmpty, let caseName { steps = [Step(text: caseName)] }
        guard !steps.isEmpty else { return nil }
        return StepGroup(caseName: steps.count == 1 && steps[0].text == caseName ? nil : caseName, steps: steps)
    }

    // MARK: Channels, times and fees

    private struct MethodEntry {
        var method: SubmissionMethod
        var value: DecimalNumber?
        var unit: TimeUnit?
        var text: String?
        var description: String?
        var fees: [Fee]
        /// The `executionMethods` entry, for messages.
        var object: PortalObject
    }

    private func channels() -> [Channel] {
        var entries: [MethodEntry] = []
        for o in root.objects("executionMethods") {
            defer { o.finish() }
            guard let methodText = o.string("submissionMethod") else {
                o.diagnostics.error(o.path, "has no submissionMethod; expected DIRECT, ONLINE or POSTAL", at: o.value)
                continue
            }
            let method: SubmissionMethod
            switch methodText.uppercased() {
            case "DIRECT", "OFFLINE", "IN_PERSON": method = .inPerson
            case "ONLINE": method = .online
            case "POSTAL", "POST": method = .postal
            default:
                o.diagnostics.warning(o.child("submissionMethod"), "'\(methodText)' is not imported: the model knows in-person (DIRECT), online (ONLINE) and postal (POSTAL) submission", at: o.raw("submissionMethod")!)
                continue
            }
            var entry = MethodEntry(method: method, fees: [], object: o)
            (entry.value, entry.unit, entry.text) = time(o, valueKey: "processingTime", unitKey: "processingTimeUnit")
            entry.description = o.prose("description").flatMap { $0.isEmpty ? nil : $0 }
            entry.fees = o.objects("fees").compactMap(fee)
            entries.append(entry)
        }
        var channels: [Channel] = []
        for method in SubmissionMethod.allCases {
            let same = entries.filter { $0.method == method }
            guard let first = same.first else { continue }
            if same.count == 1 {
                channels.append(Channel(
                    method: method, time: ProcessingTime(value: first.value, unit: first.unit, text: first.text),
                    fees: first.fees, description: first.description))
                continue
            }
            // Several entries for one method: the portal's way of giving the time per stage.
            let stages = same.enumerated().map { k, e in
                ProcessingTime.Stage(
                    name: e.description.map { PortalText.name($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "Giai đoạn \(k + 1)",
                    value: e.value, unit: e.unit)
            }
            let units = Set(same.map(\.unit))
            var total: DecimalNumber?
            if units.count == 1, same.allSatisfy({ $0.value != nil }) {
                total = DecimalNumber(same.reduce(Decimal(0)) { $0 + $1.value!.decimal })
            }
            let texts = same.compactMap(\.text)
            channels.append(Channel(
                method: method,
                time: ProcessingTime(value: total, unit: units.count == 1 ? first.unit : nil,
                                     text: texts.isEmpty ? nil : texts.joined(separator: "; "), stages: stages),
                fees: same.flatMap(\.fees)))
            root.diagnostics.warning(
                first.object.path, "\(same.count) entries for \(method.vietnamese.lowercased()) submission are read as stages of one processing time\(total.map { " (\($0.vietnamese) in all)" } ?? ""); check the draft",
                at: first.object.value)
        }
        return channels
    }

    /// A time: value and unit; an unknown unit keeps the wording as text.
    private func time(_ o: PortalObject, valueKey: String, unitKey: String) -> (DecimalNumber?, TimeUnit?, String?) {
        var value: DecimalNumber?
        var text: String?
        if let (number, node) = o.number(valueKey) {
            switch number {
            case .literal(let n): value = decimal(n, o, valueKey, node)
            case .text(let s):
                value = AmountText.decimal(PortalText.line(s))
                if value == nil { text = PortalText.line(s) }
            }
            if let v = value, v < 0 {
                o.diagnostics.error(o.child(valueKey), "\(n(v)) is negative; a processing time is 0 or more", at: node)
                value = nil
            }
        }
        guard let unitText = o.string(unitKey) else { return (value, nil, text) }
        let unit: TimeUnit?
        switch unitText.uppercased() {
        case "WORKING_DAY", "WORKING_DAYS": unit = .workingDays
        case "DAY", "DAYS", "CALENDAR_DAY": unit = .days
        case "HOUR", "HOURS", "WORKING_HOUR": unit = .hours
        case "MONTH", "MONTHS": unit = .months
        case "SAME_DAY", "IN_DAY": unit = .sameDay
        default:
            unit = nil
            o.diagnostics.warning(o.child(unitKey), "'\(unitText)' is not a unit tthc knows; the time is kept as text", at: o.raw(unitKey)!)
            text = [value.map(n), unitText].compactMap { $0 }.joined(separator: " ")
            return (nil, nil, text)
        }
        return (unit == .sameDay ? nil : value, unit, text)
    }

    private func fee(_ o: PortalObject) -> Fee? {
        defer { o.finish() }
        o.ignore("currencyId")
        o.unheld("attachment", "the model does not attach files to fees")
        var kind = Fee.Kind.fee
        if let type = o.string("type") {
            switch type.uppercased() {
            case "FEE", "LE_PHI": kind = .fee
            case "SERVICE_FEE", "CHARGE", "PHI": kind = .charge
            default:
                o.diagnostics.warning(o.child("type"), "'\(type)' is not a fee type tthc knows (FEE = lệ phí, SERVICE_FEE = phí); read as lệ phí", at: o.raw("type")!)
            }
        }
        var amount: DecimalNumber?
        var currency: String?
        var text: String?
        if let (number, node) = o.number("value") {
            switch number {
            case .literal(let literal): amount = decimal(literal, o, "value", node)
            case .text(let s):
                if let parsed = AmountText.parse(s) {
                    amount = parsed.value
                    currency = parsed.currency
                } else {
                    text = PortalText.line(s)
                }
            }
            if let a = amount, a < 0 {
                o.diagnostics.error(o.child("value"), "\(n(a)) is negative; a fee is 0 or more", at: node)
                amount = nil
            }
        }
        if let name = o.string("currencyName") {
            switch Self.currency(name) {
            case .some(.some(let code)): currency = code
            case .some(.none): break
            case .none:
                o.diagnostics.warning(o.child("currencyName"), "'\(name)' is not a currency tthc knows; the amount is kept as text", at: o.raw("currencyName")!)
                if let a = amount { text = "\(a.vietnamese) \(PortalText.line(name))" }
                amount = nil
                currency = nil
            }
        }
        let description = o.prose("description").flatMap { $0.isEmpty ? nil : $0 }
        if amount == nil, text == nil, description == nil { return nil }
        return Fee(kind: kind, amount: amount, currency: amount == nil ? nil : currency, text: text, description: description)
    }

    /// nil: unknown; .some(nil): đồng; .some(code): another currency.
    static func currency(_ name: String) -> String?? {
        let key = SearchKeyFolding.searchKey(name)
        switch key {
        case "viet nam dong", "vnd", "dong", "d", "dong viet nam": return .some(nil)
        case "usd", "do la my", "dola my", "us dollar": return .some("USD")
        case "eur", "euro": return .some("EUR")
        default:
            let trimmed = StoredText.singleLine(name)
            if trimmed.utf8.count == 3, trimmed.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) { return .some(trimmed) }
            return nil
        }
    }

    // MARK: Dossier

    struct DossierResult {
        var dossier: Dossier
        var forms: [Form]
    }

    private func dossier(notes: inout [String]) -> DossierResult {
        var cases: [DossierCase] = []
        var forms: [Form] = []
        var headingCase: Int?
        for o in root.objects("executionCases") {
            defer { o.finish() }
            let heading = o.name("name").map { DossierHeading(name: $0) } ?? DossierHeading(nil)
            var items: [(item: DossierItem, quantified: Bool, node: JSONValue)] = []
            for c in o.objects("profileComponents") {
                if let read = item(c, forms: &forms) { items.append(read) }
            }
            guard !items.isEmpty else { continue }
            switch heading {
            case .notes:
                notes += items.map { PortalText.stripBullet($0.item.name) }
            case .submit, .show:
                let presentation: DossierItem.Presentation = heading == .show ? .show : .submit
                if headingCase == nil {
                    cases.append(DossierCase())
                    headingCase = cases.count - 1
                }
                cases[headingCase!].items += items.map { var i = $0.item; i.presentation = presentation; return i }
            case .dossierCase(let name):
                // A case none of whose papers has a quantity or a form holds notes, not papers.
                if items.allSatisfy({ !$0.quantified && $0.item.form == nil }) {
                    notes += items.map { PortalText.stripBullet($0.item.name) }
                    o.diagnostics.warning(o.path, "no paper in this case has a quantity or a form, so its text is read as notes, not dossier items; check the draft", at: o.value)
                    continue
                }
                for entry in items where !entry.quantified {
                    o.diagnostics.warning(o.path, "'\(entry.item.name.prefix(60))' has 0 originals and 0 copies; read as 1 original", at: entry.node)
                }
                cases.append(DossierCase(name: name, items: items.map {
                    var i = $0.item
                    if !$0.quantified { i.originals = 1 }
                    return i
                }))
            }
        }
        return DossierResult(dossier: Dossier(cases: cases), forms: forms)
    }

    private func item(_ o: PortalObject, forms: inout [Form]) -> (item: DossierItem, quantified: Bool, node: JSONValue)? {
        defer { o.finish() }
        o.ignore("profileComponentId", "id")
        o.unheld("hasElectronicForm", "the model does not record whether the paper has an electronic form")
        o.unheld("isProcessingResult", "the model does not mark papers that are results of another procedure")
        o.unheld("source", "the model does not record where a paper comes from")
        guard let name = o.name("name"), !name.isEmpty else {
            o.diagnostics.warning(o.path, "a dossier item with no name is left out", at: o.value)
            _ = o.raw("code"); _ = o.raw("originalQty"); _ = o.raw("copyQty"); _ = o.raw("required"); _ = o.raw("attachments")
            return nil
        }
        let originals = o.count("originalQty") ?? 1
        let copies = o.count("copyQty") ?? 0
        let form = Self.form(in: name)
        let formCode = form.map { $0.code }
        var files: [String] = []
        for a in o.objects("attachments") {
            a.ignore("id", "bucketName", "filePath")
            if let file = a.line("fileName") { files.append(file) }
            a.finish()
        }
        for file in files where !forms.contains(where: { $0.file == file }) {
            forms.append(Form(name: name, code: formCode, file: file))
        }
        let item = DossierItem(
            name: name, code: code(o, "code"), form: form.map(\.label) ?? files.first,
            originals: originals, copies: copies, required: o.bool("required") ?? true)
        return (item, originals > 0 || copies > 0, o.value)
    }

    /// "Mẫu CT01", "mẫu NA14", "Mẫu số 02" in a paper's name: the form as printed ("Mẫu CT01",
    /// "Mẫu số 02") and its code ("CT01", "02").
    ///
    /// On the name's bytes: words are split at ASCII separators, "mẫu" and "số" are recognised by their
    /// bytes, and a code is ASCII letters, digits and "/.-" — so no Character is made, and a String
    /// only for the form found. (Splitting, reversing and testing Characters cost about 40,000
    /// instructions per paper that mentions a form.)
    static func form(in name: String) -> (label: String, code: String)? {
        var name = name
        return name.withUTF8 { p -> (label: String, code: String)? in
            let n = p.count
            // Most names cite no form: look for the bytes of "ẫ" or "Ẫ" (E1 BA AB / AA) first.
            var first = -1
            var k = 0
            while k + 2 < n {
                if p[k] == 0xE1, p[k + 1] == 0xBA, p[k + 2] | 1 == 0xAB { first = k; break }
                k += 1
            }
            guard first >= 0 else { return nil }
            func isSeparator(_ b: UInt8) -> Bool {
                b == UInt8(ascii: " ") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
            }
            // Words before the one holding the first "ẫ" cannot be "mẫu".
            var start = first
            while start > 0, !isSeparator(p[start - 1]) { start -= 1 }
            /// The next word at or after `from` (nil at the end).
            func word(from: Int) -> Range<Int>? {
                var a = from
                while a < n, isSeparator(p[a]) { a += 1 }
                guard a < n else { return nil }
                var b = a
                while b < n, !isSeparator(p[b]) { b += 1 }
                return a..<b
            }
            // Five bytes m/M, ẫ/Ẫ (E1 BA AB/AA), u/U: the only five-byte words that lowercase to "mẫu".
            func isMau(_ w: Range<Int>) -> Bool {
                let i = w.lowerBound
                return w.count == 5 && p[i] | 0x20 == UInt8(ascii: "m") && p[i + 1] == 0xE1 && p[i + 2] == 0xBA
                    && p[i + 3] | 1 == 0xAB && p[i + 4] | 0x20 == UInt8(ascii: "u")
            }
            // "so", "số" in any case (ố/Ố: E1 BB 91 / 90): the words that lowercase to one of them.
            func isSo(_ w: Range<Int>) -> Bool {
                let i = w.lowerBound
                guard p[i] | 0x20 == UInt8(ascii: "s") else { return false }
                if w.count == 2 { return p[i + 1] | 0x20 == UInt8(ascii: "o") }
                return w.count == 4 && p[i + 1] == 0xE1 && p[i + 2] == 0xBB && p[i + 3] | 1 == 0x91
            }
            func isAlphanumeric(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
            }
            var current = word(from: start)
            while let w = current {
                let next = word(from: w.upperBound)
                defer { current = next }
                guard isMau(w), var code = next else { continue }
                var prefix = ""
                if isSo(code) {
                    guard let after = word(from: code.upperBound) else { continue }
                    prefix = "số "
                    code = after
                }
                // Trailing '.' and ':' dropped; then ASCII letters and digits first, a digit somewhere,
                // and nothing but letters, digits and "/.-".
                var end = code.upperBound
                while end > code.lowerBound, p[end - 1] == UInt8(ascii: ".") || p[end - 1] == UInt8(ascii: ":") { end -= 1 }
                let codeBytes = code.lowerBound..<end
                guard !codeBytes.isEmpty, isAlphanumeric(p[codeBytes.lowerBound]),
                      codeBytes.contains(where: { p[$0] >= 0x30 && p[$0] <= 0x39 }),
                      codeBytes.allSatisfy({ isAlphanumeric(p[$0]) || p[$0] == UInt8(ascii: "/") || p[$0] == UInt8(ascii: ".") || p[$0] == UInt8(ascii: "-") })
                else { continue }
                let text = String(decoding: UnsafeBufferPointer(rebasing: p[codeBytes]), as: UTF8.self)
                return ("Mẫu \(prefix)\(text)", text)
            }
            return nil
        }
    }

    // MARK: Subjects, agencies, legal bases

    private func subjects() -> [String] {
        var names: [String] = []
        var codes: [String] = []
        let objects = root.objects("subjectTypesDetails")
        for o in objects {
            o.ignore("id")
            if let c = o.line("code") { codes.append(c) }
            if let name = o.line("name"), !names.contains(name) { names.append(name) }
            o.finish()
        }
        if !codes.isEmpty, let first = objects.first {
            root.diagnostics.warning(
                "subjectTypesDetails[].code", "\(codes.count) subject code(s) (\(codes.prefix(5).joined(separator: ", "))\(codes.count > 5 ? ", …" : "")) are not imported: the model keeps subjects by name",
                at: first.value)
        }
        return names
    }

    private func agencies() -> [Agency] {
        let roles: [(lists: [String], text: String, role: Agency.Role)] = [
            (["departmentsExecuting", "unitGroupsExecuting"], "executingAgencies", .performing),
            (["departmentsAuthority", "unitGroupsAuthority"], "delegatedAgencies", .competent),
            (["departmentsAuthorized", "unitGroupsAuthorized"], "authorizedAgencies", .authorised),
            (["departmentsCoordinating", "unitGroupsCoordinating"], "coordinatingAgencies", .coordinating),
        ]
        var agencies: [Agency] = []
        var codes: [String] = []
        var firstCoded: JSONValue?
        for (lists, textKey, role) in roles {
            var names: [String] = []
            for list in lists {
                for o in root.objects(list) {
                    o.ignore("id")
                    if let c = o.line("code") {
                        codes.append(c)
                        firstCoded = firstCoded ?? o.value
                    }
                    if let name = o.line("name"), !names.contains(name) { names.append(name) }
                    o.finish()
                }
            }
            // The text fields repeat the lists' names; they count only when the lists are empty.
            if let text = root.line(textKey), names.isEmpty, !PortalText.meansNothing(text) {
                names.append(text)
            }
            agencies += names.map { Agency(role: role, name: $0) }
        }
        if !codes.isEmpty, let firstCoded {
            root.diagnostics.warning(
                "departments*[].code", "\(codes.count) agency code(s) (\(codes.prefix(3).joined(separator: ", "))\(codes.count > 3 ? ", …" : "")) are not imported: the model keeps agencies by name",
                at: firstCoded)
        }
        return agencies
    }

    private func legalBases() -> [LegalBasis] {
        var bases: [LegalBasis] = []
        var seenIDs: Set<String> = []
        for o in root.objects("legalBasisesDetails") {
            defer { o.finish() }
            // The portal sometimes lists one text several times (same id): a glitch, not two bases.
            if let id = o.string("id"), !seenIDs.insert(id).inserted { o.ignore("name", "code"); continue }
            let name = o.line("name")
            let codeText = o.line("code")
            guard let number = Self.documentNumber(codeText) ?? Self.documentNumber(name) ?? codeText ?? name else { continue }
            let title = name == number ? nil : name
            let basis = LegalBasis(number: number, title: title)
            if !bases.contains(basis) { bases.append(basis) }
        }
        return bases
    }

    /// The number of a legal text inside its citation: "Thông tư số 70/2026/TT-BCA" → "70/2026/TT-BCA",
    /// "Nghị định 118/2025/NĐ-CP " → "118/2025/NĐ-CP", "nghị định 146/2025" → "146/2025".
    static func documentNumber(_ text: String?) -> String? {
        guard var text else { return nil }
        if let plain = text.withUTF8(documentNumber(plain:)) { return plain }
        return documentNumber(characters: text)
    }

    /// `documentNumber` on the bytes of text whose every character is one Unicode scalar that never
    /// joins a neighbour into one Character (ASCII, Latin letters with their accents, Vietnamese
    /// letters, common punctuation): then splitting bytes at the ASCII separators splits exactly the
    /// Characters the general version splits. `.some(nil)`: no number; nil: other text, which takes
    /// the general version.
    private static func documentNumber(plain p: UnsafeBufferPointer<UInt8>) -> String?? {
        var k = 0
        while k < p.count {
            let b = p[k]
            if b < 0x80 {
                // Control characters (CR LF is one Character) take the general version.
                if b < 0x20 { return nil }
                k += 1
            } else if b >= 0xC2 && b <= 0xC9 {
                k += 2  // U+0080–U+027F: Latin-1 and Latin Extended-A/B letters and signs
            } else if b == 0xE1, k + 1 < p.count, p[k + 1] >= 0xB8, p[k + 1] <= 0xBB {
                k += 3  // U+1E00–U+1EFF: Latin Extended Additional (Vietnamese letters)
            } else if b == 0xE2, k + 2 < p.count, (p[k + 1] == 0x80 && p[k + 2] >= 0x90) || (p[k + 1] == 0x81 && p[k + 2] <= 0x9E) {
                k += 3  // U+2010–U+205E: dashes, quotes, bullets, ellipsis
            } else {
                return nil
            }
        }
        func isSeparator(_ b: UInt8) -> Bool {
            b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: ":")
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var start = 0
        while start < p.count {
            while start < p.count, isSeparator(p[start]) { start += 1 }
            var end = start
            while end < p.count, !isSeparator(p[end]) { end += 1 }
            guard start < end else { break }
            let token = UnsafeBufferPointer(rebasing: p[start..<end])
            start = end
            // "70/2026/TT-BCA": digits (or '.') from a digit, '/', four digits, then parts not empty.
            guard let slash = token.firstIndex(of: UInt8(ascii: "/")), slash > 0, isDigit(token[0]),
                  token[0..<slash].allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") })
            else { continue }
            let second = slash + 1
            guard second + 4 <= token.count, token[second..<(second + 4)].allSatisfy(isDigit),
                  second + 4 == token.count || token[second + 4] == UInt8(ascii: "/")
            else { continue }
            var k = second + 4
            var partsOK = true
            while k < token.count {
                // token[k] is '/': the part after it must not be empty.
                let next = k + 1
                var partEnd = next
                while partEnd < token.count, token[partEnd] != UInt8(ascii: "/") { partEnd += 1 }
                if partEnd == next { partsOK = false; break }
                k = partEnd
            }
            guard partsOK else { continue }
            var from = 0, to = token.count
            while from < to, token[from] == UInt8(ascii: ".") { from += 1 }
            while to > from, token[to - 1] == UInt8(ascii: ".") { to -= 1 }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: token[from..<to]), as: UTF8.self))
        }
        return .some(nil)
    }

    static func documentNumber(characters text: String) -> String? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0 == ":" })
        for token in tokens {
            let parts = token.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2, let first = parts.first, !first.isEmpty,
                  first.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), first.first!.isNumber,
                  parts[1].count == 4, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                  parts.dropFirst(2).allSatisfy({ !$0.isEmpty })
            else { continue }
            return String(token).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        return nil
    }

    // MARK: Online service, type, announcing decision

    private func online(channels: inout [Channel], procedureName: String?) -> OnlineService? {
        var codes: [String] = []
        for o in root.objects("cases") {
            defer { o.finish() }
            o.ignore("id")
            o.unheld("profileComponents", "dossier items are read from executionCases")
            guard let c = code(o, "code") else { continue }
            if !codes.contains(c) { codes.append(c) }
            if let name = o.name("name"), let procedureName, name != procedureName {
                o.diagnostics.warning(o.child("name"), "'\(name)' is not imported: the model does not name online services", at: o.raw("name")!)
            }
            if let day = o.object("processingDay") {
                let (value, unit, text) = time(day, valueKey: "qty", unitKey: "type")
                day.finish()
                let onlineTime = channels.first { $0.method == .online }?.time
                if let onlineTime, onlineTime.value == value, onlineTime.unit == unit { continue }
                let shown = text ?? [value.map(n), unit?.vietnamese.lowercased()].compactMap { $0 }.joined(separator: " ")
                o.diagnostics.warning(
                    o.child("processingDay"),
                    onlineTime == nil
                        ? "\(shown) is not imported: the record has no online submission channel to hold the time"
                        : "\(shown) is not imported: it differs from the online channel's time, which the draft keeps",
                    at: day.value)
            }
        }
        let offlineOnly = root.bool("isOfflineOnly") == true
        let full = root.bool("isFullProcess") == true
        let level: OnlineLevel
        if offlineOnly {
            level = .none
        } else if full {
            level = .full
        } else if !codes.isEmpty || channels.contains(where: { $0.method == .online }) {
            level = .partial
        } else {
            return nil
        }
        return OnlineService(level: level, codes: codes)
    }

    private func type() -> ProcedureType {
        if root.bool("isInternal") == true {
            _ = root.raw("type")
            return .internal
        }
        guard let text = root.string("type") else { return .ordinary }
        switch text.uppercased() {
        case "STANDARD", "NORMAL", "ORDINARY": return .ordinary
        case "SPECIAL", "SPECIFIC": return .special
        case "LINKED", "INTERCONNECTED", "INTER_CONNECTED": return .linked
        case "INTERNAL": return .internal
        default:
            root.diagnostics.warning("type", "'\(text)' is not a procedure type tthc knows; read as ordinary", at: root.raw("type")!)
            return .ordinary
        }
    }

    private func announcingDecision() -> AnnouncingDecision? {
        guard let o = root.object("procedureProposal") else { return nil }
        defer { o.finish() }
        o.ignore("id", "publicationDate")
        let number = o.line("proposalNumber")
        if let other = o.line("decisionNumber"), other != number {
            o.diagnostics.warning(o.child("decisionNumber"), "'\(other)' is not imported: the draft cites proposalNumber", at: o.raw("decisionNumber")!)
        }
        if let kind = o.string("proposalType"), kind.uppercased() != "STANDARD" {
            o.diagnostics.warning(o.child("proposalType"), "'\(kind)' is not imported: the model has no kinds of ministry decision", at: o.raw("proposalType")!)
        }
        let date = o.count64("decisionDate").map(Self.vietnamDate)
        var agency: String?
        if let a = o.object("issuingAgency") {
            a.ignore("id")
            agency = a.line("name")
            a.finish()
        }
        guard let number else { return nil }
        return AnnouncingDecision(number: number, signedOn: date, agency: agency)
    }

    /// The `*Ids` lists repeat the ids of the detail lists; ids alone (details missing) name nothing.
    private func idLists() {
        let pairs: [(String, [String])] = [
            ("categoryIds", ["categoriesDetails"]), ("legalBasisIds", ["legalBasisesDetails"]),
            ("resultIds", ["resultsDetails"]), ("subjectTypeIds", ["subjectTypesDetails"]),
            ("serviceGroupIds", ["serviceGroupsDetails"]),
            ("departmentExecutingIds", ["departmentsExecuting"]), ("departmentAuthorityIds", ["departmentsAuthority"]),
            ("departmentAuthorizedIds", ["departmentsAuthorized"]), ("departmentCoordinatingIds", ["departmentsCoordinating"]),
            ("unitGroupExecutingIds", ["unitGroupsExecuting"]), ("unitGroupAuthorityIds", ["unitGroupsAuthority"]),
            ("unitGroupAuthorizedIds", ["unitGroupsAuthorized"]), ("unitGroupCoordinatingIds", ["unitGroupsCoordinating"]),
        ]
        for (ids, details) in pairs {
            let count = root.listCount(ids)
            if count > 0, details.allSatisfy({ !root.has($0) }) {
                root.diagnostics.warning(ids, "\(count) id(s) are not imported: the record has no \(details[0]) to name them", at: root.raw(ids)!)
            }
        }
    }

    // MARK: - Helpers

    /// A code (no white space): cleaned; one with spaces inside is kept out with a warning.
    private func code(_ o: PortalObject, _ key: String) -> String? {
        guard let text = o.line(key) else { return nil }
        if !PortalText.isPlainASCIIWord(text), text.contains(where: \.isWhitespace) {
            o.diagnostics.warning(o.child(key), "'\(text)' is not imported: a code has no spaces", at: o.raw(key)!)
            return nil
        }
        return text
    }

    /// A number as written; one no time or amount could be (over 15 digits, or beyond a double) is an error.
    private func decimal(_ literal: String, _ o: PortalObject, _ key: String, _ node: JSONValue) -> DecimalNumber? {
        let digits = literal.filter(\.isNumber).count
        if digits <= 15, let d = DecimalNumber(literal) ?? Double(literal).flatMap({ $0.isFinite && abs($0) < 1e15 ? DecimalNumber(Decimal($0)) : nil }) {
            return d
        }
        o.diagnostics.error(o.child(key), "\(literal.prefix(40)) is not a time or an amount tthc can hold (at most 15 digits); the record is damaged, export it again", at: node)
        return nil
    }

    private func n(_ d: DecimalNumber) -> String { d.vietnamese }

    /// Milliseconds since 1970 as the date in Vietnam (UTC+7), where ministries sign.
    static func vietnamDate(_ milliseconds: Int64) -> LocalDate {
        let shifted = milliseconds + 7 * 3_600_000
        let days = Int(shifted / 86_400_000 - (shifted % 86_400_000 < 0 ? 1 : 0))
        let (y, m, d) = LocalDate.civil(dayNumber: days)
        return LocalDate(year: min(max(y, 1), 9999), month: m, day: d) ?? LocalDate(year: 1970, month: 1, day: 1)!
    }
}

extension PortalObject {
    /// A timestamp or other large whole number.
    func count64(_ key: String) -> Int64? {
        guard let (number, value) = number(key) else { return nil }
        if case .literal(let n) = number, let v = Int64(n) { return v }
        if case .literal(let n) = number, let d = Double(n), d.rounded() == d, abs(d) < 9e15 { return Int64(d) }
        diagnostics.error(child(key), "expected a whole number (milliseconds since 1970), found \(diagnostics.describe(value))", at: value)
        return nil
    }
}
