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
        let docs = ordered(input)
        var tokenizer = Tokenizer()
        // folded word → spelling → tier → documents
        var meta: [String: [String: [[Int]]]] = [:]
        var body: [String: [Int]] = [:]
        let emptyTiers = [[Int]](repeating: [], count: Tier.allCases.count)

        for (id, doc) in docs.enumerated() {
            var metaWords = Set<String>()
            func add(_ tokens: [SearchToken], _ tier: Tier) {
                for t in tokens {
                    metaWords.insert(t.folded)
                    if meta[t.folded]?[t.variant]?[tier.rawValue].last != id {
                        meta[t.folded, default: [:]][t.variant, default: emptyTiers][tier.rawValue].append(id)
                    }
                }
            }
            let nameTokens = tokenizer.tokens(doc.name)
            add(Array(nameTokens.prefix(nameStartWords)), .nameStart)
            add(Array(nameTokens.dropFirst(nameStartWords)), .name)
            add(tokenizer.codeTokens(doc.code, key: doc.key), .code)
            add(tokenizer.tokens(doc.field), .field)
            add(tokenizer.tokens(doc.agency), .agency)
            add(tokenizer.tokens(doc.level), .agency)
            var bodyWords = Set<String>()
            for t in tokenizer.tokens(doc.body) where !metaWords.contains(t.folded) {
                // One-letter words of running text ("ý", "a") only bloat the index.
                if t.folded.unicodeScalars.count > 1 { bodyWords.insert(t.folded) }
            }
            for w in bodyWords { body[w, default: []].append(id) }
        }

        var files: [SearchIndexFile] = []
        let metaEntries = meta.keys.sorted(by: JSText.utf16Less).map { word in
            (word, metaEntry(word, meta[word]!))
        }
        let bodyEntries = body.keys.sorted(by: JSText.utf16Less).map { word in
            (word, JSText.string(word) + ":" + JSText.string(PostingList.encode(body[word]!)))
        }
        let metaShards = shards(metaEntries, kind: "m", limit: limits.shardBytes)
        let bodyShards = shards(bodyEntries, kind: "b", limit: limits.shardBytes)
        files += metaShards.files + bodyShards.files

        let perShard = max(1, limits.documentsPerShard)
        var documentShards = 0
        for start in stride(from: 0, to: docs.count, by: perShard) {
            let rows = docs[start..<min(docs.count, start + perShard)].map { d in
                "[" + [d.name, d.code.isEmpty ? d.key : d.code, d.field, d.path].map(JSText.string).joined(separator: ",") + "]"
            }
            files.append(SearchIndexFile(
                path: folder + "d/\(documentShards).js",
                contents: JSText.registration(kind: "d", number: documentShards, payload: "[" + rows.joined(separator: ",\n") + "]")))
            documentShards += 1
        }

        let manifest = "{\"version\":\(formatVersion),\"documents\":\(docs.count),\"documentsPerShard\":\(perShard),"
            + "\"meta\":" + metaShards.table + ",\"body\":" + bodyShards.table + "}"
        files.append(SearchIndexFile(
            path: folder + "manifest.js", contents: JSText.registration(kind: "manifest", number: 0, payload: manifest)))
        return files.sorted { $0.path < $1.path }
    }

    /// Documents numbered by `VietnameseSortKey`, then key: a stable order whatever the input order.
    static func ordered(_ docs: [SearchDocument]) -> [SearchDocument] {
        docs.map { (VietnameseSortKey($0.name), $0) }
            .sorted { a, b in
                if a.0.key != b.0.key { return a.0.key < b.0.key }
                if a.1.key != b.1.key { return a.1.key < b.1.key }
                if a.1.name != b.1.name { return a.1.name < b.1.name }
                return a.1.path < b.1.path
            }
            .map(\.1)
    }

    /// `"dang":[["đăng","<name start>","<name>","<code>","<field>","<agency>"],…]`, the spelling left empty when it
    /// is the folded word itself and trailing empty lists left out.
    static func metaEntry(_ word: String, _ variants: [String: [[Int]]]) -> String {
        let rows = variants.keys.sorted(by: JSText.utf16Less).map { variant -> String in
            var cells = [JSText.string(variant == word ? "" : variant)]
            var lists = variants[variant]!.map { PostingList.encode($0) }
            while lists.last == "" { lists.removeLast() }
            cells += lists.map(JSText.string)
            return "[" + cells.joined(separator: ",") + "]"
        }
        return JSText.string(word) + ":[" + rows.joined(separator: ",") + "]"
    }

    /// Cuts sorted entries into shard files of at most `limit` bytes (a single bigger entry gets a shard
    /// of its own) and gives the manifest's table: `[["first word", bytes],…]`.
    static func shards(_ entries: [(String, String)], kind: String, limit: Int) -> (files: [SearchIndexFile], table: String) {
        var files: [SearchIndexFile] = []
        var table: [String] = []
        var current: [String] = []
        var first = ""
        var size = 0
        func flush() {
            guard !current.isEmpty else { return }
            let n = files.count
            let contents = JSText.registration(kind: kind, number: n, payload: "{" + current.joined(separator: ",\n") + "}")
            files.append(SearchIndexFile(path: folder + "\(kind)/\(n).js", contents: contents))
            table.append("[" + JSText.string(first) + ",\(contents.utf8.count)]")
            current = []
            size = 0
        }
        for (word, entry) in entries {
            let bytes = entry.utf8.count + 2
            if !current.isEmpty && size + bytes > limit { flush() }
            if current.isEmpty { first = word }
            current.append(entry)
            size += bytes
        }
        flush()
        return (files, "[" + table.joined(separator: ",") + "]")
    }
}

/// The order documents are numbered in, which is also the order of equally good results: shorter names
/// first (the general procedure before its special cases: "Đăng ký khai sinh" before "Đăng ký khai
/// sinh có yếu tố nước ngoài"), then by folded name, so "Đăng ký" sits among the "D"s and similar
/// names share display shards.
struct VietnameseSortKey {
    let key: String
    init(_ name: String) {
        let words = SearchToken.words(name).count
        let count = String(words)
        key = String(repeating: "0", count: max(0, 4 - count.count)) + count + " "
            + VietnameseText.searchKey(name) + "\u{1}" + VietnameseText.comparisonKey(name)
    }
}
