import Catalogue

/// `VietnameseText.searchKey` of the short texts the importer classifies (case headings, "không",
/// amounts, currency names), folded on the UTF-8 bytes with a table of letters, without the
/// lower-casing and canonical decomposition of the whole string (which cost tens of thousands of
/// instructions per heading).
///
/// The table is made from `VietnameseText.searchKey` itself, one scalar at a time, for U+0000–U+024F
/// and U+1E00–U+1EFF (ASCII, Latin letters with their marks, combining marks, Vietnamese letters):
/// for these scalars lower-casing and decomposing act on each scalar alone, so folding each and
/// joining gives the same key. Text with any other scalar takes `VietnameseText.searchKey`.
enum SearchKeyFolding {
    /// What a scalar becomes: a byte of the key, nothing (a mark), white space, or "not in the table".
    private static let drop: UInt8 = 0
    private static let space: UInt8 = 1
    private static let other: UInt8 = 2

    private static let latin: [UInt8] = table(0x0000..<0x0250)
    private static let extended: [UInt8] = table(0x1E00..<0x1F00)

    private static func table(_ range: Range<UInt32>) -> [UInt8] {
        range.map { value -> UInt8 in
            guard let scalar = Unicode.Scalar(value) else { return other }
            if scalar.properties.isWhitespace { return space }
            let key = VietnameseText.searchKey(String(Character(scalar)))
            if key.isEmpty { return scalar.properties.generalCategory == .nonspacingMark ? drop : other }
            let bytes = Array(key.utf8)
            guard bytes.count == 1, bytes[0] > 0x20, bytes[0] < 0x80 else { return other }
            return bytes[0]
        }
    }

    static func searchKey(_ s: String) -> String {
        var s = s
        let folded = s.withUTF8 { p -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var pendingSpace = false
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                let value: UInt32
                if b < 0x80 {
                    value = UInt32(b)
                    i += 1
                } else if b & 0xE0 == 0xC0, i + 1 < n {
                    value = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                    i += 2
                } else if b & 0xF0 == 0xE0, i + 2 < n {
                    value = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    i += 3
                } else {
                    return nil
                }
                let folded: UInt8
                if value < 0x250 {
                    folded = latin[Int(value)]
                } else if value >= 0x1E00, value < 0x1F00 {
                    folded = extended[Int(value - 0x1E00)]
                } else {
                    return nil
                }
                switch folded {
                case drop: continue
                case space: pendingSpace = !out.isEmpty
                case other: return nil
                default:
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(folded)
                }
            }
            return out
        }
        guard let folded else { return VietnameseText.searchKey(s) }
        return String(decoding: folded, as: UTF8.self)
    }
}
