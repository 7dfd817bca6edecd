import Catalogue
import Formats
import Foundation

/// The site's machine-readable files: the catalogue as JSON and CSV, an Atom feed of decisions, the
/// sitemap and robots.txt. Pure text builders over `SiteData`; deterministic, so an unchanged
/// catalogue gives byte-identical files and a rebuild keeps them.
public enum OpenData {
    /// A procedure as `catalogue.json` lists it; the full content is in its own JSON file.
    struct Row: Encodable {
        var code: String
        var name: String
        var levels: [String]
        var fields: [String]
        var agencies: [String]
        var processingTime: String
        var online: String?
        var decision: String
        var inForceSince: String
        var page: String
        var data: String
    }

    struct Document: Encodable {
        var province: String
        var date: String
        var sample: Bool
        var count: Int
        var procedures: [Row]
    }

    static func rows(_ data: SiteData) -> [Row] {
        data.state.entries.map { e in
            let p = e.procedure
            let code = p.code ?? ProcedureCode(e.key)
            return Row(
                code: code.rawValue, name: p.name, levels: p.levels.map(\.rawValue), fields: p.fields.map(\.name),
                agencies: p.agencies(.performing),
                processingTime: (p.channel(.inPerson) ?? p.channels.first).map { Texts.time($0.time) } ?? "",
                online: p.online?.level.rawValue, decision: e.version.decision, inForceSince: e.version.from.iso,
                page: SiteData.procedurePath(e.key), data: SitePath.procedureData(code))
        }
    }

    /// `catalogue.json`: every procedure in force, with links to its page and its full record.
    public static func catalogueJSON(_ data: SiteData) -> String {
        String(decoding: tables(data).json, as: UTF8.self)
    }

    /// `procedures.csv` (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the
    /// Vietnamese correctly).
    public static func proceduresCSV(_ data: SiteData) -> String {
        String(decoding: tables(data).csv, as: UTF8.self)
    }

    /// `catalogue.json` and `procedures.csv` as UTF-8, in one pass over the procedures in force and
    /// straight from them: the same text `JSONFormat.pretty(Document(…))` gives from `rows` (a test
    /// checks it), without the rows, the generic encoder's tree of nodes or a `String` per field,
    /// which made the open data seconds of a rebuild at 100,000 procedures.
    static func tables(_ data: SiteData) -> (json: [UInt8], csv: [UInt8]) {
        let made = tables(data, keys: nil, previous: nil)
        return (made.json.bytes, made.csv.bytes)
    }

    /// The two tables, and where each row lies in them (`OpenDataState`) for the next build.
    struct Tables {
        var json: SplicedBytes
        var csv: SplicedBytes
        var state: OpenDataState
        /// Rows copied from the previous build's files rather than made.
        var reused = 0
    }

    /// `tables(_:)`, copying the bytes of every row whose identity (`keys`, one per entry in force:
    /// `SiteModel.entryKeys`) the previous build's tables have, and making only the others. A row
    /// shows only its procedure's version (its content, decision and date in force) and its key,
    /// which is what the identity names; runs of rows that follow each other in both are copied
    /// in one piece.
    static func tables(_ data: SiteData, keys: [UInt64]?, previous: OpenDataState.Previous?) -> Tables {
        let count = data.state.entries.count
        var writer = TableWriter(capacity: count, previous: previous)
        writer.head(data)
        var state = OpenDataState(
            jsonHead: writer.json.bytes.count, csvHead: writer.csv.bytes.count, keys: keys ?? [],
            jsonLengths: [], csvLengths: [])
        state.jsonLengths.reserveCapacity(count)
        state.csvLengths.reserveCapacity(count)
        var reused = 0
        data.state.entries.withUnsafeBufferPointer { entries in
            var i = 0
            while i < count {
                if let keys, let previous, let first = previous.index[keys[i]] {
                    // The longest run of rows that follow each other in both builds.
                    var end = i + 1
                    var last = first
                    while end < count, last + 1 < previous.state.keys.count, previous.state.keys[last + 1] == keys[end] {
                        end += 1
                        last += 1
                    }
                    if writer.copy(rows: first...last, of: previous) {
                        state.jsonLengths += previous.state.jsonLengths[first...last]
                        state.csvLengths += previous.state.csvLengths[first...last]
                        reused += end - i
                        i = end
                        writer.json.append(i == count ? "\n" as StaticString : ",\n")
                        continue
                    }
                }
                let lengths = writer.row(entries.baseAddress! + i)
                state.jsonLengths.append(lengths.json)
                state.csvLengths.append(lengths.csv)
                i += 1
                writer.json.append(i == count ? "\n" as StaticString : ",\n")
            }
        }
        writer.json.append(count == 0 ? "" as StaticString : "  ]\n}\n")
        let json = writer.jsonPieces.close(writer.json.bytes, previous: previous?.json, owner: previous)
        let csv = writer.csvPieces.close(writer.csv.bytes, previous: previous?.csv, owner: previous)
        state.jsonSize = json.count
        state.csvSize = csv.count
        if keys == nil { state.keys = [] }
        return Tables(json: json, csv: csv, state: state, reused: reused)
    }

    /// Writes the two tables' heads and rows, each row without what follows it in the JSON list
    /// (`,` and a line break, or the line break of the last).
    struct TableWriter {
        /// The bytes made here; with the rows copied, the pieces of each table.
        var json: ByteText
        var csv: ByteText
        var jsonPieces = Pieces()
        var csvPieces = Pieces()
        /// Catalogues repeat a few dozen processing times; each is put in words once.
        private var times: [ProcessingTime: String] = [:]

        init(capacity count: Int, previous: OpenDataState.Previous?) {
            // Over a previous build, most rows are copied pieces: the bytes made are a few rows.
            json = ByteText(capacity: previous == nil ? 256 + count * 700 : 64 * 1024)
            csv = ByteText(capacity: previous == nil ? 128 + count * 400 : 32 * 1024)
        }

        /// The pieces of one table: what was made since the last copied piece, then the copy.
        struct Pieces {
            var list: [SplicedBytes.Piece] = []
            var madeUpTo = 0

            mutating func take(_ range: Range<Int>, made: Int) {
                if made > madeUpTo { list.append(.made(madeUpTo..<made)) }
                madeUpTo = made
                list.append(.previous(range))
            }

            func close(_ made: [UInt8], previous: UnsafeBufferPointer<UInt8>?, owner: AnyObject?) -> SplicedBytes {
                var list = list
                if made.count > madeUpTo || list.isEmpty { list.append(.made(madeUpTo..<made.count)) }
                return SplicedBytes(made: made, pieces: list, previous: previous, owner: owner)
            }
        }

        mutating func head(_ data: SiteData) {
            let count = data.state.entries.count
            json.append("{\n  \"province\": ")
            json.json(data.province.name)
            json.append(",\n  \"date\": ")
            json.json(data.date.iso)
            json.append(data.province.sample ? ",\n  \"sample\": true,\n  \"count\": " : ",\n  \"sample\": false,\n  \"count\": ")
            json.append(count)
            json.append(count == 0 ? ",\n  \"procedures\": []\n}\n" : ",\n  \"procedures\": [\n")
            csv.append("\u{FEFF}code,name,levels,fields,agencies,processing_time,online,decision,in_force_since,page\r\n")
        }

        /// Copies rows of the previous build's tables, after checking that each lies where its
        /// state says (a JSON object followed by its separator, a CSV line); false, copying
        /// nothing, when one does not.
        mutating func copy(rows: ClosedRange<Int>, of previous: OpenDataState.Previous) -> Bool {
            let json = previous.json, csv = previous.csv
            for k in rows {
                let start = previous.jsonOffsets[k], end = start + Int(previous.state.jsonLengths[k])
                let csvEnd = previous.csvOffsets[k] + Int(previous.state.csvLengths[k])
                guard start >= 1, end - start > 6, end < json.count, json[start - 1] == 0x0A,
                      json[start] == 0x20, json[start + 4] == UInt8(ascii: "{"), json[start + 5] == 0x0A,
                      json[end - 1] == UInt8(ascii: "}"), json[end] == UInt8(ascii: ",") || json[end] == 0x0A,
                      previous.csvOffsets[k] >= 1, csvEnd <= csv.count, csvEnd - previous.csvOffsets[k] >= 2,
                      csv[previous.csvOffsets[k] - 1] == 0x0A,
                      csv[csvEnd - 2] == 0x0D, csv[csvEnd - 1] == 0x0A
                else { return false }
            }
            let first = rows.lowerBound, last = rows.upperBound
            let jsonRange = previous.jsonOffsets[first]..<(previous.jsonOffsets[last] + Int(previous.state.jsonLengths[last]))
            let csvRange = previous.csvOffsets[first]..<(previous.csvOffsets[last] + Int(previous.state.csvLengths[last]))
            jsonPieces.take(jsonRange, made: self.json.bytes.count)
            csvPieces.take(csvRange, made: self.csv.bytes.count)
            return true
        }

        private mutating func list(_ key: StaticString, _ values: [String]) {
            json.append("      \"")
            json.append(key)
            guard !values.isEmpty else { return json.append("\": [],\n") }
            json.append("\": [\n")
            for (n, v) in values.enumerated() {
                json.append("        ")
                json.json(v)
                json.append(n + 1 < values.count ? ",\n" : "\n")
            }
            json.append("      ],\n")
        }

        private mutating func words(_ t: ProcessingTime) -> String {
            if let known = times[t] { return known }
            let text = Texts.time(t)
            times[t] = text
            return text
        }

        private mutating func csvList(_ values: [String]) {
            csv.csv(values.count == 1 ? values[0] : values.joined(separator: "; "))
            csv.append(",")
        }

        /// One procedure's row in both tables, read where it lies (copying an entry would retain
        /// every field of its procedure); returns how many bytes each took.
        mutating func row(_ e: UnsafePointer<CatalogueState.Entry>) -> (json: UInt32, csv: UInt32) {
            let jsonStart = json.bytes.count
            let csvStart = csv.bytes.count
            let code = e.pointee.version.procedure.code ?? ProcedureCode(e.pointee.key)
            let levels = e.pointee.version.procedure.levels.map(\.rawValue)
            let fields = e.pointee.version.procedure.fields.map(\.name)
            let agencies = e.pointee.version.procedure.agencies(.performing)
            let channel = e.pointee.version.procedure.channel(.inPerson) ?? e.pointee.version.procedure.channels.first
            let time = channel.map { words($0.time) } ?? ""
            let online = e.pointee.version.procedure.online?.level.rawValue
            let since = e.pointee.version.from.iso
            let page = SiteData.procedurePath(e.pointee.key)

            json.append("    {\n      \"code\": ")
            json.json(code.rawValue)
            json.append(",\n      \"name\": ")
            json.json(e.pointee.version.procedure.name)
            json.append(",\n")
            list("levels", levels)
            list("fields", fields)
            list("agencies", agencies)
            json.append("      \"processingTime\": ")
            json.json(time)
            if let online {
                json.append(",\n      \"online\": ")
                json.json(online)
            }
            json.append(",\n      \"decision\": ")
            json.json(e.pointee.version.decision)
            json.append(",\n      \"inForceSince\": ")
            json.json(since)
            json.append(",\n      \"page\": ")
            json.json(page)
            json.append(",\n      \"data\": ")
            json.json(SitePath.procedureData(code))
            json.append("\n    }")

            csv.csv(code.rawValue)
            csv.append(",")
            csv.csv(e.pointee.version.procedure.name)
            csv.append(",")
            csvList(levels)
            csvList(fields)
            csvList(agencies)
            csv.csv(time)
            csv.append(",")
            csv.csv(online ?? "")
            csv.append(",")
            csv.csv(e.pointee.version.decision)
            csv.append(",")
            csv.csv(since)
            csv.append(",")
            csv.csv(page)
            csv.append("\r\n")
            return (UInt32(json.bytes.count - jsonStart), UInt32(csv.bytes.count - csvStart))
        }
    }

    /// Whether a CSV field holds a comma, a quote or a line break, as characters. A scan of the
    /// UTF-8 settles most fields: none of those bytes, no; one of them between ASCII bytes (or at an
    /// end), yes, since no ASCII character joins a neighbour into one character (a comma followed by
    /// a combining accent is another character, not a comma). The rest are read as characters.
    static func needsQuotes(_ field: String) -> Bool {
        var field = field
        var maybe = false
        let settled = field.withUTF8 { utf8 -> Bool in
            for (i, b) in utf8.enumerated() {
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || (0x0A...0x0D).contains(b) {
                    if (i == 0 || utf8[i - 1] < 0x80) && (i + 1 == utf8.count || utf8[i + 1] < 0x80) { return true }
                    maybe = true
                } else if b == 0xC2 || b == 0xE2 {
                    // The lead bytes of U+0085, U+2028 and U+2029 (other newlines).
                    maybe = true
                }
            }
            return false
        }
        if settled { return true }
        return maybe && field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
    }

    /// `feed.xml`: an Atom feed of the decisions, newest first. Atom ids must be absolute: the
    /// page URL when the site has an address, else a tag URI built from the province's agency code.
    public static func feed(_ data: SiteData) -> String {
        let p = data.province
        func id(_ path: String) -> String {
            data.absolute(path) ?? "tag:tthc,\(p.agencyCode.isEmpty ? "tinh" : SitePath.fileName(p.agencyCode)):\(path)"
        }
        let updated = data.decisions.first.map { $0.signedOn.iso } ?? data.date.iso
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
              <title>\(xml("Quyết định công bố thủ tục hành chính — \(p.name)"))</title>
              <id>\(xml(id(SiteLinks.home)))</id>
              <updated>\(updated)T00:00:00+07:00</updated>
              <author><name>\(xml(p.authority ?? p.name))</name></author>
              <link rel="alternate" href="\(xml(data.absolute(SiteLinks.home) ?? SiteLinks.home))"/>

            """
        if p.sample { out += "  <subtitle>\(xml(Province.sampleNotice))</subtitle>\n" }
        for d in data.decisions {
            let path = SitePath.decisionChanges(d.number)
            // One pass over the rows, each read where it lies through the buffer (`items[i]` would
            // copy the row, retaining its whole procedure, to read one field).
            let actions = DecisionItem.Action.allCases
            var perAction = [Int](repeating: 0, count: actions.count)
            d.items.withUnsafeBufferPointer { items in
                for i in items.indices { perAction[actions.firstIndex(of: items[i].action)!] += 1 }
            }
            var counts: [String] = []
            for (action, n) in zip(actions, perAction) where n > 0 {
                counts.append("\(n) \(Texts.action(action).lowercased())")
            }
            out += """
                  <entry>
                    <title>\(xml("Quyết định \(d.number): \(d.title)"))</title>
                    <id>\(xml(id(SitePath.decision(d.number))))</id>
                    <updated>\(d.signedOn.iso)T00:00:00+07:00</updated>
                    <link rel="alternate" href="\(xml(data.absolute(path) ?? path))"/>
                    <summary>\(xml("Có hiệu lực từ \(d.effectiveDate.vietnamese): \(counts.joined(separator: ", ")).\(p.sample ? " " + Province.sampleNotice : "")"))</summary>
                  </entry>

                """
        }
        return out + "</feed>\n"
    }

    /// The sitemap files: `sitemap.xml`, and when there are more than 50,000 pages (the protocol's
    /// limit per file) `sitemap.xml` becomes an index of `sitemap-1.xml`, `sitemap-2.xml`, ….
    /// Locations are absolute when the site has an address, relative otherwise. As UTF-8.
    public static func sitemaps(_ data: SiteData, pages: [String]) -> [(path: String, bytes: [UInt8])] {
        sitemaps(data, lines: urlLines(data, pages: pages))
    }

    static let sitemapLimit = 50_000
    static let urlsetHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    static let urlsetTail = "</urlset>\n"

    /// The sitemaps' `<url>` lines of `pages`, one line each, all but the 404 page.
    static func urlLines(_ data: SiteData, pages: ArraySlice<String>) -> [UInt8] {
        // `absolute(path)` is this prefix and the path, and escaping goes byte by byte: the
        // prefix is escaped once.
        var prefix = ByteText()
        prefix.xml(data.absolute("") ?? "")
        var out = ByteText(capacity: 128 + pages.count * (prefix.bytes.count + 64))
        for p in pages where p != SiteLinks.notFound {
            out.append("  <url><loc>")
            out.bytes += prefix.bytes
            out.xml(p)
            out.append("</loc></url>\n")
        }
        return out.bytes
    }

    static func urlLines(_ data: SiteData, pages: [String]) -> [UInt8] { urlLines(data, pages: pages[...]) }

    /// The sitemap files of `lines` (`urlLines`), cut into files of 50,000 lines.
    static func sitemaps(_ data: SiteData, lines: [UInt8]) -> [(path: String, bytes: [UInt8])] {
        func urlset(_ body: ArraySlice<UInt8>) -> [UInt8] {
            var out = ByteText(capacity: urlsetHead.utf8.count + body.count + urlsetTail.utf8.count)
            out.append(urlsetHead)
            out.bytes += body
            out.append(urlsetTail)
            return out.bytes
        }
        // Where each file's lines start, 50,000 line breaks apart.
        var cuts = [0]
        var count = 0
        lines.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var at = 0
            while at < bytes.count, let hit = memchr(base + at, 0x0A, bytes.count - at) {
                at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                count += 1
                if count % sitemapLimit == 0 { cuts.append(at) }
            }
        }
        guard count > sitemapLimit else { return [(SiteLinks.sitemap, urlset(lines[...]))] }
        if cuts.last != lines.count { cuts.append(lines.count) }
        var files: [(String, [UInt8])] = []
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for n in 0..<(cuts.count - 1) {
            let name = "sitemap-\(n + 1).xml"
            files.append((name, urlset(lines[cuts[n]..<cuts[n + 1]])))
            index += "  <sitemap><loc>\(xml(data.absolute(name) ?? name))</loc></sitemap>\n"
        }
        return [(SiteLinks.sitemap, Array((index + "</sitemapindex>\n").utf8))] + files
    }

    /// The `<url>` lines of the sitemap files `files` (their bodies, in order, put together), or
    /// nil when one is not a `<urlset>` as `sitemaps` writes it.
    static func urlLines(ofSitemaps files: [UnsafeBufferPointer<UInt8>]) -> [UInt8]? {
        let head = Array(urlsetHead.utf8), tail = Array(urlsetTail.utf8)
        var lines: [UInt8] = []
        lines.reserveCapacity(files.reduce(0) { $0 + $1.count })
        for file in files {
            guard file.count >= head.count + tail.count, file.prefix(head.count).elementsEqual(head),
                  file.suffix(tail.count).elementsEqual(tail) else { return nil }
            lines.append(contentsOf: UnsafeBufferPointer(rebasing: file[head.count..<(file.count - tail.count)]))
        }
        return lines
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named when its URL is known.
    public static func robots(_ data: SiteData) -> String {
        var out = "User-agent: *\nAllow: /\n"
        if let sitemap = data.absolute(SiteLinks.sitemap) { out += "Sitemap: \(sitemap)\n" }
        return out
    }

    static func xml(_ text: String) -> String { MarkupText.escape(text) }
}
