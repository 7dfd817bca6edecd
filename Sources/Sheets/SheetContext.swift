import Catalogue
import Synchronization

/// What a sheet says besides the procedure: who posts it, the decision that announced it, when it
/// was posted, and where to send feedback.
public struct SheetContext: Sendable {
    public var province: Province
    /// The commune whose counter the sheet hangs at; nil for a sheet posted by the receiving agency.
    public var commune: Province.Commune?
    /// The decision that set the version in force (its number, and the decision when the catalogue
    /// has it).
    public var decisionNumber: String
    public var decision: Decision?
    /// The first day the version is in force.
    public var inForceSince: LocalDate
    /// The date printed as the posting date.
    public var postedOn: LocalDate

    public init(
        province: Province, commune: Province.Commune? = nil, decisionNumber: String, decision: Decision? = nil,
        inForceSince: LocalDate, postedOn: LocalDate
    ) {
        self.province = province
        self.commune = commune
        self.decisionNumber = decisionNumber
        self.decision = decision
        self.inForceSince = inForceSince
        self.postedOn = postedOn
    }

    /// The context of the version in force on `postedOn`, from the replayed catalogue.
    public init(
        version: ProcedureVersion, catalogue: Catalogue, province: Province, commune: Province.Commune?,
        postedOn: LocalDate
    ) {
        self.init(
            province: province, commune: commune, decisionNumber: version.decision,
            decision: catalogue.decisions[version.decision], inForceSince: version.from, postedOn: postedOn)
    }

    /// The body that posts the sheet, as its header prints it, upper case.
    public func postingBody(for procedure: Procedure) -> String {
        if let commune { return UpperCase.of("Ủy ban nhân dân \(commune.name)") }
        return UpperCase.of(
            procedure.firstReceivingAgency ?? procedure.agencies(.performing).first ?? province.authority ?? province.name)
    }

    /// The public page of a procedure, for the QR code; nil when the province has no site address.
    public func url(for procedure: Procedure, key: String) -> String? {
        SitePath.url(SitePath.procedure(procedure.code ?? ProcedureCode(key)), base: province.baseURL)
    }

    public var isSample: Bool { province.sample }
}

extension Procedure {
    /// Where dossiers are handed in, as citizens read it.
    var receivingAgencies: [String] { reception.map(receivingAgency) }

    /// The first of `receivingAgencies`, without naming the others.
    var firstReceivingAgency: String? { reception.first.map(receivingAgency) }

    private func receivingAgency(_ r: Reception) -> String {
        switch r.place {
        case .communeCounter: r.name ?? "Bộ phận Một cửa của Ủy ban nhân dân cấp xã"
        case .provinceCentre: r.name ?? "Trung tâm Phục vụ hành chính công tỉnh"
        case .agency: r.name ?? agencies(.performing).first ?? "Cơ quan thực hiện"
        }
    }
}

/// Upper-case names (a sheet's posting body), each computed once: Unicode case mapping of a
/// Vietnamese name costs more than the rest of the sheet's header, and a province has a few hundred
/// agencies and communes that head thousands of sheets.
enum UpperCase {
    private static let known = Mutex<[String: String]>([:])
    /// Enough for every agency and commune of a large province; past it the table starts over.
    private static let capacity = 20_000

    static func of(_ name: String) -> String {
        if let hit = known.withLock({ $0[name] }) { return hit }
        let upper = name.uppercased()
        known.withLock { known in
            if known.count >= capacity { known.removeAll() }
            known[name] = upper
        }
        return upper
    }
}
