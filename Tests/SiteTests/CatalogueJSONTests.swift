import Catalogue
import Formats
import Foundation
@testable import Site
import Synthetic
import Testing

/// `catalogue.json` is written straight from its rows; it must be exactly what the generic
/// encoder (`JSONFormat.pretty`) writes for the same document.
@Suite("catalogue.json written directly")
struct CatalogueJSONTests {
    static func generic(_ data: SiteData) -> String {
        JSONFormat.pretty(OpenData.Document(
            province: data.province.name, date: data.date.iso, sample: data.province.sample,
            count: data.state.count, procedures: OpenData.rows(data)))
    }

    @Test func sameAsTheGenericEncoderOnTheSample() throws {
        let (catalogue, province) = try Fixture.sample()
        for date in ["2026-01-01", "2026-12-31", "2020-01-01"] {
            let data = SiteData(catalogue: catalogue, province: province, date: LocalDate(iso: date)!)
            #expect(OpenData.catalogueJSON(data) == Self.generic(data), "\(date)")
        }
    }

    @Test func sameAsTheGenericEncoderOnASyntheticCatalogue() throws {
        let generated = try #require(SyntheticCatalogue.generate(.init(procedures: 300, seed: 3)).first)
        let replay = Replay.run(generated.decisions.map {
            SourcedDecision(decision: $0, location: SourceLocation(file: $0.number, line: 1, column: 1))
        })
        let data = SiteData(catalogue: replay.catalogue, province: generated.province, date: LocalDate(iso: "2099-01-01")!)
        #expect(data.state.count > 200)
        #expect(OpenData.catalogueJSON(data) == Self.generic(data))
    }

    /// Text that needs escaping, procedures without levels, fields, agencies or online service,
    /// and a catalogue with nothing in force.
    @Test func sameAsTheGenericEncoderOnAwkwardText() throws {
        var odd = Tiny.procedure("1.000009", "Tên có \"ngoặc kép\", \\ gạch\nxuống dòng\tvà \u{1}", days: 2, fee: 0)
        odd.levels = []
        odd.fields = []
        odd.agencies = []
        odd.online = nil
        let catalogue = Tiny.catalogue([Tiny.decision("3/QĐ-UBND", "2026-01-05", [
            DecisionItem(action: .new, procedure: odd),
            DecisionItem(action: .new, procedure: Tiny.procedure("1.000010", "Thủ tục </script> & <b>", days: 1, fee: 5)),
        ])])
        let province = Province(name: "Tỉnh \"Thử\"", agencyCode: "H98", sample: false)
        for date in ["2026-06-01", "2025-01-01"] {
            let data = SiteData(catalogue: catalogue, province: province, date: LocalDate(iso: date)!)
            let json = OpenData.catalogueJSON(data)
            #expect(json == Self.generic(data), "\(date)")
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(date): not JSON")
        }
    }

    /// CSV quoting looks at bytes first; it must quote exactly the fields that hold a comma, a
    /// quote or any line break as characters.
    @Test(arguments: [
        "Đăng ký khai sinh", "a,b", "\"x\"", "dòng\nmới", "a\r\nb", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b",
        "a\u{2029}b", "a – b … «c»", ",\u{301}", "", "ạ ế ữ đ", "\u{2027}", "\u{C2A0}",
        "Hộ tịch, chứng thực", ",", "\"", "\n", "\r\n", "a,\u{301}b", "ạ,ế", "\u{301},", "ạ\"", "x\r", "đ\u{0B}đ", "\u{0300}\"x",
    ])
    func csvQuotesExactlyTheFieldsThatNeedIt(field: String) {
        #expect(OpenData.needsQuotes(field) == field.contains { $0 == "," || $0 == "\"" || $0.isNewline })
    }
}
