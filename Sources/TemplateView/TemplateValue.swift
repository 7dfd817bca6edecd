import Mustache

/// A value as a compiled template sees it: the few shapes a site or sheet view is made of, as one
/// enum, so rendering switches over a tag instead of casting `Any` to a protocol per lookup.
///
/// Each case means exactly what the value it stands for means to swift-mustache (`libraryValue`
/// is that value), which is what keeps a compiled render byte for byte equal to the library's:
/// - `text`: a string (`TemplateText`). Renders as itself; a section over it (even over "") pushes it.
/// - `bool`: a section renders its body on `true` without pushing anything; renders as `true`/`false`.
/// - `int`: pushed by a section like any value (0 is not false); renders as its digits.
/// - `list`: a section repeats per element, an inverted one renders only when it is empty.
/// - `view`: named values (`TemplateView`); the only value names are looked up in.
/// - `absent`: a name said to be missing (`TemplateAbsent`): renders nothing, fails a section,
///   passes an inverted one, and stops a lookup from climbing further.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case view(TemplateObject)
    case absent

    /// A view from named values.
    public static func view(_ values: [String: TemplateValue]) -> TemplateValue { .view(TemplateObject(values)) }

    /// The value a view built as `[String: Any]` stands for: strings, booleans, integers, arrays,
    /// string-keyed dictionaries, and the library-side wrappers of this module. Anything else (no
    /// view of the site or the sheets has any) becomes its description as text.
    public init(any value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let dictionary as [String: Any]: self = .view(TemplateObject(dictionary.mapValues(TemplateValue.init(any:))))
        case let array as [Any]: self = .list(array.map(TemplateValue.init(any:)))
        case let text as TemplateText: self = .text(text.text)
        case is TemplateAbsent: self = .absent
        case let view as TemplateView: self = .view(TemplateObject(view.values.mapValues(TemplateValue.init(any:))))
        case let value as TemplateValue: self = value
        default: self = .text(String(describing: value))
        }
    }

    /// The same value for swift-mustache's own renderer (a template the compiler leaves to it).
    public var libraryValue: Any {
        switch self {
        case .text(let text): TemplateText(text)
        case .bool(let bool): bool
        case .int(let int): int
        case .list(let items): items.map(\.libraryValue)
        case .view(let object): object.libraryView
        case .absent: TemplateAbsent()
        }
    }
}

/// Named values of a view. A class, so a view nested in many places (the layout's province) and
/// pushed on a context stack is shared rather than copied.
public final class TemplateObject: Sendable {
    public let values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue]) { self.values = values }

    @inline(__always) public subscript(name: String) -> TemplateValue? { values[name] }

    var libraryView: TemplateView { TemplateView(wrapped: values.mapValues(\.libraryValue)) }
}
