import ArgumentParser
import Catalogue
import Formats

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Hiển thị đầy đủ một thủ tục có hiệu lực vào một ngày.",
        discussion: """
            Shows every part of a procedure as it stands on a date. CODE is the national code \
            (1.001193), the province's local copy (1.001193.000.00.00.H99), or the key tthc gives a \
            new procedure announced without a code ("123/QĐ-UBND#4").

            Examples:
              tthc show 1.001193
              tthc show 1.004222 --at 2027-01-01 --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, xml }

    @OptionGroup var options: CatalogueOptions

    @Argument(help: "The procedure code.")
    var code: String

    @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Option(help: "Output format: text, json or xml.")
    var format: Format = .text

    func run() throws {
        let loaded = try options.load()
        guard let history = loaded.catalogue.history(for: code) else {
            Console.error("tthc: no procedure \(code) in the catalogue; `tthc list` shows the codes")
            throw ExitCode(1)
        }
        guard let version = history.version(at: at.date) else {
            let note = history.latest.map { v in
                v.until.map { "it was in force until \($0.previousDay.iso)" } ?? "it takes effect on \(v.from.iso)"
            } ?? ""
            Console.error("tthc: procedure \(code) is not in force on \(at.date.iso): \(note); use --at to choose another date, or `tthc history \(code)`")
            throw ExitCode(1)
        }
        switch format {
        case .text:
            if let notice = loaded.sampleNotice { Console.out(notice) }
            Console.out(ProcedureText(procedure: version.procedure, version: version).text)
        case .json: Console.out(JSONFormat.write(version.procedure))
        case .xml: Console.out(XMLFormat.write(version.procedure))
        }
    }
}
