import Catalogue
import Formats

/// One national-portal record, read into the model.
public struct PortalRecord: Sendable {
    /// The file it came from.
    public var file: String
    public var procedure: Procedure
    /// The ministry decision that announced this version on the portal (`procedureProposal`).
    public var announcedBy: AnnouncingDecision?
    /// The portal's last edit, in milliseconds since 1970, to choose between two records of one code.
    public var updatedAt: Int64?

    public init(file: String, procedure: Procedure, announcedBy: AnnouncingDecision? = nil, updatedAt: Int64? = nil) {
        self.file = file
        self.procedure = procedure
        self.announcedBy = announcedBy
        self.updatedAt = updatedAt
    }

    /// Reads a record from a JSON file's tree. Returns nil when there are errors (all reported).
    public static func read(_ tree: JSONTree) -> (record: PortalRecord?, diagnostics: [Diagnostic]) {
        let diagnostics = RecordDiagnostics(tree: tree)
        guard let root = PortalObject(root: tree.root, diagnostics: diagnostics) else {
            return (nil, diagnostics.list)
        }
        let mapped = PortalMapping(root: root).map()
        let list = diagnostics.list
        guard !list.hasErrors, let mapped else { return (nil, list) }
        return (PortalRecord(file: tree.file, procedure: mapped.procedure, announcedBy: mapped.announcedBy, updatedAt: mapped.updatedAt), list)
    }
}

/// The ministry decision announcing a procedure, as the portal records it.
public struct AnnouncingDecision: Hashable, Sendable {
    /// "5548/QĐ-BCA-C06".
    public var number: String
    public var signedOn: LocalDate?
    /// "Bộ Công an".
    public var agency: String?

    public init(number: String, signedOn: LocalDate? = nil, agency: String? = nil) {
        self.number = number
        self.signedOn = signedOn
        self.agency = agency
    }

    /// As a legal basis of the draft decision.
    public var legalBasis: LegalBasis {
        LegalBasis(
            number: number,
            title: "Quyết định công bố thủ tục hành chính\(agency.map { " của \($0)" } ?? "")",
            issuedOn: signedOn)
    }
}
