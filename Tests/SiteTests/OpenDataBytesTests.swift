import Catalogue
import Formats
import Foundation
@testable import Site
import Synthetic
import Testing

/// The open data is written as bytes (`ByteText`, `OpenData.tables`, `OpenData.sitemaps`); every
/// byte must be what the `String` forms it replaced wrote, kept here as the reference.
@Suite("Open data written as bytes")
struct OpenDataBytesTests {
    // MARK: The String forms these replaced

    static func referenceCSV(_ rows: [OpenData.Row]) -> String {
        func csv(_ fields: [String]) -> String {
            fields.map { f in
                OpenData.needsQuotes(f) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
            }.joined(separator: ",") + "\r\n"
        }
        var out = "\u{FEFF}" + csv(["code", "name", "levels", "fields", "agencies", "processing_time", "online", "decision", "in_force_since", "page"])
        for r in rows {
            out += csv([r.code, r.name, r.levels.joined(separator: "; "), r.fields.joined(separator: "; "),
                        r.agencies.joined(separator: "; "), r.processingTime, r.online ?? "", r.decision, r.inForceSince, r.page])
        }
        return out
    }

    static func referenceSitemaps(_ data: SiteData, pages: [String]) -> [(path: String, text: String)] {
        let limit = 50_000
        func url(_ path: String) -> String { MarkupText.escape(data.absolute(path) ?? path) }
        func urlset(_ paths: ArraySlice<String>) -> String {
            var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for p in paths { out += "  <url><loc>\(url(p))</loc></url>\n" }
            return out + "</urlset>\n"
        }
        let sorted = pages.filter { $0 != SiteLinks.notFound }
        guard sorted.count > limit else { return [(SiteLinks.sitemap, urlset(sorted[...]))] }
        var files: [(String, String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, start) in stride(from: 0, to: sorted.count, by: limit).enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append((name, urlset(sorted[start..<min(start + limit, sorted.count)])))
            index += "  <sitemap><loc>\(url(name))</loc></sitemap>\n"
        }
        return [(SiteLinks.sitemap, index + "</sitemapindex>\n")] + files
    }

    static func awkward() -> Catalogue {
        var odd = Tiny.procedure("1.000009", "Tên có \"ngoặc kép\", \\ gạch\nxuống dòng\tvà \u{1}\u{1F}", days: 2, fee: 0)
        odd.levels = [.province, .commune]
        odd.fields = [Field(name: "Hộ tịch, \"chứng thực\""), Field(name: "Đất đai")]
        odd.agencies = [Agency(role: .performing, name: "Sở A"), Agency(role: .performing, name: "Sở \"B\"\r\nC")]
        odd.online = nil
        return Tiny.catalogue([Tiny.decision("3/QĐ-UBND", "2026-01-05", [
            DecisionItem(action: .new, procedure: odd),
            DecisionItem(action: .new, procedure: Tiny.procedure("1.000010", "Thủ tục </script> & <b> 'x'", days: 1, fee: 5)),
        ])])
    }

    static func dataSets() throws -> [SiteData] {
        let (sample, province) = try Fixture.sample()
        let generated = try #require(SyntheticCatalogue.generate(.init(procedures: 300, seed: 3)).first)
        let replay = Replay.run(generated.decisions.map {
            SourcedDecision(decision: $0, location: SourceLocation(file: $0.number, line: 1, column: 1))
        })
        let odd = Province(name: "Tỉnh \"Thử\" & <b>", agencyCode: "H98", sample: false)
        return [
            SiteData(catalogue: sample, province: province, date: LocalDate(iso: "2026-12-31")!),
            SiteData(catalogue: sample, province: province, date: LocalDate(iso: "2020-01-01")!, baseURL: "https://x.invalid/a&b"),
            SiteData(catalogue: replay.catalogue, province: generated.province, date: LocalDate(iso: "2099-01-01")!,
                     baseURL: "https://example.invalid"),
            SiteData(catalogue: Self.awkward(), province: odd, date: LocalDate(iso: "2026-06-01")!),
            SiteData(catalogue: Self.awkward(), province: odd, date: LocalDate(iso: "2025-01-01")!),
        ]
    }

    // MARK: Tests

    @Test func theTablesAreWhatTheStringFormsWrote() throws {
        for data in try Self.dataSets() {
            let tables = OpenData.tables(data)
            let rows = OpenData.rows(data)
            #expect(String(decoding: tables.csv, as: UTF8.self) == Self.referenceCSV(rows))
            #expect(String(decoding: tables.json, as: UTF8.self) == JSONFormat.pretty(OpenData.Document(
                province: data.province.name, date: data.date.iso, sample: data.province.sample,
                count: data.state.count, procedures: rows)))
        }
    }

    @Test(arguments: [0, 3, 50_000, 50_001, 120_000])
    func sitemapsAreWhatTheStringFormWrote(pages: Int) throws {
        let (sample, province) = try Fixture.sample()
        let paths = (0..<pages).map { "thu-tuc/\($0 % 7 == 0 ? "a&b'<c>\"" : "1.00")\($0).html" } + [SiteLinks.notFound]
        for base in [nil, "https://example.invalid/tỉnh&x/", "https://example.invalid"] {
            let data = SiteData(catalogue: sample, province: province, date: LocalDate(iso: "2026-12-31")!, baseURL: base)
            let made = OpenData.sitemaps(data, pages: paths)
            let reference = Self.referenceSitemaps(data, pages: paths)
            #expect(made.map(\.path) == reference.map(\.path))
            #expect(made.map { String(decoding: $0.bytes, as: UTF8.self) } == reference.map(\.text))
        }
    }

    @Test(arguments: ["", "plain", "\"", "\\", "a\u{0}b\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F} ", "Tiếng Việt \"có\" dấu\\", "\u{2028}\u{2029}\u{7F}"])
    func jsonLiteralsAreWhatTheWriterWrote(text: String) {
        var bytes = ByteText()
        bytes.json(text)
        var reference = ""
        JSONFormat.appendLiteral(text, to: &reference)
        #expect(String(decoding: bytes.bytes, as: UTF8.self) == reference)
        var xml = ByteText()
        xml.xml(text + "&<>\"'")
        #expect(String(decoding: xml.bytes, as: UTF8.self) == MarkupText.escape(text + "&<>\"'"))
    }

    /// The streamed digest is the digest of the pieces put together, however they are cut.
    @Test func aStreamedDigestIsTheDigestOfThePiecesTogether() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for _ in 0..<20 {
                var stream = ContentDigest.Stream()
                var i = 0
                while i < length {
                    let n = Int.random(in: 0...min(19, length - i), using: &generator)
                    bytes[i..<(i + n)].withUnsafeBytes { stream.add($0) }
                    i += n
                }
                #expect(stream.digest == ContentDigest(bytes), "\(length)")
            }
        }
        var texts = ContentDigest.Stream()
        texts.add("Đăng ký")
        texts.add(byte: 0)
        texts.add("khai sinh")
        #expect(texts.digest == ContentDigest(Array("Đăng ký\u{0}khai sinh".utf8)))
    }
}
