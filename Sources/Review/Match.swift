/// Why two procedures with different codes (or none) are shown as one: a replacement a decision
/// declares, or a likeness the diff found by name and content.
///
/// Every output says so, so a reviewer never mistakes a guess for a fact.
public struct Match: Hashable, Codable, Sendable {
    public var kind: Kind
    /// The code key (or, without a code, the name) of the old side's procedure; the entry shows the
    /// new side's.
    public var key: String
    /// For `similar`: how alike the names are, in per cent (Dice coefficient over syllables).
    public var name: Int?
    /// For `similar`: how alike the contents are (dossier, steps, results, agencies), in per cent.
    public var content: Int?

    public init(kind: Kind, key: String, name: Int? = nil, content: Int? = nil) {
        self.kind = kind
        self.key = key
        self.name = name
        self.content = content
    }

    public enum Kind: String, Codable, Sendable {
        /// The new side's procedure replaces the old side's (a `replaced` row, or the replay's history).
        case replaces
        /// The other way round: the new side's procedure is the one the old side's later replaced
        /// (a diff read backwards in time).
        case replacedBy = "replaced-by"
        /// No code links them; names and contents are alike.
        case similar

        var inverted: Kind {
            switch self {
            case .replaces: .replacedBy
            case .replacedBy: .replaces
            case .similar: .similar
            }
        }
    }

    /// The same match read from the other side, whose old procedure is `key`.
    func inverted(key: String) -> Match {
        Match(kind: kind.inverted, key: key, name: name, content: content)
    }

    /// "thay thế thủ tục 1.000001", "có thể là cùng thủ tục 1.004222: tên giống 92 %, nội dung giống 80 %".
    public var vietnamese: String {
        switch kind {
        case .replaces: return "thay thế thủ tục \(key)"
        case .replacedBy: return "được thay thế bởi thủ tục \(key)"
        case .similar:
            var text = "có thể là cùng thủ tục \(key)"
            var parts: [String] = []
            if let name { parts.append("tên giống \(name) %") }
            if let content { parts.append("nội dung giống \(content) %") }
            if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
            return text
        }
    }
}
