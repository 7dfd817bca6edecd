import Catalogue

/// The parts an `amended` row declares it changes (`changedParts`) against the parts that really
/// change from the version in force, compared with `Part.differs` as the replay does.
public struct PartsCheck: Hashable, Codable, Sendable {
    public var declared: [Part]
    public var changed: [Part]

    public init(declared: [Part], changed: [Part]) {
        self.declared = declared.sorted()
        self.changed = changed.sorted()
    }

    /// Parts that change but the row does not declare.
    public var undeclared: [Part] { changed.filter { !declared.contains($0) } }

    /// Parts the row declares that do not change.
    public var unchangedDeclared: [Part] { declared.filter { !changed.contains($0) } }

    public var agrees: Bool { undeclared.isEmpty && unchangedDeclared.isEmpty }

    /// "Khai báo sửa nhưng không thay đổi: Phí, lệ phí", one sentence per mismatch.
    public var vietnamese: [String] {
        var out: [String] = []
        if !undeclared.isEmpty {
            out.append("Có thay đổi nhưng không khai báo: " + undeclared.map(\.vietnamese).joined(separator: ", "))
        }
        if !unchangedDeclared.isEmpty {
            out.append("Khai báo sửa nhưng không thay đổi: " + unchangedDeclared.map(\.vietnamese).joined(separator: ", "))
        }
        return out
    }
}
