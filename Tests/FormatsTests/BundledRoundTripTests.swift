import Catalogue
import Formats
import Foundation
import Testing

/// Every bundled decision converts XML → JSON → XML and JSON → XML → JSON without losing anything,
/// and is stored in the canonical form the writers produce (so `tthc convert` output diffs cleanly).
@Suite("Round trips of the bundled catalogue")
struct BundledRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("catalogue/decisions").path

    static let files: [String] = (try? CatalogueFolder.decisionFiles(under: root)) ?? []

    @Test func theSampleHasBothFormats() {
        #expect(Self.files.count >= 8)
        #expect(Self.files.contains { $0.hasSuffix(".xml") })
        #expect(Self.files.contains { $0.hasSuffix(".json") })
    }

    @Test(arguments: files)
    func convertsBothWaysWithoutLoss(path: String) throws {
        let format = try #require(FileFormat(path: path))
        let other: FileFormat = format == .xml ? .json : .xml
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let document = try DocumentFile.read(path)
        guard case .decision(let sourced) = document else {
            Issue.record("\(path) holds no decision")
            return
        }
        #expect(DocumentFile.encode(document, as: format) == original, "\(path) is not in canonical form; rewrite it with tthc convert")

        let converted = DocumentFile.encode(document, as: other)
        let back = try read(converted, as: other)
        #expect(back == sourced.decision)
        let again = try read(DocumentFile.encode(.decision(SourcedDecision(decision: back, location: sourced.location)), as: format), as: format)
        #expect(again == sourced.decision)
        #expect(DocumentFile.encode(.decision(SourcedDecision(decision: again, location: sourced.location)), as: format) == original)
    }

    private func read(_ text: String, as format: FileFormat) throws -> Decision {
        let bytes = Array(text.utf8)
        let document = try format == .xml ? XMLFormat.read(bytes, file: "converted.xml") : JSONFormat.read(bytes, file: "converted.json")
        guard case .decision(let d) = document else { throw FormatError(.error("no decision")) }
        return d.decision
    }
}
