import ArgumentParser
import Catalogue
import Formats
import Foundation
import Synchronization

/// Options every command that reads the catalogue shares.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalogue folder (province.json and decisions/).", valueName: "DIR"))
    var catalogue: String = "catalogue"

    @Flag(name: .customLong("no-cache"), help: "Read every decision file again instead of taking unchanged ones from the catalogue's .tthc-cache folder.")
    var noCache = false

    /// Loads and replays the catalogue, printing every diagnostic. Throws `ExitCode(1)` on errors so
    /// no command goes on from a broken catalogue.
    func load(extra: [String] = [], allowErrors: Bool = false) throws -> LoadedCatalogue {
        let cache = noCache ? nil : DecisionCache(catalogue: catalogue)
        let folder = CatalogueFolder.load(catalogue, extra: extra, cache: cache, progress: Console.progress("Đang đọc quyết định"))
        Trace.mark("decisions read")
        let replay = Replay.run(folder.decisions)
        Trace.mark("replayed")
        let diagnostics = folder.diagnostics + replay.diagnostics
        Console.report(diagnostics)
        if diagnostics.hasErrors, !allowErrors {
            Console.error("tthc: \(diagnostics.errors.count) error(s) in the catalogue; fix them and run again (nothing was written)")
            throw ExitCode(1)
        }
        let loaded = LoadedCatalogue(folder: folder, catalogue: replay.catalogue, diagnostics: diagnostics)
        keptUntilExit.withLock { $0.append(loaded) }
        return loaded
    }
}

/// Every catalogue a command loaded, kept until the process ends: the system takes a process's
/// memory back at once, while freeing a 100,000-procedure catalogue object by object at the end of
/// a command took a quarter of `tthc validate`'s CPU time (and again after `tthc build`).
private let keptUntilExit = Mutex<[LoadedCatalogue]>([])

/// What a command made from a catalogue (a site's model, the previous build's manifest of 210,000
/// lines), kept until the process ends for the same reason.
private let madeKeptUntilExit = Mutex<[any Sendable]>([])

func keepUntilExit(_ value: any Sendable) {
    madeKeptUntilExit.withLock { $0.append(value) }
}

struct LoadedCatalogue {
    var folder: CatalogueFolder
    var catalogue: Catalogue
    var diagnostics: [Diagnostic]

    var province: Province? { folder.province }

    /// The line every output starts or ends with when the data is made up.
    var sampleNotice: String? {
        province?.sample == true ? "⚠ \(Province.sampleNotice)" : nil
    }
}

/// A date on the command line: `YYYY-MM-DD`, or `today`.
struct DateArgument: ExpressibleByArgument {
    var date: LocalDate

    init?(argument: String) {
        if argument == "today" {
            date = .today
        } else if let d = LocalDate(iso: argument) {
            date = d
        } else {
            return nil
        }
    }

    /// What `--help` prints as the default: the word users type, not the date of the day the help is read.
    var defaultValueDescription: String { "today" }
}

extension LocalDate {
    /// Today in Vietnam (UTC+7), where decisions take effect.
    static var today: LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}

extension Level: ExpressibleByArgument {}
extension FileFormat: ExpressibleByArgument {}
