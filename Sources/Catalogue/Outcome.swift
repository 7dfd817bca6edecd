/// What the citizen receives (kết quả thực hiện), e.g. "Giấy khai sinh".
public struct Outcome: Hashable, Codable, Sendable {
    public var name: String
    /// The national portal's result code, when known.
    public var code: String?

    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}
