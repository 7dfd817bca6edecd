import Foundation

/// An exact decimal for times ("16,5 ngày") and amounts ("400.000 đồng"): never binary floating point,
/// so a value read from a file is written back digit for digit.
public struct DecimalNumber: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    public let decimal: Decimal

    public init(_ decimal: Decimal) { self.decimal = decimal }
    public init(integerLiteral value: Int) { decimal = Decimal(value) }

    /// Parses the file form: digits with an optional `.` fraction, e.g. `16.5`, `400000`.
    public init?(_ text: some StringProtocol) {
        let s = String(text)
        var sawDigit = false, sawPoint = false
        for (i, c) in s.enumerated() {
            if c.isASCIIDigit { sawDigit = true } else if c == ".", !sawPoint, sawDigit { sawPoint = true }
            else if c == "-", i == 0 { continue } else { return nil }
        }
        guard sawDigit, s.last != ".", let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        decimal = d
    }

    /// The file form: `16.5`, `400000`.
    public var description: String {
        var d = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &d, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// The Vietnamese form: decimal comma and dot thousands, `16,5`, `400.000`.
    public var vietnamese: String {
        let plain = description
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "." + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        let fraction = parts.count > 1 ? "," + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    public var doubleValue: Double { NSDecimalNumber(decimal: decimal).doubleValue }

    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool { a.decimal < b.decimal }
}

extension DecimalNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let d = try? container.decode(Decimal.self) {
            self.init(d)
        } else {
            let text = try container.decode(String.self)
            guard let value = DecimalNumber(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a number: write digits with '.' for a fraction, e.g. 16.5")
            }
            self = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }
}
