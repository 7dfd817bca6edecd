import Catalogue
import Foundation
import Site
import Synthetic
import Testing

@Suite("Links")
struct LinkTests {
    /// Crawls every generated HTML file of the bundled sample: each relative href and src leads to a
    /// file of the site.
    @Test func noBrokenInternalLinkInTheSample() throws {
        let (catalogue, province) = try Fixture.sample()
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(catalogue, province: province, into: root, sheet: { v, _ in "<!DOCTYPE html><title>\(v.procedure.name)</title>" })
        try crawl(root, atLeast: 1000)
    }

    /// The same on a generated catalogue after its rounds of amendments, replacements and abolitions
    /// and before its future decision, at a date when some procedures are gone and some are coming.
    @Test func noBrokenInternalLinkInASyntheticCatalogue() throws {
        let generated = try #require(SyntheticCatalogue.generate(.init(procedures: 400, seed: 7)).first)
        let replay = Replay.run(generated.decisions.map {
            SourcedDecision(decision: $0, location: SourceLocation(file: $0.number, line: 1, column: 1))
        })
        #expect(!replay.diagnostics.hasErrors)
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        let root = out + "/public"
        try Fixture.build(replay.catalogue, province: generated.province,
                          at: SyntheticCatalogue.Timeline.futureDecisionSigned.iso, into: root)
        try crawl(root, atLeast: 3000)
    }

    func crawl(_ root: String, atLeast minimum: Int) throws {
        let pattern = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        let files = Fixture.files(under: root)
        #expect(files.count > 100)
        for file in files where file.hasSuffix(".html") {
            let html = try Fixture.read(root + "/" + file)
            let base = URL(fileURLWithPath: root + "/" + file).deletingLastPathComponent()
            for match in html.matches(of: pattern) {
                let link = String(match.output[1].substring!)
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { continue }
                #expect(!link.isEmpty, "\(file): empty link")
                if link.hasPrefix("#") {
                    let id = String(link.dropFirst())
                    #expect(html.contains("id=\"\(id)\""), "\(file): no anchor \(link)")
                    continue
                }
                #expect(!link.hasPrefix("/"), "\(file): root-absolute link \(link) breaks on file://")
                let path = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                #expect(!path.hasSuffix("/"), "\(file): a folder link \(link) needs index.html on file://")
                let target = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
                #expect(target.hasPrefix(root + "/"), "\(file): \(link) leaves the site")
                #expect(FileManager.default.fileExists(atPath: target), "\(file): broken link \(link)")
                checked += 1
            }
        }
        #expect(checked > minimum)
    }
}
