import Catalogue

/// `overlap`: procedures whose dossiers, results and agencies overlap so much that merging them is a
/// candidate (a ministry merged 14 identity-card procedures into 5), and dossier cases ("TTHC con")
/// that duplicate another procedure.
///
/// Never compares every pair: each procedure (and each case of a multi-case dossier) becomes a set
/// of features, MinHash signatures put similar sets in the same LSH band buckets, and only pairs
/// that share a bucket are scored exactly (Jaccard). Time and memory grow with the number of
/// procedures, not its square. A bucket holding more than `bucketCap` members (identical template
/// procedures) is scanned with a sliding window, each member scored against the few before it, so
/// it still costs linear time: near-identical members chain into one group all the same. Procedures
/// already grouped are not compared again, a case is scored against at most `caseCandidates`
/// procedures, and a procedure stops being compared once `misses` candidates failed the threshold
/// (unless the other side still has tries left): exact comparisons stay under a constant times the
/// number of documents.
public struct Overlap: Sendable {
    public var threshold: Double
    public var bands = 24
    public var rows = 6
    public var bucketCap = 8
    /// In a bucket over the cap, each member is scored against this many before it.
    public var window = 4
    /// Fewer features than this say too little to call two procedures the same.
    public var minimumFeatures = 3
    /// Exact comparisons a dossier case takes part in at most: its closest procedure among that
    /// many candidates is reported.
    public var caseCandidates = 16
    /// Exact comparisons that fail the threshold a procedure takes part in at most. Catalogues
    /// hold families of look-alike procedures (one stem, many levels or fields) that share buckets
    /// without reaching the threshold; without a cap, each family costs the square of its size.
    public var misses = 48

    public init(threshold: Double = 0.7) { self.threshold = threshold }

    /// One procedure's or one case's features, with their wording for the report.
    public struct Document: Sendable {
        public var key: String
        public var code: String
        public var name: String
        /// Nil for the whole procedure; the case's index and name for a case.
        public var caseIndex: Int?
        public var caseName: String?
        public var features: [UInt64]
        public var wording: [UInt64: String]
    }

    public struct Group: Sendable {
        public var members: [Document]
        public var score: Double
        public var shared: [String]
    }

    public struct SubCase: Sendable {
        public var subCase: Document
        public var other: Document
        public var score: Double
        public var shared: [String]
    }

    public struct Result: Sendable {
        public var groups: [Group]
        public var subCases: [SubCase]
        /// Exact comparisons made, to show the method scales. Two procedures already joined into one
        /// group through others are not compared again, so a group's score is its weakest link.
        public var comparisons: Int
    }

    /// The features: every dossier item as understood, every result and every performing agency.
    public static func documents(of s: ReviewSubject) -> [Document] {
        documents(of: s, words: DocumentMatcher.words)
    }

    /// `words` folds a result's or an agency's name; the review passes a cached one.
    static func documents(of s: ReviewSubject, words: (String) -> [String]) -> [Document] {
        func features(_ readings: [DocumentMatcher.Reading], _ items: [DossierItem]) -> (Set<UInt64>, [UInt64: String]) {
            var set = Set<UInt64>(), wording: [UInt64: String] = [:]
            func add(_ key: String, _ text: String) {
                let h = fnv1a(key)
                if set.insert(h).inserted { wording[h] = text }
            }
            for (reading, item) in zip(readings, items) where !reading.core.isEmpty { add("d:" + reading.identity, item.name) }
            for result in s.procedure.results { add("r:" + words(result.name).joined(separator: " "), result.name) }
            for agency in s.procedure.agencies where agency.role == .performing {
                add("a:" + words(agency.name).joined(separator: " "), agency.name)
            }
            return (set, wording)
        }
        let cases = s.procedure.dossier.cases
        let all = features(Array(s.readings.joined()), cases.flatMap(\.items))
        var out = [Document(
            key: s.key, code: s.code, name: s.procedure.name, caseIndex: nil, caseName: nil,
            features: all.0.sorted(), wording: all.1)]
        if cases.count > 1 {
            for (c, dossierCase) in cases.enumerated() {
                let f = features(s.readings[c], dossierCase.items)
                out.append(Document(
                    key: s.key, code: s.code, name: s.procedure.name, caseIndex: c,
                    caseName: dossierCase.name ?? "Trường hợp \(c + 1)", features: f.0.sorted(), wording: f.1))
            }
        }
        return out
    }

    public func find(_ documents: [Document]) -> Result {
        let hashes = bands * rows
        let seeds = (0..<hashes).map { splitmix(UInt64($0) &* 0x9E37_79B9_7F4A_7C15 &+ 12345) }
        // The signatures' band keys, `bands` a document, on every core; then the buckets in
        // document order, as one core would fill them.
        let (bands, rows, minimumFeatures) = (bands, rows, minimumFeatures)
        let keys = parallelChunks(documents.count) { range in
            var out: [UInt64] = []
            out.reserveCapacity(range.count * bands)
            var signature = [UInt64](repeating: 0, count: hashes)
            for d in range {
                let features = documents[d].features
                guard features.count >= minimumFeatures else {
                    out.append(contentsOf: repeatElement(0, count: bands))
                    continue
                }
                for h in 0..<hashes {
                    var m = UInt64.max
                    let seed = seeds[h]
                    for f in features { m = min(m, splitmix(f ^ seed)) }
                    signature[h] = m
                }
                for b in 0..<bands {
                    var key = splitmix(UInt64(b) &+ 0xB5)
                    for r in 0..<rows { key = splitmix(key ^ signature[b * rows + r]) }
                    out.append(key)
                }
            }
            return out
        }
        var buckets: [UInt64: [Int]] = [:]
        for (d, doc) in documents.enumerated() where doc.features.count >= minimumFeatures {
            for b in 0..<bands { buckets[keys[d * bands + b], default: []].append(d) }
        }
        var parent = Array(documents.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var scored: [PairKey: Double] = [:]
        var comparisons = 0
        var subCases: [SubCase] = []
        var subCaseSeen = Set<PairKey>()
        var tries = [Int](repeating: 0, count: documents.count)
        var missed = [Int](repeating: 0, count: documents.count)
        func consider(_ i: Int, _ j: Int) {
            let a = documents[i], b = documents[j]
            guard a.key != b.key else { return }
            if a.caseIndex != nil && tries[i] >= caseCandidates || b.caseIndex != nil && tries[j] >= caseCandidates { return }
            if missed[i] >= misses && missed[j] >= misses { return }
            // Whole against whole groups procedures; a case against another whole procedure is a sub-case.
            guard (a.caseIndex == nil) != (b.caseIndex == nil) || (a.caseIndex == nil && b.caseIndex == nil) else { return }
            let pair = PairKey(min(i, j), max(i, j))
            if scored[pair] != nil || subCaseSeen.contains(pair) { return }
            // Already in one group through other links: grouping needs a spanning tree, not every pair.
            if a.caseIndex == nil, b.caseIndex == nil, root(i) == root(j) { return }
            comparisons += 1
            tries[i] += 1
            tries[j] += 1
            let s = Self.jaccard(a.features, b.features)
            guard s >= threshold else {
                scored[pair] = -1
                missed[i] += 1
                missed[j] += 1
                return
            }
            if a.caseIndex == nil && b.caseIndex == nil {
                scored[pair] = s
                let (ra, rb) = (root(i), root(j))
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            } else {
                subCaseSeen.insert(pair)
                let (sub, other) = a.caseIndex != nil ? (a, b) : (b, a)
                subCases.append(SubCase(subCase: sub, other: other, score: s, shared: Self.shared([sub, other])))
            }
        }
        // In a fixed order (dictionary order changes from run to run), so that the caps above cut
        // the same comparisons every time and the report never changes between runs.
        let crowded = buckets.filter { $0.value.count > 1 }.sorted { $0.value[0] != $1.value[0] ? $0.value[0] < $1.value[0] : $0.key < $1.key }
        for (_, members) in crowded {
            if members.count <= bucketCap {
                for x in members.indices { for y in members.indices where y > x { consider(members[x], members[y]) } }
            } else {
                for x in members.indices.dropFirst() {
                    for y in max(0, x - window)..<x { consider(members[y], members[x]) }
                }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        for i in documents.indices where documents[i].caseIndex == nil { byRoot[root(i), default: []].append(i) }
        var lowest: [Int: Double] = [:]
        for (pair, score) in scored where score >= 0 { lowest[root(pair.a)] = min(lowest[root(pair.a)] ?? 1, score) }
        var groups: [Group] = []
        for (r, indices) in byRoot where indices.count > 1 {
            let members = indices.sorted { documents[$0].key < documents[$1].key }
            let score = lowest[r] ?? threshold
            let docs = members.map { documents[$0] }
            groups.append(Group(members: docs, score: score, shared: Self.shared(docs)))
        }
        groups.sort { $0.members[0].key < $1.members[0].key }
        subCases.sort { ($0.subCase.key, $0.subCase.caseIndex ?? 0, $0.other.key) < ($1.subCase.key, $1.subCase.caseIndex ?? 0, $1.other.key) }
        return Result(groups: groups, subCases: subCases, comparisons: comparisons)
    }

    struct PairKey: Hashable {
        var a: Int, b: Int
        init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
    }

    /// |A ∩ B| / |A ∪ B| over sorted feature lists.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }

    /// The features every document shares, in the first document's wording.
    static func shared(_ docs: [Document]) -> [String] {
        guard var common = docs.first.map({ Set($0.features) }) else { return [] }
        for d in docs.dropFirst() { common.formIntersection(d.features) }
        return docs[0].features.filter { common.contains($0) }.compactMap { docs[0].wording[$0] }
    }
}

/// FNV-1a over UTF-8: a stable hash (Swift's `Hasher` is seeded per process, and the report must
/// not change from one run to the next).
func fnv1a(_ s: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in s.utf8 {
        h ^= UInt64(byte)
        h = h &* 0x100_0000_01B3
    }
    return h
}

func splitmix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
