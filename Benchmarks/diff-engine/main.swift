import Catalogue
import Foundation
import Review
import Synthetic

// The diff engine on its own (issue 4), without reading files: `Benchmarks/diff.sh` runs it in a
// release build and prints its lines into BENCHMARKS.md.
//
//   DiffBenchmark states N…      two states of a generated catalogue of N procedures, about 1 % changed
//   DiffBenchmark prose WORDS    one procedure whose prose fields hold WORDS words each
//
// Each measurement is the median of RUNS (default 7) runs after one warm-up.

let arguments = Array(CommandLine.arguments.dropFirst())
let runs = Int(getenv("RUNS").flatMap { String(validatingCString: $0) } ?? "") ?? 7

/// Median wall-clock and CPU (this thread) seconds. The machines here are shared: CPU time is the
/// figure that does not depend on what else runs.
func median(_ work: () -> Void) -> (wall: Double, cpu: Double) {
    work()
    var walls: [Double] = [], cpus: [Double] = []
    for _ in 0..<runs {
        let cpu0 = threadCPU()
        let clock = ContinuousClock()
        let elapsed = clock.measure(work)
        cpus.append(threadCPU() - cpu0)
        walls.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    walls.sort()
    cpus.sort()
    return (walls[walls.count / 2], cpus[cpus.count / 2])
}

func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The first day of the first round of changes on which at least `fraction` of the procedures differ
/// from the catalogue of `start`.
func dayWithChanges(_ catalogue: Catalogue, from start: LocalDate, fraction: Double, total: Int) -> (LocalDate, Int) {
    var day = SyntheticCatalogue.Timeline.rounds[0]
    while true {
        defer { day = nextDay(day) }
        var changed = 0
        for history in catalogue.histories.values {
            let a = history.version(at: start), b = history.version(at: day)
            if a?.decision != b?.decision || a?.from != b?.from { changed += 1 }
        }
        if Double(changed) >= fraction * Double(total) || day > SyntheticCatalogue.Timeline.rounds[1] { return (day, changed) }
    }
}

func states(_ sizes: [Int]) {
    print("| procedures | changed | % | entries listed | diff median wall s | diff median CPU s | CPU µs per procedure |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    var points: [(Double, Double)] = []
    for n in sizes {
        let generated = SyntheticCatalogue.generate(.init(procedures: n))[0]
        let sourced = generated.decisions.map {
            SourcedDecision(decision: $0, location: SourceLocation(file: $0.number))
        }
        let catalogue = Replay.run(sourced).catalogue
        let start = SyntheticCatalogue.Timeline.initialAnnouncementsComplete
        let (end, changed) = dayWithChanges(catalogue, from: start, fraction: 0.01, total: n)
        let old = catalogue.state(at: start), new = catalogue.state(at: end)
        var successions: [String: [String]] = [:]
        for (key, h) in catalogue.histories { for p in h.replaces { successions[p, default: []].append(key) } }
        var listed = 0
        let t = median {
            let diff = CatalogueDiff.compare(old, new, successions: successions)
            listed = diff.entries.count
        }
        points.append((Double(n), t.cpu))
        let percent = Double(changed) / Double(n) * 100
        print("| \(n) | \(changed) | \(format(percent, 2)) | \(listed) | \(format(t.wall, 3)) | \(format(t.cpu, 3)) | \(format(t.cpu / Double(n) * 1e6, 2)) |")
        print("<!-- dates: \(start.iso) → \(end.iso) -->")
    }
    if points.count >= 2 { print("\nGrowth exponent of CPU time (least squares, log time on log size): \(format(exponent(points), 2))") }
}

func nextDay(_ d: LocalDate) -> LocalDate {
    LocalDate(year: d.year, month: d.month, day: d.day + 1) ?? LocalDate(year: d.year, month: d.month + 1, day: 1)
        ?? LocalDate(year: d.year + 1, month: 1, day: 1)!
}

/// The slope of log(time) against log(size): 1 is linear.
func exponent(_ points: [(Double, Double)]) -> Double {
    let xs = points.map { log($0.0) }, ys = points.map { log($0.1) }
    let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
    let num = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let den = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    return num / den
}

func format(_ x: Double, _ places: Int) -> String {
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    let r = (x * p).rounded() / p
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < places { s += String(repeating: "0", count: places - decimals) }
    }
    return s
}

/// Deterministic Vietnamese-looking prose: syllables from a fixed list, sentences of 12 words.
func prose(words: Int, seed: UInt64) -> String {
    let syllables = ["công", "dân", "nộp", "hồ", "sơ", "tại", "bộ", "phận", "một", "cửa", "cấp", "xã", "trong",
                     "thời", "hạn", "ngày", "làm", "việc", "kể", "từ", "khi", "nhận", "đủ", "giấy", "tờ", "hợp",
                     "lệ", "cơ", "quan", "giải", "quyết", "trả", "kết", "quả", "qua", "dịch", "vụ", "bưu", "chính"]
    var state = seed
    var out: [String] = []
    out.reserveCapacity(words)
    for i in 0..<words {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var w = syllables[Int((state >> 33) % UInt64(syllables.count))]
        if i % 12 == 11 { w += "." } else if i % 5 == 4 { w += "," }
        out.append(w)
    }
    return out.joined(separator: " ")
}

/// Every `step`-th word replaced by a number (a changed figure is a change).
func edited(_ text: String, every step: Int) -> String {
    text.split(separator: " ").enumerated().map { i, w in i % step == 0 ? "\(i)" : String(w) }.joined(separator: " ")
}

func proseProcedure(_ text: String) -> Procedure {
    Procedure(
        code: ProcedureCode("1.004222"), name: "Đăng ký thường trú",
        steps: [StepGroup(steps: [Step(title: "Bước 1", text: text)])],
        requirements: [Requirement(text: text)], notes: text)
}

func proseBenchmark(_ words: Int) {
    let base = prose(words: words, seed: 1)
    let sentences = base.split(separator: ".").map { $0.trimmingCharacters() }
    let moved = (sentences.suffix(sentences.count / 2) + sentences.prefix(sentences.count - sentences.count / 2))
        .joined(separator: ". ")
    let cases: [(String, String)] = [
        ("every 10th word changed", edited(base, every: 10)),
        ("every word changed", prose(words: words, seed: 2)),
        ("halves swapped (sentences moved)", moved),
        ("identical", base),
    ]
    print("| \(words)-word prose in 3 fields: case | changes | median wall ms | median CPU ms |")
    print("| --- | ---: | ---: | ---: |")
    let old = proseProcedure(base)
    for (name, text) in cases {
        let new = proseProcedure(text)
        var count = 0
        let t = median { count = ProcedureDiff.compare(old, new).changes.count }
        print("| \(name) | \(count) | \(format(t.wall * 1000, 1)) | \(format(t.cpu * 1000, 1)) |")
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

switch arguments.first {
case "states": states(arguments.dropFirst().compactMap { Int($0) })
case "prose": proseBenchmark(Int(arguments.dropFirst().first ?? "") ?? 5000)
default:
    print("usage: DiffBenchmark states N… | DiffBenchmark prose WORDS")
    exit(2)
}
