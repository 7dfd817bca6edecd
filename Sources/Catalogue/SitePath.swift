/// Where things live on the public site, relative to its root.
///
/// The site (`tthc build`), the posting sheets' QR codes (`tthc sheets`) and the import's links all
/// name pages through here, so a printed QR code and the page it points at can never drift apart.
/// Paths use only `[A-Za-z0-9._-]`, so they are safe as file names on every system and need no
/// escaping in a URL.
public enum SitePath {
    /// `thu-tuc/1.001193.html`: the procedure's page, named by its catalogue key.
    public static func procedure(_ code: ProcedureCode) -> String {
        "thu-tuc/\(fileName(code.key)).html"
    }

    /// `thu-tuc/1.001193.json`: the procedure's open-data record.
    public static func procedureData(_ code: ProcedureCode) -> String {
        "thu-tuc/\(fileName(code.key)).json"
    }

    /// `niem-yet/1.001193.html`: the printable posting sheet (HTML with A4 print CSS).
    public static func sheet(_ code: ProcedureCode) -> String {
        "niem-yet/\(fileName(code.key)).html"
    }

    /// `quyet-dinh/412-qd-ubnd.html`: a decision's page ("412/QĐ-UBND" → "412-qd-ubnd").
    public static func decision(_ number: String) -> String {
        "quyet-dinh/\(fileName(number)).html"
    }

    /// `quyet-dinh/412-qd-ubnd-thay-doi.html`: what a decision changes, for citizens.
    public static func decisionChanges(_ number: String) -> String {
        "quyet-dinh/\(fileName(number))-thay-doi.html"
    }

    /// The absolute URL of a site path, or nil when the province has no base URL.
    public static func url(_ path: String, base: String?) -> String? {
        guard let base, !base.isEmpty else { return nil }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// A file-name-safe slug: lower case, diacritics folded (đ → d), anything outside `[A-Za-z0-9._-]`
    /// becomes `-`, runs of `-` collapse, and no leading dot (no hidden files, no `..`).
    public static func fileName(_ text: String) -> String {
        asciiFileName(text) ?? foldedFileName(text)
    }

    /// `fileName` through the search key: any text.
    static func foldedFileName(_ text: String) -> String {
        var out = ""
        var lastDash = false
        for scalar in VietnameseText.searchKey(text).unicodeScalars {
            let ok = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_")
            if ok {
                out.unicodeScalars.append(scalar)
                lastDash = false
            } else if !lastDash {
                out.append("-")
                lastDash = true
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "_" : out
    }

    /// `fileName` of a text that is all ASCII (procedure codes, most decision numbers), without the
    /// search key's lower-casing, normalisation and scalar walk: a site build names every link by it.
    /// The same result: ASCII has no marks and no `đ`, its whitespace and every other character
    /// outside `[A-Za-z0-9._]` become one `-` either way. Nil when the text is not all ASCII.
    static func asciiFileName(_ text: String) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.append(byte)
            default:
                if out.last != UInt8(ascii: "-") { out.append(UInt8(ascii: "-")) }
            }
        }
        var start = 0
        while start < out.count, out[start] == UInt8(ascii: ".") || out[start] == UInt8(ascii: "-") { start += 1 }
        var end = out.count
        while end > start, out[end - 1] == UInt8(ascii: "-") { end -= 1 }
        return start == end ? "_" : String(decoding: out[start..<end], as: UTF8.self)
    }
}
