import Foundation
import Testing

@testable import TTHCCommands

/// The HTML, Markdown and JSON outputs of `tthc diff`, through the built `tthc`.
@Suite("tthc diff: HTML, Markdown and JSON Schema", .serialized)
struct DiffFormatsTests {
    /// A procedure whose name and dossier carry markup, so escaping is tested where it matters.
    static func procedure(name: String, days: Int, items: [String], step: String) -> String {
        let list = items.map { "{\"name\": \(quoted($0))}" }.joined(separator: ", ")
        return """
            {"procedure": {"code": "1.004222", "name": \(quoted(name)), "levels": ["commune"],
              "steps": [{"steps": [{"text": \(quoted(step))}]}],
              "channels": [{"method": "in-person", "time": {"value": \(days), "unit": "working-days"}}],
              "dossier": {"sets": 1, "cases": [{"items": [\(list)]}]}}}
            """
    }

    static func quoted(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }

    static let hostile = "<script>alert(\"x\")</script> Đăng ký & <b>thường trú</b> | *cư* _trú_"

    func files() throws -> URL {
        let folder = try CLI.temporaryFolder()
        try Data(Self.procedure(name: Self.hostile, days: 15, items: ["Tờ khai <CT01>", "Bản sao sổ hộ khẩu"],
                                step: "Nộp hồ sơ tại Công an cấp xã").utf8).write(to: folder.appendingPathComponent("old.json"))
        try Data(Self.procedure(name: Self.hostile, days: 10, items: ["Tờ khai <CT01>"],
                                step: "Nộp hồ sơ trực tuyến hoặc tại Công an cấp xã").utf8).write(to: folder.appendingPathComponent("new.json"))
        return folder
    }

    @Test func htmlIsStandaloneEscapedAndAccessible() throws {
        let folder = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["diff", "old.json", "new.json", "--format", "html", "-o", "report.html"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        // Every text escaped: the name's markup never becomes markup.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<CT01>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Đăng ký &amp; &lt;b&gt;thường trú&lt;/b&gt;"))
        // Nothing fetched from elsewhere.
        for external in ["http://", "https://", "src=", "@import", "url(", "<link"] {
            #expect(!html.contains(external), "\(external)")
        }
        // Summary table first, then the procedure's section with the redline inline and side by side.
        let table = try #require(html.range(of: "<table class=\"summary\">"))
        let section = try #require(html.range(of: "<section class=\"procedure\""))
        #expect(table.lowerBound < section.lowerBound)
        #expect(html.contains("Nộp hồ sơ <ins>trực tuyến hoặc</ins> tại Công an cấp xã"))
        #expect(html.contains("<del>Bản sao sổ hộ khẩu</del>"))
        #expect(html.contains("<input type=\"checkbox\" id=\"song-song\""))
        #expect(html.contains("#song-song:checked ~ main .sbs"))
        // Not colour alone: arrows with words, underline and strike-through, and print rules.
        #expect(html.contains("<span class=\"dir lighter\">↓ nhẹ hơn</span> Thời hạn giải quyết (trực tiếp): 15 → 10 ngày làm việc (−33 %)"))
        #expect(html.contains("ins { text-decoration: underline"))
        #expect(html.contains("del { text-decoration: line-through"))
        #expect(html.contains("@media print"))
    }

    @Test func markdownForAMemo() throws {
        let folder = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["diff", "old.json", "new.json", "--format", "md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let md = run.stdout
        #expect(md.contains("| Mã | Thủ tục | Tình trạng | ↓ nhẹ hơn | ↑ nặng hơn | · trung tính |"))
        // The name's pipe and emphasis are escaped, so the table keeps its columns.
        #expect(md.contains("| 1.004222 | &lt;script&gt;alert(\"x\")&lt;/script&gt; Đăng ký &amp; &lt;b&gt;thường trú&lt;/b&gt; \\| \\*cư\\* \\_trú\\_ |"), "\(md)")
        #expect(md.contains("- ↓ nhẹ hơn: Bỏ giấy tờ: Bản sao sổ hộ khẩu"))
        #expect(md.contains("  - Nộp hồ sơ **trực tuyến hoặc** tại Công an cấp xã"))
        #expect(md.contains("### Thời hạn giải quyết"))
    }

    @Test func identicalInputsSayNoChangesInEveryFormat() throws {
        let folder = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["text", "md", "html"] {
            let run = try CLI.run(["diff", "old.json", "old.json", "--format", format], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout.contains("Không có thay đổi (1 thủ tục)."), "\(format)")
        }
    }

    /// A sentence moved in the notes shows as a move in every format, and the summary says only the order changed.
    @Test func movedSentenceInEveryFormat() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = "Công dân nộp hồ sơ tại Bộ phận Một cửa.", b = "Cán bộ kiểm tra tính đầy đủ của hồ sơ.",
            c = "Kết quả được trả qua dịch vụ bưu chính công ích."
        func procedure(_ notes: String) -> String {
            "{\"procedure\": {\"code\": \"1.004222\", \"name\": \"Đăng ký thường trú\", \"notes\": \(Self.quoted(notes))}}"
        }
        try Data(procedure("\(a) \(b) \(c)").utf8).write(to: folder.appendingPathComponent("old.json"))
        try Data(procedure("\(c) \(a) \(b)").utf8).write(to: folder.appendingPathComponent("new.json"))
        let text = try CLI.run(["diff", "old.json", "new.json"], in: folder)
        #expect(text.stdout.contains("Sửa ghi chú (chỉ đổi thứ tự câu)"), "\(text.stdout)")
        #expect(text.stdout.contains("{↷ chuyển đến: \(c)} \(a) \(b) [↷ chuyển đi: \(c)]"))
        let html = try CLI.run(["diff", "old.json", "new.json", "--format", "html"], in: folder).stdout
        #expect(html.contains("<ins class=\"moved\"><span class=\"tag\">↷ chuyển đến:</span> \(c)</ins>"))
        #expect(html.contains("<del class=\"moved\"><span class=\"tag\">↷ chuyển đi:</span> \(c)</del>"))
        let md = try CLI.run(["diff", "old.json", "new.json", "--format", "md"], in: folder).stdout
        #expect(md.contains("**↷ chuyển đến: \(c)**"))
        let json = try CLI.run(["diff", "old.json", "new.json", "--format", "json"], in: folder).stdout
        #expect(json.contains("\"moved-to\""))
    }

    // MARK: JSON Schema

    static let schema = CLI.repository.appendingPathComponent("docs/diff-report.schema.json")

    /// Every kind of diff's JSON output is valid against docs/diff-report.schema.json, checked by the
    /// independent jsonschema package (python3-jsonschema, installed by scripts/install-deps).
    @Test func jsonOutputsFollowTheSchema() throws {
        let folder = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decisions = CLI.repository.appendingPathComponent("catalogue/decisions").path
        let cases: [(String, [String])] = [
            ("procedures.json", ["old.json", "new.json"]),
            ("same.json", ["old.json", "old.json"]),
            ("decisions.json", ["\(decisions)/2025/2025-07-30-1466-QD-UBND.xml", "\(decisions)/2026/2026-01-20-156-QD-UBND.json"]),
            ("states.json", ["\(CLI.catalogue)@2025-12-31", "\(CLI.catalogue)@2026-06-01"]),
            ("backwards.json", ["\(CLI.catalogue)@2026-06-01", "\(CLI.catalogue)@2025-12-31"]),
            ("draft.json", ["\(CLI.catalogue)@2025-12-31", "\(decisions)/2026/2026-03-10-412-QD-UBND.json"]),
            ("moved.json", ["moved-old.json", "moved-new.json"]),
        ]
        let sentences = ["Công dân nộp hồ sơ tại Bộ phận Một cửa.", "Cán bộ kiểm tra tính đầy đủ của hồ sơ.", "Kết quả được trả qua bưu chính."]
        for (name, notes) in [("moved-old.json", sentences), ("moved-new.json", sentences.reversed())] {
            let text = "{\"procedure\": {\"code\": \"1.004222\", \"name\": \"Đăng ký thường trú\", \"notes\": \(Self.quoted(notes.joined(separator: " ")))}}"
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        var outputs: [URL] = []
        for (name, sides) in cases {
            let run = try CLI.run(["diff"] + sides + ["--format", "json", "-o", name], in: folder)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            outputs.append(folder.appendingPathComponent(name))
        }
        let decisionReport = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: outputs[2])) as? [String: Any])
        #expect((decisionReport["header"] as? [[String: Any]])?.isEmpty == false, "the header diff is in the schema's test")
        let results = try Self.validate(outputs)
        for url in outputs {
            let result = try #require(results[url.path], "no result for \(url.lastPathComponent)")
            #expect(result == nil, "\(url.lastPathComponent): \(result ?? "")")
        }
        // The schema is not vacuous: a misspelt status is refused.
        let bad = folder.appendingPathComponent("bad.json")
        let text = try String(contentsOf: outputs[0], encoding: .utf8).replacingOccurrences(of: "\"changed\"", with: "\"chnaged\"")
        try Data(text.utf8).write(to: bad)
        let refused = try Self.validate([bad])
        #expect(refused[bad.path] != nil && refused[bad.path]! != nil)
    }

    /// Runs the jsonschema package; per file, nil when valid or the first error.
    static func validate(_ files: [URL]) throws -> [String: String?] {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("MISSING-JSONSCHEMA"); sys.exit(3)
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            v = cls(schema)
            for path in sys.argv[2:]:
                errors = sorted(v.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(e.absolute_path))
                if errors:
                    print("INVALID\\t" + path + "\\t" + "/".join(map(str, errors[0].absolute_path)) + ": " + errors[0].message.replace("\\n", " "))
                else:
                    print("VALID\\t" + path)
            """
        // The python3 on PATH may lack the package that Debian installs for /usr/bin/python3: try both.
        for interpreter in ["python3", "/usr/bin/python3"] {
            let run = try CLI.launch(URL(fileURLWithPath: "/usr/bin/env"), [interpreter, "-c", script, schema.path] + files.map(\.path))
            if run.stdout.contains("MISSING-JSONSCHEMA") || run.status == 127 { continue }
            #expect(run.status == 0, "python3 failed: \(run.stderr)")
            var results: [String: String?] = [:]
            for line in run.stdout.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
                if parts.first == "VALID", parts.count == 2 { results[parts[1]] = .some(nil) }
                if parts.first == "INVALID", parts.count == 3 { results[parts[1]] = .some(parts[2]) }
            }
            return results
        }
        Issue.record("the Python package jsonschema is missing: `pip install jsonschema` or `apt-get install python3-jsonschema` (scripts/install-deps)")
        return [:]
    }
}
