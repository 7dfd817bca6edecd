import Catalogue

/// Pages of the site that only the site links to (browse pages, indexes, open data). Procedures,
/// sheets and decisions are named by `SitePath`, which the sheets' QR codes share.
///
/// Every path is relative to the site's root and spelled with `index.html` explicit, so the folder
/// works from a web server, a CDN, or a USB stick opened as `file://`.
public enum SiteLinks {
    public static let home = "index.html"
    public static let decisions = "quyet-dinh/index.html"
    public static let fields = "linh-vuc/index.html"
    public static let agencies = "co-quan/index.html"
    public static let notFound = "404.html"
    public static let catalogueJSON = "catalogue.json"
    public static let proceduresCSV = "procedures.csv"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    /// Marks a folder as written by `tthc build`, so a rebuild may replace it without `--force`.
    public static let marker = ".tthc-site"

    /// `cap/cap-xa.html`.
    public static func level(_ level: Level) -> String {
        "cap/\(SitePath.fileName(level.vietnamese)).html"
    }

    /// `linh-vuc/ho-tich.html`.
    public static func field(slug: String) -> String { "linh-vuc/\(slug).html" }

    /// `co-quan/uy-ban-nhan-dan-cap-xa.html`.
    public static func agency(slug: String) -> String { "co-quan/\(slug).html" }

    /// The slug of a name: `SitePath.fileName`, cut to a length every file system takes; a cut slug
    /// ends with a short hash of the whole, so two long names sharing a beginning stay apart.
    public static func slug(_ name: String) -> String {
        let full = SitePath.fileName(name)
        guard full.utf8.count > 80 else { return full }
        var hash: UInt32 = 2_166_136_261
        for byte in full.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let cut = String(full.prefix(72)).trimmingSuffix("-")
        return cut + "-" + String(hash, radix: 36)
    }

    /// The relative prefix from a page to the root: "" for `index.html`, "../" for `thu-tuc/x.html`.
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.count { $0 == "/" })
    }
}

extension String {
    func trimmingSuffix(_ c: Character) -> String {
        var s = self
        while s.last == c { s.removeLast() }
        return s
    }
}
