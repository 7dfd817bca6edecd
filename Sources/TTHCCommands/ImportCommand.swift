import ArgumentParser
import Catalogue
import Dispatch
import Formats
import Import

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập thủ tục từ nguồn ngoài thành dự thảo quyết định công bố.",
        discussion: """
            Examples:
              tthc import dvcqg hoso/ --number "1234/QĐ-UBND" --signed 2026-12-01 -o du-thao.xml
            """,
        subcommands: [ImportDVCQGCommand.self])
}

struct ImportDVCQGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dvcqg",
        abstract: "Nhập hồ sơ thủ tục của Cổng Dịch vụ công quốc gia thành một dự thảo quyết định.",
        discussion: """
            Reads the national portal's procedure records (its JSON, one procedure per file; folders are \
            read for every .json file in them) and writes one draft decision checked against the \
            catalogue in force on the effective date:
              - a code not in force becomes a 'new' row;
              - a code in force whose content differs becomes an 'amended' row, declaring exactly the \
            parts that differ;
              - identical content is reported and left out;
              - with --abolish-missing FIELD, procedures of that field in force but absent from the \
            import are proposed for abolition.
            Parts the portal does not hold (yearly volume, reception places, keywords, online URL) are \
            kept from the version in force. Anything in a record that the model cannot hold is a warning \
            naming its file, line and JSON path; --strict makes warnings errors. Nothing is written when \
            there is an error. The field mapping is in docs/import-dvcqg.md.
            Exit status: 0 written (warnings allowed), 1 problems in the input, 2 wrong usage.

            Examples:
              tthc import dvcqg ho-so/ --number "1234/QĐ-UBND" --signed 2026-12-01 -o du-thao.xml
              tthc import dvcqg a.json b.json --number "15/QĐ-UBND" --signed 2027-01-05 \\
                --effective 2027-02-01 --level commune -o du-thao.json
              tthc import dvcqg cu-tru/ --number "20/QĐ-UBND" --signed 2027-01-10 \\
                --abolish-missing "Đăng ký, quản lý cư trú" --strict -o du-thao.xml
            """)

    @Argument(help: ArgumentHelp("Portal record files, or folders of them.", valueName: "FILE_OR_DIR"))
    var paths: [String]

    @Option(help: ArgumentHelp("The draft decision's number, e.g. 1234/QĐ-UBND.", valueName: "NNN/QĐ-UBND"))
    var number: String

    @Option(help: ArgumentHelp("The signing date (YYYY-MM-DD).", valueName: "DATE"))
    var signed: DateArgument

    @Option(help: ArgumentHelp("The date it takes effect (YYYY-MM-DD); the signing date when absent.", valueName: "DATE"))
    var effective: DateArgument?

    @Option(help: ArgumentHelp("Import only records at this level (repeatable): province, commune, shared, non-territorial, district, ministry.", valueName: "LEVEL"))
    var level: [Level] = []

    @Option(name: .customLong("abolish-missing"), help: ArgumentHelp("Propose abolition of in-force procedures of this field (name or code) absent from the import (repeatable).", valueName: "FIELD"))
    var abolishMissing: [String] = []

    @Option(help: ArgumentHelp("The draft's title (trích yếu); a standard title when absent.", valueName: "TEXT"))
    var title: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var options: CatalogueOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The draft to write: .xml or .json.", valueName: "DRAFT"))
    var output: String

    @Flag(help: "Replace DRAFT if it exists.")
    var force = false

    func validate() throws {
        guard FileFormat(path: output) != nil else {
            throw ValidationError("-o must name a .xml or .json file, e.g. -o du-thao.xml")
        }
        if let effective, effective.date < signed.date {
            throw ValidationError("--effective \(effective.date.iso) is before --signed \(signed.date.iso); a decision cannot act before its signature")
        }
        if StoredText.singleLine(number).isEmpty { throw ValidationError("--number is blank; write it as on the paper, e.g. 1234/QĐ-UBND") }
    }

    func run() throws {
        // The catalogue loads on one thread while the records are read on the others: a large
        // catalogue takes about as long to load as thousands of records to read. Its messages are
        // printed first, as before; when it fails, the records read are not looked at. On a terminal
        // the two progress lines would overwrite each other, so there it loads first.
        let loading = CatalogueLoading(options)
        if Console.showsProgress { loading.wait() }
        let read = PortalImport.read(paths, progress: Console.progress("Đang đọc hồ sơ thủ tục"))
        let loaded = try loading.result()
        var diagnostics = read.diagnostics
        if strict {
            diagnostics = diagnostics.map { d in
                var e = d
                if e.severity == .warning {
                    e.severity = .error
                    e.message += " (an error under --strict)"
                }
                return e
            }
        }
        if diagnostics.hasErrors {
            Console.report(diagnostics)
            Console.error("tthc: \(diagnostics.errors.count) error(s) in \(read.files.count) portal record file(s); fix them and run again (nothing was written)")
            throw ExitCode(1)
        }
        // The warnings (tens of thousands for a large import) are printed on another thread while the
        // draft is planned and made; anything else is printed after them.
        let reporting = DispatchGroup()
        DispatchQueue.global().async(group: reporting) { [diagnostics] in Console.report(diagnostics) }
        if read.files.isEmpty {
            reporting.wait()
            Console.error("tthc: no portal record to import; give .json files or folders holding them")
            throw ExitCode(1)
        }

        let authority = (loaded.province?.authority ?? loaded.province.map { "Ủy ban nhân dân \($0.name)" } ?? "Ủy ban nhân dân tỉnh").uppercased()
        let planOptions = DraftPlan.Options(
            number: StoredText.singleLine(number), signedOn: signed.date, effectiveOn: effective?.date,
            authority: StoredText.singleLine(authority),
            title: StoredText.singleLine(title ?? "Về việc công bố danh mục thủ tục hành chính (dự thảo nhập từ Cổng Dịch vụ công quốc gia)"),
            levels: level, abolishMissing: abolishMissing)
        let state = loaded.catalogue.state(at: planOptions.effectiveDate)
        let plan = DraftPlan.plan(read.records, state: state, options: planOptions)

        let summary = ImportSummary(plan: plan, files: read.files.count, warnings: diagnostics.warnings.count, output: output)
        if plan.decision.items.isEmpty {
            reporting.wait()
            Console.out(summary.text)
            Console.out("Không có thay đổi nào so với danh mục đang có hiệu lực: không ghi dự thảo.")
            return
        }
        let format = FileFormat(path: output)!
        if format == .xml {
            let bytes = XMLFormat.writeUTF8(plan.decision)
            reporting.wait()
            try Console.deliver(utf8: bytes, to: output, force: force)
        } else {
            let text = JSONFormat.write(plan.decision)
            reporting.wait()
            try Console.deliver(text, to: output, force: force)
        }
        Console.out(summary.text)
    }
}

/// `CatalogueOptions.load()` on a thread of its own; `result()` waits for it.
private final class CatalogueLoading: @unchecked Sendable {
    // Written once by the loading thread before `done` is left, read only after waiting on it.
    private var outcome: Result<LoadedCatalogue, any Error>?
    private let done = DispatchGroup()

    init(_ options: CatalogueOptions) {
        DispatchQueue.global().async(group: done) { [self] in
            outcome = Result { try options.load() }
        }
    }

    func wait() { done.wait() }

    func result() throws -> LoadedCatalogue {
        done.wait()
        return try outcome!.get()
    }
}
