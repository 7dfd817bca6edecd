import Foundation
import SearchIndex
import Testing

/// Runs site/assets/search.js's real query code under Node against an index the builder wrote, with
/// a stand-in for the page's `<script>` loading: ranking, folding, prefixes and which shards load.
/// The browser test (scripts/browser-test-search) does the same through Chromium and the page.
@Suite struct ScriptSearchTests {
    static let docs = [
        document("1.001193", "Đăng ký khai sinh", body: "Tờ khai đăng ký khai sinh; Giấy chứng sinh"),
        document("1.004884", "Đăng ký lại khai sinh"),
        document("1.000001", "Xác nhận người đang công tác", field: "Công chức", agency: "Sở Nội vụ"),
        document("1.013967", "Hòa giải tranh chấp đất đai", field: "Đất đai", agency: "Ủy ban nhân dân cấp xã"),
        document("1.000100", "Trích lục hộ tịch", field: "Tư pháp"),
        document("1.000200", "Cấp phiếu lý lịch tư pháp", field: "Hộ tịch", agency: "Sở Tư pháp"),
        document("1.000300", "Chứng thực chữ ký", field: "Chứng thực", agency: "Phòng hộ tịch số 2"),
        document("1.000500", "Chữ ký số công cộng", field: "Viễn thông", agency: "Sở Khoa học", body: "Giấy tờ hộ tịch"),
        document("1.000400", "Cấp bản sao", field: "Chứng thực", agency: "Sở Tư pháp", body: "Bản sao giấy tờ hộ tịch; giấy chứng nhận cư trú"),
        document("1.002345", "Báo cáo số 009999", field: "Thống kê", agency: "Cục Thống kê"),
        document("1.009999", "Thủ tục khác", field: "Thống kê", agency: "Cục Thống kê"),
        document("1.000800", "Bán tài sản công thuộc thẩm quyền của Ủy ban nhân dân", field: "Tài sản công"),
        document("1.000700", "Bán tài sản công", field: "Tài sản công"),
    ]

    /// Result codes and the index files loaded, for each query run in a fresh process.
    struct Answer: Decodable {
        var codes: [String]
        var total: Int
        var exact: Bool
        var files: [String]
    }

    /// One folder reused by every run (the files are the same each time, and written atomically), so
    /// test runs do not leave a folder behind each.
    static let site = write(docs, to: "tthc-search-script-tests")

    /// 600 procedures whose names all begin "Thủ tục cấp phép": those words are stored as bitmaps,
    /// which the ranking either looks up in place (few candidates) or decodes (many).
    static let large = write((0..<600).map { i in
        let word = i == 417 ? "hiếm" : i % 3 == 0 ? "thường" : "khác"
        return document(String(format: "9.%06d", i), "Thủ tục cấp phép \(word)")
    }, to: "tthc-search-script-tests-large")

    static func write(_ documents: [SearchDocument], to name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        for file in SearchIndexBuilder.build(documents) {
            let url = dir.appendingPathComponent(file.path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(file.contents.utf8).write(to: url, options: .atomic)
        }
        return dir.path + "/"
    }

    /// `warm`: run `tthcSearch.warmUp()` (what the page does when the box gets focus) first; it must
    /// load no index file.
    static func search(_ query: String, in site: String = site, warm: Bool = false) throws -> Answer {
        try JSONDecoder().decode(Answer.self, from: rawSearch(query, in: site, warm: warm))
    }

    static func rawSearch(_ query: String, in site: String, warm: Bool) throws -> Data {
        let program = #"""
            const fs = require('fs'), vm = require('vm');
            const root = process.argv[2];
            globalThis.location = { search: '' };
            globalThis.document = {
              readyState: 'complete',
              currentScript: { getAttribute: n => (n === 'data-root' ? root : null) },
              getElementById: () => null,
              createElement: () => ({ remove() {} }),
              createDocumentFragment: () => ({ scripts: [], appendChild(s) { this.scripts.push(s); } }),
              head: { appendChild(node) {
                for (const s of node.scripts || [node]) setTimeout(() => {
                  let text;
                  try { text = fs.readFileSync(s.src, 'utf8'); } catch (e) { s.onerror(e); return; }
                  vm.runInThisContext(text, { filename: s.src });
                  s.onload();
                }, 0);
              } },
            };
            require(process.argv[1]);
            if (process.argv[3] === 'warm') {
              tthcSearch.warmUp();
              if (tthcSearch.loadedFiles().length) { console.error('warmUp loaded', tthcSearch.loadedFiles()); process.exit(3); }
            }
            // Several queries, one a line, run one after the other in this one page: an array of answers.
            const queries = fs.readFileSync(0, 'utf8').split('\n');
            (async () => {
              const answers = [];
              for (const query of queries) {
                const a = await tthcSearch.search(query);
                answers.push({ codes: a.results.map(r => r.code), total: a.total, exact: a.exact, files: tthcSearch.loadedFiles() });
              }
              process.stdout.write(JSON.stringify(queries.length === 1 ? answers[0] : answers));
            })().catch(e => { console.error(e); process.exit(2); });
            """#
        return try Node.run(program, arguments: [ScriptFoldingTests.script, site] + (warm ? ["warm"] : []), input: Data(query.utf8))
    }

    /// The answers to `queries` run one after the other in one page (after the warm-up when `warm`),
    /// each query a line of the program's input.
    static func searchInOrder(_ queries: [String], in site: String = site, warm: Bool = false) throws -> [Answer] {
        let joined = queries.joined(separator: "\n")
        precondition(queries.count > 1 && !queries.contains { $0.contains("\n") })
        return try JSONDecoder().decode([Answer].self, from: Self.rawSearch(joined, in: site, warm: warm))
    }

    @Test(.enabled(if: Node.path != nil, "needs node (Debian: nodejs)"), arguments: [
        "dang ky khai sinh", "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "dang ky khai si", "đăng ký khai sinh ",
    ])
    func findsTheProcedureTypedWithOrWithoutDiacritics(query: String) throws {
        #expect(try Self.search(query).codes.first == "1.001193")
    }

    @Test(.enabled(if: Node.path != nil))
    func oldAndNewTonePlacementFindTheSame() throws {
        let old = try Self.search("hoà giải")
        #expect(old.codes == ["1.013967"])
        #expect(try Self.search("hòa giải").codes == old.codes)
        #expect(try Self.search("hoa giai").codes == old.codes)
    }

    @Test(.enabled(if: Node.path != nil))
    func exactDiacriticsRankHigher() throws {
        let dang = try Self.search("đang")
        #expect(dang.codes.first == "1.000001")
        #expect(Set(dang.codes) == ["1.000001", "1.001193", "1.004884"])
        let dang2 = try Self.search("đăng")
        #expect(dang2.codes.last == "1.000001")
        // Typed without diacritics: "ban" is no closer to "Ủy ban" than to "Bán".
        #expect(try Self.search("ban tai san cong").codes == ["1.000700", "1.000800"])
    }

    @Test(.enabled(if: Node.path != nil))
    func codesAreFoundByAnyPart() throws {
        let code = try Self.search("001193")
        #expect(code.codes == ["1.001193"])
        // A query of code parts asks for its body shards with its word shards, not after ranking.
        let firstBody = try #require(code.files.firstIndex { $0.hasPrefix("tim-kiem/b/") })
        let firstWords = try #require(code.files.firstIndex { $0.hasPrefix("tim-kiem/m/") })
        #expect(firstBody < firstWords)
        #expect(try Self.search("1.001193").codes == ["1.001193"])
        #expect(try Self.search("1.0011").codes == ["1.001193"])
    }

    @Test(.enabled(if: Node.path != nil))
    func rankingIsNameThenCodeThenFieldThenAgencyThenBody() throws {
        // "hộ tịch": in a name, three fields (the helper's default field), an agency, two bodies; ties
        // shorter name first.
        #expect(try Self.search("ho tich").codes == ["1.000100", "1.001193", "1.004884", "1.000200", "1.000300", "1.000400", "1.000500"])
        // Every word in some part beats a better-scoring match that needs the body for one word.
        #expect(try Self.search("chu ky so ho tich").codes == ["1.000300", "1.000500"])
        // "009999": in a name, and a code.
        #expect(try Self.search("009999").codes == ["1.002345", "1.009999"])
    }

    @Test(.enabled(if: Node.path != nil))
    func wordsOnlyInTheBodyAreFound() throws {
        let a = try Self.search("cu tru")
        #expect(a.codes == ["1.000400"])
        #expect(a.exact)
        #expect(a.files.contains { $0.hasPrefix("tim-kiem/b/") })
    }

    @Test(.enabled(if: Node.path != nil))
    func theBodyIsNotLoadedWhenTheOtherPartsGiveEnough() throws {
        // "cấp xã" is every document's level: ten results without the body.
        let a = try Self.search("cap xa")
        #expect(a.codes.count == 10)
        #expect(!a.exact)
        #expect(!a.files.contains { $0.hasPrefix("tim-kiem/b/") })
    }

    @Test(.enabled(if: Node.path != nil))
    func wordsInEveryProcedureAreLookedUpOnlyForTheRarestWordsDocuments() throws {
        let rare = try Self.search("thu tuc cap phep hiem", in: Self.large)
        #expect(rare.codes == ["9.000417"])
        #expect(rare.total == 1)
        // Many candidates: the common words' bitmaps are decoded instead; same answer either way.
        let common = try Self.search("thu tuc cap phep thuong", in: Self.large)
        #expect(common.total == 199) // every third, but 417 is the rare one
        #expect(common.codes == (0..<10).map { String(format: "9.%06d", $0 * 3) })
        let all = try Self.search("thu tuc", in: Self.large)
        #expect(all.total == 600)
        #expect(all.codes.count == 10)
    }

    /// The warm-up the page runs on focus ranks a made-up index of its own: the answers after it are
    /// the same, and it loads nothing.
    @Test(.enabled(if: Node.path != nil), arguments: ["dang ky khai sinh", "hòa giải", "ho tich", "cu tru", "cap xa", "ban tai san cong"])
    func warmingUpChangesNoAnswer(query: String) throws {
        let cold = try Self.search(query)
        let warm = try Self.search(query, warm: true)
        #expect(!cold.codes.isEmpty)
        #expect(warm.codes == cold.codes)
        #expect(warm.total == cold.total)
        #expect(warm.exact == cold.exact)
        #expect(warm.files == cold.files)
    }

    /// The ranking reuses its score arrays from query to query (and the warm-up's are of another size):
    /// queries run one after the other in one page answer as each does in a fresh one.
    @Test(.enabled(if: Node.path != nil), arguments: [false, true])
    func queriesInOnePageAnswerAsInAFreshOne(warm: Bool) throws {
        let queries = ["thu tuc cap phep thuong", "thu tuc cap phep hiem", "thu tuc", "cap phep khac", "thu tuc cap phep thuong"]
        let inOrder = try Self.searchInOrder(queries, in: Self.large, warm: warm)
        #expect(inOrder.count == queries.count)
        for (query, answer) in zip(queries, inOrder) {
            let fresh = try Self.search(query, in: Self.large)
            #expect(!fresh.codes.isEmpty)
            #expect(answer.codes == fresh.codes, "\(query)")
            #expect(answer.total == fresh.total, "\(query)")
        }
    }

    @Test(.enabled(if: Node.path != nil))
    func nothingFound() throws {
        let a = try Self.search("xyzw khong co")
        #expect(a.codes.isEmpty)
        #expect(a.total == 0)
    }
}

/// Node, when installed (Debian's `nodejs`, which scripts/install-deps installs).
enum Node {
    static let path: String? = ["/usr/bin/node", "/usr/bin/nodejs", "/usr/local/bin/node"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs a program with `node -e`, feeding `input` and returning standard output; throws on failure.
    static func run(_ program: String, arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["-e", program] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw NodeFailed(status: process.terminationStatus) }
        return output
    }

    struct NodeFailed: Error { var status: Int32 }
}
