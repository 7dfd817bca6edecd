import Mustache

/// HTML escaping for the templates, the same five characters and entities as swift-mustache's own
/// (`& < > " '`), but over UTF-8 bytes and with a scan that returns text needing no escape as is.
/// The library's escaper looks every `Character` up in a dictionary, which was the largest cost of
/// rendering a procedure page. Templates opt in with `{{% CONTENT_TYPE: HTML }}` on their first line
/// (registered here under the library's own name, so the meaning is unchanged); a theme template
/// without it is escaped by the library's escaper, just more slowly.
struct HTMLEscaping: MustacheContentType {
    /// Registers the escaper; called before any template is parsed (the pragma is looked up then).
    static let register: Void = MustacheContentTypes.register(HTMLEscaping(), named: "HTML")

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return nil
            }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for b in bytes[first...] {
                switch b {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
