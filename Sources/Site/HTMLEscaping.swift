import Catalogue
import Mustache
import TemplateView

/// HTML escaping for the templates, the same five characters and entities as swift-mustache's own
/// (`& < > " '`), but through `MarkupText`: over UTF-8 bytes, returning text needing no escape as is.
/// The library's escaper looks every `Character` up in a dictionary, which was the largest cost of
/// rendering a procedure page. Templates opt in with `{{% CONTENT_TYPE: HTML }}` on their first line
/// (registered here under the library's own name, so the meaning is unchanged); a theme template
/// without it is escaped by the library's escaper, just more slowly. As a `MarkupContentType`, a
/// compiled template escapes its text on bytes itself, with the same result.
struct HTMLEscaping: MarkupContentType {
    /// Registers the escaper; called before any template is parsed (the pragma is looked up then).
    static let register: Void = MustacheContentTypes.register(HTMLEscaping(), named: "HTML")

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
