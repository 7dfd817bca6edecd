import Foundation
import Testing

/// `tthc import dvcqg` end to end on the national portal's records in ../shared/data/dvcqg/ (records
/// 1.000931, 1.010038, 1.012538, 2.001410, 3.000284, 1.000358; never copied into the repository).
@Suite("tthc import dvcqg", .serialized)
struct ImportCommandTests {
    static let records = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/data/dvcqg").path

    /// A copy of the bundled catalogue to import into.
    func catalogueCopy() throws -> (folder: URL, catalogue: String) {
        let folder = try CLI.temporaryFolder()
        let catalogue = folder.appendingPathComponent("catalogue")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.catalogue), to: catalogue)
        return (folder, catalogue.path)
    }

    func importArguments(catalogue: String, output: String, signed: String = "2026-12-01") -> [String] {
        ["import", "dvcqg", Self.records, "--catalogue", catalogue, "--number", "1234/QĐ-UBND", "--signed", signed, "-o", output]
    }

    @Test func importValidateReplayShow() throws {
        let (folder, catalogue) = try catalogueCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = "\(catalogue)/decisions/2026/2026-12-01-1234-QD-UBND.xml"

        let run = try CLI.run(importArguments(catalogue: catalogue, output: draft))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Mới: 5; sửa đổi, bổ sung: 1; không thay đổi: 0; bỏ qua: 0; đề nghị bãi bỏ: 0"))
        #expect(run.stdout.contains("1.010038 Tách hộ — sửa đổi: Trình tự thực hiện"))
        #expect(run.stderr.contains("019d2bf7-57bc-77d4-9b08-282dcd32ed61.json:96:17: warning: isVertical: true is not imported"))
        #expect(FileManager.default.fileExists(atPath: draft))

        // The draft is now one of the catalogue's decisions: it validates and replays.
        let validate = try CLI.run(["validate", "--catalogue", catalogue, "--at", "2026-12-01"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("0 lỗi"))

        let show = try CLI.run(["show", "1.000931", "--catalogue", catalogue, "--at", "2026-12-01"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Cấp giấy phép vào khu vực cấm, khu vực biên giới cho người nước ngoài"))
        #expect(show.stdout.contains("10 USD"))
        let before = try CLI.run(["show", "1.000931", "--catalogue", catalogue, "--at", "2026-11-30"])
        #expect(before.status == 1, "not in force before the draft takes effect")

        let history = try CLI.run(["history", "1.010038", "--catalogue", catalogue])
        #expect(history.stdout.contains("Sửa đổi, bổ sung theo Quyết định 1234/QĐ-UBND"), "\(history.stdout)")

        // Importing the same records again finds nothing new: nothing is written.
        let again = folder.appendingPathComponent("again.xml").path
        let second = try CLI.run(importArguments(catalogue: catalogue, output: again, signed: "2026-12-02"))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Mới: 0; sửa đổi, bổ sung: 0; không thay đổi: 6"))
        #expect(!FileManager.default.fileExists(atPath: again))
    }

    @Test func sameInputByteIdenticalOutputInBothFormats() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String: [Data]] = [:]
        for format in ["json", "xml"] {
            for n in 1...2 {
                let out = folder.appendingPathComponent("draft\(n).\(format)").path
                let run = try CLI.run(importArguments(catalogue: CLI.catalogue, output: out))
                #expect(run.status == 0, "\(run.stderr)")
                texts[format, default: []].append(try Data(contentsOf: URL(fileURLWithPath: out)))
            }
        }
        #expect(texts["json"]![0] == texts["json"]![1])
        #expect(texts["xml"]![0] == texts["xml"]![1])
        // JSON and XML drafts are the same decision.
        let converted = try CLI.run(["convert", folder.appendingPathComponent("draft1.json").path, "--to", "xml"])
        #expect(Data(converted.stdout.utf8) == texts["xml"]![0])
    }

    @Test func strictTurnsWarningsIntoErrorsAndWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("draft.xml").path
        let run = try CLI.run(importArguments(catalogue: CLI.catalogue, output: out) + ["--strict"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: isVertical: true is not imported"))
        #expect(run.stderr.contains("(nothing was written)"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func hostileRecordNamesFileAndPathAndWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"code": "1.000001", "name": "X", "executionMethods": [{"submissionMethod": "DIRECT", "processingTime": {}}]}"#.utf8).write(to: bad)
        let out = folder.appendingPathComponent("draft.xml").path
        let run = try CLI.run(["import", "dvcqg", bad.path, Self.records, "--number", "1/QĐ-UBND", "--signed", "2026-12-01", "-o", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.json:1:105: error: executionMethods[0].processingTime: expected a number, found an object"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("draft.json").path
        try Data("giữ nguyên".utf8).write(to: URL(fileURLWithPath: out))
        let run = try CLI.run(importArguments(catalogue: CLI.catalogue, output: out))
        #expect(run.status == 1)
        #expect(run.stderr.contains("pass --force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "giữ nguyên")
        let forced = try CLI.run(importArguments(catalogue: CLI.catalogue, output: out) + ["--force"])
        #expect(forced.status == 0)
    }

    @Test func levelFilterAndUsage() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("draft.json").path
        let run = try CLI.run(importArguments(catalogue: CLI.catalogue, output: out) + ["--level", "commune"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("bỏ qua: 3"))
        #expect(run.stdout.contains("1.000931 Cấp giấy phép vào khu vực cấm, khu vực biên giới cho người nước ngoài tại Công an cấp tỉnh — bỏ qua: không thuộc cấp xã (bản ghi: cấp tỉnh)"))

        let wrongOutput = try CLI.run(["import", "dvcqg", Self.records, "--number", "1/QĐ-UBND", "--signed", "2026-12-01", "-o", "x.txt"])
        #expect(wrongOutput.status == 2)
        #expect(wrongOutput.stderr.contains(".xml or .json"))
        let help = try CLI.run(["import", "dvcqg", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("tthc import dvcqg"))
    }

    @Test func abolishMissingProposesTheFieldsOtherProcedures() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("draft.json").path
        // National portal record 1.010038 (Tách hộ) alone, against the sample's residence field.
        let record = "\(Self.records)/019d2bf7-7f1e-71e3-be3e-7f22dce4ac4d.json"
        let run = try CLI.run([
            "import", "dvcqg", record, "--number", "7/QĐ-UBND", "--signed", "2026-12-01",
            "--abolish-missing", "dang ky, quan ly cu tru", "-o", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sửa đổi, bổ sung: 1"))
        #expect(run.stdout.contains("1.004222 Đăng ký thường trú — đề nghị bãi bỏ (không có trong dữ liệu nhập)"))
        let validate = try CLI.run(["validate", out, "--quiet"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.components(separatedBy: "\"action\": \"abolished\"").count - 1 == 8)
    }
}
