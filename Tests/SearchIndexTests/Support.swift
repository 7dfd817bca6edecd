import Foundation
import SearchIndex

/// The data an index file registers, parsed as JSON (which also checks that it is valid JS data).
func payload(_ file: SearchIndexFile) throws -> Any {
    var text = Substring(file.contents)
    guard text.hasPrefix("tthcSearch.add("), text.hasSuffix(");\n") else { throw IndexFileError(file.path) }
    text = text.dropFirst("tthcSearch.add(".count).dropLast(3)
    // "kind",number,
    guard let firstComma = text.firstIndex(of: ",") else { throw IndexFileError(file.path) }
    let rest = text[text.index(after: firstComma)...]
    guard let secondComma = rest.firstIndex(of: ",") else { throw IndexFileError(file.path) }
    let json = rest[rest.index(after: secondComma)...]
    return try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
}

struct IndexFileError: Error, CustomStringConvertible {
    var path: String
    init(_ path: String) { self.path = path }
    var description: String { "\(path) is not a tthcSearch.add(…) call" }
}

func document(
    _ key: String, _ name: String, field: String = "Hộ tịch", agency: String = "Ủy ban nhân dân cấp xã",
    body: String = ""
) -> SearchDocument {
    SearchDocument(
        key: key, name: name, code: key, field: field, agency: agency, level: "Cấp xã", body: body,
        path: "thu-tuc/\(key).html")
}

/// A small index with its files by path.
struct BuiltIndex {
    var files: [String: SearchIndexFile]
    var manifest: [String: Any]

    init(_ docs: [SearchDocument], limits: SearchIndexBuilder.Limits = .init()) throws {
        let list = SearchIndexBuilder.build(docs, limits: limits)
        files = Dictionary(uniqueKeysWithValues: list.map { ($0.path, $0) })
        let file = try #require(files["tim-kiem/manifest.js"])
        manifest = try #require(try payload(file) as? [String: Any])
    }

    /// Every meta entry of every shard: folded word → rows [spelling, name start, name, code, field, agency].
    func metaEntries() throws -> [String: [[String]]] {
        var out: [String: [[String]]] = [:]
        for (path, file) in files where path.hasPrefix("tim-kiem/m/") {
            let shard = try #require(try payload(file) as? [String: [[String]]])
            out.merge(shard) { a, _ in a }
        }
        return out
    }

    func bodyEntries() throws -> [String: String] {
        var out: [String: String] = [:]
        for (path, file) in files where path.hasPrefix("tim-kiem/b/") {
            let shard = try #require(try payload(file) as? [String: String])
            out.merge(shard) { a, _ in a }
        }
        return out
    }

    /// The documents in display order: [name, code, field, path].
    func displayRows() throws -> [[String]] {
        let count = try #require(manifest["documents"] as? Int)
        let per = try #require(manifest["documentsPerShard"] as? Int)
        var rows: [[String]] = []
        for n in 0..<((count + per - 1) / per) {
            let file = try #require(files["tim-kiem/d/\(n).js"])
            rows += try #require(try payload(file) as? [[String]])
        }
        return rows
    }
}

import Testing
