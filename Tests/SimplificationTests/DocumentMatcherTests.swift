import Catalogue
import Simplification
import Testing

@Suite("Document matching by meaning")
struct DocumentMatcherTests {
    let matcher = Support.matcher

    @Test(arguments: [
        ("Bản sao CMND", "identity"),
        ("Bản sao CCCD của người đề nghị", "identity"),
        ("Chứng minh nhân dân", "identity"),
        ("Bản sao GCN QSDĐ", "land-certificate"),
        ("giay chung nhan quyen su dung dat", "land-certificate"),
        ("Bản sao có chứng thực Giấy khai sinh", "birth"),
        ("ban sao giay khai sinh", "birth"),
        // Decomposed input (as other systems send it) reads the same as composed.
        ("Gia\u{0301}y kha\u{0301}m su\u{031B}\u{0301}c kho\u{0309}e", "health-check"),
        ("Phiếu lý lịch tư pháp số 1", "criminal-record"),
        ("Bản sao Sổ hộ khẩu", "household-book"),
        ("Sổ tạm trú", "household-book"),
        ("Giấy phép lái xe", "driving-licence"),
        ("Bản sao Giấy chứng nhận đăng ký hộ kinh doanh", "business-registration"),
        ("Giấy đăng ký xe", "vehicle-registration"),
        ("Thẻ bảo hiểm y tế", "health-insurance"),
        ("Văn bản xác nhận tình trạng hôn nhân", "marital-status"),
    ])
    func recognises(_ name: String, _ id: String) {
        #expect(matcher.read(name).concept?.id == id, "\(name)")
    }

    @Test(arguments: [
        // The applicant's own forms name other documents but are not them.
        "Tờ khai đăng ký khai sinh",
        "Biểu mẫu điện tử liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế, cấp thẻ căn cước",
        "Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
        // Papers no database holds.
        "Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp",
        "Bản sao Giấy chứng nhận đủ điều kiện về an ninh, trật tự",
        "Bản sao giấy chứng nhận đăng ký cơ sở nuôi",
        "Bản sao Giấy xác nhận khuyết tật",
    ])
    func doesNotRecognise(_ name: String) {
        #expect(matcher.read(name).concept == nil, "\(name) read as \(matcher.read(name).concept?.id ?? "")")
    }

    @Test func separatesHowAPaperIsGivenFromThePaper() {
        let reading = matcher.read("Bản sao có chứng thực Giấy khai sinh")
        #expect(reading.isCertifiedCopy)
        #expect(reading.core == ["giay", "khai", "sinh"])
        #expect(matcher.read("Bản sao Giấy khai sinh").identity == reading.identity)
        #expect(!matcher.read("Bản sao Giấy khai sinh").isCertifiedCopy)
        // A certified translation or the copy to be certified is not a certified copy demanded.
        #expect(!matcher.read("Bản sao văn bằng kèm bản dịch tiếng Việt có chứng thực").isCertifiedCopy)
        #expect(!matcher.read("Bản sao cần chứng thực").isCertifiedCopy)
    }

    @Test func readsWhoseDocumentItIs() {
        #expect(matcher.read("Giấy khám sức khỏe của người nhận con nuôi").owner == "nguoi nhan con nuoi")
        #expect(matcher.read("Giấy khám sức khỏe của trẻ em do cơ quan y tế cấp huyện trở lên cấp").owner == "tre em")
        #expect(matcher.read("Giấy khám sức khỏe do cơ quan y tế cấp").owner == nil)
    }

    @Test func usersExtendTheListsWithoutRebuilding() throws {
        let extra = try SettingsFile.parse("""
            [abbreviations]
            gks = giấy khai sinh
            [document fishing-licence]
            name = Giấy phép khai thác thủy sản
            phrase = giấy phép khai thác thủy sản
            database = Cơ sở dữ liệu thủy sản quốc gia
            ministry = Bộ Nông nghiệp và Môi trường
            """, file: "them.ini")
        let vocabulary = try DocumentVocabulary.load([try Support.settings("documents.ini"), extra])
        let extended = DocumentMatcher(vocabulary)
        #expect(extended.read("Bản sao GKS").concept?.id == "birth")
        #expect(extended.read("Giấy phép khai thác thủy sản").concept?.database == "Cơ sở dữ liệu thủy sản quốc gia")
        #expect(matcher.read("Giấy phép khai thác thủy sản").concept == nil)
    }

    @Test(arguments: [
        ("[document x]\nname = X\n", "f.ini:1:1: error: [document x] has no 'phrase = …' line"),
        ("[abbreviations]\ncmnd\n", "f.ini:2:1: error: expected 'key = value'"),
        ("phrase = a\n", "f.ini:1:1: error: 'phrase' comes before any [section]"),
        ("[document x\n", "f.ini:1:1: error: a section heading must be one line"),
        ("[qualifiers]\n  phrase =\n", "f.ini:2:11: error: 'phrase' has no value"),
        ("[document x]\nphrase = a\nrule = nope\n", "f.ini:3:1: error: unknown rule 'nope'"),
        ("[document x]\nphrase = a\ncolour = red\n", "f.ini:3:1: error: unknown key 'colour'"),
        ("[synonyms]\n", "f.ini:1:1: error: unknown section [synonyms]"),
    ])
    func malformedFilesSayWhere(_ text: String, _ expected: String) {
        do {
            let file = try SettingsFile.parse(text, file: "f.ini")
            _ = try DocumentVocabulary.load([file])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}
