import Catalogue
import Formats
import Foundation
import Site
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Open data, feed and sitemap")
struct OpenDataTests {
    @Test func catalogueJSONAndCSVListTheProceduresInForce() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(catalogue, province: province, at: "2026-12-31", into: root)
        let state = catalogue.state(at: LocalDate(iso: "2026-12-31")!)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/catalogue.json"))) as? [String: Any])
        let rows = try #require(json["procedures"] as? [[String: Any]])
        #expect(rows.count == state.count)
        #expect(json["sample"] as? Bool == true)
        for row in rows {
            let page = try #require(row["page"] as? String)
            let data = try #require(row["data"] as? String)
            #expect(FileManager.default.fileExists(atPath: root + "/" + page))
            #expect(FileManager.default.fileExists(atPath: root + "/" + data))
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: root + "/procedures.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("code,name,".utf8)))
        let csv = String(decoding: bytes, as: UTF8.self)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == state.count + 1)
    }

    /// Each procedure's JSON is the model's own format: it reads back to the same procedure.
    @Test func procedureJSONReadsBackToTheSameProcedure() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: province, into: out + "/public")
        let entry = try #require(catalogue.state(at: LocalDate(iso: "2026-11-01")!).entries.first { $0.key == "1.001193" })
        let path = out + "/public/" + SitePath.procedureData(entry.procedure.code!)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        guard case .procedure(let read, _) = try JSONFormat.read(bytes, file: path) else {
            Issue.record("not a procedure document")
            return
        }
        #expect(read == entry.procedure)
        // Written field by field, yet what the model's Codable writes.
        #expect(String(decoding: bytes, as: UTF8.self) == JSONFormat.pretty(["procedure": entry.procedure]))
    }

    @Test func feedAndSitemapAreWellFormedAndAbsoluteWithABaseURL() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(catalogue, province: province, into: root, baseURL: "https://thutuc.example.vn")
        for file in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(contentsOf: URL(fileURLWithPath: root + "/" + file))!
            #expect(parser.parse(), "\(file): \(String(describing: parser.parserError))")
        }
        let feed = try Fixture.read(root + "/feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count - 1 == catalogue.decisions.count)
        #expect(feed.contains("https://thutuc.example.vn/quyet-dinh/"))
        let sitemap = try Fixture.read(root + "/sitemap.xml")
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        let pages = Set(Fixture.files(under: root).filter { $0.hasSuffix(".html") && $0 != "404.html" })
        #expect(Set(locations.map { String($0.dropFirst("https://thutuc.example.vn/".count)) }) == pages)
        for location in locations {
            #expect(location.hasPrefix("https://thutuc.example.vn/"))
            let path = String(location.dropFirst("https://thutuc.example.vn/".count))
            #expect(FileManager.default.fileExists(atPath: root + "/" + path), "\(location)")
        }
        #expect(try Fixture.read(root + "/robots.txt").contains("Sitemap: https://thutuc.example.vn/sitemap.xml"))
        let notFound = try Fixture.read(root + "/404.html")
        #expect(notFound.contains("href=\"https://thutuc.example.vn/index.html\""))
    }
}
