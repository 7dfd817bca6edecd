import Mustache

/// Turns a template swift-mustache has parsed into `TemplateNode`s, or says it cannot.
///
/// swift-mustache stays the parser (its standalone-line, indentation, comment and set-delimiter
/// rules are applied while it parses, so its tokens already carry them) and the reference: the
/// compiled render must print what the library's `render` prints. The library keeps its token tree
/// internal, so it is read here through `Mirror`, by the case names and labels of swift-mustache
/// 2.1's `MustacheTemplate.Token`. That reading is guarded: any token this compiler does not
/// understand, or understands but does not implement, makes `compile` return nil, and the caller
/// renders that template with the library instead. Left to the library:
/// - transforms (`{{uppercased(name)}}`, `{{#first(list)}}`, …) and the sequence context they read;
/// - dynamic partials (`{{>*name}}`) and template inheritance (`{{<parent}}`, `{{$block}}`);
/// - any token case, tuple shape or payload type not listed below (a newer library version).
/// Lambdas need no rule: a `TemplateValue` cannot hold one.
enum TemplateCompiler {
    /// What a template's nodes refer to by name: the partials, resolved later to indices.
    struct Unit {
        var nodes: [TemplateNode]
        var partials: Set<String>
    }

    static func compile(_ template: MustacheTemplate, partialIndex: (String) -> Int?) -> Unit? {
        var partials = Set<String>()
        guard let nodes = nodes(of: template, escaper: .characters, partials: &partials, partialIndex: partialIndex) else { return nil }
        return Unit(nodes: nodes, partials: partials)
    }

    /// The partial names a template refers to (nil when its tokens cannot be read).
    static func partialNames(_ template: MustacheTemplate) -> Set<String>? {
        var partials = Set<String>()
        guard nodes(of: template, escaper: .characters, partials: &partials, partialIndex: { _ in nil }) != nil else { return nil }
        return partials
    }

    /// The nodes of one token list. `escaper` is the content type in force where the list starts
    /// (a `{{% CONTENT_TYPE }}` token changes it for the tokens after it, sections included, as the
    /// library's render loop does with its context).
    private static func nodes(
        of template: MustacheTemplate, escaper: TemplateNode.Escaper, partials: inout Set<String>,
        partialIndex: (String) -> Int?
    ) -> [TemplateNode]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else { return nil }
        var escaper = escaper
        var out: [TemplateNode] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else { return nil }
            switch label {
            case "text":
                guard let text = payload.value as? String else { return nil }
                if !text.isEmpty { out.append(.text(Array(text.utf8))) }
            case "variable", "unescapedVariable":
                guard let (name, transforms) = nameAndTransforms(payload.value), transforms.isEmpty else { return nil }
                out.append(label == "variable" ? .variable(TemplateName(name), escaper) : .unescaped(TemplateName(name)))
            case "section", "invertedSection":
                let fields = Mirror(reflecting: payload.value).children.map { $0 }
                guard fields.count == 3, fields[0].label == "name", fields[1].label == "transforms", fields[2].label == "template",
                    let name = fields[0].value as? String, let transforms = fields[1].value as? [String], transforms.isEmpty,
                    let body = fields[2].value as? MustacheTemplate,
                    let bodyNodes = nodes(of: body, escaper: escaper, partials: &partials, partialIndex: partialIndex)
                else { return nil }
                out.append(label == "section" ? .section(TemplateName(name), bodyNodes) : .inverted(TemplateName(name), bodyNodes))
            case "partial":
                let fields = Mirror(reflecting: payload.value).children.map { $0 }
                guard fields.count == 3, fields[1].label == "indentation", fields[2].label == "inherits",
                    let name = fields[0].value as? String,
                    let indentation = optional(fields[1].value, as: String.self),
                    let inherits = optional(fields[2].value, as: [String: MustacheTemplate].self), inherits == nil
                else { return nil }
                partials.insert(name)
                out.append(.partial(partialIndex(name), indentation: indentation.map { Array($0.utf8) }))
            case "contentType":
                guard let contentType = payload.value as? any MustacheContentType else { return nil }
                escaper = contentType is any MarkupContentType ? .markup : .custom(contentType)
            default:
                // blockDefinition, blockExpansion, dynamicNamePartial, or a case this compiler has never seen.
                return nil
            }
        }
        return out
    }

    /// `(name: String, transforms: [String])`.
    private static func nameAndTransforms(_ value: Any) -> (String, [String])? {
        let fields = Mirror(reflecting: value).children.map { $0 }
        guard fields.count == 2, fields[0].label == "name", fields[1].label == "transforms",
            let name = fields[0].value as? String, let transforms = fields[1].value as? [String]
        else { return nil }
        return (name, transforms)
    }

    /// An `Optional<T>` held in `Any`: `.some(nil)` for `nil`, `.some(value)` for a value, nil when it
    /// is not an optional of `T` at all.
    private static func optional<T>(_ value: Any, as type: T.Type) -> T?? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        guard let wrapped = mirror.children.first?.value else { return .some(nil) }
        guard let typed = wrapped as? T else { return nil }
        return .some(typed)
    }
}

/// A content type that escapes exactly `& < > " '` as `&amp; &lt; &gt; &quot; &#39;` (the library's
/// five, byte for byte as `MarkupText.escape`). A compiled template escapes such a content type's
/// text on bytes itself instead of calling it; any other content type is called.
public protocol MarkupContentType: MustacheContentType {}
