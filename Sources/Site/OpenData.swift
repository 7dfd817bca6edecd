import Catalogue
import Formats

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
        let entries = data.state.entries
        var json = ByteText(capacity: 256 + entries.count * 700)
        var csv = ByteText(capacity: 128 + entries.count * 400)
        json.append("{\n  \"province\": ")
        json.json(data.province.name)
        json.append(",\n  \"date\": ")
        json.json(data.date.iso)
        json.append(data.province.sample ? ",\n  \"sample\": true,\n  \"count\": " : ",\n  \"sample\": false,\n  \"count\": ")
        json.append(entries.count)
        json.append(entries.isEmpty ? ",\n  \"procedures\": []\n}\n" : ",\n  \"procedures\": [\n")
        csv.append("\u{FEFF}code,name,levels,fields,agencies,processing_time,online,decision,in_force_since,page\r\n")

        func list(_ key: StaticString, _ values: [String]) {
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
        // Catalogues repeat a few dozen processing times; each is put in words once.
        var times: [ProcessingTime: String] = [:]
        func time(_ t: ProcessingTime) -> String {
            if let known = times[t] { return known }
            let text = Texts.time(t)
            times[t] = text
            return text
        }
        func csvList(_ values: [String]) {
            csv.csv(values.count == 1 ? values[0] : values.joined(separator: "; "))
            csv.append(",")
        }
        // Read where it lies: copying an entry would retain every field of its procedure.
        func row(_ e: borrowing CatalogueState.Entry, last: Bool) {
            let p = e.version.procedure
            let code = p.code ?? ProcedureCode(e.key)
            let levels = p.levels.map(\.rawValue)
            let fields = p.fields.map(\.name)
            let agencies = p.agencies(.performing)
            let time = (p.channel(.inPerson) ?? p.channels.first).map { time($0.time) } ?? ""
            let since = e.version.from.iso
            let page = SiteData.procedurePath(e.key)

            json.append("    {\n      \"code\": ")
            json.json(code.rawValue)
            json.append(",\n      \"name\": ")
            json.json(p.name)
            json.append(",\n")
            list("levels", levels)
            list("fields", fields)
            list("agencies", agencies)
            json.append("      \"processingTime\": ")
            json.json(time)
            if let online = p.online {
                json.append(",\n      \"online\": ")
                json.json(online.level.rawValue)
            }
            json.append(",\n      \"decision\": ")
            json.json(e.version.decision)
            json.append(",\n      \"inForceSince\": ")
            json.json(since)
            json.append(",\n      \"page\": ")
            json.json(page)
            json.append(",\n      \"data\": ")
            json.json(SitePath.procedureData(code))
            json.append(last ? "\n    }\n" : "\n    },\n")

            csv.csv(code.rawValue)
            csv.append(",")
            csv.csv(p.name)
            csv.append(",")
            csvList(levels)
            csvList(fields)
            csvList(agencies)
            csv.csv(time)
            csv.append(",")
            csv.csv(p.online?.level.rawValue ?? "")
            csv.append(",")
            csv.csv(e.version.decision)
            csv.append(",")
            csv.csv(since)
            csv.append(",")
            csv.csv(page)
            csv.append("\r\n")
        }
        for i in entries.indices { row(entries[i], last: i == entries.count - 1) }
        if !entries.isEmpty { json.append("  ]\n}\n") }
        return (json.bytes, csv.bytes)
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
            // One pass over the rows, each read where it lies (a row copied is its procedure retained).
            var perAction: [DecisionItem.Action: Int] = [:]
            for i in d.items.indices { perAction[d.items[i].action, default: 0] += 1 }
            var counts: [String] = []
            for action in DecisionItem.Action.allCases {
                let n = perAction[action] ?? 0
                if n > 0 { counts.append("\(n) \(Texts.action(action).lowercased())") }
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
        let limit = 50_000
        // `absolute(path)` is this prefix and the path, and escaping goes byte by byte: the
        // prefix is escaped once.
        var prefix = ByteText()
        prefix.xml(data.absolute("") ?? "")
        func urlset(_ paths: ArraySlice<String>) -> [UInt8] {
            var out = ByteText(capacity: 128 + paths.count * (prefix.bytes.count + 64))
            out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
            for p in paths {
                out.append("  <url><loc>")
                out.bytes += prefix.bytes
                out.xml(p)
                out.append("</loc></url>\n")
            }
            out.append("</urlset>\n")
            return out.bytes
        }
        let sorted = pages.filter { $0 != SiteLinks.notFound }
        guard sorted.count > limit else { return [(SiteLinks.sitemap, urlset(sorted[...]))] }
        var files: [(String, [UInt8])] = []
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, start) in stride(from: 0, to: sorted.count, by: limit).enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append((name, urlset(sorted[start..<min(start + limit, sorted.count)])))
            index += "  <sitemap><loc>\(xml(data.absolute(name) ?? name))</loc></sitemap>\n"
        }
        return [(SiteLinks.sitemap, Array((index + "</sitemapindex>\n").utf8))] + files
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named when its URL is known.
    public static func robots(_ data: SiteData) -> String {
        var out = "User-agent: *\nAllow: /\n"
        if let sitemap = data.absolute(SiteLinks.sitemap) { out += "Sitemap: \(sitemap)\n" }
        return out
    }

    static func xml(_ text: String) -> String { MarkupText.escape(text) }
}
