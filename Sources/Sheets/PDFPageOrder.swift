#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves pages within a PDF that Cairo has finished writing, by reordering its page tree.
///
/// Cairo writes pages in the order they are drawn, but a bundle's table of contents, on its second
/// page, can only be drawn once every sheet is laid out; drawing it last lets the sheets be drawn
/// while the others are still being shaped. A PDF's page order is the order of its page tree's
/// `/Kids` references, which Cairo writes as one flat array, `/Kids [ 5 0 R 9 0 R … ]`: moving
/// references within that array changes no byte count, so the cross-reference table (byte offsets
/// of every object) stays right, and nothing else in the file refers to pages by position (outline
/// entries point at page objects).
enum PDFPageOrder {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Moves the pages at `pages` (0-based, in drawing order) so that they start at `destination`.
    static func move(pages: Range<Int>, to destination: Int, in path: String) throws {
        guard !pages.isEmpty, destination != pages.lowerBound else { return }
        let fd = open(path, O_RDWR)
        guard fd >= 0 else { throw Failure(description: "\(path): cannot reopen the PDF to order its pages") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(description: "\(path): cannot read the PDF") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard read == bytes.count else { throw Failure(description: "\(path): cannot read the PDF") }

        let opening = Array("<< /Type /Pages\n   /Kids [ ".utf8)
        guard let start = Self.find(opening, in: bytes), Self.find(opening, in: bytes, from: start + 1) == nil,
              let end = bytes[(start + opening.count)...].firstIndex(of: UInt8(ascii: "]"))
        else { throw Failure(description: "\(path): the PDF has no single flat page tree to reorder") }
        let kidsStart = start + opening.count
        // "5 0 R 9 0 R … " : each reference is three words.
        let words = bytes[kidsStart..<end].split(separator: UInt8(ascii: " "))
        guard words.count % 3 == 0, pages.upperBound <= words.count / 3, destination >= 0, destination <= words.count / 3 - pages.count
        else { throw Failure(description: "\(path): the page tree does not hold the pages to move") }
        var references = stride(from: 0, to: words.count, by: 3).map { Array(words[words.startIndex + $0]) + [UInt8(ascii: " ")] + Array(words[words.startIndex + $0 + 1]) + [UInt8(ascii: " ")] + Array(words[words.startIndex + $0 + 2]) }
        let moved = Array(references[pages])
        references.removeSubrange(pages)
        references.insert(contentsOf: moved, at: destination)
        var kids: [UInt8] = []
        kids.reserveCapacity(end - kidsStart)
        for reference in references { kids += reference; kids.append(UInt8(ascii: " ")) }
        guard kids.count == end - kidsStart else { throw Failure(description: "\(path): the page tree is not written as expected") }
        let written = kids.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(kidsStart)) }
        guard written == kids.count else {
            throw Failure(description: "\(path): cannot write the PDF's page order")
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
