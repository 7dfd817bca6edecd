import Foundation
import Testing

@Suite("tthc review and tthc cost", .serialized)
struct ReviewCommandTests {
    @Test func textSummaryCountsEveryRuleAndFindsThePlantedOpportunities() throws {
        let run = try CLI.run(["review", "--at", "2026-11-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("⚠ Dữ liệu mẫu"))
        for rule in ["database", "household-book", "certified-copy", "sets", "duplicate-item", "overlap", "time", "online", "no-basis"] {
            #expect(run.stdout.contains("  \(rule) "), "no line for \(rule)")
        }
        #expect(run.stdout.contains("1.011607  Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm"))
        #expect(run.stdout.contains("[household-book] Thành phần hồ sơ, mục 2: «Bản sao Sổ hộ khẩu»"))
        #expect(run.stdout.contains("[duplicate-item] Thành phần hồ sơ, mục 4: «Bản sao giấy tờ tùy thân của người yêu cầu chứng thực»"))
        #expect(run.stdout.contains("Chi phí tuân thủ hằng năm: trước "))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let run = try CLI.run(["review", "--at", "2025-12-31", "--format", "json", "--code", "1.001776"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["procedures"] as? Int == 1)
        let byRule = try #require(summary["byRule"] as? [[String: Any]])
        #expect(byRule.map { $0["rule"] as? String } == ["database", "household-book", "certified-copy", "sets", "duplicate-item", "overlap", "time", "online", "no-basis"])
        let procedure = try #require((json["procedures"] as? [[String: Any]])?.first)
        #expect(procedure["code"] as? String == "1.001776")
        let findings = try #require(procedure["findings"] as? [[String: Any]])
        let household = try #require(findings.first { $0["rule"] as? String == "household-book" })
        #expect(household["subject"] as? String == "Bản sao Sổ hộ khẩu")
        #expect(household["automatic"] as? Bool == true)
        let cost = try #require(household["cost"] as? [String: Any])
        let before = try #require(cost["perInstanceBefore"] as? Int), after = try #require(cost["perInstanceAfter"] as? Int)
        #expect(before > after)
        #expect(cost["perInstanceSaving"] as? Int == before - after)
        let database = try #require(findings.first { $0["rule"] as? String == "database" }?["database"] as? [String: Any])
        #expect(database["ministry"] as? String != nil)
        // Annual totals: before − after = saving.
        let b = try #require(summary["annualCostBefore"] as? Int), a = try #require(summary["annualCostAfter"] as? Int)
        #expect(summary["annualSaving"] as? Int == b - a)
    }

    @Test func rulesOptionLimitsTheReviewAndRejectsUnknownRules() throws {
        let run = try CLI.run(["review", "--at", "2026-11-01", "--rules", "sets", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["rules"] as? [String] == ["sets"])
        let bad = try CLI.run(["review", "--rules", "sets,speed"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown rule 'speed'"))
    }

    @Test func aMalformedSynonymFileStopsWithItsLocation() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("them.ini")
        try "[document x]\nname = X\nphrase = y\ncolour = red\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["review", "--documents", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(file.path):4:1: error: unknown key 'colour'"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func timeComparesWithAnotherCatalogue() throws {
        // Another province doing birth-and-death registration faster: copy the sample, cut one time.
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("tinh-khac")
        try FileManager.default.copyItem(atPath: CLI.catalogue, toPath: other.path)
        let file = other.appendingPathComponent("decisions/2026/2026-01-20-156-QD-UBND.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"value\": 25", with: "\"value\": 20").write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["review", "--at", "2026-11-01", "--rules", "time", "--compare", other.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let codes = (json["procedures"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes == ["1.001699"])
    }

    /// National portal record 1.010038 (Tách hộ, 5 working days in person and online) in ../shared/data/dvcqg.
    static let nationalRecord = CLI.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/dvcqg/019d2bf7-7f1e-71e3-be3e-7f22dce4ac4d.json").path

    @Test func timeComparesWithTheNationalRecord() throws {
        // The sample gives Tách hộ 7 working days on both channels; national portal record 1.010038 gives 5.
        let run = try CLI.run(["review", "--at", "2026-11-01", "--rules", "time", "--national", Self.nationalRecord, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "a record that reads says nothing: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let procedures = json["procedures"] as? [[String: Any]] ?? []
        #expect(procedures.compactMap { $0["code"] as? String } == ["1.010038"])
        let finding = try #require((procedures.first?["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "time")
        let reason = try #require(finding["reason"] as? String)
        #expect(reason.contains("hồ sơ quốc gia trên Cổng Dịch vụ công quốc gia, tệp \(Self.nationalRecord)"))
        #expect(reason.contains("trực tiếp 7 ngày làm việc tại đây, 5 ngày làm việc trong hồ sơ quốc gia"))
        #expect(reason.contains("trực tuyến 7 ngày làm việc tại đây, 5 ngày làm việc trong hồ sơ quốc gia"))
    }

    @Test(arguments: ["7", "9"])
    func noTimeFindingWhenTheNationalRecordIsNotShorter(_ days: String) throws {
        // National portal record 1.010038, copied and given the sample's 7 working days, or more.
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("1.010038.json")
        let text = try String(contentsOfFile: Self.nationalRecord, encoding: .utf8)
        #expect(text.components(separatedBy: "\"processingTime\": 5,").count == 3)
        try text.replacingOccurrences(of: "\"processingTime\": 5,", with: "\"processingTime\": \(days),")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["review", "--at", "2026-11-01", "--rules", "time", "--national", dir.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["procedures"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test func unreadableNationalRecordsWarnAndNoneReadableStops() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("cut.json")
        try "{\"code\": \"1.010038\",\n  \"executionMethods\": [\n".write(to: bad, atomically: true, encoding: .utf8)
        let both = try CLI.run(["review", "--at", "2026-11-01", "--rules", "time", "--national", bad.path, "--national", Self.nationalRecord])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stderr.hasPrefix("\(bad.path):3:1: warning:"), "\(both.stderr)")
        #expect(both.stdout.contains("1.010038  Tách hộ"))
        let none = try CLI.run(["review", "--rules", "time", "--national", bad.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("tthc: --national: no national portal record could be read from \(bad.path)"), "\(none.stderr)")
        #expect(none.stdout.isEmpty)
        let help = try CLI.run(["review", "--help"])
        #expect(help.stdout.contains("--national <FILE_OR_DIR>"))
        #expect(help.stdout.contains("tthc review --rules time --national ../dvcqg"))
    }

    @Test func costPrintsBeforeAfterSavingAndTotals() throws {
        let run = try CLI.run(["cost", "1.001776", "2.001035", "--at", "2025-12-31"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1.001776  Thực hiện, điều chỉnh"))
        #expect(run.stdout.contains("Một hồ sơ: "))
        #expect(run.stdout.contains("Tổng hằng năm: "))
        #expect(run.stdout.contains("[household-book] Bỏ thành phần hồ sơ «Bản sao Sổ hộ khẩu»"))
        let only = try CLI.run(["cost", "1.001776", "--at", "2025-12-31", "--accept", "certified-copy"])
        #expect(!only.stdout.contains("[household-book]"))
        #expect(only.stdout.contains("[certified-copy]"))
        let unknown = try CLI.run(["cost", "9.123456"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no procedure 9.123456"))
    }
}

@Suite("tthc review --emit-draft", .serialized)
struct ReviewDraftCommandTests {
    @Test func theDraftValidatesOnTopOfTheCatalogue() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = dir.appendingPathComponent("du-thao.xml").path
        let review = try CLI.run([
            "review", "--at", "2027-06-01", "--accept", "database,household-book,certified-copy,duplicate-item,sets,no-basis,online",
            "--emit-draft", draft, "--draft-number", "99/QĐ-UBND",
        ])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stderr.contains("Đã ghi dự thảo"))
        let validate = try CLI.run(["validate", draft, "--quiet", "--at", "2027-06-01"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("0 lỗi, 0 cảnh báo"), "\(validate.stdout)\(validate.stderr)")
        let xml = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(xml.contains("<item action=\"amended\" code=\"1.011607\""))
        #expect(!xml.contains("Sổ hộ khẩu"))
        // Never over an existing file without --force.
        let again = try CLI.run(["review", "--at", "2027-06-01", "--emit-draft", draft])
        #expect(again.status == 1)
        #expect(again.stderr.contains("pass --force"))
    }

    @Test func aSelectionFileChoosesTheProposals() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let selection = dir.appendingPathComponent("chon.txt")
        try "# họp rà soát\n1.011607 household-book\n".write(to: selection, atomically: true, encoding: .utf8)
        let draft = dir.appendingPathComponent("d.json").path
        let run = try CLI.run(["review", "--at", "2027-06-01", "--selection", selection.path, "--emit-draft", draft])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: draft))) as? [String: Any])
        let items = try #require((json["decision"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["changedParts"] as? [String] == ["dossier"])
        // tthc diff of the procedure in force and the draft shows exactly the simplification.
        let show = try CLI.run(["show", "1.011607", "--at", "2027-06-01", "--format", "xml"])
        #expect(show.status == 0, "\(show.stderr)")
        let old = dir.appendingPathComponent("cu.xml")
        try show.stdout.write(to: old, atomically: true, encoding: .utf8)
        let diff = try CLI.run(["diff", old.path, draft, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changes = try #require((report["procedures"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["part"] as? String == "dossier")
        #expect(changes.first?["kind"] as? String == "removed")
        #expect(changes.first?["subject"] as? String == "Bản sao Sổ hộ khẩu")
        // The household book was optional there, so the diff calls its removal neutral, never heavier.
        #expect(changes.first?["direction"] as? String != "heavier")
        try "1.011607 household\n".write(to: selection, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["review", "--selection", selection.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(selection.path):1:1: error: unknown rule 'household'"), "\(bad.stderr)")
    }
}

@Suite("tthc review as HTML, CSV and the Resolution 66.7 register", .serialized)
struct ReviewReportFormatTests {
    /// A copy of the sample in which a requirement without basis reads like markup.
    static func catalogueWithMarkup(in dir: URL) throws -> String {
        let copy = dir.appendingPathComponent("tinh")
        try FileManager.default.copyItem(atPath: CLI.catalogue, toPath: copy.path)
        let file = copy.appendingPathComponent("decisions/2025/2025-09-12-1712-QD-UBND.xml")
        let xml = try String(contentsOf: file, encoding: .utf8)
        let marked = xml.replacingOccurrences(
            of: "Hộ gia đình đã đóng góp đầy đủ các khoản quỹ", with: "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; đóng góp quỹ")
        #expect(marked != xml)
        try marked.write(to: file, atomically: true, encoding: .utf8)
        return copy.path
    }

    @Test func htmlIsStandaloneVietnameseEscapedWithTotalsFirst() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogue = try Self.catalogueWithMarkup(in: dir)
        let run = try CLI.run(["review", "--catalogue", catalogue, "--at", "2026-11-01", "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = run.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<link") && !html.contains("<script"), "standalone, and no markup from the data")
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; đóng góp quỹ"))
        let totals = try #require(html.range(of: "Số thủ tục được rà soát"))
        let rate = try #require(html.range(of: "Tỷ lệ cắt giảm"))
        let firstProcedure = try #require(html.range(of: "<section class=\"procedure\""))
        #expect(totals.lowerBound < firstProcedure.lowerBound && rate.lowerBound < firstProcedure.lowerBound)
        for rule in ["database", "household-book", "certified-copy", "sets", "duplicate-item", "overlap", "time", "online", "no-basis"] {
            #expect(html.contains("<td class=\"rule\">\(rule)</td>"), "\(rule)")
        }
        #expect(html.contains("Dữ liệu mẫu"))
    }

    @Test func csvHasOneRowPerFinding() throws {
        let csv = try CLI.run(["review", "--at", "2026-11-01", "--format", "csv"])
        let json = try CLI.run(["review", "--at", "2026-11-01", "--format", "json"])
        #expect(csv.status == 0 && json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require((document["summary"] as? [String: Any])?["findings"] as? Int)
        let lines = Self.records(csv.stdout)
        #expect(lines.first == "code,name,rule,location,subject,reason,legal_ground,proposal,automatic,accepted,cost_before,cost_after,saving,reduction_rate,annual_saving,database,ministry,overlap_score")
        #expect(lines.count == findings + 1)
        #expect(lines.contains { $0.hasPrefix("1.011607,") && $0.contains(",household-book,") })
    }

    /// RFC 4180 records: a line break inside quotes belongs to the field.
    static func records(_ text: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if c == "\r\n" && !quoted {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    @Test func theRegisterListsEachPaperADatabaseReplaces() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csvPath = dir.appendingPathComponent("phu-luc.csv").path, htmlPath = dir.appendingPathComponent("phu-luc.html").path
        for path in [csvPath, htmlPath] {
            let run = try CLI.run(["review", "--at", "2026-11-01", "--rules", "database,household-book", "--register", path, "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "STT,Mã thủ tục hành chính,Tên thủ tục hành chính,Thành phần hồ sơ thay thế (cắt giảm),Cơ sở dữ liệu khai thác,\"Bộ, ngành quản lý cơ sở dữ liệu\",Văn bản quy định thành phần hồ sơ,\"Điều, khoản, mẫu\"")
        #expect(rows.contains { $0.contains(",1.011607,") && $0.contains("Bản sao Sổ hộ khẩu,Cơ sở dữ liệu quốc gia về dân cư,Bộ Công an") })
        #expect(rows.contains { $0.contains(",1.001029,") && $0.contains("Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp,Bộ Tài chính") })
        #expect(rows.dropFirst().enumerated().allSatisfy { $1.hasPrefix("\($0 + 1),") })
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("<th>Bộ, ngành quản lý cơ sở dữ liệu</th>"))
        #expect(html.components(separatedBy: "<tr><td class=\"n\">").count - 1 == rows.count - 1)
    }
}

extension ReviewCommandTests {
    /// The report is spooled procedure by procedure and its head written last: the file and standard
    /// output must hold the same report, an existing file must stay untouched without --force, and
    /// no spool may be left behind.
    @Test(arguments: ["text", "json", "html", "csv"])
    func aSpooledReportIsWholeAndNeverOverwritesAFile(_ format: String) throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ra-soat.\(format)").path
        let shown = try CLI.run(["review", "--at", "2026-11-01", "--format", format])
        let written = try CLI.run(["review", "--at", "2026-11-01", "--format", format, "-o", path])
        #expect(shown.status == 0 && written.status == 0, "\(written.stderr)")
        let file = try String(contentsOfFile: path, encoding: .utf8)
        // Standard output ends with a line break where the report has none (text); nothing else differs.
        #expect(format == "text" ? shown.stdout == file + "\n" : shown.stdout == file)
        #expect(file.contains("1.011607"))
        let again = try CLI.run(["review", "--at", "2026-11-01", "--format", format, "-o", path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("pass --force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ra-soat.\(format)"])
    }

    @Test func jsonWithoutFindingsListsNoProcedures() throws {
        // No --compare and no --national: the time rule has nothing to compare with.
        let run = try CLI.run(["review", "--at", "2026-11-01", "--rules", "time", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["procedures"] as? [Any])?.isEmpty == true)
        #expect((json["summary"] as? [String: Any])?["findings"] as? Int == 0)
        #expect(run.stdout.hasSuffix("  \"procedures\": []\n}\n"))
    }
}

@Suite("tthc review on a generated catalogue", .serialized)
struct ReviewGeneratedCatalogueTests {
    /// Hash seeds change from process to process; the overlap report must not.
    @Test func twoRunsGiveTheSameReport() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogue = dir.appendingPathComponent("gen").path
        let generate = try CLI.run(["generate", "--procedures", "2000", "--seed", "5", "-o", catalogue])
        #expect(generate.status == 0, "\(generate.stderr)")
        try FileManager.default.copyItem(atPath: CLI.catalogue + "/review", toPath: catalogue + "/review")
        let arguments = ["review", "--catalogue", catalogue, "--at", "2026-12-31", "--rules", "overlap,duplicate-item", "--format", "json"]
        let first = try CLI.run(arguments), second = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"rule\": \"overlap\""))
    }
}
