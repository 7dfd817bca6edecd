import Mustache

/// One piece of a compiled template: text to copy, a name to print, a section, or a partial.
/// Names are split once, when the template is compiled, not on every lookup.
///
/// A final class with immutable fields and a payload-free `kind`, rather than an enum with
/// payloads: the renderer reads a node's fields in place, where switching over an enum held in an
/// array copied the whole node (its name's arrays, its escaper, its children) for every node of
/// every page rendered.
final class TemplateNode: Sendable {
    enum Kind: Sendable {
        case text
        case variable
        case unescaped
        case section
        case inverted
        case partial
    }

    let kind: Kind
    /// `text`: the bytes to copy. `partial`: the indentation of a standalone partial tag.
    let bytes: [UInt8]
    /// `partial`: whether the tag was standalone with an indentation (`bytes`, possibly empty).
    let hasIndentation: Bool
    /// `variable`, `unescaped`, `section`, `inverted`: the name looked up.
    let name: TemplateName
    /// `variable`: how the value is escaped.
    let escaper: Escaper
    /// `section`, `inverted`: the body.
    let children: ContiguousArray<TemplateNode>
    /// `partial`: its index in the compiled set (nil: there is no template of that name, and the
    /// library prints nothing for it).
    let partial: Int?

    private init(
        _ kind: Kind, bytes: [UInt8] = [], hasIndentation: Bool = false, name: TemplateName = .none,
        escaper: Escaper = .markup, children: ContiguousArray<TemplateNode> = [], partial: Int? = nil
    ) {
        self.kind = kind
        self.bytes = bytes
        self.hasIndentation = hasIndentation
        self.name = name
        self.escaper = escaper
        self.children = children
        self.partial = partial
    }

    static func text(_ bytes: [UInt8]) -> TemplateNode { TemplateNode(.text, bytes: bytes) }
    static func variable(_ name: TemplateName, _ escaper: Escaper) -> TemplateNode { TemplateNode(.variable, name: name, escaper: escaper) }
    static func unescaped(_ name: TemplateName) -> TemplateNode { TemplateNode(.unescaped, name: name) }
    static func section(_ name: TemplateName, _ body: [TemplateNode]) -> TemplateNode { TemplateNode(.section, name: name, children: ContiguousArray(body)) }
    static func inverted(_ name: TemplateName, _ body: [TemplateNode]) -> TemplateNode { TemplateNode(.inverted, name: name, children: ContiguousArray(body)) }
    /// A partial by its index, with the indentation of a standalone partial tag.
    static func partial(_ index: Int?, indentation: [UInt8]?) -> TemplateNode {
        TemplateNode(.partial, bytes: indentation ?? [], hasIndentation: indentation != nil, partial: index)
    }

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

    /// No name (for nodes that have none).
    static let none = TemplateName("")

    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        hashes = parts.map(TemplateObject.hash)
        fromTop = name.first == "."
    }
}
