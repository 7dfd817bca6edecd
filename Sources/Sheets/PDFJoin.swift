/// Joins PDFs that Cairo wrote into one, on their bytes: the parts of a bundle drawn on several
/// cores at once, each into a Cairo PDF surface of its own.
///
/// Cairo 1.16 writes a plain PDF: numbered objects one after the other, a classic cross-reference
/// table and trailer, one flat page tree (`/Kids [ … ]`), no object streams. So joining needs no PDF
/// library (qpdf parsed and rewrote every object, and cost as much as drawing on two cores saved):
/// every object of every part is copied as it is, renumbered by an offset per part, with only the
/// references in its dictionary rewritten (`n 0 R`); streams are copied byte for byte. The first
/// part's page tree, catalogue and outline root are rewritten to hold every page in the order asked
/// for, with one outline over all of them; the others' page trees, catalogues, outline roots and
/// document information become `null` objects that nothing refers to. Only the
/// structure Cairo writes is accepted: anything else is an error, not a guess.
enum PDFJoin {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A page of the joined PDF: the `page`-th page (0-based, in drawing order) of part `part`.
    struct PageSource: Equatable {
        var part: Int
        var page: Int
    }

    /// An entry of the joined PDF's outline, to its `page`-th page (0-based, in the joined order).
    struct OutlineEntry {
        var title: String
        var page: Int
    }

    /// One part as Cairo wrote it: where each object is, and its page tree.
    private struct Part {
        let bytes: [UInt8]
        /// The byte range of object `n`'s text ("n 0 obj … endobj"), by number; 0 is unused.
        let ranges: [Range<Int>]
        let catalog: Int
        let pages: Int
        let info: Int?
        let outlines: Int?
        /// The page objects, in the page tree's order.
        let kids: [Int]

        init(_ bytes: [UInt8], index: Int) throws {
            self.bytes = bytes
            func fail(_ what: String) -> Failure { Failure(description: "part \(index + 1) of the PDF: \(what)") }
            guard let startxrefAt = PDFJoin.lastIndex(of: Array("startxref".utf8), in: bytes),
                  let xrefOffset = PDFJoin.integer(in: bytes, after: startxrefAt + 9)?.value,
                  xrefOffset < bytes.count, bytes[xrefOffset...].starts(with: Array("xref".utf8))
            else { throw fail("no cross-reference table where Cairo writes it") }
            // "xref\n0 N\n" then N entries of 20 bytes.
            guard let first = PDFJoin.integer(in: bytes, after: xrefOffset + 4), first.value == 0,
                  let count = PDFJoin.integer(in: bytes, after: first.end), count.value > 1
            else { throw fail("a cross-reference table in more than one section") }
            var entry = count.end
            while entry < bytes.count, bytes[entry] == 0x0A || bytes[entry] == 0x0D || bytes[entry] == 0x20 { entry += 1 }
            guard entry + 20 * count.value <= bytes.count else { throw fail("a truncated cross-reference table") }
            var offsets = [Int](repeating: 0, count: count.value)
            for n in 1..<count.value {
                let row = entry + 20 * n
                guard bytes[row + 17] == UInt8(ascii: "n"), let offset = PDFJoin.integer(in: bytes, after: row)
                else { throw fail("object \(n) is not in use") }
                offsets[n] = offset.value
            }
            // Each object runs to the next one, the last to the cross-reference table.
            let order = (1..<count.value).sorted { offsets[$0] < offsets[$1] }
            var ranges = [Range<Int>](repeating: 0..<0, count: count.value)
            for (i, n) in order.enumerated() {
                let end = i + 1 < order.count ? offsets[order[i + 1]] : xrefOffset
                guard offsets[n] < end else { throw fail("object \(n) overlaps the next") }
                ranges[n] = offsets[n]..<end
            }
            self.ranges = ranges
            guard let trailer = PDFJoin.lastIndex(of: Array("trailer".utf8), in: bytes),
                  let root = PDFJoin.reference(named: "/Root", in: bytes[trailer..<bytes.count])
            else { throw fail("no /Root in the trailer") }
            info = PDFJoin.reference(named: "/Info", in: bytes[trailer..<bytes.count])
            catalog = root
            guard root < ranges.count, let pages = PDFJoin.reference(named: "/Pages", in: bytes[ranges[root]]) else {
                throw fail("a catalogue without /Pages")
            }
            outlines = PDFJoin.reference(named: "/Outlines", in: bytes[ranges[root]])
            guard pages < ranges.count else { throw fail("a catalogue without /Pages") }
            self.pages = pages
            let tree = bytes[ranges[pages]]
            guard let open = PDFJoin.firstIndex(of: Array("/Kids [".utf8), in: tree),
                  let close = tree[open...].firstIndex(of: UInt8(ascii: "]"))
            else { throw fail("a page tree that is not one flat /Kids array") }
            let words = tree[(open + 7)..<close].split { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }
            guard words.count % 3 == 0 else { throw fail("a page tree that is not one flat /Kids array") }
            var kids: [Int] = []
            for i in stride(from: 0, to: words.count, by: 3) {
                guard let n = Int(String(decoding: words[words.startIndex + i], as: UTF8.self)), n > 0, n < ranges.count,
                      words[words.startIndex + i + 2].elementsEqual([UInt8(ascii: "R")])
                else { throw fail("a page tree whose /Kids are not page references") }
                kids.append(n)
            }
            self.kids = kids
        }
    }

    /// Joins `parts` into one PDF whose pages are `order`, with `outline` as its outline. The
    /// document information (title, creator) is the first part's.
    static func join(_ parts: [[UInt8]], order: [PageSource], outline: [OutlineEntry]) throws -> [UInt8] {
        let parsed = try parts.enumerated().map { try Part($0.element, index: $0.offset) }
        guard let first = parsed.first else { throw Failure(description: "no PDF to join") }
        for source in order {
            guard source.part < parsed.count, source.page >= 0, source.page < parsed[source.part].kids.count else {
                throw Failure(description: "page \(source.page + 1) of part \(source.part + 1) does not exist")
            }
        }
        // Part p's object n becomes n + offsets[p]; new objects (the outline's entries) follow them.
        var offsets: [Int] = []
        var next = 0
        for part in parsed {
            offsets.append(next)
            next += part.ranges.count - 1
        }
        let outlineRoot: Int
        if let existing = first.outlines { outlineRoot = existing } else {
            outlineRoot = next + 1
            next += 1
        }
        let firstEntry = next + 1
        let size = firstEntry + outline.count

        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count } + 300 * outline.count + 20 * size + 4096)
        out += Array("%PDF-1.5\n%".utf8) + [0xB5, 0xED, 0xAE, 0xFB, 0x0A]
        var xref = [Int](repeating: 0, count: size)

        func emit(_ number: Int, _ body: String) {
            xref[number] = out.count
            out += Array("\(number) 0 obj\n".utf8)
            out += Array(body.utf8)
            out += Array("endobj\n".utf8)
        }

        for (p, part) in parsed.enumerated() {
            let offset = offsets[p]
            let mainPages = first.pages + offsets[0]
            for n in 1..<part.ranges.count {
                let number = n + offset
                if p == 0, n == first.pages || n == first.catalog || n == outlineRoot { continue }  // rewritten below
                if p > 0, n == part.pages || n == part.catalog || n == part.info || n == part.outlines {
                    emit(number, "null\n")
                    continue
                }
                xref[number] = out.count
                try copy(part.bytes[part.ranges[n]], number: number, into: &out) { referenced in
                    guard referenced > 0, referenced < part.ranges.count else {
                        throw Failure(description: "part \(p + 1) of the PDF: object \(n) refers to a missing object \(referenced)")
                    }
                    return referenced == part.pages ? mainPages : referenced + offset
                }
            }
        }

        let kids = order.map { "\(parsed[$0.part].kids[$0.page] + offsets[$0.part]) 0 R" }
        emit(first.pages, "<< /Type /Pages\n   /Kids [ \(kids.joined(separator: " ")) ]\n   /Count \(order.count)\n>>\n")
        if outline.isEmpty {
            emit(outlineRoot, "<< /Type /Outlines\n   /Count 0\n>>\n")
        } else {
            emit(outlineRoot, "<< /Type /Outlines\n   /First \(firstEntry) 0 R\n   /Last \(size - 1) 0 R\n   /Count \(outline.count)\n>>\n")
        }
        for (i, entry) in outline.enumerated() {
            guard entry.page >= 0, entry.page < order.count else {
                throw Failure(description: "the outline entry \"\(entry.title)\" leads to page \(entry.page + 1) of \(order.count)")
            }
            var body = "<< /Title \(textString(entry.title))\n   /Parent \(outlineRoot) 0 R\n"
            if i > 0 { body += "   /Prev \(firstEntry + i - 1) 0 R\n" }
            if i + 1 < outline.count { body += "   /Next \(firstEntry + i + 1) 0 R\n" }
            body += "   /Dest [\(kids[entry.page]) /XYZ null null 0]\n>>\n"
            emit(firstEntry + i, body)
        }
        emit(first.catalog, "<< /Type /Catalog\n   /Pages \(first.pages) 0 R\n   /Outlines \(outlineRoot) 0 R\n>>\n")

        let xrefAt = out.count
        out += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
        for n in 1..<size {
            var digits = Array(String(xref[n]).utf8)
            if digits.count < 10 { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 10 - digits.count), at: 0) }
            out += digits
            out += Array(" 00000 n \n".utf8)
        }
        var trailer = "trailer\n<< /Size \(size)\n   /Root \(first.catalog) 0 R\n"
        if let info = first.info { trailer += "   /Info \(info) 0 R\n" }
        trailer += ">>\nstartxref\n\(xrefAt)\n%%EOF\n"
        out += Array(trailer.utf8)
        return out
    }

    /// A PDF text string: the title in UTF-16 big-endian with its byte-order mark, in hex, as Cairo
    /// writes outline titles.
    static func textString(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = Array("<FEFF".utf8)
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { out.append(hex[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Copies object text "n 0 obj … endobj" as object `number`, rewriting every reference in it
    /// with `map`; a stream's bytes are copied as they are.
    private static func copy(
        _ object: ArraySlice<UInt8>, number: Int, into out: inout [UInt8], map: (Int) throws -> Int
    ) throws {
        var i = object.startIndex
        let end = object.endIndex
        // The header "n 0 obj".
        guard let header = firstIndex(of: Array(" obj".utf8), in: object) else {
            throw Failure(description: "object \(number): no \"obj\" header")
        }
        out += Array("\(number) 0".utf8)
        i = header
        let headerEnd = header + 4
        out += object[i..<headerEnd]
        i = headerEnd
        // Numbers seen last, for "a b R": (start, end, value) of the two latest integer tokens.
        var previous: (start: Int, end: Int, value: Int)?
        var latest: (start: Int, end: Int, value: Int)?
        var copied = i
        var depth = 0
        func flush(to index: Int) {
            if copied < index { out += object[copied..<index] }
            copied = index
        }
        while i < end {
            let c = object[i]
            switch c {
            case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00:
                i += 1
                continue
            case UInt8(ascii: "%"):  // a comment, to the end of the line
                while i < end, object[i] != 0x0A, object[i] != 0x0D { i += 1 }
            case UInt8(ascii: "("):  // a literal string, with nested parentheses and escapes
                var nesting = 0
                while i < end {
                    let s = object[i]
                    if s == UInt8(ascii: "\\") { i += 2; continue }
                    if s == UInt8(ascii: "(") { nesting += 1 }
                    if s == UInt8(ascii: ")") { nesting -= 1; if nesting == 0 { i += 1; break } }
                    i += 1
                }
            case UInt8(ascii: "<"):
                if i + 1 < end, object[i + 1] == UInt8(ascii: "<") {
                    depth += 1
                    i += 2
                } else {
                    while i < end, object[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                }
            case UInt8(ascii: ">"):
                i += (i + 1 < end && object[i + 1] == UInt8(ascii: ">")) ? 2 : 1
                depth -= 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                var value = 0
                while i < end, object[i] >= UInt8(ascii: "0"), object[i] <= UInt8(ascii: "9") {
                    value = value &* 10 &+ Int(object[i] - UInt8(ascii: "0"))
                    i += 1
                }
                if i < end, object[i] == UInt8(ascii: ".") {  // a real number, not part of a reference
                    while i < end, object[i] == UInt8(ascii: ".") || (object[i] >= UInt8(ascii: "0") && object[i] <= UInt8(ascii: "9")) { i += 1 }
                    previous = nil
                    latest = nil
                    continue
                }
                previous = latest
                latest = (start, i, value)
                continue
            case UInt8(ascii: "R"):
                if let target = previous, let generation = latest, generation.value == 0,
                   i + 1 >= end || isDelimiter(object[i + 1]) {
                    flush(to: target.start)
                    out += Array(String(try map(target.value)).utf8)
                    copied = target.end
                }
                i += 1
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
                i += 1
            case UInt8(ascii: "s") where depth == 0:
                if object[i...].starts(with: Array("stream".utf8)) {
                    // The rest, from "stream" to "endobj", is the stream's data: copied as it is.
                    flush(to: end)
                    return
                }
                i += 1
            default:
                // A name, keyword or other token: skip it whole.
                i += 1
                while i < end, !isDelimiter(object[i]) { i += 1 }
            }
            previous = nil
            latest = nil
        }
        flush(to: end)
    }

    private static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// The object number of `name n 0 R` in `text`.
    private static func reference(named name: String, in text: ArraySlice<UInt8>) -> Int? {
        let key = Array((name + " ").utf8)
        guard let at = firstIndex(of: key, in: text), let number = integer(in: text, after: at + key.count)
        else { return nil }
        return number.value
    }

    /// The unsigned integer after optional white space from `index`, and where it ends.
    private static func integer(in bytes: [UInt8], after index: Int) -> (value: Int, end: Int)? {
        integer(in: bytes[...], after: index)
    }

    private static func integer(in bytes: ArraySlice<UInt8>, after index: Int) -> (value: Int, end: Int)? {
        let end = bytes.endIndex
        var i = index
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        let start = i
        var value = 0
        while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            i += 1
        }
        return i > start ? (value, i) : nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let head = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == head, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        firstIndex(of: needle, in: haystack[...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
