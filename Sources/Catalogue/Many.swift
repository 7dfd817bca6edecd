/// A list that may be left out of a file: missing decodes as empty, and empty is not written.
///
/// Officers write decisions by hand; asking them to spell out every empty list (`"forms": []`) would
/// only add noise, and leaving empty lists out keeps XML ↔ JSON conversion one-to-one.
@propertyWrapper
public struct Many<Element: Sendable>: Sendable {
    public var wrappedValue: [Element]
    public init(wrappedValue: [Element]) { self.wrappedValue = wrappedValue }
}

extension Many: Equatable where Element: Equatable {}
extension Many: Hashable where Element: Hashable {}

extension Many: Codable where Element: Codable {
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    public func decode<T: Codable>(_ type: Many<T>.Type, forKey key: Key) throws -> Many<T> {
        Many(wrappedValue: try decodeIfPresent([T].self, forKey: key) ?? [])
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<T: Codable>(_ value: Many<T>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}
