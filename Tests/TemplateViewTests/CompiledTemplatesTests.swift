import Foundation
import Mustache
import Testing
import TemplateView

/// A content type escaping like the site's (`MarkupText`), registered for these tests only.
struct TestMarkup: MarkupContentType {
    static let register: Void = MustacheContentTypes.register(TestMarkup(), named: "TESTMARKUP")

    func escapeText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The compiled renderer against swift-mustache, the reference: the same template over the same
/// view must give the same bytes, for every construct the compiler handles, and for those it
/// leaves to the library.
@Suite("Compiled templates")
struct CompiledTemplatesTests {
    static var context: [String: Any] { [
        "root": "../",
        "title": "Đăng ký khai sinh <có yếu tố> & \"nước ngoài\" 'x'",
        "combining": "a<\u{301}b & c",
        "empty": "",
        "count": 3,
        "zero": 0,
        "flag": true,
        "off": false,
        "absent": TemplateAbsent(),
        "subjects": ["Công dân Việt Nam", "Người <nước> ngoài"],
        "none": [String](),
        "status": ["text": "Đang có hiệu lực", "current": true] as [String: Any],
        "online": ["level": "Toàn trình", "inner": ["deep": "sâu & xa"] as [String: Any]] as [String: Any],
        "href": "outer.html",
        "lines": "một\ndòng hai\r\nba\n",
        "steps": [
            ["case": "Trực tiếp", "steps": [["text": "Nộp hồ sơ", "title": "Bước 1"], ["text": "Nhận kết quả", "href": "inner.html"]]] as [String: Any],
            ["steps": [["text": "Trực tuyến\ndòng hai", "case": TemplateAbsent()]]] as [String: Any],
            ["steps": [[String: Any]]()] as [String: Any],
        ],
        "nested": [["a", "b"], [String](), ["c"]],
    ] }

    /// Templates the compiler handles: every one must compile and render as the library does.
    static let compiled: [String] = [
        "{{title}}|{{{title}}}|{{&title}}|{{root}}index.html|{{count}}|{{zero}}|{{flag}}|{{off}}|{{missing}}|{{empty}}|{{absent}}|{{{absent}}}",
        "{{combining}}|{{{combining}}}",
        "{{#flag}}có{{/flag}}{{^flag}}không{{/flag}}{{#off}}có{{/off}}{{^off}}không{{/off}}{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}",
        "{{#absent}}a{{/absent}}{{^absent}}b{{.}}{{/absent}}",
        "{{#empty}}[e{{.}}]{{/empty}}{{^empty}}[ne]{{/empty}}{{#title}}<{{.}}>{{/title}}{{#count}}[{{.}}{{title}}]{{/count}}{{#zero}}z{{/zero}}{{^zero}}nz{{/zero}}",
        "<ul>{{#subjects}}<li>{{.}} {{root}}</li>{{/subjects}}</ul>{{^none}}không có [{{.}}]{{/none}}{{#none}}x{{/none}}{{^subjects}}x{{/subjects}}",
        "{{#status}}<p{{#current}} class=\"current\"{{/current}}>{{text}} {{title}} {{.text}}|{{.title}}</p>{{/status}}",
        "{{#steps}}{{#case}}<h3>{{case}}</h3>{{/case}}<ol>{{#steps}}<li>{{#title}}<b>{{title}}</b>{{/title}}{{text}}{{case}}{{href}}</li>{{/steps}}{{^steps}}trống{{/steps}}</ol>{{/steps}}",
        "{{online.level}}|{{online.href}}|{{#online.href}}x{{/online.href}}|{{^online.href}}y{{/online.href}}|{{status.text}}|{{online.inner.deep}}|{{online.level.x}}|{{missing.level}}",
        "{{#online}}{{href}}|{{inner.deep}}|{{#inner}}{{deep}}{{level}}{{root}}{{/inner}}{{/online}}",
        "{{#online.inner}}{{deep}}/{{level}}{{/online.inner}}{{^online.inner}}none{{/online.inner}}",
        "{{#nested}}[{{#.}}{{.}},{{/.}}{{^.}}empty{{/.}}]{{/nested}}",
        "{{.}}|{{subjects}}|{{status}}|{{none}}|{{{status}}}",
        "{{=<% %>=}}<% title %>|<%# flag %>yes<%/ flag %>|<%={{ }}=%>{{root}}",
        "a\n  {{#flag}}\n  x {{title}}\n  {{/flag}}\nb\n{{^off}}\n  y\n{{/off}}\n  {{! comment }}\nc {{! inline }} d\n",
        "  {{#subjects}}\n  - {{.}}\n  {{/subjects}}\n\t{{^none}}\n\tnone\n\t{{/none}}\n",
        "{{lines}}|{{{lines}}}\r\n  {{#flag}}\r\n  crlf\r\n  {{/flag}}\r\n",
        "{{% CONTENT_TYPE: TEXT }}{{title}}|{{#status}}{{text}}{{title}}{{/status}}",
        "{{% CONTENT_TYPE: TESTMARKUP }}{{title}}|{{combining}}|{{#status}}{{text}}{{title}}{{/status}}|{{{title}}}",
        "{{#status}}{{% CONTENT_TYPE: TEXT }}{{title}}{{/status}}{{title}}",
        "{{title}}{{% CONTENT_TYPE: TEXT }}{{title}}{{% CONTENT_TYPE: HTML }}{{title}}",
        "{{>nothing}}|{{ title }}|{{#flag}}{{#flag}}{{#status}}{{#current}}{{text}}{{/current}}{{/status}}{{/flag}}{{/flag}}",
        "",
        "plain text only, no tags\n",
    ]

    @Test(arguments: compiled)
    func rendersAsTheLibrary(template text: String) throws {
        TestMarkup.register
        let template = try MustacheTemplate(string: text)
        let compiled = CompiledTemplates(standalone: template)
        #expect(compiled.isCompiled, "the compiler handles this template")
        let expected = template.render(TemplateView(Self.context))
        #expect(compiled.render(TemplateValue(any: Self.context)) == expected)
    }

    /// Templates with constructs left to the library: not compiled, and rendered exactly as the
    /// library renders them.
    static let leftToTheLibrary: [String] = [
        "{{uppercased(title)}}|{{lowercased(root)}}",
        "{{#subjects}}{{#first()}}đầu {{/first()}}{{.}}{{^last()}}, {{/last()}}{{/subjects}}",
        "{{count(subjects)}}|{{#empty(none)}}e{{/empty(none)}}",
        "{{#flag}}{{#reversed(subjects)}}{{.}};{{/reversed(subjects)}}{{/flag}}",
        "{{>*title}}x",
        "{{$block}}default {{title}}{{/block}}",
        "{{<parent}}{{$block}}override{{/block}}{{/parent}}",
    ]

    @Test(arguments: leftToTheLibrary)
    func leavesToTheLibrary(template text: String) throws {
        let template = try MustacheTemplate(string: text)
        let compiled = CompiledTemplates(standalone: template)
        #expect(!compiled.isCompiled)
        #expect(compiled.render(TemplateValue(any: Self.context)) == template.render(TemplateView(Self.context)))
    }

    /// Partials: indentation of standalone partial tags (adding up when nested), partials inside
    /// sections seeing the section's context, the content type starting over in a partial, a
    /// partial naming a template that does not exist.
    static let partialSets: [[String: String]] = [
        [
            "page": "<div>\n  {{>row}}\n</div>\n{{#steps}}\n    {{>step}}\n{{/steps}}\n",
            "row": "line one {{title}}\nline two\n{{#subjects}}\n- {{.}}\n{{/subjects}}\n  {{>cell}}\nend",
            "cell": "<td>{{root}}</td>\n<td>{{#flag}}\nx\n{{/flag}}</td>\n",
            "step": "[{{case}}]\n{{#steps}}\n{{text}}\n{{/steps}}",
        ],
        [
            "page": "{{% CONTENT_TYPE: TESTMARKUP }}{{title}}{{>inner}}{{title}}\r\n  {{>inner}}\r\n",
            "inner": "{{title}}|{{combining}}\r\n{{% CONTENT_TYPE: TEXT }}{{title}}\r\n",
        ],
        [
            "page": "{{#steps}}{{>step}}{{/steps}}{{>missing}}\n  {{>missing}}\n{{>self}}",
            "step": "({{case}}{{root}}{{#steps}}{{>leaf}}{{/steps}})",
            "leaf": "{{text}}{{href}}",
            "self": "{{#status}}{{#current}}{{text}}{{/current}}{{/status}}",
        ],
        [
            "page": "\t{{>list}}\n",
            "list": "{{#nested}}\n[\n{{#.}}\n  {{.}}\n{{/.}}\n]\n{{/nested}}\n",
        ],
    ]

    @Test(arguments: partialSets.indices)
    func partialsRenderAsTheLibrary(set: Int) throws {
        TestMarkup.register
        let templates = try Self.partialSets[set].mapValues { try MustacheTemplate(string: $0) }
        let compiled = CompiledTemplates(templates: templates)
        for name in templates.keys { #expect(compiled.isCompiled(name), "\(name)") }
        let library = MustacheLibrary(templates: templates)
        for name in templates.keys {
            let expected = try #require(library.render(TemplateView(Self.context), withTemplate: name))
            #expect(compiled.render(TemplateValue(any: Self.context), withTemplate: name) == expected, "\(name)")
            // The bytes a page is written from are the library's text, without making a String.
            #expect(compiled.renderBytes(TemplateValue(any: Self.context), withTemplate: name) == Array(expected.utf8), "\(name)")
        }
        #expect(compiled.render(TemplateValue(any: Self.context), withTemplate: "no-such-template") == nil)
        #expect(compiled.renderBytes(TemplateValue(any: Self.context), withTemplate: "no-such-template") == nil)
    }

    /// A template including a partial the compiler leaves to the library is left to it too (the
    /// library cannot continue a compiled render's context stack), and still renders the same.
    @Test func aPartialLeftToTheLibraryTakesItsIncluders() throws {
        let templates = try [
            "page": "{{#steps}}{{>step}}{{/steps}}",
            "step": "{{case}}{{uppercased(case)}}",
            "other": "{{title}}",
            "outer": "{{>page}}",
        ].mapValues { try MustacheTemplate(string: $0) }
        let compiled = CompiledTemplates(templates: templates)
        #expect(!compiled.isCompiled("page"))
        #expect(!compiled.isCompiled("step"))
        #expect(!compiled.isCompiled("outer"))
        #expect(compiled.isCompiled("other"))
        let library = MustacheLibrary(templates: templates)
        for name in templates.keys {
            #expect(compiled.render(TemplateValue(any: Self.context), withTemplate: name) == library.render(TemplateView(Self.context), withTemplate: name))
        }
    }

    /// Views built as values render as the dictionaries they stand for.
    @Test func valuesBuiltDirectlyRenderAsDictionaries() throws {
        let template = try MustacheTemplate(string: "{{#blocks}}<{{tag}}{{#indent}} style=\"{{indent}}\"{{/indent}}>{{{html}}}{{^masthead}}!{{/masthead}}</{{tag}}>{{/blocks}}")
        let value: TemplateValue = .view(["blocks": .list([
            .view(["tag": .text("p"), "html": .text("<b>x</b>"), "indent": .absent, "masthead": .absent]),
            .view(["tag": .text("h1"), "html": .text("y"), "indent": .int(12), "masthead": .bool(true)]),
        ])])
        let dictionary: [String: Any] = ["blocks": [
            ["tag": "p", "html": "<b>x</b>"], ["tag": "h1", "html": "y", "indent": 12, "masthead": true],
        ] as [[String: Any]]]
        let expected = template.render(dictionary)
        #expect(expected == "<p><b>x</b>!</p><h1 style=\"12\">y</h1>")
        #expect(CompiledTemplates(standalone: template).render(value) == expected)
    }

    /// The site's own templates (every file under `site/templates`), compiled, over a view with
    /// every name they use, hostile text included.
    @Test func theSiteTemplatesCompile() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("site/templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 10)
        let templates = try Dictionary(uniqueKeysWithValues: files.map {
            (String($0.dropLast(".mustache".count)), try MustacheTemplate(string: String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)))
        })
        let compiled = CompiledTemplates(templates: templates)
        for name in templates.keys { #expect(compiled.isCompiled(name), "\(name)") }
    }
}
