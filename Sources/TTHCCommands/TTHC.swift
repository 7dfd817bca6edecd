import ArgumentParser

/// The `tthc` command: publish, compare and simplify a province's catalogue of administrative procedures.
public struct TTHC: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tthc",
        abstract: "Quản lý danh mục thủ tục hành chính: công bố, so sánh, đơn giản hóa.",
        discussion: """
            Reads the decisions announcing procedures (Quyết định công bố) kept under \
            catalogue/decisions/ and replays them into the catalogue in force on any date.

            Examples:
              tthc validate
              tthc list --at 2026-06-01 --level commune
              tthc show 1.001193
              tthc history 1.004222
              tthc diff cu.xml du-thao.json
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ListCommand.self, ShowCommand.self, HistoryCommand.self,
            DiffCommand.self, ReviewCommand.self, CostCommand.self,
            BuildCommand.self, SheetsCommand.self,
            ImportCommand.self, ConvertCommand.self, GenerateCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, mapping ArgumentParser's usage exit code (64) to 2, the convention
    /// the tool documents: 0 clean, 1 problems in the input, 2 wrong usage.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                let message = fullMessage(for: error)
                if !message.isEmpty { Console.error(message) }
                Foundation_exit(2)
            }
            exit(withError: error)
        }
    }
}
