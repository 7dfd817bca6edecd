/// An administrative procedure (thủ tục hành chính) with every part Decree 63, art. 8 lists.
///
/// This is the full content a decision's Phần II publishes for a new, amended or replacing procedure.
/// The catalogue keeps one `Procedure` per version; nothing here refers to files or decisions.
public struct Procedure: Hashable, Codable, Sendable {
    /// Absent on a new procedure that has no national code yet.
    public var code: ProcedureCode?
    public var name: String
    @Many public var levels: [Level]
    @Many public var fields: [Field]
    @Many public var reception: [Reception]
    @Many public var steps: [StepGroup]
    @Many public var channels: [Channel]
    public var dossier: Dossier
    @Many public var subjects: [String]
    @Many public var agencies: [Agency]
    @Many public var results: [Outcome]
    @Many public var forms: [Form]
    @Many public var requirements: [Requirement]
    @Many public var legalBases: [LegalBasis]
    public var online: OnlineService?
    public var type: ProcedureType
    /// Dossiers a year, when known; the compliance-cost model multiplies by it.
    public var annualVolume: Int?
    @Many public var keywords: [String]
    /// Anything else the decision says that has no part of its own.
    public var notes: String?

    public init(
        code: ProcedureCode? = nil, name: String, levels: [Level] = [], fields: [Field] = [],
        reception: [Reception] = [], steps: [StepGroup] = [], channels: [Channel] = [],
        dossier: Dossier = Dossier(), subjects: [String] = [], agencies: [Agency] = [],
        results: [Outcome] = [], forms: [Form] = [], requirements: [Requirement] = [],
        legalBases: [LegalBasis] = [], online: OnlineService? = nil, type: ProcedureType = .ordinary,
        annualVolume: Int? = nil, keywords: [String] = [], notes: String? = nil
    ) {
        self.code = code
        self.name = name
        self.levels = levels
        self.fields = fields
        self.reception = reception
        self.steps = steps
        self.channels = channels
        self.dossier = dossier
        self.subjects = subjects
        self.agencies = agencies
        self.results = results
        self.forms = forms
        self.requirements = requirements
        self.legalBases = legalBases
        self.online = online
        self.type = type
        self.annualVolume = annualVolume
        self.keywords = keywords
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, levels, fields, reception, steps, channels, dossier, subjects, agencies, results,
            forms, requirements, legalBases, online, type, annualVolume, keywords, notes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeIfPresent(ProcedureCode.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        _levels = try c.decode(Many<Level>.self, forKey: .levels)
        _fields = try c.decode(Many<Field>.self, forKey: .fields)
        _reception = try c.decode(Many<Reception>.self, forKey: .reception)
        _steps = try c.decode(Many<StepGroup>.self, forKey: .steps)
        _channels = try c.decode(Many<Channel>.self, forKey: .channels)
        dossier = try c.decodeIfPresent(Dossier.self, forKey: .dossier) ?? Dossier()
        _subjects = try c.decode(Many<String>.self, forKey: .subjects)
        _agencies = try c.decode(Many<Agency>.self, forKey: .agencies)
        _results = try c.decode(Many<Outcome>.self, forKey: .results)
        _forms = try c.decode(Many<Form>.self, forKey: .forms)
        _requirements = try c.decode(Many<Requirement>.self, forKey: .requirements)
        _legalBases = try c.decode(Many<LegalBasis>.self, forKey: .legalBases)
        online = try c.decodeIfPresent(OnlineService.self, forKey: .online)
        type = try c.decodeIfPresent(ProcedureType.self, forKey: .type) ?? .ordinary
        annualVolume = try c.decodeIfPresent(Int.self, forKey: .annualVolume)
        _keywords = try c.decode(Many<String>.self, forKey: .keywords)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(_levels, forKey: .levels)
        try c.encode(_fields, forKey: .fields)
        try c.encode(_reception, forKey: .reception)
        try c.encode(_steps, forKey: .steps)
        try c.encode(_channels, forKey: .channels)
        if dossier != Dossier() { try c.encode(dossier, forKey: .dossier) }
        try c.encode(_subjects, forKey: .subjects)
        try c.encode(_agencies, forKey: .agencies)
        try c.encode(_results, forKey: .results)
        try c.encode(_forms, forKey: .forms)
        try c.encode(_requirements, forKey: .requirements)
        try c.encode(_legalBases, forKey: .legalBases)
        try c.encodeIfPresent(online, forKey: .online)
        if type != .ordinary { try c.encode(type, forKey: .type) }
        try c.encodeIfPresent(annualVolume, forKey: .annualVolume)
        try c.encode(_keywords, forKey: .keywords)
        try c.encodeIfPresent(notes, forKey: .notes)
    }
}

extension Procedure {
    /// The channel for a method, if the procedure offers it.
    public func channel(_ method: SubmissionMethod) -> Channel? {
        channels.first { $0.method == method }
    }

    /// Agencies with one role.
    public func agencies(_ role: Agency.Role) -> [String] {
        agencies.filter { $0.role == role }.map(\.name)
    }

    /// Whether citizens see it posted; internal procedures are published but never posted.
    public var isPostable: Bool { type != .internal }
}
