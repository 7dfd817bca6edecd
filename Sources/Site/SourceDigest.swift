import Catalogue
import Foundation
import Synchronization

/// Digests of the files decisions were read from, for `SiteData.decisionDigests`: hashing a
/// decision's bytes costs a fraction of encoding every procedure version it sets, which is what the
/// fingerprints of a rebuild otherwise do.
public enum SourceDigest {
    /// Number → digest of the file's bytes; a decision whose file cannot be read is left out (its
    /// pages then fall back to hashing their content).
    /// `known` gives digests already computed by path (`CatalogueFolder.digests`, taken while
    /// loading): those files are not read again.
    public static func digests(of decisions: [SourcedDecision], known: [String: String] = [:]) -> [String: String] {
        let results = Mutex<[String: String]>([:])
        DispatchQueue.concurrentPerform(iterations: decisions.count) { i in
            let d = decisions[i]
            if let digest = known[d.location.file] {
                results.withLock { $0[d.decision.number] = digest }
                return
            }
            guard let data = FileManager.default.contents(atPath: d.location.file) else { return }
            // The bytes only, not the path: a catalogue folder moved or copied keeps its pages.
            var f = Fingerprint()
            data.withUnsafeBytes { f.add(bytes: $0) }
            results.withLock { $0[d.decision.number] = f.hex + "-" + String(data.count) }
        }
        return results.withLock { $0 }
    }
}
