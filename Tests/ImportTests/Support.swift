import Catalogue
import Formats
import Foundation
@testable import Import

/// The national portal's records in `../shared/data/dvcqg/` (the folder beside the repository; never
/// copied into it). Source: github.com/duynghiaqn/Crawler-TTHC, see that folder's README.
enum PortalSamples {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/dvcqg")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    /// National portal record file for a procedure code.
    static let fileByCode: [String: String] = [
        "1.000931": "019d2bf7-57bc-77d4-9b08-282dcd32ed61.json",
        "1.010038": "019d2bf7-7f1e-71e3-be3e-7f22dce4ac4d.json",
        "1.012538": "019d2bf7-8e69-723e-9a63-33c657dee945.json",
        "2.001410": "019d2bf7-adf2-7167-a7be-bc1067d7113c.json",
        "3.000284": "019d2bf7-bd5f-73f7-bad1-faeb2a1d4fdf.json",
        "1.000358": "019d2bf7-cd62-75ce-b319-7b31d19fb35f.json",
    ]

    static func read(code: String) -> (record: PortalRecord?, diagnostics: [Diagnostic]) {
        PortalImport.readFile(folder.appendingPathComponent(fileByCode[code]!).path)
    }
}

/// Reads a record from JSON text written by a test.
func readRecord(_ json: String, file: String = "test.json") -> (record: PortalRecord?, diagnostics: [Diagnostic]) {
    do throws(FormatError) {
        let tree = try JSONTree.read(Array(json.utf8), file: file)
        return PortalRecord.read(tree)
    } catch {
        return (nil, error.diagnostics)
    }
}

/// The smallest record the importer accepts, with `extra` members added at the top.
func minimalRecord(_ extra: String = "") -> String {
    """
    {"code": "1.999001", "name": "Thủ tục thử"\(extra.isEmpty ? "" : ", " + extra)}
    """
}
