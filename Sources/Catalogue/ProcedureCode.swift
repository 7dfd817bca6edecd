/// A procedure code as written by a ministry or a province.
///
/// National codes look like `1.001193`; a province's local copy adds `.000.00.00.H29` (or the short
/// `1.013831.H19`), and online-service variants add `.01`. DOMAIN.md §4 says to treat the code as an
/// opaque key; the only thing we read from it is the national part, so that a decision naming the
/// local copy and one naming the national code refer to the same procedure.
public struct ProcedureCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code exactly as written (after trimming).
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// `d.dddddd` when the code starts with a national code, else nil.
    public var national: String? {
        // Codes are ASCII: read the bytes (the site asks for the key of every procedure several
        // times per build); any other text goes through the characters, with the same answer.
        let ascii = rawValue.utf8.withContiguousStorageIfAvailable { b -> (known: Bool, national: String?) in
            guard !b.contains(where: { $0 >= 0x80 }) else { return (false, nil) }
            func digit(_ i: Int) -> Bool { b[i] &- UInt8(ascii: "0") < 10 }
            guard b.count >= 8, digit(0), b[1] == UInt8(ascii: "."), (2..<8).allSatisfy(digit),
                  b.count == 8 || b[8] == UInt8(ascii: ".") else { return (true, nil) }
            return (true, String(decoding: UnsafeBufferPointer(rebasing: b[0..<8]), as: UTF8.self))
        }
        if let ascii, ascii.known { return ascii.national }
        return Self.national(byCharacters: rawValue)
    }

    /// `national` read character by character, for any text.
    static func national(byCharacters rawValue: String) -> String? {
        let parts = rawValue.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].count == 1, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].count == 6, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        return "\(parts[0]).\(parts[1])"
    }

    /// The key the catalogue files a procedure under: the national code where there is one.
    public var key: String { national ?? rawValue }

    public var description: String { rawValue }

    public static func < (a: ProcedureCode, b: ProcedureCode) -> Bool { a.rawValue < b.rawValue }
}

extension ProcedureCode: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
