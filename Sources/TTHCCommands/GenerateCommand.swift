import ArgumentParser
import Catalogue
import Formats
import Foundation
import Synchronization
import Synthetic

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Sinh danh mục tổng hợp (dữ liệu giả) ở quy mô quốc gia, cho đo hiệu năng và thử tải.",
        discussion: """
            Writes a deterministic synthetic catalogue: realistic names, fields, dossiers, times and fees, \
            and decisions that use every action (new, amended, replaced, abolished, a future-dated one). \
            The same options always give the same files. With --provinces P > 1 it writes one catalogue \
            folder per province (DIR/H01, DIR/H02, …) sharing national codes, for cross-province comparison.

            Examples:
              tthc generate --procedures 100000 -o /tmp/national
              tthc generate --procedures 5000 --provinces 3 --seed 7 --format json -o /tmp/three
            """)

    @Option(help: "How many procedures each province announces.")
    var procedures: Int

    @Option(help: "How many provinces.")
    var provinces: Int = 1

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "File format of the decisions: xml or json.")
    var format: FileFormat = .xml

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to create.", valueName: "DIR"))
    var output: String

    @Flag(help: "Replace DIR if it exists and is not empty.")
    var force = false

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }

    private var options: SyntheticCatalogue.Options {
        SyntheticCatalogue.Options(procedures: procedures, provinces: provinces, seed: seed)
    }

    func run() throws {
        let catalogues = SyntheticCatalogue.generate(options)
        let format = self.format
        let total = catalogues.reduce(0) { $0 + $1.decisions.count }
        let progress = Console.progress("Đang ghi quyết định")
        let written = Atomic<Int>(0)
        do {
            try SafeWriter.writeFolder(output, force: force) { staging in
                for catalogue in catalogues {
                    let root = catalogues.count == 1
                        ? staging : (staging as NSString).appendingPathComponent(catalogue.province.agencyCode)
                    let decisions = (root as NSString).appendingPathComponent(CatalogueFolder.decisionsFolder)
                    try FileManager.default.createDirectory(atPath: decisions, withIntermediateDirectories: true)
                    try Data(ProvinceFile.write(catalogue.province).utf8)
                        .write(to: URL(fileURLWithPath: (root as NSString).appendingPathComponent(CatalogueFolder.provinceFile)))
                    let failure = Mutex<(any Error)?>(nil)
                    let width = String(catalogue.decisions.count).count
                    DispatchQueue.concurrentPerform(iterations: catalogue.decisions.count) { i in
                        let d = catalogue.decisions[i]
                        let name = "\(FileName.padded(i + 1, width: width))-\(FileName.safe(d.number)).\(format.rawValue)"
                        let text = format == .xml ? XMLFormat.write(d) : JSONFormat.write(d)
                        do {
                            try Data(text.utf8).write(to: URL(fileURLWithPath: (decisions as NSString).appendingPathComponent(name)))
                        } catch {
                            failure.withLock { $0 = $0 ?? error }
                        }
                        progress?(written.add(1, ordering: .relaxed).newValue, total)
                    }
                    if let error = failure.withLock({ $0 }) { throw error }
                }
            }
        } catch let refusal as SafeWriter.Refusal {
            Console.error(refusal.description)
            throw ExitCode(1)
        }
        let announced = catalogues.first.map { c in c.decisions.reduce(0) { $0 + $1.items.count } } ?? 0
        Console.out("Đã sinh \(catalogues.count) danh mục, \(total) quyết định (\(announced) dòng mỗi tỉnh) vào \(output).")
    }
}

/// Safe file names from decision numbers and codes: letters, digits, '-', '.', nothing else.
enum FileName {
    static func safe(_ s: String) -> String {
        let folded = VietnameseText.searchKey(s)
        var out = ""
        for ch in folded {
            if ch.isASCII, ch.isLetter || ch.isNumber || ch == "." { out.append(ch) } else if out.last != "-" { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-.")).uppercased()
    }

    /// `7` → `007` for width 3, so files list in decision order.
    static func padded(_ n: Int, width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
