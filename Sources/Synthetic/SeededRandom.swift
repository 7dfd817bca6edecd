/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014).
///
/// The generator and every way of drawing from it are spelled out here rather than taken from the
/// standard library: `Int.random(in:using:)` does not promise its algorithm, so a new Swift release
/// could change a "deterministic" catalogue. Bounded draws use the multiply-high reduction, whose bias
/// (below 2⁻³² for the ranges used here) does not matter for test data.
struct SeededRandom {
    private var state: UInt64

    init(_ seed: UInt64) {
        state = seed
    }

    /// An independent stream for one purpose and one subject (a procedure, a province, a decision), so
    /// that what one part of the catalogue draws never shifts what another part gets.
    init(seed: UInt64, _ stream: Stream, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0) {
        var s = Self.mix(seed ^ Self.mix(stream.rawValue))
        s = Self.mix(s ^ UInt64(truncatingIfNeeded: a))
        s = Self.mix(s ^ UInt64(truncatingIfNeeded: b) &* 0x9E37_79B9_7F4A_7C15)
        s = Self.mix(s ^ UInt64(truncatingIfNeeded: c) &* 0xC2B2_AE3D_27D4_EB4F)
        state = s
    }

    /// What each stream is for; the raw values only have to differ.
    enum Stream: UInt64 {
        case plan = 0x1001
        case codes = 0x1002
        case law = 0x1003
        case content = 0x1004
        case local = 0x1005
        case amendment = 0x1006
        case province = 0x1007
        case decision = 0x1008
    }

    /// The SplitMix64 output function: a bijection that scatters nearby inputs.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`; `n` must be positive.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(_:) needs a positive bound")
        return Int(UInt64(n).multipliedFullWidth(by: next()).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with the given chance, in percent.
    mutating func percent(_ chance: Int) -> Bool {
        below(100) < chance
    }

    /// True with the given chance, in thousandths.
    mutating func permille(_ chance: Int) -> Bool {
        below(1000) < chance
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn with the given (non-negative, not all zero) weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if roll < w { return i }
            roll -= w
        }
        return weights.count - 1
    }

    /// `count` distinct indices of `0..<n` (all of them when `count >= n`), in drawing order.
    mutating func distinct(_ count: Int, of n: Int) -> [Int] {
        if count >= n {
            var all = Array(0..<n)
            shuffle(&all)
            return all
        }
        var chosen: [Int] = []
        chosen.reserveCapacity(count)
        while chosen.count < count {
            let i = below(n)
            if !chosen.contains(i) { chosen.append(i) }
        }
        return chosen
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}
