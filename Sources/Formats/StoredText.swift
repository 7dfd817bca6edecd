/// Text in the form the XML and JSON readers store it, for code that builds the model from other
/// sources (the national portal importer): what it writes then reads back unchanged, byte for byte.
///
/// The rules are `XMLText`'s: NFC; runs of Unicode white space become one space and ends are trimmed;
/// one-line values fold line breaks too, prose keeps them (each line trimmed, at most one blank line).
public enum StoredText {
    /// A name, title or code: one line.
    public static func singleLine(_ s: String) -> String {
        var utf8 = Array(s.utf8)
        let composes = !InputText.isSurelyNFC(utf8: utf8[...])
        return utf8.withUnsafeMutableBufferPointer { XMLText(composes: composes).singleLine(validUTF8: UnsafeBufferPointer($0)) }
    }

    /// Step text, descriptions, notes: line breaks kept.
    public static func prose(_ s: String) -> String {
        var utf8 = Array(s.utf8)
        let composes = !InputText.isSurelyNFC(utf8: utf8[...])
        return utf8.withUnsafeMutableBufferPointer { XMLText(composes: composes).prose(validUTF8: UnsafeBufferPointer($0)) }
    }

    /// `singleLine` of UTF-8 bytes (valid UTF-8, as a `JSONTree` hands them over), without making a
    /// `String` of them first.
    /// `surelyNFC`: the caller has found them in the form `InputText.isSurelyNFC` accepts.
    public static func singleLine(utf8 bytes: UnsafeBufferPointer<UInt8>, surelyNFC: Bool = false) -> String {
        XMLText(composes: !surelyNFC && !InputText.isSurelyNFC(bytes)).singleLine(validUTF8: bytes)
    }

    /// `prose` of UTF-8 bytes (valid UTF-8: not checked again).
    public static func prose(utf8 bytes: UnsafeBufferPointer<UInt8>, surelyNFC: Bool = false) -> String {
        XMLText(composes: !surelyNFC && !InputText.isSurelyNFC(bytes)).prose(validUTF8: bytes)
    }
}
