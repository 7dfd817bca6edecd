import Catalogue

/// What the site's search knows about one procedure, split by how much a match in it counts:
/// name > code > field > agency (and level) > body.
public struct SearchDocument: Hashable, Sendable {
    /// The catalogue key (`ProcedureCode.key`, or the provisional key of a procedure without a code).
    public var key: String
    public var name: String
    /// The code as written (`1.001193.000.00.00.H29`), empty when the procedure has none yet.
    public var code: String
    /// The procedure's fields, joined with "; ".
    public var field: String
    /// The agencies that perform it, have competence or coordinate, joined with "; ".
    public var agency: String
    /// The levels that perform it, in Vietnamese ("Cấp tỉnh; Cấp xã").
    public var level: String
    /// Every other text citizens read: steps, dossier items, results, subjects, conditions, legal bases…
    public var body: String
    /// The procedure's page, relative to the site root (`SitePath.procedure`).
    public var path: String

    public init(
        key: String, name: String, code: String, field: String, agency: String, level: String, body: String,
        path: String
    ) {
        self.key = key
        self.name = name
        self.code = code
        self.field = field
        self.agency = agency
        self.level = level
        self.body = body
        self.path = path
    }
}

extension SearchDocument {
    /// The search document of a procedure in force. `key` is the catalogue's key for it
    /// (`CatalogueState.Entry.key`); by default its code's key.
    public init(procedure p: Procedure, key: String? = nil) {
        let key = key ?? p.code?.key ?? p.name
        var body: [String] = []
        for group in p.steps {
            if let c = group.caseName { body.append(c) }
            for step in group.steps {
                if let t = step.title { body.append(t) }
                body.append(step.text)
            }
        }
        for channel in p.channels {
            if let d = channel.description { body.append(d) }
            for fee in channel.fees {
                if let t = fee.text { body.append(t) }
                if let d = fee.description { body.append(d) }
            }
        }
        for dossierCase in p.dossier.cases {
            if let n = dossierCase.name { body.append(n) }
            for item in dossierCase.items {
                body.append(item.name)
                if let n = item.note { body.append(n) }
            }
        }
        body += p.subjects
        body += p.results.map(\.name)
        body += p.forms.map(\.name)
        body += p.requirements.map(\.text)
        for basis in p.legalBases {
            body.append(basis.number)
            if let t = basis.title { body.append(t) }
        }
        body += p.reception.compactMap(\.name)
        body += p.keywords
        if let n = p.notes { body.append(n) }

        self.init(
            key: key,
            name: p.name,
            code: p.code?.rawValue ?? "",
            field: p.fields.map(\.name).joined(separator: "; "),
            agency: p.agencies.map(\.name).joined(separator: "; "),
            level: p.levels.map(\.vietnamese).joined(separator: "; "),
            body: body.joined(separator: "\n"),
            path: SitePath.procedure(ProcedureCode(key)))
    }
}
