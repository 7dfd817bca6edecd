import Mustache
import Testing
import TemplateView

/// A view built with `TemplateFields` behaves as the dictionary it replaces: a name set again
/// replaces its value, nil removes it, and it renders as `TemplateValue(any:)` of that dictionary.
@Suite("Template fields")
struct TemplateFieldsTests {
    @Test func setReplaceRemove() {
        var f = TemplateFields()
        f["name"] = "một"
        f["count"] = 3
        f["flag"] = true
        #expect(f["name"] as String? == "một")
        #expect(f["count"] as Int? == 3)
        #expect(f["flag"] as Bool? == true)
        // A name holds one value, of one kind: asked as another kind it is not there.
        #expect(f["name"] as Int? == nil)
        f["name"] = "hai"
        #expect(f["name"] as String? == "hai")
        f["name"] = nil as String?
        #expect(!f.contains("name"))
        #expect(f.contains("count"))
        f["absent"] = nil as String?
        #expect(!f.contains("absent"))
        f["subjects"] = ["a", "b"]
        #expect(f["subjects"] as [String]? == ["a", "b"])
        var inner = TemplateFields()
        inner["deep"] = "sâu"
        f["inner"] = inner
        f["rows"] = [inner, inner]
        #expect((f["inner"] as TemplateFields?)?["deep"] as String? == "sâu")
        #expect((f["rows"] as [TemplateFields]?)?.count == 2)
    }

    /// Every name's value, the same template over the same dictionary: the same bytes, compiled and
    /// through swift-mustache.
    @Test func rendersAsTheDictionary() throws {
        var f = TemplateFields(capacity: 4)
        f["title"] = "Khai sinh <x> & \"y\""
        f["title"] = "Đăng ký <khai sinh> & \"z\""
        f["gone"] = "xoá"
        f["gone"] = nil as String?
        f["count"] = 0
        f["flag"] = false
        f["subjects"] = ["Công dân", "Người <nước> ngoài"]
        var status = TemplateFields(["text": .text("Đang có hiệu lực"), "current": .bool(true)])
        status["text"] = "Có hiệu lực"
        f["status"] = status
        f["steps"] = [TemplateFields(["text": .text("Nộp")]), TemplateFields(["text": .text("Nhận"), "title": .text("Bước 2")])]
        let dictionary: [String: Any] = [
            "title": "Đăng ký <khai sinh> & \"z\"", "count": 0, "flag": false,
            "subjects": ["Công dân", "Người <nước> ngoài"],
            "status": ["text": "Có hiệu lực", "current": true] as [String: Any],
            "steps": [["text": "Nộp"], ["text": "Nhận", "title": "Bước 2"]],
        ]
        let source = "{{title}}|{{gone}}|{{^gone}}không{{/gone}}|{{count}}|{{#flag}}x{{/flag}}{{^flag}}y{{/flag}}|"
            + "{{#subjects}}<{{.}}>{{/subjects}}|{{#status}}{{#current}}[{{text}}]{{/current}}{{/status}}|"
            + "{{#steps}}{{#title}}<b>{{title}}</b>{{/title}}{{text}};{{/steps}}"
        let compiled = CompiledTemplates(standalone: try MustacheTemplate(string: source))
        let rendered = compiled.render(f.value)
        #expect(rendered == compiled.render(TemplateValue(any: dictionary)))
        #expect(rendered == (try MustacheTemplate(string: source)).render(f.value.libraryValue))
        #expect(rendered == "Đăng ký &lt;khai sinh&gt; &amp; &quot;z&quot;||không|0|y|<Công dân><Người &lt;nước&gt; ngoài>|[Có hiệu lực]|"
            // A step without a title finds the page's (the context stack climbs), as in the library.
            + "<b>Đăng ký &lt;khai sinh&gt; &amp; &quot;z&quot;</b>Nộp;<b>Bước 2</b>Nhận;")
    }
}
