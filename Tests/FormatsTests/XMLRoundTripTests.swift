import Catalogue
import Foundation
import Testing
@testable import Formats

/// Model → XML → model is exact, the writer's output is canonical and valid, and XML ↔ JSON agree.
@Suite struct XMLRoundTripTests {
    @Test func fullDecisionRoundTripsExactly() throws {
        let xml = XMLFormat.write(XMLSamples.fullDecision)
        let read = try XMLSamples.decision(xml)
        #expect(read.decision == XMLSamples.fullDecision)
        // Every part really was written, not dropped and defaulted back.
        let procedure = try #require(read.decision.items.first?.procedure)
        #expect(procedure == XMLSamples.fullProcedure)
        #expect(procedure.dossier.cases[0].items[1].presentation == .show)
        #expect(procedure.channels[0].time.value == DecimalNumber("16.5"))
    }

    @Test func standaloneProcedureRoundTripsExactly() throws {
        let xml = XMLFormat.write(XMLSamples.fullProcedure)
        #expect(xml.contains("<procedure xmlns=\"urn:tthc:1\" version=\"1\" code=\"1.004222.000.00.00.H29\""))
        guard case .procedure(let procedure, let location) = try XMLFormat.read(XMLSamples.bytes(xml), file: "p.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(procedure == XMLSamples.fullProcedure)
        #expect(location == SourceLocation(file: "p.xml", line: 2, column: 1))
    }

    @Test func writingIsDeterministicAndIdempotent() throws {
        let first = XMLFormat.write(XMLSamples.fullDecision)
        #expect(first == XMLFormat.write(XMLSamples.fullDecision))
        let again = XMLFormat.write(try XMLSamples.decision(first).decision)
        #expect(again == first)
        #expect(first.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<decision xmlns=\"urn:tthc:1\" version=\"1\" number=\"3218/QĐ-UBND\""))
        #expect(first.hasSuffix("</decision>\n"))
    }

    @Test func writerOutputValidatesAgainstTheSchema() throws {
        // Our own validator accepts it (reading succeeds only after XSD validation) …
        for xml in [XMLFormat.write(XMLSamples.fullDecision), XMLFormat.write(XMLSamples.fullProcedure)] {
            _ = try XMLFormat.read(XMLSamples.bytes(xml), file: "w.xml")
            // … and so does xmllint, where it is installed, against the shipped XSD.
            if let lint = try XMLSamples.xmllint(xml) {
                #expect(lint.status == 0, "\(lint.output)")
            }
        }
    }

    @Test func defaultsAndEmptyListsAreLeftOut() throws {
        let procedure = Procedure(
            name: "Cấp bản sao từ sổ gốc",
            dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Đơn đề nghị")])]))
        let xml = XMLFormat.write(procedure)
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <procedure xmlns="urn:tthc:1" version="1">
              <name>Cấp bản sao từ sổ gốc</name>
              <dossier>
                <cases>
                  <case>
                    <items>
                      <item>
                        <name>Đơn đề nghị</name>
                      </item>
                    </items>
                  </case>
                </cases>
              </dossier>
            </procedure>

            """)
        // And an item written with every default spelled out reads as the same model.
        let explicit = """
            <procedure xmlns="urn:tthc:1" type="ordinary">
              <name>Cấp bản sao từ sổ gốc</name>
              <levels/>
              <dossier><cases><case><items>
                <item originals="1" copies="0" required="true" presentation="submit"><name>Đơn đề nghị</name></item>
              </items></case></cases></dossier>
            </procedure>
            """
        guard case .procedure(let read, _) = try XMLFormat.read(XMLSamples.bytes(explicit), file: "e.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(read == procedure)
    }

    @Test func textIsEscaped() throws {
        let procedure = Procedure(
            code: ProcedureCode("A&B"), name: "Tên <có> \"ký tự\" & 'đặc biệt' ]]>",
            forms: [Form(name: "Mẫu", file: "a\"b<c>&d.docx")])
        let xml = XMLFormat.write(procedure)
        #expect(xml.contains("<name>Tên &lt;có&gt; \"ký tự\" &amp; 'đặc biệt' ]]&gt;</name>"))
        #expect(xml.contains("file=\"a&quot;b&lt;c&gt;&amp;d.docx\""))
        guard case .procedure(let read, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "x.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(read == procedure)
    }

    /// Escaping copies runs of plain bytes whole; U+FFFE and U+FFFF (not XML characters) are dropped
    /// while Vietnamese letters whose UTF-8 ends in BE or BF ("ỿ" E1 BB BF, "Ị" E1 BB 8A…) stay.
    @Test func nonCharactersAreDroppedAndNeighbouringBytesKept() throws {
        let name = "ỿ\u{FFFF}Sữa ở\u{FFFE} ỾỿĐ<&>\"x\""
        let procedure = Procedure(code: ProcedureCode("\u{FFFF}ỿ\"1"), name: name)
        let xml = XMLFormat.write(procedure)
        #expect(xml.contains("<name>ỿSữa ở ỾỿĐ&lt;&amp;&gt;\"x\"</name>"))
        #expect(xml.contains("code=\"ỿ&quot;1\""))
        guard case .procedure(let read, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "x.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(read.name == "ỿSữa ở ỾỿĐ<&>\"x\"")
    }

    /// Other characters led by the byte EF stay (U+FFFD "EF BF BD", U+F8FF, U+FF01), and so do line
    /// breaks and tabs in text; in attributes they become character references, and C0 controls
    /// other than those are dropped everywhere. Blank optional text is left out, visible text kept.
    @Test func lineBreaksControlsAndOtherEFCharacters() throws {
        let procedure = Procedure(
            code: ProcedureCode("a\tb\nc\rd\u{1}e\u{FFFD}"),
            name: "x\u{FFFD}\u{F8FF}\u{FF01}\u{FFFF}y\tz\r\nw\u{0}\u{1F}v",
            notes: " \u{00A0}\n ")
        let xml = XMLFormat.write(procedure)
        #expect(xml.contains("code=\"a&#9;b&#10;c&#13;de\u{FFFD}\""))
        #expect(xml.contains("<name>x\u{FFFD}\u{F8FF}\u{FF01}y\tz&#13;\nwv</name>"))
        #expect(!xml.contains("<notes>"))
        var noted = procedure
        noted.notes = "G"
        #expect(XMLFormat.write(noted).contains("<notes>G</notes>"))
    }

    /// The escaper skips eight bytes at a time while none may need an escape: a character that needs
    /// one is found wherever it falls in such a word, beside multi-byte letters.
    @Test(arguments: ["&", "<", ">", "\"", "\r", "\n", "\t", "\u{1}", "\u{FFFF}", "\u{FFFE}", "\u{FFFD}"])
    func everyPositionOfAnEscape(special: String) throws {
        func expected(_ text: String, attribute: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += attribute ? "&quot;" : "\""
                case "\r": out += "&#13;"
                case "\n": out += attribute ? "&#10;" : "\n"
                case "\t": out += attribute ? "&#9;" : "\t"
                case "\u{FFFE}", "\u{FFFF}": break
                default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        let filler = ["a", "ế", "Đ", "ỿ", " ", "9"]
        for length in [7, 8, 9, 16, 17, 40] {
            for k in 0...length {
                let before = (0..<k).map { filler[$0 % filler.count] }.joined()
                let after = (k..<length).map { filler[$0 % filler.count] }.joined()
                let text = "x" + before + special + after
                let xml = XMLFormat.write(Procedure(code: ProcedureCode(text), name: text))
                #expect(xml.contains("<name>\(expected(text, attribute: false))</name>"), "\(length) \(k)")
                #expect(xml.contains("code=\"\(expected(text, attribute: true))\""), "\(length) \(k)")
            }
        }
    }

    /// A decision of hundreds of items (an import from the national portal) is written in chunks on
    /// every core: the items come out in order, each exactly as a decision of that one item writes it.
    @Test func manyItemsAreWrittenInOrderAsOneByOne() throws {
        let items = (0..<150).map { k in
            DecisionItem(action: .new, level: .commune, procedure: Procedure(
                code: ProcedureCode(String(format: "9.%06d", k)), name: "Thủ tục số \(k) <&>",
                notes: k % 3 == 0 ? "Ghi chú\ndòng hai" : nil))
        }
        var decision = XMLSamples.fullDecision
        decision.items = items
        let xml = XMLFormat.write(decision)
        #expect(try XMLSamples.decision(xml).decision == decision)
        func itemsSection(_ xml: String) -> Substring {
            let start = xml.range(of: "<items>\n")!.upperBound, end = xml.range(of: "  </items>\n", options: .backwards)!.lowerBound
            return xml[start..<end]
        }
        let oneByOne = items.map { item in
            var single = decision
            single.items = [item]
            return String(itemsSection(XMLFormat.write(single)))
        }.joined()
        #expect(itemsSection(xml) == oneByOne)
    }

    @Test func blankOptionalTextIsLeftOutAndControlCharactersDropped() throws {
        let procedure = Procedure(name: "Tên\u{07}", notes: "   ")
        let xml = XMLFormat.write(procedure)
        #expect(!xml.contains("notes"))
        #expect(!xml.contains("\u{07}"))
        guard case .procedure(let read, _) = try XMLFormat.read(XMLSamples.bytes(xml), file: "x.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(read == Procedure(name: "Tên"))
    }

    /// XML → model → JSON (the model's Codable encoding, root `{"decision": …}`) → model → XML is lossless.
    @Test func xmlToJSONAndBackIsLossless() throws {
        struct DecisionFile: Codable, Equatable { var decision: Decision }
        let xml = XMLFormat.write(XMLSamples.fullDecision)
        let fromXML = try XMLSamples.decision(xml).decision
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(DecisionFile(decision: fromXML))
        let fromJSON = try JSONDecoder().decode(DecisionFile.self, from: json).decision
        #expect(fromJSON == fromXML)
        #expect(XMLFormat.write(fromJSON) == xml)
    }

    /// Every element and attribute name the writer uses is a JSON key of the model (or a list entry name).
    @Test func namesAreTheJSONKeys() throws {
        struct DecisionFile: Codable { var decision: Decision }
        let json = try JSONEncoder().encode(DecisionFile(decision: XMLSamples.fullDecision))
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (k, v) in object { keys.insert(k); collect(v) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try JSONSerialization.jsonObject(with: json))
        let entryNames: Set<String> = [
            "level", "field", "place", "group", "step", "channel", "fee", "exemption", "case", "item", "subject",
            "agency", "result", "form", "requirement", "legalBasis", "code", "keyword", "part", "stage", "commune",
        ]
        // The document after the XML declaration.
        let xml = XMLFormat.write(XMLSamples.fullDecision).drop { $0 != "\n" }
        var names = Set<String>()
        // Element names after '<' and attribute names before '="'.
        let scanner = xml.unicodeScalars.map(Character.init)
        var i = 0
        while i < scanner.count {
            if scanner[i] == "<", i + 1 < scanner.count, scanner[i + 1].isLetter {
                var j = i + 1, name = ""
                while j < scanner.count, scanner[j].isLetter { name.append(scanner[j]); j += 1 }
                names.insert(name)
            }
            if scanner[i] == " ", i + 1 < scanner.count, scanner[i + 1].isLetter {
                var j = i + 1, name = ""
                while j < scanner.count, scanner[j].isLetter { name.append(scanner[j]); j += 1 }
                if j + 1 < scanner.count, scanner[j] == "=", scanner[j + 1] == "\"" { names.insert(name) }
            }
            i += 1
        }
        let unexplained = names.subtracting(keys).subtracting(entryNames).subtracting(["decision", "procedure", "xmlns", "version"])
        #expect(unexplained.isEmpty, "XML names that are no JSON key: \(unexplained.sorted())")
    }
}
