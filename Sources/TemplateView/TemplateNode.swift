import Mustache

/// One piece of a compiled template: text to copy, a name to print, a section, or a partial.
/// Names are split once, when the template is compiled, not on every lookup.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, Escaper)
    case unescaped(TemplateName)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// A partial by its index in the compiled set (nil: there is no template of that name, and the
    /// library prints nothing for it), with the indentation of a standalone partial tag.
    case partial(Int?, indentation: [UInt8]?)

    /// How a `{{name}}` is escaped where it stands.
    enum Escaper: Sendable {
        /// A `MarkupContentType` (the site's `{{% CONTENT_TYPE: HTML }}`): five characters, on bytes.
        case markup
        /// The library's default HTML escaper (a template or partial without the pragma): the same
        /// five characters, matched per `Character` as the library does (a `<` followed by a
        /// combining mark is one character, and not escaped).
        case characters
        /// Any other content type (`TEXT`, a type someone registered): called as it is.
        case custom(any MustacheContentType)
    }
}

/// A Mustache name, split on "." as the library splits it (empty parts dropped).
struct TemplateName: Sendable {
    /// The parts; none for `{{.}}` (and `{{}}`), which print the top of the context stack.
    let parts: [String]
    /// Each part's `TemplateObject.hash`, computed once.
    let hashes: [Int]
    /// A name starting with "." is looked up in the top of the stack only.
    let fromTop: Bool

    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        hashes = parts.map(TemplateObject.hash)
        fromTop = name.first == "."
    }
}
