@testable import Catalogue
import Foundation
import Testing

@Suite("Vietnamese text")
struct VietnameseTextTests {
    @Test func decomposedTextBecomesNFC() {
        let decomposed = "Đăng ký khai sinh".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Đăng ký khai sinh".unicodeScalars.count)
        #expect(VietnameseText.nfc(decomposed).unicodeScalars.elementsEqual("Đăng ký khai sinh".unicodeScalars))
    }

    @Test(arguments: [
        ("dang ky khai sinh", "Đăng ký khai sinh"),
        ("DANG KY KET HON", "Đăng  ký\tkết hôn"),
        ("thuy san", "Thủy sản"),
        ("hoa giai", "Hoà giải"),
        ("duong", "Đường"),
    ])
    func searchKeyFoldsTonesMarksAndD(typed: String, text: String) {
        #expect(VietnameseText.searchKey(typed) == VietnameseText.searchKey(text))
    }

    @Test(arguments: [
        ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoà giải ở cơ sở", "hòa giải ở  cơ sở"),
        ("quý", "qúy"), ("tuỳ", "tùy"),
    ])
    func oldAndNewTonePlacementCompareEqual(old: String, new: String) {
        #expect(VietnameseText.sameWords(old, new))
    }

    @Test(arguments: [("hòa", "hóa"), ("đăng", "dang"), ("ký", "kỳ"), ("thuế", "thuê")])
    func differentWordsStayDifferent(a: String, b: String) {
        #expect(!VietnameseText.sameWords(a, b))
    }

    @Test func cleanFoldsSpacingAndKeepsText() {
        #expect(VietnameseText.clean("  Tờ\u{00A0}khai \t đăng ký  ") == "Tờ khai đăng ký")
    }
}

@Suite("Values")
struct ValueTests {
    @Test(arguments: [("16.5", "16,5"), ("400000", "400.000"), ("1250000.75", "1.250.000,75"), ("0", "0"), ("7", "7")])
    func decimalsPrintTheVietnameseWay(file: String, shown: String) throws {
        let n = try #require(DecimalNumber(file))
        #expect(n.description == file)
        #expect(n.vietnamese == shown)
    }

    @Test(arguments: TimeUnit.allCases)
    func timeUnitsInLowerCaseAreTheirNamesLowerCased(unit: TimeUnit) {
        #expect(unit.lowercaseVietnamese == unit.vietnamese.lowercased())
    }

    @Test(arguments: ["", "1,5", "abc", "1.", ".5", "1e5", "--1"])
    func malformedDecimalsAreRefused(text: String) {
        #expect(DecimalNumber(text) == nil)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-1", "26-01-01", "2026/01/01", ""])
    func malformedDatesAreRefused(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func datesCompareAndStepBack() {
        #expect(date("2024-02-29").iso == "2024-02-29")
        #expect(date("2026-01-01").previousDay == date("2025-12-31"))
        #expect(date("2026-03-01").previousDay == date("2026-02-28"))
        #expect(date("2026-03-15").vietnamese == "15/03/2026")
        #expect(date("2025-12-31") < date("2026-01-01"))
    }

    @Test(arguments: [
        ("1.001193", "1.001193"), ("1.000494.000.00.00.H29", "1.000494"), ("1.013831.H19", "1.013831"),
        ("1.001193.01", "1.001193"), ("TTHC-MOI-01", "TTHC-MOI-01"), ("12.001193", "12.001193"),
    ])
    func codesFileUnderTheirNationalPart(raw: String, key: String) {
        #expect(ProcedureCode(raw).key == key)
    }

    @Test func timesAndFeesReadAsCitizensExpect() {
        #expect(ProcessingTime(value: 5, unit: .workingDays).vietnamese == "5 ngày làm việc")
        #expect(ProcessingTime(unit: .sameDay).vietnamese == "Trong ngày")
        #expect(ProcessingTime(text: "Không quá 03 tháng").vietnamese == "Không quá 03 tháng")
        #expect(Fee(amount: 20000).vietnamese == "20.000 đồng")
        #expect(Fee(amount: 0).vietnamese == "Miễn phí")
        #expect(Fee(text: "Theo quy định").vietnamese == "Theo quy định")
    }
}

@Suite("JSON coding of the model")
struct ModelCodingTests {
    @Test func emptyListsAndDefaultsAreLeftOutAndComeBack() throws {
        let p = Procedure(
            code: ProcedureCode("1.001193"), name: "Đăng ký khai sinh", levels: [.commune],
            dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Tờ khai"), DossierItem(name: "Giấy chứng sinh", originals: 0, copies: 1, required: false, presentation: .show)])]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(p), as: UTF8.self)
        #expect(!json.contains("fields"))
        #expect(!json.contains("\"type\""))
        #expect(json.contains(#"{"name":"Tờ khai"}"#))
        #expect(json.contains(#""copies":1"#) && json.contains(#""presentation":"show""#))
        let back = try JSONDecoder().decode(Procedure.self, from: Data(json.utf8))
        #expect(back == p)
    }

    @Test func everyPartReadsItsOwnContent() {
        let a = procedure("1.004222", "Đăng ký thường trú", days: 7, fee: 20000)
        var b = a
        b.channels[0].time = ProcessingTime(value: 5, unit: .workingDays)
        #expect(Part.changed(from: a, to: b) == [.processingTime])
        b.channels[0].fees = [Fee(amount: 10000)]
        b.dossier.sets = 2
        #expect(Part.changed(from: a, to: b) == [.processingTime, .fees, .dossier])
        #expect(Part.changed(from: a, to: a).isEmpty)
    }
}

@Suite("Site paths")
struct SitePathTests {
    @Test(arguments: [
        ("1.001193", "thu-tuc/1.001193.html"),
        ("1.001193.000.00.00.H29", "thu-tuc/1.001193.html"),
        ("H99.TP.01", "thu-tuc/h99.tp.01.html"),
        ("../../etc/passwd", "thu-tuc/etc-passwd.html"),
    ])
    func procedurePages(code: String, path: String) {
        #expect(SitePath.procedure(ProcedureCode(code)) == path)
    }

    @Test func decisionsAreSlugged() {
        #expect(SitePath.decision("412/QĐ-UBND") == "quyet-dinh/412-qd-ubnd.html")
        #expect(SitePath.decisionChanges("1630/QĐ-UBND") == "quyet-dinh/1630-qd-ubnd-thay-doi.html")
    }

    @Test func urlsJoinTheBase() {
        #expect(SitePath.url("thu-tuc/1.html", base: "https://a.vn/") == "https://a.vn/thu-tuc/1.html")
        #expect(SitePath.url("thu-tuc/1.html", base: "https://a.vn") == "https://a.vn/thu-tuc/1.html")
        #expect(SitePath.url("x", base: nil) == nil)
    }

    @Test func nothingEmptyOrHidden() {
        #expect(SitePath.fileName("...") == "_")
        #expect(SitePath.fileName("///") == "_")
    }

    /// The ASCII shortcut names a file exactly as the search-key path does.
    @Test(arguments: [
        "1.001193", "2.002157.000.00.00.H42", "412/QĐ-UBND", "412/QD-UBND", " .-Ab  C\t_d-- ", "...", "///", "",
        "-.-a.", "A B\nC\u{0}D", "x--y__z..", "UPPER lower 09", "\t lead", "trail \t",
    ])
    func asciiShortcutMatchesTheFold(text: String) {
        #expect(SitePath.fileName(text) == SitePath.foldedFileName(text))
        if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect(SitePath.asciiFileName(text) != nil) }
        else { #expect(SitePath.asciiFileName(text) == nil) }
    }
}

@Suite("Markup escaping")
struct MarkupTextTests {
    @Test(arguments: [
        ("Đăng ký khai sinh", "Đăng ký khai sinh"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("a & b \"c\"", "a &amp; b &quot;c&quot;"),
        ("", ""),
    ])
    func escapesTheFiveCharacters(text: String, escaped: String) {
        #expect(MarkupText.escape(text) == escaped)
    }
}
