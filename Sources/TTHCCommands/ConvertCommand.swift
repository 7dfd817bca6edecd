import ArgumentParser
import Catalogue
import Formats

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Chuyển một quyết định hoặc thủ tục giữa XML và JSON.",
        discussion: """
            Reads FILE (XML or JSON, checked in full) and writes the same content in the other format. \
            The two formats are one-to-one: converting back gives the same decision. Without -o the \
            result goes to standard output. An existing file is never replaced without --force.

            Examples:
              tthc convert catalogue/decisions/2025/1520-QD-UBND.json --to xml -o 1520.xml
              tthc convert du-thao.xml --to json
            """)

    @Argument(help: "The decision or procedure file to convert.")
    var file: String

    @Option(help: "The format to write: json or xml.")
    var to: FileFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "OUT"))
    var output: String?

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let document: Document
        do {
            document = try DocumentFile.read(file)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        let text = DocumentFile.encode(document, as: to)
        try Console.deliver(text, to: output, force: force)
    }
}
