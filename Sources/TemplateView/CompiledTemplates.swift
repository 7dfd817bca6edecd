import Mustache
import Synchronization

/// A set of Mustache templates compiled once for rendering `TemplateValue`s: the names of each tag
/// split once, the context stack walked over an enum (no dynamic casts), the output appended to one
/// byte buffer, escaped on bytes. Renders what swift-mustache renders for the same view, byte for
/// byte (`TemplateCompilerTests` compare the two on every template of the site and on edge cases).
///
/// A template the compiler cannot read or does not implement (see `TemplateCompiler`), or one that
/// includes such a template as a partial, is rendered by swift-mustache itself, from the same view
/// turned into the library's values: slower, never different.
public struct CompiledTemplates: Sendable {
    enum Entry: Sendable {
        case compiled(ContiguousArray<TemplateNode>)
        case library(MustacheTemplate)
    }

    let entries: [Entry]
    /// Each template's last output size, so the next render of it reserves its buffer once
    /// instead of growing it by doubling (a procedure page is tens of kilobytes).
    let lastSizes: [LastSize]
    let index: [String: Int]
    /// The library the fallback renders through, nil for a template that stands alone (its partials
    /// render as nothing, as with `MustacheTemplate.render(_:)`).
    let library: MustacheLibrary?

    /// Templates that see each other as partials, as in a `MustacheLibrary`.
    public init(templates: [String: MustacheTemplate]) {
        self.init(templates: templates, library: MustacheLibrary(templates: templates))
    }

    /// One template on its own, with no partials (as `MustacheTemplate.render(_:)` renders it).
    public init(standalone template: MustacheTemplate) {
        self.init(templates: ["": template], library: nil)
    }

    private init(templates: [String: MustacheTemplate], library: MustacheLibrary?) {
        let names = templates.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        let resolve: (String) -> Int? = library == nil ? { _ in nil } : { index[$0] }
        var units = names.map { TemplateCompiler.compile(templates[$0]!, partialIndex: resolve) }
        // A template that includes one left to the library is left to the library too: the library
        // cannot render a partial over a context stack the compiled renderer holds.
        var changed = true
        while changed {
            changed = false
            for (i, unit) in units.enumerated() {
                guard let unit else { continue }
                if unit.partials.contains(where: { name in index[name].map { units[$0] == nil } ?? false }) && library != nil {
                    units[i] = nil
                    changed = true
                }
            }
        }
        entries = names.indices.map { i in units[i].map { .compiled(ContiguousArray($0.nodes)) } ?? .library(templates[names[i]]!) }
        lastSizes = names.map { _ in LastSize() }
        self.index = index
        self.library = library
    }

    /// Whether a template renders compiled (false: through swift-mustache, or no such template).
    public func isCompiled(_ name: String) -> Bool {
        guard let i = index[name], case .compiled = entries[i] else { return false }
        return true
    }

    /// Whether the standalone template renders compiled.
    public var isCompiled: Bool { isCompiled("") }

    /// Renders a view with the named template; nil when there is no template of that name.
    public func render(_ value: TemplateValue, withTemplate name: String) -> String? {
        renderBytes(value, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders a view with the named template as UTF-8 bytes (what `render` returns, without making
    /// a `String` of it: a page goes to its file as bytes); nil when there is no template of that name.
    public func renderBytes(_ value: TemplateValue, withTemplate name: String) -> [UInt8]? {
        guard let i = index[name] else { return nil }
        switch entries[i] {
        case .library(let template):
            if let library { return library.render(value.libraryValue, withTemplate: name).map { Array($0.utf8) } }
            return Array(template.render(value.libraryValue).utf8)
        case .compiled(let nodes):
            let last = lastSizes[i].bytes.load(ordering: .relaxed)
            var renderer = TemplateRenderer(entries: entries, root: value, capacity: last + last / 8)
            renderer.render(nodes, indentation: nil)
            lastSizes[i].bytes.store(renderer.out.count, ordering: .relaxed)
            return renderer.out
        }
    }

    /// Renders the standalone template as UTF-8 bytes.
    public func renderBytes(_ value: TemplateValue) -> [UInt8] { renderBytes(value, withTemplate: "") ?? [] }

    /// Renders the standalone template.
    public func render(_ value: TemplateValue) -> String { render(value, withTemplate: "") ?? "" }
}

/// A template's last output size in bytes (0 before its first render), shared by the threads
/// rendering with it; a stale value only costs a buffer that grows.
final class LastSize: Sendable {
    let bytes = Atomic<Int>(0)
}
