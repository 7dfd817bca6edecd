import Foundation
import Testing

/// `tthc sheets` as a user runs it on the bundled sample catalogue.
@Suite("tthc sheets", .serialized)
struct SheetsCommandTests {
    static let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func text(_ pdf: URL) throws -> String {
        try CLI.launch(URL(fileURLWithPath: Self.pdftotext!), [pdf.path, "-"]).stdout
    }

    @Test(.enabled(if: pdftotext != nil))
    func sinceADecisionWritesANoticeAndTheReplacingSheetsPerCommune() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("cap-nhat")
        let run = try CLI.run(["sheets", "--since", "1630/QĐ-UBND", "--commune", "99001", "--commune", "99005", "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("99001 Phường Mẫu Thành: 0 tờ mới, 4 tờ thay, 0 tờ gỡ bỏ"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == [
            "99001-phuong-mau-thanh-thong-bao.pdf", "99001-phuong-mau-thanh-to-moi.pdf",
            "99005-xa-dong-tam-thong-bao.pdf", "99005-xa-dong-tam-to-moi.pdf",
        ])
        let notice = try text(out.appendingPathComponent(files[0]))
        #expect(notice.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count == 1, "one page")
        #expect(notice.contains("THÔNG BÁO CẬP NHẬT BẢNG NIÊM YẾT"))
        #expect(notice.contains("Thay tờ niêm yết (4 tờ)"))
        let sheets = try text(out.appendingPathComponent(files[1]))
        let codes = sheets.split(separator: "\n").compactMap { line in
            line.hasPrefix("Mã thủ tục: ") ? String(line.dropFirst("Mã thủ tục: ".count)) : nil
        }
        #expect(Set(codes) == ["1.003956", "1.004498", "1.004656", "1.004680"])
        #expect(codes.count == 4)
    }

    @Test func htmlSheetsAreLaidOutLikeTheSite() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site")
        let run = try CLI.run(["sheets", "1.001193", "1.004222", "--at", "2026-06-01", "--format", "html", "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for path in ["niem-yet/1.001193.html", "niem-yet/1.004222.html", "assets/sheet.css"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
        let page = try String(contentsOf: out.appendingPathComponent("niem-yet/1.001193.html"), encoding: .utf8)
        #expect(page.contains("href=\"../assets/sheet.css\""))
        #expect(page.contains("Đăng ký khai sinh"))
        let css = try String(contentsOf: out.appendingPathComponent("assets/sheet.css"), encoding: .utf8)
        #expect(css.contains("size: A4"))
    }

    @Test func anExistingFolderIsNotOverwrittenWithoutForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("keep.txt"))
        let run = try CLI.run(["sheets", "1.001193", "--at", "2026-06-01", "-o", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.txt"])
    }

    @Test func unknownDecisionOrCommuneIsAClearError() throws {
        let bad = try CLI.run(["sheets", "--since", "9999/QĐ-UBND", "-o", "/tmp/unused-tthc-sheets"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("9999/QĐ-UBND"))
        let commune = try CLI.run(["sheets", "--commune", "12345", "-o", "/tmp/unused-tthc-sheets"])
        #expect(commune.status == 1)
        #expect(commune.stderr.contains("no commune 12345"))
    }
}
