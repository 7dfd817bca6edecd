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
        JSONFormat.pretty(Document(
            province: data.province.name, date: data.date.iso, sample: data.province.sample,
            count: data.state.count, procedures: rows(data)))
    }

    /// `procedures.csv` (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the
    /// Vietnamese correctly).
    public static func proceduresCSV(_ data: SiteData) -> String {
        var out = "\u{FEFF}" + csv(["code", "name", "levels", "fields", "agencies", "processing_time", "online", "decision", "in_force_since", "page"])
        for r in rows(data) {
            out += csv([r.code, r.name, r.levels.joined(separator: "; "), r.fields.joined(separator: "; "),
                        r.agencies.joined(separator: "; "), r.processingTime, r.online ?? "", r.decision, r.inForceSince, r.page])
        }
        return out
    }

    static func csv(_ fields: [String]) -> String {
        fields.map { f in
            f.contains { $0 == "," || $0 == "\"" || $0.isNewline } ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
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
