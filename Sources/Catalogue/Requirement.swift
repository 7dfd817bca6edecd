/// A requirement or condition (yêu cầu, điều kiện). Decree 63 requires each to rest on a legal text,
/// so `basis` names it; a requirement without one is what the review's `no-basis` rule looks for.
public struct Requirement: Hashable, Codable, Sendable {
    public var text: String
    public var basis: String?

    public init(text: String, basis: String? = nil) {
        self.text = text
        self.basis = basis
    }
}
