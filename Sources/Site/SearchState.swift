import Formats
import Foundation
import SearchIndex

/// What the search index unit keeps for the next build (`.tthc-state-search` in the site root):
/// for each procedure in force, in entry order, its identity (`SiteModel.entryKeys`) and the digest
/// of its search document. A rebuild makes documents only for identities it does not find here;
/// the others' digests come from the file, so learning whether the index's content changed costs
/// the changed procedures, not all of them.
///
/// An identity names what its document is made from (the key, the decision, that decision's file
/// digest, or the history's fingerprint), so a digest found by it is right whichever build wrote
/// it. The file also names the layout (which names the program that built it): another program may
/// make documents differently, and then nothing of the file is used.
///
/// Binary, little-endian: a header line (format version), the layout line, the count line, then
/// per entry 24 bytes (identity, digest high, digest low). 2.4 MB at 100,000 procedures.
struct SearchState: Equatable {
    static let file = ".tthc-state-search"
    static let header = "tthc search state (1)\n"

    /// Per entry of `state.entries`, in order.
    var identities: [UInt64]
    var digests: [DocumentDigest]

    /// The digest of one search document's text.
    struct DocumentDigest: Hashable {
        var high: UInt64
        var low: UInt64

        init(high: UInt64, low: UInt64) {
            self.high = high
            self.low = low
        }

        init(_ d: SearchDocument) {
            var digest = ContentDigest.Stream()
            for text in [d.key, d.name, d.code, d.field, d.agency, d.level, d.body, d.path] { digest.add(field: text) }
            let value = digest.digest
            high = value.high
            low = value.low
        }
    }

    /// What the index is made from, as the unit's content fingerprint: the layout and every
    /// document's digest in entry order. A full build and a rebuild compute it the same way, from
    /// digests made now or read from the file.
    static func content(_ digests: [DocumentDigest], layout: String) -> String {
        var stream = ContentDigest.Stream()
        stream.add(field: "search")
        stream.add(field: layout)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digests.count * 16)
        for d in digests {
            append(d.high, to: &bytes)
            append(d.low, to: &bytes)
        }
        bytes.withUnsafeBytes { stream.add($0) }
        return stream.digest.description
    }

    /// Which versions the documents would be made from: the layout and every entry's identity, in
    /// order. When it is the previous build's, the index (and this file) are kept as they are.
    static func identity(_ identities: [UInt64], layout: String) -> String {
        var stream = ContentDigest.Stream()
        stream.add(field: "search identity (2)")
        stream.add(field: layout)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(identities.count * 8)
        for key in identities { append(key, to: &bytes) }
        bytes.withUnsafeBytes { stream.add($0) }
        return stream.digest.description
    }

    func bytes(layout: String) -> [UInt8] {
        var out = Array((Self.header + layout + "\n" + String(identities.count) + "\n").utf8)
        out.reserveCapacity(out.count + identities.count * 24)
        for i in identities.indices {
            Self.append(identities[i], to: &out)
            Self.append(digests[i].high, to: &out)
            Self.append(digests[i].low, to: &out)
        }
        return out
    }

    /// The state in `bytes`, or nil when it is not this format's, names another layout, or is cut
    /// short or too long: then the caller makes every document.
    init?(bytes: UnsafeRawBufferPointer, layout: String) {
        let prefix = Array((Self.header + layout + "\n").utf8)
        guard bytes.count > prefix.count, memcmp(bytes.baseAddress!, prefix, prefix.count) == 0 else { return nil }
        var i = prefix.count
        var count = 0
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10, count < Int.max / 100 else { return nil }
            count = count * 10 + Int(digit)
            i += 1
        }
        guard i > prefix.count, i < bytes.count, (bytes.count - i - 1) == count * 24 else { return nil }
        i += 1
        var identities = [UInt64](), digests = [DocumentDigest]()
        identities.reserveCapacity(count)
        digests.reserveCapacity(count)
        for row in 0..<count {
            let at = i + row * 24
            identities.append(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            digests.append(DocumentDigest(
                high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)),
                low: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))))
        }
        self.identities = identities
        self.digests = digests
    }

    init(identities: [UInt64], digests: [DocumentDigest]) {
        self.identities = identities
        self.digests = digests
    }

    /// The state a previous build left in `folder`, if readable and of this layout.
    static func read(_ folder: String, layout: String) -> SearchState? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { return nil }
        return data.withUnsafeBytes { SearchState(bytes: $0, layout: layout) }
    }

    /// Identity → document digest.
    var lookup: [UInt64: DocumentDigest] {
        var table: [UInt64: DocumentDigest] = [:]
        table.reserveCapacity(identities.count)
        for i in identities.indices { table[identities[i]] = digests[i] }
        return table
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
