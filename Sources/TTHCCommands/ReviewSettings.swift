import ArgumentParser
import Catalogue
import Foundation
import Simplification

/// The review's data files: the synonym lists (`documents.ini`) and the cost model's parameters
/// (`cost.ini`), read at run time from the catalogue's `review/` folder, then from the user's own
/// files on top. A malformed file stops the command with `file:line:column` errors.
struct ReviewSettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A synonym file read on top of DIR/review/documents.ini (repeatable).", valueName: "FILE"))
    var documents: [String] = []

    @Option(name: .customLong("cost-config"), help: ArgumentHelp("Cost-model parameters read on top of DIR/review/cost.ini.", valueName: "FILE"))
    var costConfig: String?

    static let documentsFile = "review/documents.ini"
    static let costFile = "review/cost.ini"

    /// Reads the defaults under the catalogue folder and the user's files.
    func load(catalogue: String) throws -> (matcher: DocumentMatcher, cost: CostModel) {
        do {
            let docs = try files(default: (catalogue as NSString).appendingPathComponent(Self.documentsFile), extra: documents)
            let costs = try files(default: (catalogue as NSString).appendingPathComponent(Self.costFile), extra: costConfig.map { [$0] } ?? [])
            let vocabulary = try DocumentVocabulary.load(docs)
            let parameters = try CostParameters.load(costs)
            return (DocumentMatcher(vocabulary), CostModel(parameters))
        } catch let error as SettingsError {
            Console.report(error.diagnostics)
            Console.error("tthc: fix the review data file and run again (nothing was written)")
            throw ExitCode(1)
        }
    }

    private func files(default path: String, extra: [String]) throws -> [SettingsFile] {
        var out: [SettingsFile] = []
        if FileManager.default.fileExists(atPath: path) {
            out.append(try Self.read(path))
        } else if extra.isEmpty {
            throw SettingsError(
                "not found: the review reads its synonym lists and cost parameters from the catalogue's review/ folder; copy catalogue/review/ from the tthc sources into it, or pass --documents / --cost-config",
                at: SourceLocation(file: path))
        }
        for file in extra { out.append(try Self.read(file)) }
        return out
    }

    static func read(_ path: String) throws -> SettingsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError("cannot read the file; check the path and its permissions", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SettingsError("the file is not UTF-8; save it as UTF-8", at: SourceLocation(file: path))
        }
        return try SettingsFile.parse(text, file: path)
    }
}

/// Money as Vietnamese print it: dot thousands, rounded to the đồng.
enum Money {
    static func vietnamese(_ amount: Double) -> String {
        grouped(Int(amount.rounded())) + " đ"
    }

    /// "1.234.567": dot thousands, as `DecimalNumber.vietnamese` prints integers, without going
    /// through `Decimal` (a review prints hundreds of thousands of amounts).
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count * 4 / 3 + 1)
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "−23,4 %" with a true minus sign for a reduction.
    static func rate(_ percent: Double) -> String {
        let r = (percent * 10).rounded() / 10
        // `r` is a whole number of tenths: print them as "%.1f" would, with a decimal comma.
        let tenths = Int((abs(r) * 10).rounded())
        return (r > 0 ? "−" : r < 0 ? "+" : "") + "\(tenths / 10),\(tenths % 10) %"
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
