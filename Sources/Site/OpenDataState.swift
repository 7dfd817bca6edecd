import Foundation

/// Where each procedure's row lies in a build's `catalogue.json` and `procedures.csv`, by the
/// identity of what the row shows (`SiteModel.entryKeys`), so that the next build copies the bytes
/// of every row whose procedure did not change instead of making it again: after a decision that
/// touches 20 procedures of 100,000, 20 rows are made.
///
/// Kept in the site as `.tthc-state-open-data`, one of the open data unit's files. Binary and
/// compact (16 bytes a row): a text header with the format version, the layout key (the program,
/// province and address: a row made by another tthc is not trusted), then little-endian numbers —
/// the row count, the identity of the procedure pages and the bytes of their sitemap lines, the sizes
/// of the two tables and of their heads, and per row its identity and
/// the lengths of its JSON object (without the separator after it) and of its CSV line.
struct OpenDataState: Equatable {
    static let fileName = ".tthc-state-open-data"
    static let header = "tthc open data state (1)\n"

    /// Bytes before the first row: the JSON document's fields up to the list, the CSV header line.
    var jsonHead: Int
    var csvHead: Int
    /// Per row, in the tables' order. Empty keys: the rows have no identity and nothing is reused.
    var keys: [UInt64]
    var jsonLengths: [UInt32]
    var csvLengths: [UInt32]
    var jsonSize = 0
    var csvSize = 0
    /// The identity of the procedure pages the sitemaps list last (`SiteBuilder.procedurePagesKey`),
    /// and how many bytes their lines take at the end of the sitemaps' lines.
    var procedurePages: UInt64 = 0
    var procedureLines = 0

    /// The state file for a build with `layout` (`SiteModel.layoutKey`).
    func bytes(layout: String) -> [UInt8] {
        var out = Array(Self.header.utf8) + Array(layout.utf8) + [UInt8(ascii: "\n")]
        out.reserveCapacity(out.count + 40 + keys.count * 16)
        func put<T: FixedWidthInteger>(_ n: T) {
            withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) }
        }
        put(UInt64(keys.count))
        put(procedurePages)
        put(UInt64(procedureLines))
        for n in [jsonHead, jsonSize, csvHead, csvSize] { put(UInt64(n)) }
        for i in keys.indices {
            put(keys[i])
            put(jsonLengths[i])
            put(csvLengths[i])
        }
        return out
    }

    /// The state in `bytes`, when it is of this format and for this layout and its numbers add up;
    /// nil for anything else (an older format, another tthc or province, a truncated file).
    static func read(_ bytes: UnsafeRawBufferPointer, layout: String) -> OpenDataState? {
        let expected = Array((header + layout + "\n").utf8)
        guard bytes.count >= expected.count + 56, bytes.prefix(expected.count).elementsEqual(expected) else { return nil }
        var at = expected.count
        func take<T: FixedWidthInteger>(_: T.Type) -> T {
            var n = T.zero
            withUnsafeMutableBytes(of: &n) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + MemoryLayout<T>.size)])) }
            at += MemoryLayout<T>.size
            return T(littleEndian: n)
        }
        let count = take(UInt64.self)
        guard count <= UInt64(bytes.count - at) / 16, bytes.count - at == 48 + Int(count) * 16 else { return nil }
        let procedurePages = take(UInt64.self)
        let procedureLines = take(UInt64.self)
        let sizes = (0..<4).map { _ in take(UInt64.self) }
        guard (sizes + [procedureLines]).allSatisfy({ $0 <= UInt64(Int32.max) }) else { return nil }
        var state = OpenDataState(jsonHead: Int(sizes[0]), csvHead: Int(sizes[2]), keys: [], jsonLengths: [], csvLengths: [])
        state.jsonSize = Int(sizes[1])
        state.csvSize = Int(sizes[3])
        state.procedurePages = procedurePages
        state.procedureLines = Int(procedureLines)
        state.keys.reserveCapacity(Int(count))
        state.jsonLengths.reserveCapacity(Int(count))
        state.csvLengths.reserveCapacity(Int(count))
        for _ in 0..<count {
            state.keys.append(take(UInt64.self))
            state.jsonLengths.append(take(UInt32.self))
            state.csvLengths.append(take(UInt32.self))
        }
        return state
    }

    /// The previous build's tables, mapped, with the state that says where their rows lie.
    final class Previous {
        let state: OpenDataState
        let json: UnsafeBufferPointer<UInt8>
        let csv: UnsafeBufferPointer<UInt8>
        /// Where each row starts in each table.
        let jsonOffsets: [Int]
        let csvOffsets: [Int]
        /// Row index by identity.
        let index: [UInt64: Int]
        private let files: [MappedFile]

        /// The previous build's state and tables in `folder`, when the state is readable, for
        /// `layout`, and the tables have exactly the sizes and shape it gives; nil otherwise (then
        /// every row is made).
        init?(folder: String, layout: String) {
            guard let stateFile = MappedFile(folder + "/" + OpenDataState.fileName),
                  let state = stateFile.withBytes({ OpenDataState.read($0, layout: layout) }),
                  !state.keys.isEmpty,
                  let json = MappedFile(folder + "/" + SiteLinks.catalogueJSON),
                  let csv = MappedFile(folder + "/" + SiteLinks.proceduresCSV),
                  json.bytes.count == state.jsonSize, csv.bytes.count == state.csvSize
            else { return nil }
            var jsonOffsets: [Int] = []
            var csvOffsets: [Int] = []
            jsonOffsets.reserveCapacity(state.keys.count)
            csvOffsets.reserveCapacity(state.keys.count)
            var jsonAt = state.jsonHead
            var csvAt = state.csvHead
            for i in state.keys.indices {
                jsonOffsets.append(jsonAt)
                csvOffsets.append(csvAt)
                jsonAt += Int(state.jsonLengths[i]) + 2
                csvAt += Int(state.csvLengths[i])
            }
            // The last row is followed by one line break, and the list by "  ]\n}\n".
            guard jsonAt - 1 + 6 == state.jsonSize, csvAt == state.csvSize else { return nil }
            var index: [UInt64: Int] = [:]
            index.reserveCapacity(state.keys.count)
            for (i, key) in state.keys.enumerated() { index[key] = i }
            self.state = state
            self.json = json.bytes
            self.csv = csv.bytes
            self.jsonOffsets = jsonOffsets
            self.csvOffsets = csvOffsets
            self.index = index
            files = [stateFile, json, csv]
        }
    }
}
