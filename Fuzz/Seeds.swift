// Seed making, compiled into every fuzz target: when scripts/fuzz sets TTHC_FUZZ_SEEDS_FROM, the
// target does not fuzz; it reads every .json and .xml decision under that folder (the bundled
// catalogue, the test fixtures), writes it in TTHC_FUZZ_SEEDS_FORMAT (xml or json) to
// TTHC_FUZZ_SEEDS_TO, and also each item alone (a one-item decision, and its procedure as a
// standalone file): small valid inputs that reach deep into the loaders from the first run.
// Nothing is copied into the repository; the seeds live under Fuzz/out/.

import Catalogue
import Foundation
import Formats

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    guard let from = environment["TTHC_FUZZ_SEEDS_FROM"], let to = environment["TTHC_FUZZ_SEEDS_TO"] else { return 0 }
    let format = FileFormat(rawValue: environment["TTHC_FUZZ_SEEDS_FORMAT"] ?? "") ?? .xml
    let limit = Int(environment["TTHC_FUZZ_SEEDS_MAX_BYTES"] ?? "") ?? 65536
    do {
        let written = try SeedMaker(format: format, limit: limit, to: URL(fileURLWithPath: to)).make(from: URL(fileURLWithPath: from))
        print("tthc fuzz: wrote \(written) \(format.rawValue) seeds to \(to)")
        fflush(stdout)
        // `_exit`, not `exit`: LeakSanitizer's exit-time check misreads Swift's enum-packed pointers in
        // the loaders' static tables as leaks; the fuzzing runs check leaks per input instead.
        _exit(0)
    } catch {
        print("tthc fuzz: could not make seeds: \(error)")
        fflush(stdout)
        _exit(1)
    }
}

struct SeedMaker {
    var format: FileFormat
    var limit: Int
    var to: URL

    func make(from folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: to, withIntermediateDirectories: true)
        var written = 0
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { FileFormat(path: $0.path) != nil }
            .sorted { $0.path < $1.path }
        for file in files {
            guard let kind = FileFormat(path: file.path), let data = FileManager.default.contents(atPath: file.path) else { continue }
            let bytes = [UInt8](data)
            let document: Document
            do {
                document = switch kind {
                case .xml: try XMLFormat.read(bytes, file: file.path)
                case .json: try JSONFormat.read(bytes, file: file.path)
                }
            } catch {
                continue  // An invalid fixture: scripts/fuzz copies those as they are when they are in the fuzzed format.
            }
            let stem = file.deletingPathExtension().lastPathComponent
            switch document {
            case .decision(let sourced):
                let decision = sourced.decision
                written += try save(write(decision), as: "\(stem)")
                for (index, item) in decision.items.enumerated() {
                    var alone = decision
                    alone.items = [item]
                    written += try save(write(alone), as: "\(stem)-item\(index + 1)")
                    if let procedure = item.procedure {
                        written += try save(write(procedure), as: "\(stem)-item\(index + 1)-procedure")
                    }
                }
            case .procedure(let procedure, _):
                written += try save(write(procedure), as: stem)
            }
        }
        return written
    }

    private func write(_ decision: Decision) -> String {
        format == .xml ? XMLFormat.write(decision) : JSONFormat.write(decision)
    }

    private func write(_ procedure: Procedure) -> String {
        format == .xml ? XMLFormat.write(procedure) : JSONFormat.write(procedure)
    }

    /// Writes one seed unless it is over the length the fuzzer would cut it to; returns how many were written.
    private func save(_ text: String, as name: String) throws -> Int {
        let bytes = Data(text.utf8)
        guard bytes.count <= limit else { return 0 }
        try bytes.write(to: to.appendingPathComponent("\(name).\(format.rawValue)"))
        return 1
    }
}
