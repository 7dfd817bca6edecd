import Foundation
import Catalogue
import Formats
import Testing
@testable import Import

@Suite("Listing record folders")
struct FolderListingTests {
    /// A folder tree with hidden files and folders, links and names that only look like records.
    private func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-listing-\(UUID().uuidString)")
        let fm = FileManager.default
        for folder in ["d/sub/.hid", "d/.hiddir", "d/x.json.dir", "other"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["d/a.json", "d/B.JSON", "d/.h.json", "d/notes.txt", "d/sub/c.json", "d/sub/.hid/e.json", "d/.hiddir/f.json",
                     "d/x.json.dir/g.json", "other/o.json"] {
            #expect(fm.createFile(atPath: root.appendingPathComponent(file).path, contents: Data("{}".utf8)))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("d/linkdir").path, withDestinationPath: "../other")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("d/link.json").path, withDestinationPath: "../other/o.json")
        return root
    }

    /// What `FileManager.enumerator(atPath:)` lists, filtered as the importer filters it: hidden files
    /// and everything inside hidden folders left out.
    private func enumerated(_ path: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            if !hidden, name.lowercased().hasSuffix(".json") {
                found.append((path as NSString).appendingPathComponent(relative))
            }
        }
        return found.sorted()
    }

    @Test func sameFilesAsFileManager() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let d = root.appendingPathComponent("d").path
        for spelling in [d, d + "/", d + "//"] {
            let listed = try #require(FolderListing.jsonFiles(under: spelling)).sorted()
            #expect(listed == enumerated(spelling))
        }
        let listed = try #require(FolderListing.jsonFiles(under: d)).sorted()
        #expect(listed.map { String($0.dropFirst(d.count + 1)) }
            == ["B.JSON", "a.json", "link.json", "sub/c.json", "x.json.dir/g.json"])
        // A hidden folder named on the command line is listed (its hidden sub-folders are not).
        #expect(try #require(FolderListing.jsonFiles(under: d + "/.hiddir")) == [d + "/.hiddir/f.json"])
        #expect(try #require(FolderListing.jsonFiles(under: d + "/sub/.hid")) == [d + "/sub/.hid/e.json"])
        // A folder named through a link lists nothing, as FileManager's enumerator lists nothing.
        #expect(FolderListing.jsonFiles(under: d + "/linkdir") == [])
        #expect(FolderListing.jsonFiles(under: root.appendingPathComponent("missing").path) == nil)
    }

    @Test(arguments: ["a/x.json", "./a//x.json", "a/./b/../x.json", "/tmp/../x.json", "/..", "/../x", "a/", "", ".", "../up/x.json", "/tmp//a/"])
    func standardizedAsFoundation(path: String) {
        let directory = FileManager.default.currentDirectoryPath
        #expect(FolderListing.standardized(path, in: directory) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    @Test func aPathSpeltTwiceIsReadOnce() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let d = root.appendingPathComponent("d").path
        let (files, diagnostics) = PortalImport.files(under: [d, d + "/a.json", d + "/./sub/../a.json", root.appendingPathComponent("missing").path])
        #expect(files.count == 5)
        #expect(diagnostics.count == 1)
    }

    @Test(arguments: zip(["x.json", "X.JSON", "a.Json", ".json", "json", "x.jsonl", "x.json.txt", "đ.json"], [true, true, true, true, false, false, false, true]))
    func jsonExtension(name: String, expected: Bool) {
        #expect(FolderListing.hasJSONExtension(name) == expected)
        #expect(name.lowercased().hasSuffix(".json") == expected)
    }
}

@Suite("Search keys folded on bytes")
struct SearchKeyFoldingTests {
    @Test(arguments: [
        "* Giấy tờ phải nộp:", "*Lưu ý:", "  Thành phần, số lượng hồ sơ  ", "ĐĂNG KÝ  KHAI\tSINH", "Việt Nam Đồng",
        "Miễn phí", "10.000 đồng", "Cu\u{301}ng ca\u{301}p", "\u{301} a", "a\u{00A0}\u{00A0}b", "Ærø ß ĳ", "Ỳ ỹ Ơ ư",
        "日本 chữ", "emoji 🙂 x", "", "   ", "İstanbul", "\u{1}x",
    ])
    func sameAsVietnameseText(text: String) {
        #expect(SearchKeyFolding.searchKey(text) == VietnameseText.searchKey(text))
    }

    @Test func everyScalarOfTheTables() {
        for value in Array(0x20..<0x250) + Array(0x1E00..<0x1F00) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A\(Character(scalar))b \(Character(scalar))"
            #expect(SearchKeyFolding.searchKey(text) == VietnameseText.searchKey(text), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite("Reading record files")
struct RecordBytesTests {
    @Test func sameBytesAndMessagesAsDocumentFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Array("{\"name\": \"Thủ tục\"}".utf8) + Array(repeating: 0x20, count: 70_000)
        let file = folder.appendingPathComponent("a.json").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data(content)))
        let empty = folder.appendingPathComponent("empty.json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try RecordBytes.read(file) == content)
        #expect(try RecordBytes.read(empty) == [])
        for path in [folder.path, folder.appendingPathComponent("missing.json").path] {
            let ours = #expect(throws: FormatError.self) { try RecordBytes.read(path) }
            let theirs = #expect(throws: FormatError.self) { try DocumentFile.readBytes(path) }
            #expect(ours?.diagnostics.map(\.description) == theirs?.diagnostics.map(\.description))
            #expect(ours?.diagnostics.isEmpty == false)
        }
    }
}
