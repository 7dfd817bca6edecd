/// A sorted list of document numbers written as a short ASCII string, which search.js decodes.
///
/// Two forms, whichever is shorter:
/// - sparse: gaps as base-32 varints, 1 character for a gap under 32, 2 under 1,024…;
/// - dense: `~`, the first number as a varint, then a bitmap of 6 documents per character
///   (at 100,000 procedures a word in every document costs 16.7 KB).
/// The 64 digits (`0-9A-Za-z-_`) need no escaping in a JS string.
public enum PostingList {
    static let digits: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    public static func encode(_ ids: [Int]) -> String {
        var out: [UInt8] = []
        append(ids, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `encode(ids)`'s bytes appended to `out`.
    static func append(_ ids: [Int], to out: inout [UInt8]) {
        guard let first = ids.first else { return }
        let start = out.count
        var previous = -1
        for id in ids {
            precondition(id > previous, "document numbers must be sorted and distinct")
            appendVarint(id - previous - 1, to: &out)
            previous = id
        }
        let bitmapLength = (ids[ids.count - 1] - first) / 6 + 1
        if bitmapLength + 4 < out.count - start {
            out.removeSubrange(start...)
            out.append(UInt8(ascii: "~"))
            appendVarint(first, to: &out)
            let bits = out.count
            out.append(contentsOf: repeatElement(0, count: bitmapLength))
            for id in ids { out[bits + (id - first) / 6] |= 1 << UInt8((id - first) % 6) }
            for k in bits..<out.count { out[k] = digits[Int(out[k])] }
        }
    }

    static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var n = value
        while n >= 32 {
            out.append(digits[32 | (n & 31)])
            n >>= 5
        }
        out.append(digits[n])
    }

    /// The inverse of `encode`, for tests (search.js has its own).
    public static func decode(_ text: String) -> [Int] {
        var values: [Int] = []
        for byte in text.utf8 { values.append(digits.firstIndex(of: byte) ?? -1) }
        var i = 0
        func varint() -> Int {
            var n = 0
            var shift = 0
            while i < values.count {
                let v = values[i]
                i += 1
                n |= (v & 31) << shift
                shift += 5
                if v < 32 { break }
            }
            return n
        }
        var ids: [Int] = []
        if text.hasPrefix("~") {
            i = 1
            let first = varint()
            for (k, v) in values[i...].enumerated() {
                for bit in 0..<6 where v & (1 << bit) != 0 { ids.append(first + k * 6 + bit) }
            }
        } else {
            var previous = -1
            while i < values.count {
                previous += varint() + 1
                ids.append(previous)
            }
        }
        return ids
    }
}
