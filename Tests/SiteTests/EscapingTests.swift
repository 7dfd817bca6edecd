import Catalogue
import Foundation
import Site
import Testing

@Suite("Escaping")
struct EscapingTests {
    /// Text from a decision is shown as text: markup in it never reaches the page as markup.
    @Test func markupInProcedureTextIsShownAsText() throws {
        var p = Tiny.procedure("1.000666", "Thủ tục <script>alert('x')</script>", days: 1, fee: 0,
                               step: "Bước \"một\" <img src=x onerror=alert(1)> & xong")
        p.online = OnlineService(level: .full, url: "javascript:alert(1)")
        p.forms = [Form(name: "Mẫu <b>01</b>", file: "javascript:alert(2)")]
        let catalogue = Tiny.catalogue([Tiny.decision("1/QĐ-<i>UBND</i>", "2026-01-05", [DecisionItem(action: .new, procedure: p)])])
        let out = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(out) }
        try Fixture.build(catalogue, province: Tiny.province, into: out + "/public")
        for file in Fixture.files(under: out + "/public") where file.hasSuffix(".html") {
            let html = try Fixture.read(out + "/public/" + file)
            #expect(!html.contains("<script>alert"), "\(file)")
            #expect(!html.contains("<img src=x"), "\(file)")
            #expect(!html.contains("<i>UBND"), "\(file)")
            #expect(!html.contains("<b>01"), "\(file)")
            #expect(!html.contains("href=\"javascript:"), "\(file)")
        }
        let page = try Fixture.read(out + "/public/thu-tuc/1.000666.html")
        #expect(page.contains("Thủ tục &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("Bước &quot;một&quot; &lt;img src=x onerror=alert(1)&gt; &amp; xong"))
        // The decision's page name is a safe file name.
        #expect(FileManager.default.fileExists(atPath: out + "/public/quyet-dinh/1-qd-i-ubnd-i.html"))
    }
}
