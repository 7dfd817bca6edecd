import Foundation
import Review
import Testing

@testable import TTHCCommands

@Suite("tthc diff", .serialized)
struct DiffCommandTests {
    /// One procedure in XML (old, converted from this JSON) and a draft of it in JSON (new): shorter time, lower online fee,
    /// the household book dropped, a step reworded.
    static let oldJSON = """
        {
          "procedure": {
            "code": "1.004222",
            "name": "Đăng ký thường trú",
            "levels": ["commune"],
            "steps": [{"steps": [
              {"text": "Nộp hồ sơ tại Công an cấp xã"},
              {"text": "Nhận kết quả tại nơi nộp hồ sơ"}
            ]}],
            "channels": [
              {"method": "in-person", "time": {"value": 15, "unit": "working-days"}, "fees": [{"kind": "fee", "amount": 20000}]},
              {"method": "online", "time": {"value": 15, "unit": "working-days"}, "fees": [{"kind": "fee", "amount": 20000}]}
            ],
            "dossier": {"sets": 1, "cases": [{"items": [
              {"name": "Tờ khai thay đổi thông tin cư trú", "form": "Mẫu CT01"},
              {"name": "Bản sao sổ hộ khẩu", "originals": 0, "copies": 1}
            ]}]}
          }
        }
        """

    static let newJSON = """
        {
          "procedure": {
            "code": "1.004222",
            "name": "Đăng ký thường trú",
            "levels": ["commune"],
            "steps": [{"steps": [
              {"text": "Nộp hồ sơ trực tuyến hoặc tại Công an cấp xã"},
              {"text": "Nhận kết quả tại nơi nộp hồ sơ"}
            ]}],
            "channels": [
              {"method": "in-person", "time": {"value": 10, "unit": "working-days"}, "fees": [{"kind": "fee", "amount": 20000}]},
              {"method": "online", "time": {"value": 10, "unit": "working-days"}, "fees": [{"kind": "fee", "amount": 10000}]}
            ],
            "dossier": {"sets": 1, "cases": [{"items": [{"name": "Tờ khai thay đổi thông tin cư trú", "form": "Mẫu CT01"}]}]}
          }
        }
        """

    /// A temporary folder with the files, and old.xml made from `oldJSON` by `tthc convert`.
    func write(_ files: [String: String]) throws -> URL {
        let folder = try CLI.temporaryFolder()
        for (name, text) in files.merging(["old-source.json": Self.oldJSON], uniquingKeysWith: { a, _ in a }) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let converted = try CLI.run(["convert", "old-source.json", "--to", "xml", "-o", "old.xml"], in: folder)
        #expect(converted.status == 0, "\(converted.stderr)")
        return folder
    }

    @Test func xmlAgainstJSONSaysWhatChangesForCitizens() throws {
        let folder = try write(["new.json": Self.newJSON])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["diff", "old.xml", "new.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("Thời hạn giải quyết (trực tiếp): 15 → 10 ngày làm việc (−33 %)"), "\(out)")
        #expect(out.contains("Lệ phí (trực tuyến): 20.000 đồng → 10.000 đồng (−50 %)"))
        #expect(out.contains("↓ Bỏ giấy tờ: Bản sao sổ hộ khẩu"))
        #expect(out.contains("Nộp hồ sơ {+trực tuyến hoặc+} tại Công an cấp xã"))
        // Not a terminal: no colour codes, the bracket markers instead.
        #expect(!out.contains("\u{1B}["))
        // The summary comes before the details.
        let summary = try #require(out.range(of: "Tóm tắt:"))
        let detail = try #require(out.range(of: "Bỏ giấy tờ"))
        #expect(summary.lowerBound < detail.lowerBound)
    }

    @Test func jsonReportAndItsInverse() throws {
        let folder = try write(["new.json": Self.newJSON])
        defer { try? FileManager.default.removeItem(at: folder) }
        func report(_ a: String, _ b: String) throws -> [String: Any] {
            let run = try CLI.run(["diff", a, b, "--format", "json"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        }
        let forward = try report("old.xml", "new.json")
        let backward = try report("new.json", "old.xml")
        let f = try #require(forward["summary"] as? [String: Int])
        let b = try #require(backward["summary"] as? [String: Int])
        #expect(f["lighter"] == 4)  // two times, one fee, one item
        #expect(f["heavier"] == 0)
        #expect(f["lighter"] == b["heavier"] && f["heavier"] == b["lighter"] && f["neutral"] == b["neutral"])
        let procedures = try #require(forward["procedures"] as? [[String: Any]])
        let changes = try #require(procedures.first?["changes"] as? [[String: Any]])
        let step = try #require(changes.first { $0["part"] as? String == "steps" })
        let words = try #require(step["words"] as? [[String: String]])
        #expect(words == [
            ["kind": "same", "text": "Nộp hồ sơ"], ["kind": "inserted", "text": "trực tuyến hoặc"],
            ["kind": "same", "text": "tại Công an cấp xã"],
        ])
    }

    @Test func sameProcedureInBothFormatsHasNoChanges() throws {
        let folder = try write([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = try CLI.run(["convert", "old.xml", "--to", "json", "-o", "old.json"], in: folder)
        #expect(converted.status == 0, "\(converted.stderr)")
        let run = try CLI.run(["diff", "old.xml", "old.json"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Không có thay đổi"))
    }

    /// 1.001776 in the bundled sample catalogue: decision 156/QĐ-UBND (in force 2026) changed its
    /// dossier and legal basis.
    @Test func bundledProcedureAtTwoDates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.run(["show", "1.001776", "--at", "2025-12-31", "--format", "xml"])
        let after = try CLI.run(["show", "1.001776", "--at", "2026-02-01", "--format", "json"])
        #expect(before.status == 0 && after.status == 0)
        try Data(before.stdout.utf8).write(to: folder.appendingPathComponent("cu.xml"))
        try Data(after.stdout.utf8).write(to: folder.appendingPathComponent("moi.json"))
        let run = try CLI.run(["diff", "cu.xml", "moi.json", "-o", "thay-doi.txt"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("thay-doi.txt"), encoding: .utf8)
        #expect(text.contains("Thành phần, số lượng hồ sơ"))
        #expect(text.contains("Căn cứ pháp lý"))
        #expect(text.contains("Bỏ giấy tờ: Bản sao Sổ hộ khẩu"))
        #expect(text.contains("Thêm căn cứ pháp lý: 66.7/2025/NQ-CP"))
        // -o never replaces a file without --force.
        let again = try CLI.run(["diff", "cu.xml", "moi.json", "-o", "thay-doi.txt"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        let forced = try CLI.run(["diff", "cu.xml", "moi.json", "-o", "thay-doi.txt", "--force"], in: folder)
        #expect(forced.status == 0)
    }

    @Test func procedureAgainstTheDecisionThatAmendedIt() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.run(["show", "1.001776", "--at", "2025-12-31", "--format", "xml"])
        try Data(before.stdout.utf8).write(to: folder.appendingPathComponent("cu.xml"))
        let decision = CLI.repository.appendingPathComponent("catalogue/decisions/2026/2026-01-20-156-QD-UBND.json").path
        let run = try CLI.run(["diff", "cu.xml", decision], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Bỏ giấy tờ: Bản sao Sổ hộ khẩu"))
        // A decision with no row for the code is refused, saying what to do.
        let other = CLI.repository.appendingPathComponent("catalogue/decisions/2025/2025-07-04-1250-QD-UBND.xml").path
        let refused = try CLI.run(["diff", "cu.xml", other], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has no row for procedure with code 1.001776"))
    }

    /// Decisions 1466/QĐ-UBND (XML) and 156/QĐ-UBND (JSON) of the bundled sample: a decision against
    /// its own JSON conversion has no changes; against the other, rows pair by code.
    @Test func decisionAgainstDecision() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = CLI.repository.appendingPathComponent("catalogue/decisions/2025/2025-07-30-1466-QD-UBND.xml").path
        let json = CLI.repository.appendingPathComponent("catalogue/decisions/2026/2026-01-20-156-QD-UBND.json").path
        let converted = try CLI.run(["convert", xml, "--to", "json", "-o", "1466.json"], in: folder)
        #expect(converted.status == 0, "\(converted.stderr)")
        let same = try CLI.run(["diff", xml, "1466.json"], in: folder)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Không có thay đổi"))
        let run = try CLI.run(["diff", xml, json, "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let procedures = try #require(report["procedures"] as? [[String: Any]])
        let amended = try #require(procedures.first { $0["key"] as? String == "1.001776" })
        #expect(amended["status"] as? String == "changed")
        #expect(amended["oldAction"] as? String == "new" && amended["newAction"] as? String == "amended")
        #expect(procedures.allSatisfy { ["added", "removed", "changed", "unchanged"].contains($0["status"] as? String) })
    }

    /// Decision 412/QĐ-UBND of the bundled sample abolishes 2.002621 from 2026-05-01.
    @Test func procedureAgainstTheDecisionThatAbolishesIt() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.run(["show", "2.002621", "--at", "2026-03-01", "--format", "xml"])
        #expect(before.status == 0, "\(before.stderr)")
        try Data(before.stdout.utf8).write(to: folder.appendingPathComponent("cu.xml"))
        let decision = CLI.repository.appendingPathComponent("catalogue/decisions/2026/2026-03-10-412-QD-UBND.json").path
        let run = try CLI.run(["diff", "cu.xml", decision], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2.002621"))
        #expect(run.stdout.contains("bị bãi bỏ"))
        #expect(!run.stdout.contains("Không có thay đổi"))
    }

    /// Runs a shell command under script(1), whose pseudo-terminal makes standard output a TTY.
    static func onTerminal(_ command: String, in folder: URL, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try CLI.launch(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: folder,
            environment: environment, removing: environment["NO_COLOR"] == nil ? ["NO_COLOR"] : [])
        return (run.status, run.stdout, run.stderr)
    }

    @Test func redlineMarkersAndColours() {
        let runs = [WordRun(.same, "Bản sao"), WordRun(.deleted, "có chứng thực"), WordRun(.inserted, "hoặc bản chụp"),
                    WordRun(.same, "Giấy khai sinh")]
        #expect(DiffReport.redline(runs, colour: false) == "Bản sao [-có chứng thực-] {+hoặc bản chụp+} Giấy khai sinh")
        #expect(DiffReport.redline(runs, colour: true)
            == "Bản sao \u{1B}[31mcó chứng thực\u{1B}[0m \u{1B}[32mhoặc bản chụp\u{1B}[0m Giấy khai sinh")
    }

    /// On a terminal (a pseudo-terminal from script(1)) the redline is in colour, unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminalWithoutNoColor() throws {
        let folder = try write(["new.json": Self.newJSON])
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "\(CLI.executable.path) diff old.xml new.json"
        let coloured = try Self.onTerminal(command, in: folder)
        #expect(coloured.status == 0, "\(coloured.stderr)")
        #expect(coloured.stdout.contains("\u{1B}[32mtrực tuyến hoặc\u{1B}[0m"), "\(coloured.stdout)")
        let plain = try Self.onTerminal(command, in: folder, environment: ["NO_COLOR": "1"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("\u{1B}[3"))
        #expect(plain.stdout.contains("{+trực tuyến hoặc+}"))
    }

    @Test func unreadableInputExitsOne() throws {
        let folder = try write(["broken.json": "{ \"procedure\": "])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CLI.run(["diff", "old.xml", "missing.xml"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing.xml: error: no such file"))
        let broken = try CLI.run(["diff", "old.xml", "broken.json"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.json:"))
    }

    // MARK: Catalogue states

    /// The bundled sample between 31/12/2025 and 01/6/2026: decision 156/QĐ-UBND amends 1.001776,
    /// 412/QĐ-UBND abolishes 2.002621, and 1.013967 replaces 1.012812.
    @Test func twoCatalogueStates() throws {
        let run = try CLI.run(["diff", "catalogue@2025-12-31", "catalogue@2026-06-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("Dữ liệu mẫu"))
        #expect(out.contains("1.013967 Hòa giải tranh chấp đất đai:"))
        #expect(out.contains("(thay thế thủ tục 1.012812)"))
        #expect(out.contains("2.002621"))
        #expect(out.contains("↓ Bỏ giấy tờ: Bản sao Sổ hộ khẩu"))
        // Procedures that did not change are counted, not listed.
        let summary = try #require(out.split(separator: "\n").first { $0.hasPrefix("Tóm tắt:") })
        #expect(summary.contains("/96 thủ tục thay đổi"), "\(summary)")
        #expect(!out.contains("1.000894 "))

        let json = try CLI.run(["diff", "catalogue@2025-12-31", "catalogue@2026-06-01", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["sample"] as? Bool == true)
        let procedures = try #require(report["procedures"] as? [[String: Any]])
        let replaced = try #require(procedures.first { $0["key"] as? String == "1.013967" })
        let match = try #require(replaced["match"] as? [String: Any])
        #expect(match["kind"] as? String == "replaces" && match["key"] as? String == "1.012812")
    }

    @Test func sameStateTwiceHasNoChanges() throws {
        let run = try CLI.run(["diff", "catalogue@2026-06-01", "catalogue@2026-06-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Không có thay đổi (94 thủ tục)"), "\(run.stdout)")
    }

    /// A draft against the catalogue in force: decision 156/QĐ-UBND read as if it were not yet in force.
    @Test func draftAgainstCatalogue() throws {
        let decision = "catalogue/decisions/2026/2026-01-20-156-QD-UBND.json"
        let run = try CLI.run(["diff", "catalogue@2025-12-31", decision])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Tóm tắt: 2/2 thủ tục thay đổi"), "\(run.stdout)")
        #expect(run.stdout.contains("↓ Bỏ giấy tờ: Bản sao Sổ hộ khẩu"))
        // Read the other way, the same rows are the inverse.
        let back = try CLI.run(["diff", decision, "catalogue@2025-12-31"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("↑ Thêm giấy tờ: Bản sao Sổ hộ khẩu"), "\(back.stdout)")
        // A procedure file against the catalogue: compared with its version in force, no action shown.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let after = try CLI.run(["show", "1.001776", "--at", "2026-02-01", "--format", "json"])
        try Data(after.stdout.utf8).write(to: folder.appendingPathComponent("moi.json"))
        let one = try CLI.run(["diff", "\(CLI.catalogue)@2025-12-31", "moi.json"], in: folder)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("Tóm tắt: 1/1 thủ tục thay đổi"), "\(one.stdout)")
    }

    @Test func badStateArguments() throws {
        let badDate = try CLI.run(["diff", "catalogue@2026-13-45", "catalogue@"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("is not a date"), "\(badDate.stderr)")
        let noFolder = try CLI.run(["diff", "nowhere@2026-01-01", "catalogue@"])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains("no catalogue folder nowhere"), "\(noFolder.stderr)")
    }

    /// A draft procedure without a code (the sample's 1.004222 renamed, its code dropped) is paired
    /// with the procedure in force most like it, and the report says it is a guess.
    @Test func procedureWithoutCodeAgainstCatalogue() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shown = try CLI.run(["show", "1.004222", "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        var procedure = try #require(document["procedure"] as? [String: Any])
        procedure["code"] = nil
        procedure["name"] = "\(procedure["name"] as? String ?? "") (dự thảo)"
        document["procedure"] = procedure
        try JSONSerialization.data(withJSONObject: document).write(to: folder.appendingPathComponent("du-thao.json"))
        let run = try CLI.run(["diff", "\(CLI.catalogue)@", "du-thao.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(chưa có mã) Đăng ký thường trú (dự thảo)"), "\(run.stdout)")
        #expect(run.stdout.contains("(có thể là cùng thủ tục 1.004222: tên giống 80 %, nội dung giống 100 %)"))
    }
}
