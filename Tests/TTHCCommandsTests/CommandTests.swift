import Foundation
import TTHCCommands
import Testing

@Suite("tthc on the bundled sample catalogue", .serialized)
struct BundledCatalogueCommandTests {
    @Test func validateIsCleanAndSummarises() throws {
        let run = try CLI.run(["validate"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Dữ liệu mẫu"))
        #expect(run.stdout.contains("Thủ tục hành chính có hiệu lực ngày"))
        #expect(run.stdout.contains("0 lỗi"))
        #expect(!run.stderr.contains("error:"))
    }

    @Test func listAsJSONHoldsTheProceduresInForce() throws {
        let run = try CLI.run(["list", "--format", "json", "--at", "2026-12-31"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let procedures = try #require(json["procedures"] as? [[String: Any]])
        #expect(procedures.count >= 60)
        #expect(json["sample"] as? Bool == true)
        let codes = procedures.compactMap { $0["code"] as? String }
        #expect(codes == codes.sorted())
    }

    @Test func listFiltersByLevelAndFieldWithoutDiacritics() throws {
        let all = try CLI.run(["list", "--format", "csv", "--at", "2026-12-31"])
        let commune = try CLI.run(["list", "--format", "csv", "--at", "2026-12-31", "--level", "commune"])
        let civil = try CLI.run(["list", "--format", "csv", "--at", "2026-12-31", "--field", "ho tich"])
        #expect(all.status == 0 && commune.status == 0 && civil.status == 0)
        let rows = { (s: String) in s.split(separator: "\r\n").count - 1 }
        #expect(rows(commune.stdout) > 0 && rows(commune.stdout) < rows(all.stdout))
        #expect(rows(civil.stdout) > 0 && rows(civil.stdout) < rows(all.stdout))
        #expect(civil.stdout.contains("Hộ tịch"))
        #expect(all.stdout.hasPrefix("code,name,levels,fields,processing_time,decision,in_force_since\r\n"))
        // The last row's own CR LF ends the output: no line feed added after it ("\r\n" is one Character
        // in Swift, so a `hasSuffix("\n")` check once printed "\r\n\n").
        #expect(all.stdout.hasSuffix("\r\n"))
    }

    @Test func showPrintsEveryPartOfBirthRegistration() throws {
        let run = try CLI.run(["show", "1.001193", "--at", "2025-12-31"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Đăng ký khai sinh"))
        #expect(run.stdout.contains("THÀNH PHẦN, SỐ LƯỢNG HỒ SƠ"))
        #expect(run.stdout.contains("CĂN CỨ PHÁP LÝ"))
    }

    @Test(arguments: ["json", "xml"])
    func showWritesTheProcedureInAFileFormat(format: String) throws {
        let run = try CLI.run(["show", "1.001193", "--at", "2025-12-31", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(format == "json" ? "\"procedure\"" : "<procedure"))
    }

    @Test func showOfAnUnknownCodeFails() throws {
        let run = try CLI.run(["show", "9.999999"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no procedure 9.999999"))
    }

    @Test func historyListsVersionsWithTheirDecisions() throws {
        let run = try CLI.run(["history", "1.001193"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Phiên bản 1"))
        #expect(run.stdout.contains("Quyết định"))
        // Amended in the sample by 156/QĐ-UBND (dossier and legal basis), first announced by 1466/QĐ-UBND.
        let amended = try CLI.run(["history", "1.001776"])
        #expect(amended.status == 0)
        #expect(amended.stdout.contains("Phiên bản 2: Sửa đổi, bổ sung theo Quyết định 156/QĐ-UBND"))
        #expect(amended.stdout.contains("Thay đổi: Thành phần, số lượng hồ sơ; Căn cứ pháp lý"))
        #expect(amended.stdout.contains("  156/QĐ-UBND: Thành phần, số lượng hồ sơ; Căn cứ pháp lý"))
    }

    /// Every subcommand the root lists, so a new one cannot ship without an example.
    @Test func everyCommandHasHelpWithAnExample() throws {
        let commands = TTHC.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        #expect(commands.count >= 12)
        for command in commands {
            let run = try CLI.run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("tthc \(command) "), "\(command) --help has no example")
            #expect(!run.stdout.contains("DateArgument("), "\(command) --help prints a type, not a value")
        }
    }

    @Test func wrongUsageExitsWithTwo() throws {
        let run = try CLI.run(["list", "--format", "pdf"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("format"))
    }
}

@Suite("tthc on bad input", .serialized)
struct BadInputCommandTests {
    func catalogue(with files: [String: String]) throws -> URL {
        let root = try CLI.temporaryFolder()
        try Data(#"{"name": "Tỉnh Thử", "agencyCode": "H98", "sample": true}"#.utf8)
            .write(to: root.appendingPathComponent("province.json"))
        for (name, text) in files {
            let url = root.appendingPathComponent("decisions").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func aMissingFolderIsAClearError() throws {
        let run = try CLI.run(["validate", "--catalogue", "/nonexistent/tthc"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/tthc: error: no such folder"))
    }

    @Test func malformedXMLNamesFileLineAndColumn() throws {
        let root = try catalogue(with: ["2026/bad.xml": "<?xml version=\"1.0\"?>\n<decision xmlns=\"urn:tthc:1\">\n  <title>x</titel>\n</decision>\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["validate", "--catalogue", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.xml:3:"))
        #expect(run.stderr.contains("error:"))
    }

    @Test func aDoctypeIsRefused() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE decision [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <decision xmlns="urn:tthc:1"><title>&xxe;</title></decision>
            """
        let root = try catalogue(with: ["xxe.xml": xml])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["validate", "--catalogue", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("xxe.xml"))
        #expect(!run.stderr.contains("root:"))
        #expect(!run.stdout.contains("root:"))
    }

    @Test func jsonOfTheWrongShapeNamesItsPath() throws {
        let root = try catalogue(with: ["a.json": #"{"decision": {"number": 12}}"#])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["validate", "--catalogue", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("a.json:1:"))
    }

    @Test func aReplayErrorFailsValidation() throws {
        let json = """
            {"decision": {"number": "5/QĐ-UBND", "signedOn": "2026-01-05", "authority": "UBND TỈNH THỬ",
              "title": "Bãi bỏ", "items": [
                {"action": "abolished", "code": "1.999999", "basis": "Thông tư 1/2026/TT-BTP"}]}}
            """
        let root = try catalogue(with: ["a.json": json])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["validate", "--catalogue", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("a.json:3:5:"))
        #expect(run.stderr.contains("1.999999"))
        #expect(run.stderr.contains("not in force"))
    }

    @Test func convertNeverOverwritesWithoutForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try #require(FileManager.default.enumerator(atPath: CLI.catalogue + "/decisions")?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted().first)
        let input = CLI.catalogue + "/decisions/" + source
        let target = folder.appendingPathComponent("out.xml")
        try Data("keep me".utf8).write(to: target)
        let refused = try CLI.run(["convert", input, "--to", "xml", "-o", target.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        let forced = try CLI.run(["convert", input, "--to", "xml", "-o", target.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("<decision"))
        let back = try CLI.run(["convert", target.path, "--to", "json"])
        #expect(back.status == 0)
        #expect(back.stdout == (try String(contentsOfFile: input, encoding: .utf8)))
    }

    @Test func convertOfABadFileWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.json")
        try Data("{\"decision\": ".utf8).write(to: bad)
        let target = folder.appendingPathComponent("out.xml")
        let run = try CLI.run(["convert", bad.path, "--to", "xml", "-o", target.path])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.json"])
    }
}

@Suite("tthc generate", .serialized)
struct GenerateCommandTests {
    @Test func generatesADeterministicCatalogueThatValidates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        #expect(try CLI.run(["generate", "--procedures", "300", "--seed", "3", "-o", a.path]).status == 0)
        #expect(try CLI.run(["generate", "--procedures", "300", "--seed", "3", "--format", "xml", "-o", b.path]).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted()))
        for f in files where f.hasSuffix(".xml") || f.hasSuffix(".json") {
            let x = try Data(contentsOf: a.appendingPathComponent(f)), y = try Data(contentsOf: b.appendingPathComponent(f))
            #expect(x == y, "\(f) differs between two runs with the same seed")
        }
        let run = try CLI.run(["validate", "--catalogue", a.path, "--at", "2099-01-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let again = try CLI.run(["generate", "--procedures", "10", "-o", a.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
    }
}

@Suite("tthc build")
struct BuildCommandTests {
    @Test func buildsTheSampleSiteAndRebuildsWithoutForce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("public").path
        let first = try CLI.run(["build", "--at", "2026-11-01", "-o", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Dữ liệu mẫu"))
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/thu-tuc/1.001193.html"))
        // The sample province has a base URL, so procedure pages carry a QR code.
        let page = try String(contentsOfFile: out + "/thu-tuc/1.001193.html", encoding: .utf8)
        #expect(page.contains("<svg"))
        // The procedure links to its posting sheet, which is written beside it and names the
        // receiving agency as the posting body; the search index is written with the pages.
        #expect(page.contains("href=\"../niem-yet/1.001193.html\""))
        let sheet = try String(contentsOfFile: out + "/niem-yet/1.001193.html", encoding: .utf8)
        #expect(sheet.contains("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH"))
        #expect(sheet.contains("Đăng ký khai sinh"))
        #expect(sheet.contains("../assets/sheet.css"))
        #expect(FileManager.default.fileExists(atPath: out + "/assets/sheet.css"))
        #expect(FileManager.default.fileExists(atPath: out + "/assets/search.js"))
        let manifest = try String(contentsOfFile: out + "/tim-kiem/manifest.js", encoding: .utf8)
        #expect(manifest.hasPrefix("tthcSearch.add(\"manifest\"") && manifest.contains("\"documents\":94"))
        let second = try CLI.run(["build", "--at", "2026-11-01", "-o", out])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains(" 0 tệp được ghi"), "\(second.stdout)")
    }

    @Test func refusesAFolderItDidNotMakeWithoutForce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "x".write(to: dir.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["build", "-o", dir.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--force"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("keep.txt").path))
        let usage = try CLI.run(["build", "--base-url", "ftp://x"])
        #expect(usage.status == 2)
    }

    @Test func pagesAndSheetsPointTheirQRCodesAtTheBaseURLGiven() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("public").path
        let run = try CLI.run(["build", "--at", "2026-11-01", "-o", out, "--base-url", "https://thutuc.example.invalid/"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: out + "/thu-tuc/1.001193.html", encoding: .utf8)
        let sheet = try String(contentsOfFile: out + "/niem-yet/1.001193.html", encoding: .utf8)
        for html in [page, sheet] {
            #expect(html.contains("Mã QR") && html.contains(": https://thutuc.example.invalid/thu-tuc/1.001193.html</title>"))
        }
    }

    @Test func aFolderItMayNotReplaceIsReportedBeforeTheCatalogueIsRead() throws {
        // A catalogue that does not exist and an output folder tthc did not make: the folder is what
        // is reported (it is opened before the load, and its previous build read during it).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try "x".write(to: dir.appendingPathComponent("out/keep.txt"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["build", "--catalogue", dir.appendingPathComponent("none").path, "-o", dir.appendingPathComponent("out").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("was not made by tthc build") && run.stderr.contains("--force"), "\(run.stderr)")
        #expect(!run.stderr.contains("none"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/.out.tthc-lock"), "the lock stays")
    }

    @Test func missingTemplatesAreReportedBeforeTheCatalogueIsRead() throws {
        // From a folder with no site/ and a catalogue that does not exist: the templates are what is
        // reported, so a long catalogue load is not wasted first.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let run = try CLI.run(["build", "--catalogue", dir.appendingPathComponent("none").path, "-o", dir.appendingPathComponent("out").path], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no site templates found"), "\(run.stderr)")
    }
}
