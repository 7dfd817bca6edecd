import Catalogue
import Formats
import Testing

/// JSON text is stored the way the XML reader stores it, so a decision reads the same in either
/// format and converts JSON → XML → JSON without a change.
@Suite("Cleaning of JSON text")
struct JSONTextCleaningTests {
    static let messy = #"""
        {"procedure": {
          "name": "  Đăng ký\u00A0 khai\tsinh\n cho trẻ ",
          "steps": [{"steps": [{"title": "Bước 1", "text": "  Nộp hồ sơ.  \n\n\n   Nhận phiếu hẹn.\t"}]}],
          "dossier": {"cases": [{"items": [{"name": "Tờ   khai", "note": "Mẫu  kèm theo"}]}]}
        }}
        """#

    func procedure(_ text: String, format: FileFormat) throws -> Procedure {
        let bytes = Array(text.utf8)
        let document = try format == .json ? JSONFormat.read(bytes, file: "t.json") : XMLFormat.read(bytes, file: "t.xml")
        guard case .procedure(let p, _) = document else { throw FormatError(.error("not a procedure")) }
        return p
    }

    @Test func oneLineTextFoldsAllWhiteSpaceAndProseKeepsItsLines() throws {
        let p = try procedure(Self.messy, format: .json)
        #expect(p.name == "Đăng ký khai sinh cho trẻ")
        #expect(p.steps[0].steps[0].text == "Nộp hồ sơ.\n\nNhận phiếu hẹn.")
        #expect(p.dossier.cases[0].items[0].name == "Tờ khai")
        #expect(p.dossier.cases[0].items[0].note == "Mẫu kèm theo")
    }

    @Test func messyJSONConvertsThroughXMLAndBackUnchanged() throws {
        let p = try procedure(Self.messy, format: .json)
        let viaXML = try procedure(XMLFormat.write(p), format: .xml)
        #expect(viaXML == p)
        let back = try procedure(JSONFormat.write(viaXML), format: .json)
        #expect(back == p)
        #expect(JSONFormat.write(back) == JSONFormat.write(p))
    }

    @Test func cleanTextIsLeftAsItIs() throws {
        let text = #"{"procedure": {"name": "Đăng ký kết hôn", "notes": "Dòng một.\nDòng hai."}}"#
        let p = try procedure(text, format: .json)
        #expect(p.name == "Đăng ký kết hôn")
        #expect(p.notes == "Dòng một.\nDòng hai.")
    }
}
