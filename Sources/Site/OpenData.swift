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
        catalogueJSON(data, rows: rows(data))
    }

    /// The same text `JSONFormat.pretty(Document(…))` gives (a test checks it), written straight
    /// from the rows: at 10,000 procedures the generic encoder's tree of nodes was most of the cost
    /// of the open data in a rebuild.
    static func catalogueJSON(_ data: SiteData, rows: [Row]) -> String {
        var out = ""
        out.reserveCapacity(256 + rows.count * 640)
        func string(_ key: String, _ value: String, indent: String, last: Bool = false) {
            out += indent
            JSONFormat.appendLiteral(key, to: &out)
            out += ": "
            JSONFormat.appendLiteral(value, to: &out)
            out += last ? "\n" : ",\n"
        }
        func list(_ key: String, _ values: [String]) {
            out += "      "
            JSONFormat.appendLiteral(key, to: &out)
            guard !values.isEmpty else { out += ": [],\n"; return }
            out += ": [\n"
            for (n, v) in values.enumerated() {
                out += "        "
                JSONFormat.appendLiteral(v, to: &out)
                out += n + 1 < values.count ? ",\n" : "\n"
            }
            out += "      ],\n"
        }
        out += "{\n"
        string("province", data.province.name, indent: "  ")
        string("date", data.date.iso, indent: "  ")
        out += "  \"sample\": \(data.province.sample ? "true" : "false"),\n"
        out += "  \"count\": \(data.state.count),\n"
        guard !rows.isEmpty else { return out + "  \"procedures\": []\n}\n" }
        out += "  \"procedures\": [\n"
        for (n, r) in rows.enumerated() {
            out += "    {\n"
            string("code", r.code, indent: "      ")
            string("name", r.name, indent: "      ")
            list("levels", r.levels)
            list("fields", r.fields)
            list("agencies", r.agencies)
            string("processingTime", r.processingTime, indent: "      ")
            if let online = r.online { string("online", online, indent: "      ") }
            string("decision", r.decision, indent: "      ")
            string("inForceSince", r.inForceSince, indent: "      ")
            string("page", r.page, indent: "      ")
            string("data", r.data, indent: "      ", last: true)
            out += n + 1 < rows.count ? "    },\n" : "    }\n"
        }
        return out + "  ]\n}\n"
    }

    /// `procedures.csv` (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the
    /// Vietnamese correctly).
    public static func proceduresCSV(_ data: SiteData) -> String {
        proceduresCSV(rows(data))
    }

    static func proceduresCSV(_ rows: [Row]) -> String {
        var out = "\u{FEFF}" + csv(["code", "name", "levels", "fields", "agencies", "processing_time", "online", "decision", "in_force_since", "page"])
        for r in rows {
            out += csv([r.code, r.name, r.levels.joined(separator: "; "), r.fields.joined(separator: "; "),
                        r.agencies.joined(separator: "; "), r.processingTime, r.online ?? "", r.decision, r.inForceSince, r.page])
        }
        return out
    }

    static func csv(_ fields: [String]) -> String {
        fields.map { f in
            needsQuotes(f) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }

    /// Whether a CSV field holds a comma, a quote or a line break. Most fields have none of their
    /// bytes, which a scan of the UTF-8 settles; the others are read as characters.
    static func needsQuotes(_ field: String) -> Bool {
        let maybe = field.utf8.contains { b in
            // , " LF VT FF CR, and the lead bytes of U+0085, U+2028 and U+2029 (other newlines).
            b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || (0x0A...0x0D).contains(b) || b == 0xC2 || b == 0xE2
        }
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
            var counts: [String] = []
            for action in DecisionItem.Action.allCases {
                let n = d.items.count { $0.action == action }
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
    /// Locations are absolute when the site has an address, relative otherwise.
    public static func sitemaps(_ data: SiteData, pages: [String]) -> [(path: String, text: String)] {
        let limit = 50_000
        func url(_ path: String) -> String { xml(data.absolute(path) ?? path) }
        func urlset(_ paths: ArraySlice<String>) -> String {
            var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for p in paths { out += "  <url><loc>\(url(p))</loc></url>\n" }
            return out + "</urlset>\n"
        }
        let sorted = pages.filter { $0 != SiteLinks.notFound }
        guard sorted.count > limit else { return [(SiteLinks.sitemap, urlset(sorted[...]))] }
        var files: [(String, String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, start) in stride(from: 0, to: sorted.count, by: limit).enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append((name, urlset(sorted[start..<min(start + limit, sorted.count)])))
            index += "  <sitemap><loc>\(url(name))</loc></sitemap>\n"
        }
        return [(SiteLinks.sitemap, index + "</sitemapindex>\n")] + files
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named when its URL is known.
    public static func robots(_ data: SiteData) -> String {
        var out = "User-agent: *\nAllow: /\n"
        if let sitemap = data.absolute(SiteLinks.sitemap) { out += "Sitemap: \(sitemap)\n" }
        return out
    }

    static func xml(_ text: String) -> String { MarkupText.escape(text) }
}
