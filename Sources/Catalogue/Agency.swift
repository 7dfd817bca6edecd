/// An agency with its role in the procedure (cơ quan thực hiện).
public struct Agency: Hashable, Codable, Sendable {
    public var role: Role
    public var name: String

    public init(role: Role, name: String) {
        self.role = role
        self.name = name
    }

    public enum Role: String, Codable, CaseIterable, Sendable {
        /// Cơ quan thực hiện: settles the dossier.
        case performing
        /// Cơ quan có thẩm quyền quyết định.
        case competent
        /// Cơ quan được ủy quyền, phân cấp.
        case authorised
        /// Cơ quan phối hợp.
        case coordinating

        public var vietnamese: String {
            switch self {
            case .performing: "Cơ quan thực hiện"
            case .competent: "Cơ quan có thẩm quyền"
            case .authorised: "Cơ quan được ủy quyền"
            case .coordinating: "Cơ quan phối hợp"
            }
        }
    }
}
