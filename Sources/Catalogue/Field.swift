/// A field (lĩnh vực) such as "Hộ tịch", optionally with the national portal's code (`G15-TP07`).
public struct Field: Hashable, Codable, Sendable {
    public var name: String
    public var code: String?

    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}
