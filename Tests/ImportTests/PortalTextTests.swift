import Catalogue
import Testing
@testable import Import

@Suite("Cleaning what portals send")
struct PortalTextTests {
    @Test(arguments: zip(
        ["- Tờ khai (Mẫu CT01);", "+  Giấy   tờ\u{00A0}khác,", "•Hộ chiếu", "<p>Đơn&nbsp;đề nghị</p>", "Cu\u{301}ng ca\u{301}p", "-5 ngày"],
        ["Tờ khai (Mẫu CT01)", "Giấy tờ khác", "Hộ chiếu", "Đơn đề nghị", "Cúng cáp", "-5 ngày"]))
    func names(raw: String, expected: String) {
        #expect(PortalText.name(raw) == expected)
    }

    @Test func htmlBecomesLines() {
        #expect(PortalText.prose("<p>Bước 1: Nộp</p><p>Bước 2: Nhận</p>") == "Bước 1: Nộp\nBước 2: Nhận")
        #expect(PortalText.prose("a<br/>b &amp; c &lt;5&gt; &#7871;") == "a\nb & c <5> ế")
        #expect(PortalText.prose("<ul><li>một</li><li>hai</li></ul>") == "- một\n- hai")
        // Not tags: comparisons and stray ampersands stay.
        #expect(PortalText.line("x < 5 và y > 3 & z") == "x < 5 và y > 3 & z")
    }

    @Test(arguments: zip(
        ["10.000 đồng", "1.500.000đ", "10,5 USD", "Miễn phí", "20.000 đồng/lần", "400000", "Theo quy định tại Thông tư 85/2019/TT-BTC", "5 ngày"],
        [AmountText.Amount(value: 10000), AmountText.Amount(value: 1_500_000), AmountText.Amount(value: DecimalNumber("10.5")!, currency: "USD"),
         AmountText.Amount(value: 0), AmountText.Amount(value: 20000), AmountText.Amount(value: 400_000), nil, nil]))
    func amounts(text: String, expected: AmountText.Amount?) {
        #expect(AmountText.parse(text) == expected)
    }

    @Test(arguments: zip(
        ["* Giấy tờ phải nộp:", "* Giấy tờ phải xuất trình:", "*Lưu ý: ", "Bao gồm", "", "- Trường hợp A, hồ sơ gồm:"],
        [DossierHeading.submit, .show, .notes, .dossierCase(nil), .dossierCase(nil), .dossierCase("Trường hợp A, hồ sơ gồm")]))
    func headings(raw: String, expected: DossierHeading) {
        #expect(DossierHeading(raw) == expected)
    }

    @Test func stepsSplitAtNumberedMarkersInOrder() {
        let steps = StepSplitter.split("- Bước 1: Chuẩn bị hồ sơ.\n- Bước 2: Nộp hồ sơ theo Bước 1 nêu trên. Bước 3: Nhận kết quả\n+ tại bộ phận một cửa.")
        #expect(steps.map(\.title) == ["Bước 1", "Bước 2", "Bước 3: Nhận kết quả"])
        #expect(steps[1].text == "Nộp hồ sơ theo Bước 1 nêu trên.")
        #expect(steps[2].text == "+ tại bộ phận một cửa.")
    }

    /// Markers are found on the UTF-8 bytes: any case of "Bước", multi-byte bullets before them
    /// (•, –, ·), an en dash after the number, and a marker at the very end of the text.
    @Test func stepMarkersInAnyCaseAfterAnyBullet() {
        let steps = StepSplitter.split("• BƯỚC 1 – Chuẩn bị\n– bước 2. Nộp; · BưỚc 3) Nhận\n· Bước 4")
        // "Bước 4" at the very end has nothing after its number: not a marker, it stays in step 3.
        #expect(steps.map(\.title) == ["Bước 1", "Bước 2", "Bước 3: Nhận"])
        #expect(steps.map(\.text) == ["Chuẩn bị", "Nộp;", "· Bước 4"])
        // "ặ" ends in B7, as "·" does: it is not a bullet, so the marker after it does not count.
        #expect(StepSplitter.split("Cặ Bước 1: x").count == 1)
        #expect(StepSplitter.split("Cặ Bước 1: x")[0].title == nil)
    }

    @Test func stepsWithoutMarkers() {
        #expect(StepSplitter.split("- Nộp hồ sơ.\n+ kèm bản sao.\n- Nhận kết quả.").map(\.text) == ["Nộp hồ sơ.\n+ kèm bản sao.", "Nhận kết quả."])
        #expect(StepSplitter.split("Một đoạn văn duy nhất.\nDòng hai.").map(\.text) == ["Một đoạn văn duy nhất.\nDòng hai."])
        #expect(StepSplitter.split("  \n ").isEmpty)
        // A marker out of sequence does not split.
        #expect(StepSplitter.split("Bước 2: làm gì đó").count == 1)
        #expect(StepSplitter.split("Bước 2: làm gì đó")[0].title == nil)
    }

    @Test(arguments: zip(
        ["Nghị định 118/2025/NĐ-CP ", "Thông tư số 70/2026/TT-BCA", "nghị định 146/2025", "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ", "Luật Cư trú"],
        ["118/2025/NĐ-CP", "70/2026/TT-BCA", "146/2025", "66.7/2025/NQ-CP", nil]))
    func legalNumbers(citation: String, expected: String?) {
        #expect(PortalMapping.documentNumber(citation) == expected)
    }

    /// Citations in plain Vietnamese are read on their bytes; the answer must be the one the
    /// Character-by-Character reading gives, for every shape of number, and text with a combining
    /// mark or a line break takes the Character reading itself.
    @Test(arguments: [
        "Luật số 68/2020/QH14.", "Số 12/20201/NĐ", "12/2020/", "12/2020//x", ".5/2020/TT", "5./2020/TT",
        "Quyết định 1.5/2026/QĐ-UBND; Thông tư 2/2025", "(70/2026/TT-BCA)", "Nghi\u{0323} đi\u{0323}nh 1/2020/NĐ-CP",
        "a /2020/x", "Nghị định:118/2025/NĐ-CP,", "2020/abcd/x 7/2021/y", "số\r\n9/2024/TT", "—3/2024/TT–BCA…", "",
    ])
    func legalNumbersOnBytesAsOnCharacters(citation: String) {
        #expect(PortalMapping.documentNumber(citation) == PortalMapping.documentNumber(characters: citation))
    }

    @Test func formsInNames() {
        #expect(PortalMapping.form(in: "Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)")! == ("Mẫu CT01", "CT01"))
        #expect(PortalMapping.form(in: "Đơn (Mẫu số 02 ban hành kèm theo Nghị định 40/2024)")! == ("Mẫu số 02", "02"))
        #expect(PortalMapping.form(in: "Bản sao mẫu con dấu") == nil)
    }

    /// The form found on a name's bytes: case, "số", trailing punctuation, words that are not codes.
    @Test(arguments: zip(
        ["MẪU SỐ 05. kèm theo", "Tờ khai (mẪu CT01:)", "mẫu mẫu TK-02/a", "theo mẫu số", "Mẫu so 7.", "Mẫu ABC", "Mẫu .12",
         "Mẫu CT01\u{301}", "(Mẫu;X9)", "Đơn theo Mẫu số 01/ĐK", "Mẫu SỐ 3", "mẫu"],
        ["Mẫu số 05", "Mẫu CT01", "Mẫu TK-02/a", nil, "Mẫu số 7", nil, nil, nil, "Mẫu X9", nil, "Mẫu số 3", nil] as [String?]))
    func formsOnBytes(name: String, label: String?) {
        #expect(PortalMapping.form(in: name)?.label == label)
    }

    /// A marker's first line is the step's title when short and not ending a sentence.
    @Test func stepTitles() {
        let steps = StepSplitter.split("Bước 1: Nộp hồ sơ\n* Tờ khai.\nBước 2: Hồ sơ gồm:\n- Tờ khai\nBước 3: Nhận kết quả\nBước 4: "
            + String(repeating: "dài ", count: 30) + "\nthêm\nBước 5: Xong")
        #expect(steps.map(\.title) == ["Bước 1: Nộp hồ sơ", "Bước 2", "Bước 3", "Bước 4", "Bước 5"])
        #expect(steps.map(\.text) == ["* Tờ khai.", "Hồ sơ gồm:\n- Tờ khai", "Nhận kết quả", String(repeating: "dài ", count: 30).dropLast() + "\nthêm", "Xong"])
    }

    @Test func portalDatesAreVietnamDates() {
        // 2021-07-05T17:00Z is 6 July in Vietnam.
        #expect(PortalMapping.vietnamDate(1_625_504_400_000) == LocalDate(year: 2021, month: 7, day: 6))
        #expect(PortalMapping.vietnamDate(0) == LocalDate(year: 1970, month: 1, day: 1))
    }
}
