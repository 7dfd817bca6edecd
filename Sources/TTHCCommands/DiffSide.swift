import ArgumentParser
import Catalogue
import Formats
import Foundation

/// One side of `tthc diff`: a decision or procedure file, or a catalogue folder replayed to a date
/// (`DIR@YYYY-MM-DD`, or `DIR@` for today).
enum DiffSide {
    case document(Document)
    case state(CatalogueState, LoadedState)

    /// A catalogue folder, loaded and replayed once however many sides name it.
    struct LoadedState {
        var catalogue: Catalogue
        var province: Province?
    }

    /// `DIR@DATE` split into folder and date, or nil when the argument is not of that form (a file).
    /// Throws a usage error for a folder with a date that is not YYYY-MM-DD.
    static func parseState(_ argument: String) throws -> (folder: String, date: LocalDate)? {
        guard let at = argument.lastIndex(of: "@") else { return nil }
        var argumentIsFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &argumentIsFolder), !argumentIsFolder.boolValue {
            return nil  // a file whose name has an @
        }
        let folder = String(argument[..<at]), rest = argument[argument.index(after: at)...]
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory)
        if rest.isEmpty || rest == "today" {
            guard exists, isDirectory.boolValue else {
                throw ValidationError("\(argument): no catalogue folder \(folder.isEmpty ? "." : folder); write DIR@ or DIR@YYYY-MM-DD with DIR the folder that holds province.json and decisions/")
            }
            return (folder.isEmpty ? "." : folder, .today)
        }
        if let date = LocalDate(iso: rest) {
            guard exists, isDirectory.boolValue else {
                throw ValidationError("\(argument): no catalogue folder \(folder); write DIR@YYYY-MM-DD with DIR the folder that holds province.json and decisions/")
            }
            return (folder.isEmpty ? "." : folder, date)
        }
        if exists, isDirectory.boolValue {
            throw ValidationError("\(argument): '\(rest)' is not a date; write \(folder)@YYYY-MM-DD (e.g. \(folder)@2026-07-01), or \(folder)@ for today")
        }
        return nil  // a file whose name has an @
    }

    /// Reads every side, loading each catalogue folder once. Prints diagnostics; throws `ExitCode(1)`
    /// when a file or catalogue cannot be read.
    static func read(_ arguments: [String]) throws -> [DiffSide] {
        var loaded: [String: LoadedState] = [:]
        return try arguments.map { argument in
            if let (folder, date) = try parseState(argument) {
                let key = URL(fileURLWithPath: folder).standardizedFileURL.path
                if loaded[key] == nil { loaded[key] = try load(folder) }
                let state = loaded[key]!
                return .state(state.catalogue.state(at: date), state)
            }
            do throws(FormatError) {
                return .document(try DocumentFile.read(argument))
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(1)
            }
        }
    }

    static func load(_ folder: String) throws -> LoadedState {
        let files = CatalogueFolder.load(folder, progress: Console.progress("Đang đọc quyết định"))
        let replay = Replay.run(files.decisions)
        let diagnostics = files.diagnostics + replay.diagnostics
        Console.report(diagnostics.filter { $0.severity == .error })
        if diagnostics.hasErrors {
            Console.error("tthc: \(diagnostics.errors.count) error(s) in the catalogue \(folder); fix them (`tthc validate --catalogue \(folder)`) and run again")
            throw ExitCode(1)
        }
        return LoadedState(catalogue: replay.catalogue, province: files.province)
    }

    var isSample: Bool {
        if case .state(_, let loaded) = self { return loaded.province?.sample == true }
        return false
    }

    /// Predecessor key → successor keys, from the replay's histories of replaced procedures.
    var successions: [String: [String]] {
        guard case .state(_, let loaded) = self else { return [:] }
        var out: [String: [String]] = [:]
        for (key, history) in loaded.catalogue.histories where !history.replaces.isEmpty {
            for predecessor in history.replaces { out[predecessor, default: []].append(key) }
        }
        return out.mapValues { $0.sorted() }
    }
}
