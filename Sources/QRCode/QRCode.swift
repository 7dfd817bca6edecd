import CQRencode
import Synchronization

/// A QR code symbol, made by libqrencode: a square of dark and light modules.
///
/// The site prints one beside each procedure (its own URL) and the posting sheets put one on paper
/// for citizens to scan at the counter. Drawing is left to the caller: `svg()` for pages, and the
/// module grid for Cairo.
///
/// A site build draws each procedure's URL twice, on its page and on its posting sheet, one right
/// after the other: the last few codes made are kept (`Recent`), so the same text is encoded once
/// and its SVG path drawn once. Equality and hashing look at the modules only.
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

    /// The SVG path of the dark modules, drawn once per quiet zone and shared by copies.
    private let drawing: Drawing

    /// Encodes `text` as UTF-8 bytes in the smallest version that fits.
    public init(_ text: String, correction: Correction = .medium) throws {
        if let recent = Self.recent.find(text, correction) {
            self = recent
            return
        }
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
        drawing = Drawing()
        Self.recent.add(text, correction, self)
    }

    public static func == (a: QRCode, b: QRCode) -> Bool { a.size == b.size && a.modules == b.modules }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(modules)
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// A standalone SVG: one path of unit squares, `quietZone` light modules around (the standard
    /// asks for 4), scaled by the viewer. `label` becomes the accessible name.
    public func svg(quietZone: Int = 4, label: String? = nil) -> String {
        let side = size + 2 * quietZone
        let drawn = drawing.path(quietZone) { path(quietZone: quietZone) }
        let title = label.map { "<title>\(Self.escape($0))</title>" } ?? ""
        let role = label == nil ? " aria-hidden=\"true\"" : " role=\"img\""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges"\(role)>\
            \(title)<rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(drawn)"/></svg>
            """
    }

    /// The dark modules as one SVG path of runs, offset by the quiet zone. Written as bytes into
    /// one buffer, numbers formatted by hand: string interpolation per run was most of a QR code's
    /// cost.
    func path(quietZone: Int) -> String {
        // At most one run per two modules of a row, plus one; each "M x yhNv1h-Nz" is 7 bytes
        // and four numbers of at most 20 bytes each.
        let capacity = size * (size / 2 + 1) * 88 + 1
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var out = ByteWriter(base: buffer.baseAddress!)
            modules.withUnsafeBufferPointer { modules in
                for row in 0..<size {
                    var column = 0
                    let base = row * size
                    while column < size {
                        guard modules[base + column] else { column += 1; continue }
                        var run = 1
                        while column + run < size, modules[base + column + run] { run += 1 }
                        // "M\(column + quietZone) \(row + quietZone)h\(run)v1h-\(run)z"
                        out.put(UInt8(ascii: "M"))
                        out.number(column + quietZone)
                        out.put(UInt8(ascii: " "))
                        out.number(row + quietZone)
                        out.put(UInt8(ascii: "h"))
                        out.number(run)
                        out.put(UInt8(ascii: "v"))
                        out.put(UInt8(ascii: "1"))
                        out.put(UInt8(ascii: "h"))
                        out.put(UInt8(ascii: "-"))
                        out.number(run)
                        out.put(UInt8(ascii: "z"))
                        column += run
                    }
                }
            }
            return out.count
        }
    }

    /// Bytes written one after the other into a buffer known to be large enough.
    private struct ByteWriter {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        @inline(__always) mutating func put(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        /// A decimal number as `String(describing:)` writes it.
        mutating func number(_ value: Int) {
            if value < 0 { put(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var n = 0
            withUnsafeMutableBytes(of: &digits) { digits in
                repeat {
                    digits[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    n += 1
                } while magnitude > 0
                while n > 0 {
                    n -= 1
                    put(digits[n])
                }
            }
        }
    }

    /// The codes made last, by text and correction level; a few suffice, as the two uses of a URL
    /// in a site build come one after the other on the same core.
    static let recent = Recent()

    final class Recent: Sendable {
        static let capacity = 16
        private let entries = Mutex<[(text: String, correction: Correction, code: QRCode)]>([])

        func find(_ text: String, _ correction: Correction) -> QRCode? {
            entries.withLock { entries in
                entries.last { $0.correction == correction && $0.text == text }?.code
            }
        }

        func add(_ text: String, _ correction: Correction, _ code: QRCode) {
            entries.withLock { entries in
                if entries.count >= Self.capacity { entries.removeFirst() }
                entries.append((text, correction, code))
            }
        }
    }

    /// SVG paths drawn from one symbol, by quiet zone.
    final class Drawing: Sendable {
        private let paths = Mutex<[Int: String]>([:])

        func path(_ quietZone: Int, draw: () -> String) -> String {
            if let path = paths.withLock({ $0[quietZone] }) { return path }
            let path = draw()
            paths.withLock { $0[quietZone] = path }
            return path
        }
    }

    private static func escape(_ text: String) -> String {
        // A label is a URL: most have none of the four.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
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
