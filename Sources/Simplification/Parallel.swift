import Foundation
import Synchronization

/// Runs `body` over contiguous slices of `0..<count` on every core and joins the results in order:
/// rules and costs are pure per procedure, so the review splits the catalogue between cores.
func parallelChunks<T: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
    // A few slices a core, so that a core slowed by other work does not hold the rest back.
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / 256))
    if chunks == 1 { return body(0..<count) }
    let results = Mutex<[Int: [T]]>([:])
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let part = body(count * c / chunks..<count * (c + 1) / chunks)
        results.withLock { $0[c] = part }
    }
    let parts = results.withLock { $0 }
    return (0..<chunks).flatMap { parts[$0] ?? [] }
}
