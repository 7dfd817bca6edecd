import Foundation

/// Substring tests on the model's text, by UTF-8 bytes.
///
/// Foundation's `contains` compares by canonical equivalence, decomposing both strings character by
/// character (a tenth of a sheet's cost in a site build, for a form code in an item's name). For
/// text in NFC, as the model keeps it, that finds exactly what a byte search finds unless a
/// combining mark (U+0300–U+036F) is involved, which NFC leaves only after letters it cannot
/// compose with: then, and for an empty part, the answer is Foundation's.
enum TextSearch {
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        let found: Bool? = text.withUTF8 { t in
            part.withUTF8 { p in
                guard !p.isEmpty, !hasCombiningMark(p), !hasCombiningMark(t) else { return nil }
                return search(t, p)
            }
        }
        return found ?? (text.range(of: part) != nil)
    }

    /// U+0300–U+037F are the two-byte sequences led by 0xCC and 0xCD.
    private static func hasCombiningMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0xCC || $0 == 0xCD }
    }

    private static func search(_ t: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count <= t.count, let tBase = t.baseAddress, let pBase = p.baseAddress else { return false }
        let first = p[0]
        var i = 0
        let last = t.count - p.count
        while i <= last {
            if t[i] == first && memcmp(tBase + i, pBase, p.count) == 0 { return true }
            i += 1
        }
        return false
    }
}
