/// HTML escaping on UTF-8 bytes, for output built as `[UInt8]`: `& < > " '` as entities (as
/// `MarkupText.escape` does), and with `breaks`, each line feed also as `<br>`. The bytes between two
/// that change are copied as one run.
public enum MarkupBytes {
    public static func appendEscaped(_ text: String, to out: inout [UInt8], breaks: Bool = false) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for (i, b) in bytes.enumerated() {
                let replacement: StaticString
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                case 0x0A where breaks: replacement = "<br>\n"
                default: continue
                }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                run = i + 1
            }
            if bytes.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
    }
}
