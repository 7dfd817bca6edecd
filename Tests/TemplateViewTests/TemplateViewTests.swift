import Mustache
import Testing
import TemplateView

/// A view renders every template exactly as the dictionary it is made from: what a theme's
/// template sees must not change when the site renders through `TemplateView`.
@Suite("Template views")
struct TemplateViewTests {
    static var context: [String: Any] { [
        "root": "../",
        "title": "Đăng ký khai sinh <có yếu tố> & \"nước ngoài\"",
        "empty": "",
        "count": 3,
        "flag": true,
        "off": false,
        "subjects": ["Công dân Việt Nam", "Người nước ngoài"],
        "none": [String](),
        "status": ["text": "Đang có hiệu lực", "current": true] as [String: Any],
        "online": ["level": "Toàn trình"] as [String: Any],
        "href": "outer.html",
        "steps": [
            ["case": "Trực tiếp", "steps": [["text": "Nộp hồ sơ", "title": "Bước 1"], ["text": "Nhận kết quả"]]] as [String: Any],
            ["steps": [["text": "Trực tuyến\ndòng hai"]]] as [String: Any],
        ],
    ] }

    static let templates: [String] = [
        "{{title}}|{{{title}}}|{{&title}}|{{root}}index.html|{{count}}|{{flag}}|{{off}}|{{missing}}|{{empty}}",
        "{{#flag}}có{{/flag}}{{^flag}}không{{/flag}}{{#off}}có{{/off}}{{^off}}không{{/off}}{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}",
        "{{#empty}}[e]{{/empty}}{{^empty}}[ne]{{/empty}}{{#title}}<{{.}}>{{/title}}",
        "<ul>{{#subjects}}<li>{{.}} {{root}}</li>{{/subjects}}</ul>{{^none}}không có{{/none}}{{#none}}x{{/none}}",
        "{{#status}}<p{{#current}} class=\"current\"{{/current}}>{{text}} {{title}}</p>{{/status}}",
        "{{#steps}}{{#case}}<h3>{{case}}</h3>{{/case}}<ol>{{#steps}}<li>{{#title}}<b>{{title}}</b>{{/title}}{{text}}{{case}}</li>{{/steps}}</ol>{{/steps}}",
        "{{online.level}}|{{online.href}}|{{#online.href}}x{{/online.href}}|{{^online.href}}y{{/online.href}}|{{status.text}}",
        "{{#online}}{{href}}{{/online}}",
        "{{uppercased(title)}}|{{lowercased(root)}}|{{#empty(subjects)}}e{{/empty(subjects)}}{{count(subjects)}}|{{#first(subjects)}}{{.}}{{/first(subjects)}}",
        "{{count(status)}}|{{#empty(online)}}e{{/empty(online)}}{{^empty(online)}}ne{{/empty(online)}}|{{#reversed(subjects)}}{{.}};{{/reversed(subjects)}}",
        "{{#subjects}}{{#first}}đầu {{/first}}{{.}}{{^last}}, {{/last}}{{/subjects}}",
    ]

    @Test(arguments: templates)
    func rendersAsTheDictionary(template text: String) throws {
        let template = try MustacheTemplate(string: text)
        let expected = template.render(Self.context)
        #expect(template.render(TemplateView(Self.context)) == expected)
        #expect(!expected.isEmpty, "the template shows something, so the comparison means something")
    }

    @Test(arguments: templates)
    func rendersAsTheDictionaryWithTheFastEscaper(template text: String) throws {
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + text)
        #expect(template.render(TemplateView(Self.context)) == template.render(Self.context))
    }

    @Test func nestedValuesAreWrapped() throws {
        let view = TemplateView(Self.context)
        #expect(view.child(named: "title") is TemplateText)
        #expect(view.child(named: "status") is TemplateView)
        let steps = try #require(view.child(named: "steps") as? [Any])
        #expect(steps.allSatisfy { $0 is TemplateView })
        #expect((view.child(named: "subjects") as? [Any])?.first is TemplateText)
        #expect(view.child(named: "count") as? Int == 3)
        #expect(view.child(named: "missing") == nil)
    }

    @Test func partialsSeeTheSameView() throws {
        let library = MustacheLibrary(templates: [
            "page": try MustacheTemplate(string: "{{>top}}{{#steps}}{{>step}}{{/steps}}"),
            "top": try MustacheTemplate(string: "<title>{{title}}</title>"),
            "step": try MustacheTemplate(string: "[{{case}}{{#steps}}{{text}}{{/steps}}]"),
        ])
        let expected = library.render(Self.context, withTemplate: "page")
        #expect(library.render(TemplateView(Self.context), withTemplate: "page") == expected)
        #expect(expected?.contains("Nộp hồ sơ") == true)
    }
}

/// An absent name said outright renders as a name left out, wherever a template uses it.
@Suite("Template views: absent names")
struct TemplateAbsentTests {
    @Test(arguments: [
        "[{{indent}}][{{{indent}}}][{{&indent}}]",
        "{{#indent}}a{{/indent}}{{^indent}}b{{/indent}}",
        "{{#blocks}}<p{{#indent}} style=\"margin-left: {{indent}}pt\"{{/indent}}>{{html}}{{^masthead}}!{{/masthead}}{{#masthead}}?{{/masthead}}</p>{{/blocks}}",
        "{{indent.x}}{{#indent.x}}a{{/indent.x}}{{^indent.x}}b{{/indent.x}}",
        "{{uppercased(indent)}}{{#empty(indent)}}a{{/empty(indent)}}{{^empty(indent)}}b{{/empty(indent)}}",
    ])
    func rendersAsALeftOutName(template text: String) throws {
        let template = try MustacheTemplate(string: text)
        let left: [String: Any] = ["blocks": [["html": "x"], ["html": "y", "indent": 12]] as [[String: Any]]]
        let said: [String: Any] = [
            "indent": TemplateAbsent(),
            "blocks": [
                ["html": "x", "indent": TemplateAbsent(), "masthead": TemplateAbsent()],
                ["html": "y", "indent": 12, "masthead": TemplateAbsent()],
            ] as [[String: Any]],
        ]
        let expected = template.render(left)
        #expect(template.render(TemplateView(said)) == expected)
        #expect(template.render(said) == expected)
    }
}
