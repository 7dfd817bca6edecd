import Catalogue
import Foundation
import Testing
@testable import Formats

/// Every way a file can fail to read gives `file:line[:column]: error: …` diagnostics a user can act on.
@Suite struct XMLReadErrorsTests {
    @Test func malformedXMLGivesLineAndColumn() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <decision xmlns="urn:tthc:1" number="1/QĐ-UBND" signedOn="2026-01-05">
              <authority>UBND</authority>
              <title>Tiêu đề</titel>
            </decision>
            """
        let errors = XMLSamples.failures(xml, file: "bad.xml")
        let first = try #require(errors.first)
        #expect(first.severity == .error)
        #expect(first.location?.file == "bad.xml")
        #expect(first.location?.line == 4)
        #expect((first.location?.column ?? 0) > 0)
        #expect(first.message.contains("not well-formed"))
        #expect(first.message.contains("title"))
        #expect(first.description.hasPrefix("bad.xml:4:"))
    }

    /// A syntax error is the only thing reported, even when the schema has already objected to
    /// something earlier in the file: the rest may be its echo.
    @Test func syntaxErrorAloneIsReported() throws {
        let errors = XMLSamples.failures("""
            <decision xmlns="urn:tthc:1">
              <a>
            </decision>
            """, file: "broken.xml")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location?.line == 3)
        #expect(error.message.contains("not well-formed"))
        #expect(error.message.contains("end tag"))
    }

    @Test func unescapedAmpersandIsMalformed() throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="abolished" code="1.000001"><name>Sở Tư pháp & UBND</name></item>
            """))
        let first = try #require(errors.first)
        #expect(first.location?.line == 6)
        #expect(first.message.contains("&amp;"))
    }

    @Test func wrongEnumValueNamesTheLine() throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="abolished" code="1.000001"/>
                <item action="bãi bỏ" code="1.000002"/>
            """), file: "enum.xml")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: "enum.xml", line: 7, column: 5))
        #expect(error.message.contains("'bãi bỏ'"))
        #expect(error.message.contains("'abolished'"))
        #expect(!error.message.contains("{urn:tthc:1}"))
        #expect(error.description.hasPrefix("enum.xml:7:5: error: "))
    }

    /// libxml2 finds a missing child at the end tag; the error still points at the element's start tag.
    @Test func missingRequiredNameNamesTheLine() throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="new">
                  <procedure code="1.000003">
                    <levels><level>commune</level></levels>
                  </procedure>
                </item>
            """))
        let error = try #require(errors.first)
        #expect(error.location?.line == 7)
        #expect(error.message.contains("procedure"))
        #expect(error.message.contains("name"))
    }

    @Test func blankRequiredTextIsRefused() throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="new"><procedure><name>  \n  </name></procedure></item>
            """))
        let error = try #require(errors.first)
        #expect(error.location?.line == 6)
        #expect(error.message.contains("empty"))
    }

    @Test(arguments: ["2026-02-30", "2026-3-5", "15/03/2026", "2026-03-15Z", ""])
    func badDateNamesTheLine(date: String) throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="abolished" code="1.000001" effectiveOn="\(date)"/>
            """))
        let error = try #require(errors.first)
        #expect(error.location?.line == 6)
        #expect(error.message.contains("effectiveOn"))
        #expect(error.message.contains("YYYY-MM-DD"))
    }

    @Test(arguments: ["1,5", "-2", ".5", "abc", "1e3"])
    func badDecimalIsRefused(value: String) throws {
        let errors = XMLSamples.failures("""
            <procedure xmlns="urn:tthc:1">
              <name>Thủ tục</name>
              <channels><channel method="online"><time value="\(value)" unit="days"/></channel></channels>
            </procedure>
            """)
        let error = try #require(errors.first)
        #expect(error.location?.line == 3)
        #expect(error.message.contains("16.5"))
    }

    @Test func everySchemaErrorIsReportedNotJustTheFirst() throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="neu" code="1.000001"/>
                <item action="abolished" code="1.000002" level="huyen"/>
                <item action="abolished" code="1 000 003"/>
                <item action="new"><procedure><name>Thủ tục</name><dossier sets="-1"/></procedure></item>
            """))
        #expect(errors.map { $0.location?.line } == [6, 7, 8, 9])
        #expect(errors.allSatisfy { $0.severity == .error })
    }

    @Test func unknownElementIsRefused() throws {
        let errors = XMLSamples.failures(XMLSamples.decisionXML(items: """
                <item action="abolished" code="1.000001"><ten>Thủ tục</ten></item>
            """))
        let error = try #require(errors.first)
        #expect(error.location?.line == 6)
        #expect(error.message.contains("ten"))
    }

    @Test func emptyFileIsRefused() throws {
        for content in ["", "  \n\t\n"] {
            let errors = XMLSamples.failures(content, file: "empty.xml")
            let error = try #require(errors.first)
            #expect(errors.count == 1)
            #expect(error.location == SourceLocation(file: "empty.xml", line: 1, column: 1))
            #expect(error.message.contains("empty"))
        }
    }

    @Test func wrongRootElementIsRefused() throws {
        let errors = XMLSamples.failures("""
            <?xml version="1.0"?>
            <quyetDinh xmlns="urn:tthc:1" number="1"/>
            """, file: "root.xml")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.location == SourceLocation(file: "root.xml", line: 2, column: 1))
        #expect(error.message.contains("<quyetDinh>"))
        #expect(error.message.contains("<decision>"))
    }

    @Test func rootWithoutNamespaceIsRefusedWithTheFix() throws {
        let errors = XMLSamples.failures("""
            <decision number="1/QĐ-UBND" signedOn="2026-01-05"><authority>A</authority><title>T</title></decision>
            """)
        let error = try #require(errors.first)
        #expect(error.location?.line == 1)
        #expect(error.message.contains("xmlns=\"urn:tthc:1\""))
    }

    @Test func utf16IsRefused() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><procedure xmlns=\"urn:tthc:1\"><name>Đăng ký</name></procedure>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = try #require(XMLSamples.failures(bytes, file: "u16.xml").first)
        #expect(error.message.contains("UTF-16"))
        #expect(error.message.contains("UTF-8"))
        // Without a byte-order mark too.
        let noBOM = Array(bytes.dropFirst(2))
        let error2 = try #require(XMLSamples.failures(noBOM, file: "u16.xml").first)
        #expect(error2.message.contains("UTF-8"))
    }

    @Test func fiftyMegabyteFileIsRefusedBeforeParsing() throws {
        let item = "    <item action=\"abolished\" code=\"1.000001\"><name>Thủ tục hành chính bị bãi bỏ</name></item>\n"
        var xml = Array(XMLSamples.decisionXML(items: "").utf8)
        let filler = Array(item.utf8)
        xml.reserveCapacity(50 * 1024 * 1024 + filler.count)
        while xml.count < 50 * 1024 * 1024 { xml += filler }
        let clock = ContinuousClock()
        var errors: [Diagnostic] = []
        let elapsed = clock.measure { errors = XMLSamples.failures(xml, file: "big.xml") }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message.contains("MiB"))
        #expect(error.message.contains("split"))
        #expect(elapsed < .seconds(5))
    }

    @Test func legacyEightBitEncodingIsRefused() throws {
        // "Đăng ký" in TCVN3 (ABC): bytes that are not UTF-8.
        var bytes = Array("<procedure xmlns=\"urn:tthc:1\"><name>".utf8)
        bytes += [0xA7, 0xA8, 0x6E, 0x67, 0x20, 0x6B, 0xFD]
        bytes += Array("</name></procedure>".utf8)
        let error = try #require(XMLSamples.failures(bytes).first)
        #expect(error.message.contains("TCVN3"))
    }

    @Test func declaredEncodingIsIgnoredForUTF8Input() throws {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <procedure xmlns="urn:tthc:1"><name>Đăng ký khai sinh</name></procedure>
            """
        guard case .procedure(let p, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "e.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(p.name == "Đăng ký khai sinh")
    }
}
