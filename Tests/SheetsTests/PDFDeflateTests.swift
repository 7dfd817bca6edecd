import Catalogue
import Foundation
import Sheets
import Testing

/// Cairo's PDF streams are deflated at the level `CPDFDeflate` sets (2, zlib's "fast" class)
/// instead of zlib's default (6): the interposed `deflateInit_` must be the one Cairo calls, and the
/// streams must still be whole zlib streams.
@Suite("PDF stream compression")
struct PDFDeflateTests {
    @Test func cairosStreamsAreDeflatedAtTheFastLevel() throws {
        let scratch = try Scratch()
        let sample = Sample.shared
        let commune = sample.province.communes[0]
        let bundle = SheetBundle(catalogue: sample.catalogue, province: sample.province, commune: commune, date: .day("2026-09-01"))
        let pdf = scratch.path("bundle.pdf")
        _ = try PDFBook.write(bundle, to: pdf)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf)))
        // The two bytes after each "stream" line are the zlib header: CMF 0x78 (deflate, 32 KiB
        // window), then FLG, whose top two bits say the level's class: 0x5E for levels 2–5, 0x9C for
        // the default, 0x01 for level 1.
        var headers: [UInt8] = []
        let marker = Array("stream\n".utf8)
        var i = 0
        while i + marker.count + 2 <= bytes.count {
            if bytes[i] == marker[0], Array(bytes[i..<i + marker.count]) == marker, i == 0 || bytes[i - 1] != UInt8(ascii: "d") {
                let start = i + marker.count
                #expect(bytes[start] == 0x78, "a stream that is not zlib at byte \(start)")
                headers.append(bytes[start + 1])
                i = start
            }
            i += 1
        }
        #expect(headers.count > 10)
        #expect(headers.allSatisfy { $0 == 0x5E }, "levels: \(Set(headers).map { String($0, radix: 16) })")
    }
}
