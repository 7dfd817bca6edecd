/// Text made safe to put inside HTML, XML or Pango markup, as content or as a quoted attribute value.
///
/// One escaper for every page, report, feed and sheet the tool writes. It escapes the five characters
/// that can end text or an attribute (`& < > " '`) and works on UTF-8 bytes: text that needs nothing
/// (most of it) comes back as it is, without a copy.
public enum MarkupText {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
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

    private static func needsEscape(_ b: UInt8) -> Bool {
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
    }
}
