/// The papers to prepare (thành phần, số lượng hồ sơ): one or more cases, each with its items.
public struct Dossier: Hashable, Codable, Sendable {
    @Many public var cases: [DossierCase]
    /// Number of sets (số bộ hồ sơ); usually 1. Nil when the decision does not say.
    public var sets: Int?

    public init(cases: [DossierCase] = [], sets: Int? = nil) {
        self.cases = cases
        self.sets = sets
    }

    /// Every item of every case, in order.
    public var allItems: [DossierItem] { cases.flatMap(\.items) }
}

/// A case of the dossier ("Trường hợp đăng ký khai sinh đúng hạn"); a single-case dossier has no name.
public struct DossierCase: Hashable, Codable, Sendable {
    public var name: String?
    @Many public var items: [DossierItem]

    public init(name: String? = nil, items: [DossierItem] = []) {
        self.name = name
        self.items = items
    }
}

/// One paper of a dossier.
public struct DossierItem: Hashable, Codable, Sendable {
    public var name: String
    /// The national portal's item code, when known.
    public var code: String?
    /// The form to fill in ("Mẫu CT01"), when the item is a form.
    public var form: String?
    public var originals: Int
    public var copies: Int
    public var required: Bool
    /// Whether the paper is handed in or only shown (xuất trình) at the counter.
    public var presentation: Presentation
    public var note: String?

    public init(
        name: String, code: String? = nil, form: String? = nil, originals: Int = 1, copies: Int = 0,
        required: Bool = true, presentation: Presentation = .submit, note: String? = nil
    ) {
        self.name = name
        self.code = code
        self.form = form
        self.originals = originals
        self.copies = copies
        self.required = required
        self.presentation = presentation
        self.note = note
    }

    public enum Presentation: String, Codable, CaseIterable, Sendable {
        case submit
        case show

        public var vietnamese: String {
            switch self {
            case .submit: "Nộp"
            case .show: "Xuất trình"
            }
        }
    }
}

extension DossierItem {
    private enum CodingKeys: String, CodingKey {
        case name, code, form, originals, copies, required, presentation, note
    }

    /// Counts default to one original and no copy, and an item is required and handed in unless the
    /// file says otherwise: that is how decisions print the ordinary case.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            code: try c.decodeIfPresent(String.self, forKey: .code),
            form: try c.decodeIfPresent(String.self, forKey: .form),
            originals: try c.decodeIfPresent(Int.self, forKey: .originals) ?? 1,
            copies: try c.decodeIfPresent(Int.self, forKey: .copies) ?? 0,
            required: try c.decodeIfPresent(Bool.self, forKey: .required) ?? true,
            presentation: try c.decodeIfPresent(Presentation.self, forKey: .presentation) ?? .submit,
            note: try c.decodeIfPresent(String.self, forKey: .note))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(code, forKey: .code)
        try c.encodeIfPresent(form, forKey: .form)
        if originals != 1 { try c.encode(originals, forKey: .originals) }
        if copies != 0 { try c.encode(copies, forKey: .copies) }
        if !required { try c.encode(required, forKey: .required) }
        if presentation != .submit { try c.encode(presentation, forKey: .presentation) }
        try c.encodeIfPresent(note, forKey: .note)
    }
}
