import ArgumentParser
import Catalogue
import Formats
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liệt kê thủ tục có hiệu lực vào một ngày.",
        discussion: """
            Lists the procedures in force on a date, filtered by level and field. Field names match \
            without diacritics ("ho tich" finds "Hộ tịch"), or by field code.

            Examples:
              tthc list
              tthc list --at 2027-01-01 --level commune --field "ho tich"
              tthc list --format csv > thu-tuc.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var options: CatalogueOptions

    @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "DATE"))
    var at: DateArgument = DateArgument(argument: "today")!

    @Option(help: ArgumentHelp("Only this level (repeatable): \(Level.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "LEVEL"))
    var level: [Level] = []

    @Option(help: ArgumentHelp("Only this field, by name or code (repeatable).", valueName: "FIELD"))
    var field: [String] = []

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    func run() throws {
        let loaded = try options.load()
        let state = loaded.catalogue.state(at: at.date).filtered(levels: level, fields: field)
        let rows = state.entries.map(ListRow.init)
        switch format {
        case .text:
            if let notice = loaded.sampleNotice { Console.out(notice) }
            for r in rows {
                Console.out("\(r.code.padding(toLength: 12, withPad: " ", startingAt: 0)) \(r.name)")
                Console.out("             \(r.levels) · \(r.fields) · \(r.time) · \(r.decision) từ \(r.since)")
            }
            Console.out("\(rows.count) thủ tục có hiệu lực ngày \(at.date.vietnamese).")
        case .json:
            let document = ListDocument(date: at.date.iso, sample: loaded.province?.sample ?? false, procedures: rows)
            Console.out(JSONFormat.pretty(document))
        case .csv:
            var out = CSV.row(["code", "name", "levels", "fields", "processing_time", "decision", "in_force_since"])
            for r in rows { out += CSV.row([r.code, r.name, r.levels, r.fields, r.time, r.decision, r.since]) }
            Console.out(out)
        }
    }
}

struct ListDocument: Encodable {
    var date: String
    var sample: Bool
    var procedures: [ListRow]
}

struct ListRow: Encodable {
    var code: String
    var name: String
    var levels: String
    var fields: String
    var time: String
    var decision: String
    var since: String

    init(_ entry: CatalogueState.Entry) {
        let p = entry.procedure
        code = p.code?.rawValue ?? entry.key
        name = p.name
        levels = p.levels.map(\.vietnamese).joined(separator: ", ")
        fields = p.fields.map(\.name).joined(separator: ", ")
        time = (p.channel(.inPerson) ?? p.channels.first)?.time.vietnamese ?? ""
        decision = entry.version.decision
        since = entry.version.from.iso
    }
}

/// RFC 4180 rows: quote a field when it holds a comma, quote or line break.
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map { f in
            f.contains { $0 == "," || $0 == "\"" || $0.isNewline } ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }
}
