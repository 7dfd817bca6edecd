import Catalogue
import Foundation
import Testing
@testable import Formats

/// Text comes out clean and NFC; locations point at the right lines.
@Suite struct XMLTextAndLocationTests {
    @Test func decomposedInputIsComposed() throws {
        // "Đăng ký khai sinh" with every mark as a combining character (NFD), as some systems export it.
        let decomposed = "Đăng ký khai sinh".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Đăng ký khai sinh".unicodeScalars.count)
        let xml = """
            <procedure xmlns="urn:tthc:1" code="1.001193">
              <name>\(decomposed)</name>
              <subjects><subject>Công dân \("Việt Nam".decomposedStringWithCanonicalMapping)</subject></subjects>
            </procedure>
            """
        guard case .procedure(let p, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "nfd.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(Array(p.name.unicodeScalars) == Array("Đăng ký khai sinh".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(Array(p.subjects[0].unicodeScalars) == Array("Công dân Việt Nam".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func decomposedTextSpelledWithCharacterReferencesIsComposed() throws {
        // "ký" as k, y, U+0301 (combining acute) through a character reference, which the file-wide NFC cannot see.
        let xml = #"<procedure xmlns="urn:tthc:1"><name>Đăng ky&#x301; khai sinh</name></procedure>"#
        guard case .procedure(let p, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "ref.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(Array(p.name.unicodeScalars) == Array("Đăng ký khai sinh".unicodeScalars))
    }

    @Test func singleLineValuesFoldWhiteSpaceAndLineBreaks() throws {
        let xml = """
            <procedure xmlns="urn:tthc:1" code="  1.001193 ">
              <name>
                Đăng ký\u{00A0}\u{00A0}khai\tsinh
                cho trẻ em
              </name>
            </procedure>
            """
        guard case .procedure(let p, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "ws.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(p.name == "Đăng ký khai sinh cho trẻ em")
        #expect(p.code == ProcedureCode("1.001193"))
    }

    @Test func proseKeepsParagraphsAndTrimsEachLine() throws {
        let xml = """
            <procedure xmlns="urn:tthc:1">
              <name>Thủ tục</name>
              <steps><group><steps><step>
                <text>
                  Bước 1:   nộp hồ sơ.
                  Bước 2: nhận kết quả.\u{2003}


                  Lưu ý: mang bản chính.
                </text>
              </step></steps></group></steps>
              <notes><![CDATA[Ghi chú <một> & hai]]></notes>
            </procedure>
            """
        guard case .procedure(let p, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "prose.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(p.steps[0].steps[0].text == "Bước 1: nộp hồ sơ.\nBước 2: nhận kết quả.\n\nLưu ý: mang bản chính.")
        #expect(p.notes == "Ghi chú <một> & hai")
    }

    /// The byte-level cleaning gives what `VietnameseText.clean` gives, line breaks aside.
    @Test(arguments: [
        "  Đăng  ký \t khai sinh  ", "\u{00A0}Hộ\u{2009}tịch\u{3000}", "a\u{200B}b", "", "   ", "x",
        "Sở Tư pháp – UBND “xã”", "\u{1680}ogham\u{205F}space\u{202F}",
    ])
    func cleaningMatchesVietnameseTextClean(_ s: String) {
        var bytes = Array(s.utf8)
        let cleaned = bytes.withUnsafeMutableBufferPointer { XMLText(composes: false).singleLine(UnsafeBufferPointer($0)) }
        #expect(cleaned == VietnameseText.clean(s))
    }

    @Test func itemLinesAreRight() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <decision xmlns="urn:tthc:1" number="1/QĐ-UBND"
                      signedOn="2026-01-05">
              <authority>UBND</authority>
              <title>Công bố</title>
              <items>
                <item action="abolished" code="1.000001"/>
                <item action="new">
                  <procedure>
                    <name>Thủ tục mới</name>
                    <dossier><cases><case><items><item><name>Đơn</name></item></items></case></cases></dossier>
                  </procedure>
                </item>

                <!-- a comment -->
                <item action="abolished"
                      code="1.000002"/>
              </items>
            </decision>
            """
        let d = try XMLSamples.decision(xml, file: "lines.xml")
        // The start of each start tag, also when it spans lines.
        #expect(d.location == SourceLocation(file: "lines.xml", line: 2, column: 1))
        #expect(d.itemLocations.map(\.line) == [7, 8, 16])
        #expect(d.itemLocations.map(\.column) == [5, 5, 5])
        #expect(d.itemLocations.allSatisfy { $0.file == "lines.xml" })
        #expect(d.decision.items.count == 3)
    }

    /// Past line 65 535 libxml2 keeps element lines only in text nodes; item lines must still be right.
    @Test func itemLinesAreRightPastLine65535() throws {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <decision xmlns="urn:tthc:1" number="1/QĐ-UBND" signedOn="2026-01-05">
              <authority>UBND</authority>
              <title>Công bố</title>
              <items>

            """
        var expected: [Int] = []
        var line = 6
        for i in 0..<17_000 {
            expected.append(line)
            xml += "    <item action=\"abolished\" code=\"1.\(100_000 + i)\">\n"
            xml += "      <name>Thủ tục \(i)</name>\n      <basis>Nghị định</basis>\n    </item>\n"
            line += 4
            if i % 3 == 0 {
                xml += "\n"
                line += 1
            }
            if i % 7 == 0 {
                // An empty element too, whose line libxml2 cannot keep in the element itself.
                expected.append(line)
                xml += "    <item action=\"abolished\" code=\"2.\(100_000 + i)\"/>\n"
                line += 1
            }
        }
        xml += "  </items>\n</decision>\n"
        let d = try XMLSamples.decision(xml, file: "long.xml")
        #expect(expected.last! > 70_000)
        #expect(d.itemLocations.map(\.line) == expected)
    }

    @Test func schemaErrorLinesAreRightPastLine65535() throws {
        var xml = XMLSamples.decisionXML(items: String(repeating: "\n", count: 70_000) + """
                <item action="bogus" code="1.000001">
                  <name>Thủ tục</name>
                </item>
            """)
        xml += "\n"
        let errors = XMLSamples.failures(xml)
        let error = try #require(errors.first)
        #expect(error.location?.line == 70_006)
    }

    @Test func readsFromSeveralTasksAtOnce() async throws {
        let good = XMLFormat.write(XMLSamples.fullDecision)
        let bad = XMLSamples.decisionXML(items: #"    <item action="neu" code="1.000001"/>"#)
        let results = await withTaskGroup(of: (Bool, [Diagnostic]).self) { group in
            for i in 0..<64 {
                group.addTask {
                    let xml = i.isMultiple(of: 2) ? good : bad
                    let errors = XMLSamples.failures(xml, file: "f\(i).xml")
                    return (i.isMultiple(of: 2), errors.map { var d = $0; d.location?.file = ""; return d })
                }
            }
            var out: [(Bool, [Diagnostic])] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 64)
        for (good, errors) in results {
            if good {
                #expect(errors.isEmpty)
            } else {
                // Each bad read sees exactly its own one error, never another read's.
                #expect(errors.count == 1)
                #expect(errors.first?.location?.line == 6)
            }
        }
    }

    @Test func handWrittenSampleReads() throws {
        let bytes = try XMLSamples.fixture("decision-sample.xml")
        guard case .decision(let sourced) = try XMLFormat.read(bytes, file: "decision-sample.xml") else {
            Issue.record("expected a decision")
            return
        }
        let d = sourced.decision
        #expect(d.number == "1234/QĐ-UBND")
        #expect(d.items.count == 4)
        #expect(d.items.map(\.action) == [.new, .amended, .replaced, .abolished])
        #expect(DecisionChecks.check(sourced).errors.isEmpty)
        // Written back canonically, it reads as the same model.
        #expect(try XMLSamples.decision(XMLFormat.write(d)).decision == d)
    }

    /// docs/xml-format.md shows the fixture; keep the two the same.
    @Test func documentedExampleIsTheFixture() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/xml-format.md"), encoding: .utf8)
        let start = try #require(doc.firstRange(of: "```xml\n"))
        let end = try #require(doc[start.upperBound...].firstRange(of: "```\n"))
        let example = String(doc[start.upperBound..<end.lowerBound])
        let fixture = String(decoding: try XMLSamples.fixture("decision-sample.xml"), as: UTF8.self)
        #expect(example == fixture)
    }
}
