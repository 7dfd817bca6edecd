/// A string as a dictionary key hashed and compared by its UTF-8 bytes.
///
/// `String` hashing normalises non-ASCII text on every call, which made the word diff's tables most
/// of its cost on Vietnamese prose. Text reaching the diff is already NFC (the loaders normalise it)
/// and keys come from `VietnameseText`, so byte equality is the right equality here.
struct UTF8Key: Hashable {
    var text: Substring

    init(_ text: Substring) { self.text = text }
    init(_ text: String) { self.text = text[...] }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var copy = text
        let done: Bool? = copy.withUTF8 { buffer in
            hasher.combine(bytes: UnsafeRawBufferPointer(buffer))
            return true
        }
        if done == nil { for byte in text.utf8 { hasher.combine(byte) } }
        hasher.combine(text.utf8.count)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, without the property table lookup for ASCII.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
