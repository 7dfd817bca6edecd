import Foundation
import Testing

@testable import Formats

/// Reading a whole file (`FileBytes`, behind `DocumentFile.readBytes` and the load cache).
@Suite("Reading a file's bytes")
struct FileBytesTests {
    @Test func readsFilesAndSaysWhyNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-filebytes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = Array("<quyetDinh>Thủ tục</quyetDinh>\n".utf8)
        try Data(text).write(to: URL(fileURLWithPath: folder + "/a.xml"))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.xml"))
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        try Data(big).write(to: URL(fileURLWithPath: folder + "/big.xml"))

        guard case .bytes(let read) = FileBytes.read(folder + "/a.xml") else { Issue.record("a.xml not read"); return }
        #expect(read == text)
        guard case .bytes(let empty) = FileBytes.read(folder + "/empty.xml") else { Issue.record("empty.xml not read"); return }
        #expect(empty.isEmpty)
        guard case .bytes(let whole) = FileBytes.read(folder + "/big.xml") else { Issue.record("big.xml not read"); return }
        #expect(whole == big)
        guard case .tooLarge(let size) = FileBytes.read(folder + "/big.xml", limit: 1000) else { Issue.record("limit ignored"); return }
        #expect(size == big.count)
        guard case .missing = FileBytes.read(folder + "/none.xml") else { Issue.record("missing file"); return }
        guard case .missing = FileBytes.read(folder + "/a.xml/below") else { Issue.record("a path through a file"); return }
        guard case .directory = FileBytes.read(folder) else { Issue.record("a folder"); return }

        #expect(try DocumentFile.readBytes(folder + "/a.xml") == text)
        #expect(throws: FormatError.self) { try DocumentFile.readBytes(folder + "/none.xml") }
        do {
            _ = try DocumentFile.readBytes(folder)
            Issue.record("a folder was read")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(folder): error: is a folder, not a file"])
        }
        do {
            _ = try DocumentFile.readBytes(folder + "/none.xml")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(folder)/none.xml: error: no such file; check the path"])
        }
    }
}
