import Catalogue
import Formats

/// A stable hash of everything a page is made from (FNV-1a, 64 bits, over UTF-8): the same inputs
/// give the same value in every run, unlike Swift's seeded `Hasher`. A rebuild compares a
/// procedure page's fingerprint with the previous build's and, when equal, keeps the page without
/// building or rendering it — that is what makes a rebuild after one decision fast.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for b in bytes { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    mutating func add(_ flag: Bool) { add(flag ? "1" : "0") }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

extension SiteModel {
    /// What a procedure's page and open-data file depend on besides the templates: the page's
    /// layout inputs, every version with its decision, which version shows and what is in force on
    /// the build date, and the names and pages of what it links to.
    public func fingerprint(procedure key: String, templates: String) -> String {
        var f = Fingerprint()
        f.add(templates)
        f.add(layoutKey)
        f.add(hasSheets)
        guard let history = data.catalogue.histories[key] else { return f.hex }
        let shown = data.shownVersion(of: history)
        for v in history.versions {
            f.add(JSONFormat.write(v.procedure))
            f.add(v.decision)
            if let d = data.catalogue.decisions[v.decision] { f.add(d.title); f.add(d.signedOn.iso) }
            f.add(v.action.rawValue)
            f.add(v.from.iso)
            f.add(v.until?.iso ?? "-")
            f.add(String(describing: v.end))
            f.add(v.isInForce(at: data.date))
            f.add(v == shown)
        }
        if let shown {
            f.add(shown.from > data.date)
            for field in shown.procedure.fields { f.add(data.fieldSlugs[field.name] ?? "-") }
            for level in shown.procedure.levels { f.add(data.levels.contains { $0.level == level }) }
        }
        for other in (replacedBy(history) ?? []) + history.replaces {
            f.add(other)
            f.add(data.catalogue.histories[other].flatMap { data.shownVersion(of: $0) }?.procedure.name ?? "-")
        }
        return f.hex
    }

    /// The province, address and QR setting, which every page's layout shows.
    static func layoutKey(_ data: SiteData, qr: Bool) -> String {
        JSONFormat.pretty(data.province) + (data.baseURL ?? "-") + (qr ? "qr" : "no-qr")
    }
}
