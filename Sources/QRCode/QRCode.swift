import CQRencode

/// A QR code symbol, made by libqrencode: a square of dark and light modules.
///
/// The site prints one beside each procedure (its own URL) and the posting sheets put one on paper
/// for citizens to scan at the counter. Drawing is left to the caller: `svg()` for pages, and the
/// module grid for Cairo.
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol may be damaged and still scan (QR error correction levels).
    public enum Correction: Sendable {
        case low, medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    public struct EncodingError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Modules per side (21 for version 1, +4 per version).
    public let size: Int
    /// Row-major, `true` = dark.
    public let modules: [Bool]

    /// Encodes `text` as UTF-8 bytes in the smallest version that fits.
    public init(_ text: String, correction: Correction = .medium) throws {
        guard !text.isEmpty else { throw EncodingError(description: "A QR code needs some text to hold.") }
        let symbol = text.withCString { QRcode_encodeString8bit($0, 0, correction.level) }
        guard let symbol else {
            throw EncodingError(
                description: "The text is too long for a QR code (\(text.utf8.count) bytes; at most 2,331 at this correction level).")
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        size = width
        modules = (0..<width * width).map { symbol.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// A standalone SVG: one path of unit squares, `quietZone` light modules around (the standard
    /// asks for 4), scaled by the viewer. `label` becomes the accessible name.
    public func svg(quietZone: Int = 4, label: String? = nil) -> String {
        let side = size + 2 * quietZone
        var path = ""
        path.reserveCapacity(size * size * 4)
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                var run = 1
                while column + run < size, isDark(row: row, column: column + run) { run += 1 }
                path += "M\(column + quietZone) \(row + quietZone)h\(run)v1h-\(run)z"
                column += run
            }
        }
        let title = label.map { "<title>\(Self.escape($0))</title>" } ?? ""
        let role = label == nil ? " aria-hidden=\"true\"" : " role=\"img\""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges"\(role)>\
            \(title)<rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
