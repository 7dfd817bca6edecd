import Catalogue

/// One thing a new version changes, as a reviewer reads it.
public struct Change: Hashable, Codable, Sendable {
    /// The part of the procedure (Decree 63, art. 8) the change concerns.
    public var part: Part
    public var kind: Kind
    /// What within the part: a channel ("Trực tuyến"), a dossier item's name, a step's number.
    public var subject: String?
    /// One Vietnamese sentence: "Thời hạn giải quyết (trực tiếp): 15 → 10 ngày làm việc (−33 %)".
    public var summary: String
    public var direction: Direction
    /// The value before and after, as citizens read it, when the change is of one value.
    public var old: String?
    public var new: String?
    /// For reworded prose: the word-level redline.
    public var words: [WordRun]?

    public init(
        part: Part, kind: Kind, subject: String? = nil, summary: String, direction: Direction = .neutral,
        old: String? = nil, new: String? = nil, words: [WordRun]? = nil
    ) {
        self.part = part
        self.kind = kind
        self.subject = subject
        self.summary = summary
        self.direction = direction
        self.old = old
        self.new = new
        self.words = words
    }

    public enum Kind: String, Codable, Sendable {
        case added
        case removed
        case modified

        public var inverted: Kind {
            switch self {
            case .added: .removed
            case .removed: .added
            case .modified: .modified
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case part, kind, subject, summary, direction, old, new, words
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(part, forKey: .part)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(subject, forKey: .subject)
        try c.encode(summary, forKey: .summary)
        try c.encode(direction, forKey: .direction)
        try c.encodeIfPresent(old, forKey: .old)
        try c.encodeIfPresent(new, forKey: .new)
        try c.encodeIfPresent(words, forKey: .words)
    }
}
