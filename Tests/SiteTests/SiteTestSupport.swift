import Catalogue
import Formats
import Foundation
import Site
import Testing

/// Paths and builders the site tests share.
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let site = repository.appendingPathComponent("site").path
    static let catalogueFolder = repository.appendingPathComponent("catalogue").path

    /// The bundled sample catalogue, read with the real loader.
    static func sample() throws -> (Catalogue, Province) {
        let folder = CatalogueFolder.load(catalogueFolder)
        #expect(!folder.diagnostics.hasErrors, "\(folder.diagnostics)")
        let replay = Replay.run(folder.decisions)
        #expect(!replay.diagnostics.hasErrors, "\(replay.diagnostics)")
        return (replay.catalogue, try #require(folder.province))
    }

    /// A fresh empty temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "tthc-site-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Builds a site into `output` with the default templates.
    @discardableResult
    static func build(
        _ catalogue: Catalogue, province: Province, at date: String = "2026-11-01", into output: String,
        baseURL: String? = nil, force: Bool = false, sheet: (@Sendable (ProcedureVersion, String) throws -> String)? = nil,
        theme: String? = nil
    ) throws -> SiteBuilder.Report {
        let data = SiteData(catalogue: catalogue, province: province, date: LocalDate(iso: date)!, baseURL: baseURL)
        let model = SiteModel(data: data, hasSheets: sheet != nil) { url, label in
            "<svg role=\"img\"><title>\(label)</title><!-- \(url) --></svg>"
        }
        let builder = SiteBuilder(model: model, theme: try Theme.load(site: site, theme: theme), sheet: sheet)
        return try builder.build(into: output, force: force)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Every file under a folder, relative to it.
    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &dir) && !dir.boolValue
        }.sorted()
    }
}

/// How the templates escape text (the site's one escaper, `MarkupText.escape`), to look for model
/// text in pages. (EscapingTests checks the escaping itself against literal markup.)
func escaped(_ text: String) -> String { MarkupText.escape(text) }

/// A small catalogue built in code: one procedure announced, then amended (lighter), one abolished.
enum Tiny {
    static func procedure(_ code: String, _ name: String, days: Int, fee: Int, step: String = "Nộp hồ sơ tại Bộ phận Một cửa") -> Procedure {
        Procedure(
            code: ProcedureCode(code), name: name, levels: [.commune], fields: [Field(name: "Hộ tịch")],
            steps: [StepGroup(steps: [Step(title: "Bước 1", text: step)])],
            channels: [Channel(method: .inPerson, time: ProcessingTime(value: DecimalNumber(integerLiteral: days), unit: .workingDays),
                               fees: [Fee(amount: DecimalNumber(integerLiteral: fee))])],
            dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Tờ khai", form: "Mẫu TK01", copies: 1)])], sets: 1),
            agencies: [Agency(role: .performing, name: "Ủy ban nhân dân cấp xã")],
            results: [Outcome(name: "Giấy xác nhận")])
    }

    static func decision(_ number: String, _ signed: String, _ items: [DecisionItem]) -> Decision {
        Decision(number: number, signedOn: LocalDate(iso: signed)!, authority: "ỦY BAN NHÂN DÂN TỈNH MẪU",
                 title: "Công bố danh mục thủ tục hành chính \(number)", items: items)
    }

    static let province = Province(name: "Tỉnh Thử", agencyCode: "H98", sample: true)

    static func catalogue(_ decisions: [Decision]) -> Catalogue {
        let result = Replay.run(decisions.map { d in
            SourcedDecision(decision: d, location: SourceLocation(file: "\(d.number).json", line: 1, column: 1))
        })
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.catalogue
    }
}
