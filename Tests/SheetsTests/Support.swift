import Catalogue
import Formats
import Foundation
import Sheets

/// The bundled sample province, replayed with the loader `tthc` uses.
struct Sample: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let catalogue: Catalogue
    let province: Province

    static let shared: Sample = {
        let folder = CatalogueFolder.load(repository.appendingPathComponent("catalogue").path)
        let result = Replay.run(folder.decisions)
        return Sample(catalogue: result.catalogue, province: folder.province!)
    }()

    func entry(_ key: String, at date: LocalDate) -> CatalogueState.Entry? {
        catalogue.state(at: date).entries.first { $0.key == key }
    }

    func sheet(_ key: String, at date: LocalDate, commune: Province.Commune? = nil) -> Sheet? {
        guard let entry = entry(key, at: date) else { return nil }
        let context = SheetContext(version: entry.version, catalogue: catalogue, province: province, commune: commune, postedOn: date)
        return Sheet(procedure: entry.procedure, key: entry.key, context: context)
    }
}

/// Poppler's and zbar's command-line tools, which CI installs (scripts/install-deps).
enum Tool {
    static func path(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let hasPoppler = path("pdftotext") != nil && path("pdftoppm") != nil && path("pdffonts") != nil
    static let hasZbar = path("zbarimg") != nil

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs a tool; returns its standard output.
    @discardableResult
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        guard let executable = path(name) else { throw Failure(description: "\(name) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(name) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of each page, as `pdftotext` gives it back.
    static func pages(of pdf: String) throws -> [String] {
        var pages = try run("pdftotext", [pdf, "-"]).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// Renders one page to PNG with pdftoppm; returns the file.
    static func render(_ pdf: String, page: Int, resolution: Int = 150) throws -> String {
        let prefix = pdf + "-p\(page)"
        try run("pdftoppm", ["-r", "\(resolution)", "-f", "\(page)", "-l", "\(page)", "-singlefile", "-png", pdf, prefix])
        return prefix + ".png"
    }
}

/// A scratch folder for one test, removed at the end.
struct Scratch: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension String {
    /// Words separated by single spaces, for comparing text across line breaks.
    var words: String { split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    /// The text without whitespace or hyphens, for finding a paragraph in `pdftotext` output: lines
    /// break after "/" and "-" in codes like "26/2019/NĐ-CP", and Poppler drops a hyphen that ends a
    /// line (it takes it for hyphenation). Every letter and tone mark still has to match exactly.
    var squeezed: String { String(unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }.map(Character.init)) }

    /// Whether `piece` is in the text scalar for scalar (after `squeezed` on both sides).
    func holds(_ piece: String) -> Bool {
        Array(squeezed.unicodeScalars).firstRange(of: Array(piece.squeezed.unicodeScalars)) != nil
    }

    /// Whether the text is in NFC scalar by scalar (String comparison alone would accept NFD).
    var isNFC: Bool { unicodeScalars.elementsEqual(VietnameseText.nfc(self).unicodeScalars) }
}

extension LocalDate {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
}
