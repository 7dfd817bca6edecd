import Catalogue
import Formats
import Foundation
import SearchIndex
import Synchronization

extension SiteBuilder {
    /// The search index is made from the search documents alone. Its fingerprint has two halves,
    /// `identity/content`: the identity names the version each procedure in force shows
    /// (`SiteModel.entryKeys`) and costs nothing next to the documents; when it is the previous
    /// build's, the index is kept without making a document. Otherwise the content half is learnt
    /// from each document's digest: those of procedures whose identity the previous build's state
    /// (`SearchState`) has are read from it, only the others' documents are made. A decision that
    /// changes only times or fees leaves the content, and the index, as they were; the state is
    /// written anew (its identities changed).
    func searchUnit(_ previous: Manifest, _ out: OutputFolder) throws -> Manifest.Unit {
        let data = model.data
        let layout = model.layoutKey
        Trace.mark("open data done")
        let identities = model.entryKeys
        let identity = SearchState.identity(identities, layout: layout)
        let old = previous.units[Manifest.search]
        let halves = old?.fingerprint.split(separator: "/", maxSplits: 1).map(String.init) ?? []
        let (oldIdentity, oldContent) = halves.count == 2 ? (halves[0], halves[1]) : (nil, halves.first)
        if let old, identity == oldIdentity, old.files.contains(SearchState.file), try out.keep(old.files) {
            return old
        }
        // The previous state, only when the previous build listed it as this unit's.
        let known = old.flatMap { old -> [UInt64: SearchState.DocumentDigest]? in
            guard old.files.contains(SearchState.file), let folder = out.live ?? out.previous else { return nil }
            return SearchState.read(folder, layout: layout)?.lookup
        } ?? [:]
        Trace.mark("search state read (\(known.count) documents)")
        let entries = data.state.entries
        var digests = [SearchState.DocumentDigest](repeating: SearchState.DocumentDigest(high: 0, low: 0), count: entries.count)
        var missing: [Int] = []
        for i in entries.indices {
            if let digest = known[identities[i]] { digests[i] = digest } else { missing.append(i) }
        }
        let made = Self.searchDocuments(entries, at: missing, digested: true)
        for (k, i) in missing.enumerated() { digests[i] = made[k].digest! }
        let state = SearchState(identities: identities, digests: digests)
        let content = SearchState.content(digests, layout: layout)
        Trace.mark("search documents digested")
        let fingerprint = identity + "/" + content
        if let old, content == oldContent {
            let index = old.files.filter { $0 != SearchState.file }
            if try out.keep(index) {
                try out.emit(SearchState.file, bytes: state.bytes(layout: layout))
                return Manifest.Unit(fingerprint: fingerprint, files: index + [SearchState.file])
            }
        }
        // The documents not made above, then all of them in entry order.
        var all = [SearchDocument?](repeating: nil, count: entries.count)
        for (k, i) in missing.enumerated() { all[i] = made[k].document }
        let rest = entries.indices.filter { all[$0] == nil }
        for (k, made) in Self.searchDocuments(entries, at: rest, digested: false).enumerated() { all[rest[k]] = made.document }
        Trace.mark("search documents made")
        let files = SearchIndexBuilder.build(all.map { $0! })
        Trace.mark("search index built (\(files.count) files)")
        // Thousands of files, each compared with the live one: on every core.
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            do { try out.emit(files[i].path, files[i].contents) } catch { failure.withLock { if $0 == nil { $0 = error } } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let paths = files.map(\.path)
        try out.emit(SearchState.file, bytes: state.bytes(layout: layout))
        return Manifest.Unit(fingerprint: fingerprint, files: paths + [SearchState.file])
    }

    /// The search documents of the entries at `indices`, in that order, with their digests when
    /// `digested`, made on every core (a rebuild's pages are mostly kept, so the others are often free).
    static func searchDocuments(
        _ entries: [CatalogueState.Entry], at indices: [Int], digested: Bool
    ) -> [(document: SearchDocument, digest: SearchState.DocumentDigest?)] {
        let chunk = 256
        let chunks = (indices.count + chunk - 1) / chunk
        let parts = Mutex<[[(document: SearchDocument, digest: SearchState.DocumentDigest?)]]>(Array(repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var part: [(document: SearchDocument, digest: SearchState.DocumentDigest?)] = []
            part.reserveCapacity(chunk)
            for i in indices[(c * chunk)..<min(indices.count, (c + 1) * chunk)] {
                let document = SearchDocument(procedure: entries[i].version.procedure, key: entries[i].key)
                part.append((document, digested ? SearchState.DocumentDigest(document) : nil))
            }
            parts.withLock { $0[c] = part }
        }
        return parts.withLock { $0 }.flatMap { $0 }
    }
}
