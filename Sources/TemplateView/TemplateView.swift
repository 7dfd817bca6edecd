import Mustache

/// A Mustache view built from a `[String: Any]` dictionary, with the lookups swift-mustache makes
/// on every `{{name}}` cheaper and the meaning unchanged.
///
/// swift-mustache resolves a name by casting each object on its context stack, and then the value
/// found, to several protocols (`MustacheCustomRepresentation`, `MustacheParent`, `MustacheTemplate`,
/// `MustacheCustomRenderable`, …): dynamic casts that were a third of a site build. A dictionary's
/// `MustacheParent` conformance is conditional (`Key == String`), so each of its casts checks that
/// condition again; a string is found by none of the casts and printed through
/// `String(describing:)`. `TemplateView.wrap` turns the dictionaries into `TemplateView` (a class
/// conforming directly) and the strings into `TemplateText` (custom-renderable, so the first cast
/// that tries it succeeds), recursively through arrays. Everything else (booleans, numbers) is kept.
///
/// What a template sees is the same as with the dictionary: the same names resolve to the same
/// values, sections, inverted sections and `{{.}}` behave the same, and the transforms the library
/// offers on dictionaries and strings (`count`, `empty`, `uppercased`, …) still apply, so a theme's
/// template renders byte for byte as before.
public final class TemplateView: MustacheParent, MustacheTransformable, @unchecked Sendable {
    /// The values by name, already wrapped. Never mutated after `init`.
    public let values: [String: Any]

    init(wrapped values: [String: Any]) { self.values = values }

    /// A dictionary view, with every nested dictionary and string wrapped.
    public convenience init(_ dictionary: [String: Any]) {
        self.init(wrapped: dictionary.mapValues(TemplateView.wrap))
    }

    public func child(named name: String) -> Any? { values[name] }

    /// The library's dictionary transforms: `count`, `empty`, `enumerated`, `sorted`.
    public func transform(_ name: String) -> Any? {
        switch name {
        case "count": values.count
        case "empty": values.isEmpty
        case "enumerated": values.map { (key: $0.key, value: $0.value) }
        case "sorted": values.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
        default: nil
        }
    }

    /// A value as the view holds it: dictionaries become views, strings `TemplateText`, arrays are
    /// wrapped element by element; anything else is returned as it is.
    public static func wrap(_ value: Any) -> Any {
        switch value {
        case let text as String: TemplateText(text)
        case let dictionary as [String: Any]: TemplateView(dictionary)
        case let array as [Any]: array.map(wrap)
        default: value
        }
    }
}

/// A string in a view: renders as itself (escaped or not, as the tag says), and takes the library's
/// string transforms (`uppercased`, `lowercased`, `capitalized`, `reversed`, `empty`).
public struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var renderText: String { text }
    public var isNull: Bool { false }

    public func transform(_ name: String) -> Any? { text.transform(name) }

    /// A string has no named children (the library would find none by reflection either).
    public func child(named name: String) -> Any? { nil }
}

/// A name a view has no value for, said outright: renders as nothing, fails a section and passes an
/// inverted one, takes no transform and has no children, exactly as a name that is not there. The
/// difference is that the lookup stops at this view instead of climbing the context stack, so use
/// it only for a name no enclosing view has (a sheet's block loop sets it for `masthead` and `indent`,
/// asked of every block, three views deep).
public struct TemplateAbsent: MustacheCustomRenderable, MustacheParent, Sendable {
    public init() {}

    public var renderText: String { "" }
    public var isNull: Bool { true }

    public func child(named name: String) -> Any? { nil }
}
