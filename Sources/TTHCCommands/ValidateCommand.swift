import ArgumentParser
import Catalogue
import Formats

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra các quyết định (lược đồ và thứ tự hiệu lực) và tóm tắt danh mục.",
        discussion: """
            Checks every decision file against the schema (XSD for XML, JSON Schema rules for JSON), then \
            replays all decisions and reports rows that cannot apply: a new code already in force, an \
            amendment or abolition of a code not in force, two decisions with one number, dates before \
            signature. PATHs outside the catalogue (a draft decision) are checked on top of it.
            Exit status: 0 clean (warnings allowed), 1 errors found, 2 wrong usage.

            Examples:
              tthc validate
              tthc validate drafts/du-thao-2027.xml
              tthc validate --catalogue ~/tinh-mau --at 2027-01-01
            """)

    @OptionGroup var options: CatalogueOptions

    @Option(help: ArgumentHelp("Summarise the catalogue in force on this date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Flag(help: "Only report problems; no summary.")
    var quiet = false

    @Argument(help: ArgumentHelp("Extra decision files or folders to check on top of the catalogue.", valueName: "PATH"))
    var paths: [String] = []

    func run() throws {
        let loaded = try options.load(extra: paths, allowErrors: true)
        let errors = loaded.diagnostics.errors.count
        let warnings = loaded.diagnostics.warnings.count
        if !quiet {
            Console.out(Summary(loaded: loaded, at: at.date).text)
        }
        let verdict = "Đã kiểm tra \(loaded.folder.files.count) tệp, \(loaded.catalogue.decisions.count) quyết định: \(errors) lỗi, \(warnings) cảnh báo."
        if errors > 0 {
            Console.error(verdict)
            throw ExitCode(1)
        }
        Console.out(verdict)
    }
}
