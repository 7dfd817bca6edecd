import Catalogue

/// Writes the site's search index: a small manifest, word shards and display shards, each a JS file
/// that registers itself with `site/assets/search.js` (loaded with `<script>` tags, so search works
/// from `file://` and offline).
///
/// Layout under `tim-kiem/`:
/// - `manifest.js`: the number of documents and, for the word shards, the first word of each and its
///   size in bytes. Words are sorted (UTF-16 order, as JS compares) and cut into shards of at most
///   `Limits.shardBytes`, so a word is found by binary search and a prefix by a range of shards.
/// - `m/N.js`: words of the name, code, field, agency and level, each with its spellings
///   (`VietnameseText.comparisonKey`) and, per spelling, the documents having it in each part.
/// - `b/N.js`: words of the body, with the documents having them only there. search.js loads these
///   only when the name-to-agency parts give too few results, since a body match ranks below any
///   match found in those parts.
/// - `d/N.js`: name, code, field and page of `Limits.documentsPerShard` documents, loaded for the
///   results shown. Documents are numbered by name length, then folded name (`VietnameseSortKey`),
///   so the results of one query tend to share shards.
///
/// The same documents, in any order, give byte-identical files.
public enum SearchIndexBuilder {
    public struct Limits: Hashable, Sendable {
        public var shardBytes: Int
        public var documentsPerShard: Int

        public init(shardBytes: Int = 8_192, documentsPerShard: Int = 32) {
            self.shardBytes = shardBytes
            self.documentsPerShard = documentsPerShard
        }
    }

    /// The parts a word is found in, best first; search.js weighs them in this order (the body comes
    /// after). The first words of a name say what the procedure does ("Đăng ký …", "Cấp lại …"), so
    /// "dang ky" ranks "Đăng ký kết hôn" above "Cấp lại giấy chứng nhận đăng ký hộ kinh doanh".
    enum Tier: Int, CaseIterable {
        case nameStart, name, code, field, agency
    }

    /// How many words of a name count as its start.
    static let nameStartWords = 2

    public static let folder = "tim-kiem/"
    public static let formatVersion = 1

    public static func build(_ input: [SearchDocument]) -> [SearchIndexFile] {
        build(input, limits: Limits())
    }

    public static func build(_ input: [SearchDocument], limits: Limits) -> [SearchIndexFile] {
        var tokenizer = Tokenizer()
        let (docs, names) = ordered(input, &tokenizer)
        let tierCount = Tier.allCases.count
        // token → tier → documents; folded word → documents having it only in the body
        var meta: [[[Int]]] = []
        var body: [[Int]] = []
        // folded word → the last document that had it in a part (or in the body)
        var inParts: [Int] = []
        var inBody: [Int] = []
        var longWord: [Bool] = []

        for (id, doc) in docs.enumerated() {
            let tiers: [(Tier, [Int])] = [
                (.nameStart, Array(names[id].prefix(nameStartWords))),
                (.name, Array(names[id].dropFirst(nameStartWords))),
                (.code, tokenizer.codeNumbers(doc.code, key: doc.key)),
                (.field, tokenizer.numbers(doc.field)),
                (.agency, tokenizer.numbers(doc.agency) + tokenizer.numbers(doc.level)),
            ]
            let bodyTokens = tokenizer.numbers(doc.body)
            // Grow the tables to the words seen so far.
            while meta.count < tokenizer.tokens.count { meta.append(Array(repeating: [], count: tierCount)) }
            while body.count < tokenizer.folded.count {
                body.append([])
                inParts.append(-1)
                inBody.append(-1)
                longWord.append(tokenizer.folded[longWord.count].unicodeScalars.count > 1)
            }
            for (tier, tokens) in tiers {
                for t in tokens {
                    inParts[tokenizer.foldedOf[t]] = id
                    if meta[t][tier.rawValue].last != id { meta[t][tier.rawValue].append(id) }
                }
            }
            for t in bodyTokens {
                let f = tokenizer.foldedOf[t]
                // One-letter words of running text ("ý", "a") only bloat the index.
                guard inParts[f] != id, inBody[f] != id, longWord[f] else { continue }
                inBody[f] = id
                body[f].append(id)
            }
        }

        var spellings = [[Int]](repeating: [], count: tokenizer.folded.count)
        for (t, f) in tokenizer.foldedOf.enumerated() { spellings[f].append(t) }
        var files: [SearchIndexFile] = []
        let words = tokenizer.folded.indices.sorted { JSText.utf16Less(tokenizer.folded[$0], tokenizer.folded[$1]) }
        let metaEntries = words.compactMap { f -> (String, [UInt8])? in
            let word = tokenizer.folded[f]
            let rows = spellings[f]
                .filter { t in meta[t].contains { !$0.isEmpty } }
                .map { (tokenizer.tokens[$0].variant, meta[$0]) }
            return rows.isEmpty ? nil : (word, metaEntry(word, rows))
        }
        let bodyEntries = words.compactMap { f -> (String, [UInt8])? in
            guard !body[f].isEmpty else { return nil }
            var entry: [UInt8] = []
            JSText.append(tokenizer.folded[f], to: &entry)
            entry.append(UInt8(ascii: ":"))
            entry.append(UInt8(ascii: "\""))
            PostingList.append(body[f], to: &entry)
            entry.append(UInt8(ascii: "\""))
            return (tokenizer.folded[f], entry)
        }
        let metaShards = shards(metaEntries, kind: "m", limit: limits.shardBytes)
        let bodyShards = shards(bodyEntries, kind: "b", limit: limits.shardBytes)
        files += metaShards.files + bodyShards.files

        let perShard = max(1, limits.documentsPerShard)
        var documentShards = 0
        for start in stride(from: 0, to: docs.count, by: perShard) {
            var out: [UInt8] = []
            out.reserveCapacity(perShard * 256)
            registrationStart("d", documentShards, &out)
            out.append(UInt8(ascii: "["))
            for (k, d) in docs[start..<min(docs.count, start + perShard)].enumerated() {
                if k > 0 { JSText.appendRaw(",\n", to: &out) }
                out.append(UInt8(ascii: "["))
                for (c, cell) in [d.name, d.code.isEmpty ? d.key : d.code, d.field, d.path].enumerated() {
                    if c > 0 { out.append(UInt8(ascii: ",")) }
                    JSText.append(cell, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
            JSText.appendRaw(");\n", to: &out)
            files.append(SearchIndexFile(path: folder + "d/\(documentShards).js", contents: String(decoding: out, as: UTF8.self)))
            documentShards += 1
        }

        let manifest = "{\"version\":\(formatVersion),\"documents\":\(docs.count),\"documentsPerShard\":\(perShard),"
            + "\"meta\":" + metaShards.table + ",\"body\":" + bodyShards.table + "}"
        files.append(SearchIndexFile(
            path: folder + "manifest.js", contents: JSText.registration(kind: "manifest", number: 0, payload: manifest)))
        return files.sorted { $0.path < $1.path }
    }

    /// Documents numbered by name length, then folded name, then spelling and key — whatever the input
    /// order — with the token numbers of each name. Equally good results come in this order: the
    /// general procedure before its special cases ("Đăng ký khai sinh" before "Đăng ký khai sinh có
    /// yếu tố nước ngoài"); and "Đăng ký" sits among the "D"s, so similar names share display shards.
    static func ordered(_ docs: [SearchDocument], _ tokenizer: inout Tokenizer) -> ([SearchDocument], [[Int]]) {
        struct Keyed {
            var words: Int
            var folded: String
            var spelled: String
            var doc: SearchDocument
            var name: [Int]
        }
        var keyed: [Keyed] = []
        keyed.reserveCapacity(docs.count)
        for doc in docs {
            let name = tokenizer.numbers(doc.name)
            keyed.append(Keyed(
                words: name.count,
                folded: name.map { tokenizer.folded[tokenizer.foldedOf[$0]] }.joined(separator: " "),
                spelled: name.map { tokenizer.tokens[$0].variant }.joined(separator: " "),
                doc: doc, name: name))
        }
        // Sort positions, not the documents themselves: moving a document moves its eight strings. The
        // comparison reads the entries in place (a copy of one would retain and release its strings).
        let order = keyed.withUnsafeBufferPointer { k in
            k.indices.sorted { i, j in
                if k[i].words != k[j].words { return k[i].words < k[j].words }
                if k[i].folded != k[j].folded { return JSText.utf16Less(k[i].folded, k[j].folded) }
                if k[i].spelled != k[j].spelled { return JSText.utf16Less(k[i].spelled, k[j].spelled) }
                if k[i].doc.key != k[j].doc.key { return JSText.utf16Less(k[i].doc.key, k[j].doc.key) }
                if k[i].doc.name != k[j].doc.name { return JSText.utf16Less(k[i].doc.name, k[j].doc.name) }
                return JSText.utf16Less(k[i].doc.path, k[j].doc.path)
            }
        }
        return (order.map { keyed[$0].doc }, order.map { keyed[$0].name })
    }

    /// The start of `JSText.registration`: `tthcSearch.add("m",3,`.
    static func registrationStart(_ kind: StaticString, _ number: Int, _ out: inout [UInt8]) {
        JSText.appendRaw("tthcSearch.add(\"", to: &out)
        JSText.appendRaw(kind, to: &out)
        JSText.appendRaw("\",", to: &out)
        JSText.append(number, to: &out)
        out.append(UInt8(ascii: ","))
    }

    /// `"dang":[["đăng","<name start>","<name>","<code>","<field>","<agency>"],…]`, the spelling left empty when it
    /// is the folded word itself and trailing empty lists left out.
    static func metaEntry(_ word: String, _ variants: [(spelling: String, tiers: [[Int]])]) -> [UInt8] {
        var out: [UInt8] = []
        JSText.append(word, to: &out)
        JSText.appendRaw(":[", to: &out)
        for (k, variant) in variants.sorted(by: { JSText.utf16Less($0.spelling, $1.spelling) }).enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSText.append(variant.spelling == word ? "" : variant.spelling, to: &out)
            let used = (variant.tiers.lastIndex { !$0.isEmpty } ?? -1) + 1
            for list in variant.tiers[..<used] {
                JSText.appendRaw(",\"", to: &out)
                PostingList.append(list, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// Cuts sorted entries into shard files of at most `limit` bytes (a single bigger entry gets a shard
    /// of its own) and gives the manifest's table: `[["first word", bytes],…]`.
    static func shards(_ entries: [(String, [UInt8])], kind: StaticString, limit: Int) -> (files: [SearchIndexFile], table: String) {
        var files: [SearchIndexFile] = []
        var table: [UInt8] = [UInt8(ascii: "[")]
        var current: [UInt8] = []
        var first = ""
        func flush() {
            guard !current.isEmpty else { return }
            let n = files.count
            var contents: [UInt8] = []
            contents.reserveCapacity(current.count + 40)
            registrationStart(kind, n, &contents)
            contents.append(UInt8(ascii: "{"))
            contents += current
            JSText.appendRaw("});\n", to: &contents)
            files.append(SearchIndexFile(path: folder + "\(kind)/\(n).js", contents: String(decoding: contents, as: UTF8.self)))
            if n > 0 { table.append(UInt8(ascii: ",")) }
            table.append(UInt8(ascii: "["))
            JSText.append(first, to: &table)
            table.append(UInt8(ascii: ","))
            JSText.append(contents.count, to: &table)
            table.append(UInt8(ascii: "]"))
            current.removeAll(keepingCapacity: true)
        }
        // The size counted per entry is its bytes and the 2 of the ",\n" that joins it to the next.
        var size = 0
        for (word, entry) in entries {
            let bytes = entry.count + 2
            if !current.isEmpty && size + bytes > limit {
                flush()
                size = 0
            }
            if current.isEmpty {
                first = word
            } else {
                current.append(UInt8(ascii: ","))
                current.append(UInt8(ascii: "\n"))
            }
            current += entry
            size += bytes
        }
        flush()
        table.append(UInt8(ascii: "]"))
        return (files, String(decoding: table, as: UTF8.self))
    }
}
