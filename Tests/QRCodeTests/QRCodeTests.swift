import Foundation
@testable import QRCode
import Testing

@Suite("QR codes")
struct QRCodeTests {
    @Test func aShortURLFitsASmallSymbol() throws {
        let code = try QRCode("https://thutuc.mau.gov.vn/thu-tuc/1.001193.html")
        #expect(code.size >= 21 && code.size <= 45)
        #expect((code.size - 17) % 4 == 0, "QR sides are 17 + 4 × version")
        #expect(code.modules.count == code.size * code.size)
        // The three finder patterns: dark 7×7 corners with a light ring inside.
        for (r, c) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            #expect(code.isDark(row: r, column: c) && code.isDark(row: r + 6, column: c + 6))
            #expect(!code.isDark(row: r + 1, column: c + 1))
            #expect(code.isDark(row: r + 3, column: c + 3))
        }
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: QRCode.EncodingError.self) { try QRCode("") }
    }

    @Test func tooLongTextIsRefusedWithTheLength() {
        let error = #expect(throws: QRCode.EncodingError.self) { try QRCode(String(repeating: "x", count: 5000)) }
        #expect(error?.description.contains("5000") == true)
    }

    @Test func svgIsStandaloneAndLabelled() throws {
        let svg = try QRCode("https://a.vn/x").svg(label: "Mã QR <trang>")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>Mã QR &lt;trang&gt;</title>"))
        #expect(!svg.contains("<trang>"))
    }

    /// Draws the symbol as a PGM and reads it back with zbarimg (Debian's zbar-tools).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg")))
    func decodesBackToTheText() throws {
        let text = "https://thutuc.mau.gov.vn/thu-tuc/1.001193.html"
        let code = try QRCode(text)
        let scale = 4, quiet = 4, side = (code.size + 2 * quiet) * scale
        var pgm = Data("P5\n\(side) \(side)\n255\n".utf8)
        for y in 0..<side {
            for x in 0..<side {
                let r = y / scale - quiet, c = x / scale - quiet
                let dark = r >= 0 && c >= 0 && r < code.size && c < code.size && code.isDark(row: r, column: c)
                pgm.append(dark ? 0 : 255)
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-qr-\(UUID()).pgm")
        try pgm.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == text)
    }
}

@Suite("QR codes made once", .serialized)
struct QRCodeReuseTests {
    /// A site build draws a procedure's URL on its page and again on its sheet: the second is the
    /// first, encoded and drawn once.
    @Test func theSameTextIsEncodedOnce() throws {
        let text = "https://thutuc.mau.gov.vn/thu-tuc/1.001193.html?reuse"
        let first = try QRCode(text)
        #expect(QRCode.recent.find(text, .medium) == first)
        #expect(QRCode.recent.find(text, .high) == nil)
        let again = try QRCode(text)
        #expect(again == first)
        #expect(again.svg(label: "a") == first.svg(label: "a"))
        #expect(again.svg(label: "Mã QR: x").contains("<title>Mã QR: x</title>"))
        let other = try QRCode(text + "x")
        #expect(other != first)
        #expect(other.svg() != first.svg())
        #expect(try QRCode(text, correction: .high) != first, "another correction level is another symbol")
    }

    /// The kept codes stay few whatever a build draws.
    @Test func onlyAFewAreKept() throws {
        for i in 0..<(QRCode.Recent.capacity + 4) { _ = try QRCode("https://a.vn/thu-tuc/\(i).html?few") }
        #expect(QRCode.recent.find("https://a.vn/thu-tuc/0.html?few", .medium) == nil)
        #expect(QRCode.recent.find("https://a.vn/thu-tuc/\(QRCode.Recent.capacity + 3).html?few", .medium) != nil)
    }

    /// The path written as bytes is the path written with string interpolation (its first form),
    /// run for run, for symbols of several sizes and quiet zones.
    @Test(arguments: ["https://example.invalid/thu-tuc/1.001193.html", "x", String(repeating: "dang-ky-khai-sinh/", count: 20)], [0, 4, 12])
    func pathIsTheRunsOfDarkModules(text: String, quietZone: Int) throws {
        let code = try QRCode(text)
        var expected = ""
        for row in 0..<code.size {
            var column = 0
            while column < code.size {
                guard code.isDark(row: row, column: column) else { column += 1; continue }
                var run = 1
                while column + run < code.size, code.isDark(row: row, column: column + run) { run += 1 }
                expected += "M\(column + quietZone) \(row + quietZone)h\(run)v1h-\(run)z"
                column += run
            }
        }
        #expect(expected.count > 100)
        #expect(code.path(quietZone: quietZone) == expected)
    }
}
