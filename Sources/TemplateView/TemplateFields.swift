/// A view being built, name by name, as a dictionary would be (setting a name again replaces its
/// value, setting it to nil removes it), then frozen into a `TemplateValue.view`.
///
/// Why not `[String: Any]` turned into a `TemplateValue` afterwards: that conversion cast every
/// value back out of its existential box and rebuilt every nested view, per page, and was a tenth
/// of a site build. Here each value is a `TemplateValue` when it is set, each name's hash is
/// computed once, and `value` hands the entries to `TemplateObject` as they are.
///
/// The typed setters let page code read as a dictionary's (`c["name"] = p.name`); a name is left
/// out rather than set to an empty value, so `{{#name}}…{{/name}}` disappears with it.
public struct TemplateFields: Sendable {
    var entries: [TemplateObject.Entry] = []

    public init() {}

    init(entries: [TemplateObject.Entry]) { self.entries = entries }

    /// Room for `capacity` names without growing.
    public init(capacity: Int) { entries.reserveCapacity(capacity) }

    /// Names and values, each name once (as a dictionary literal would have them).
    public init(_ pairs: KeyValuePairs<String, TemplateValue>) {
        entries.reserveCapacity(pairs.count)
        for (name, value) in pairs { self[name] = value }
    }

    /// The view with the values set so far.
    public var value: TemplateValue { .view(TemplateObject(entries: entries)) }

    /// Whether a name has a value.
    public func contains(_ name: String) -> Bool { index(of: name, hash: TemplateObject.hash(name)) != nil }

    private func index(of name: String, hash: Int) -> Int? {
        entries.firstIndex { $0.hash == hash && $0.name == name }
    }

    /// A name's value; setting nil removes the name.
    public subscript(name: String) -> TemplateValue? {
        get { index(of: name, hash: TemplateObject.hash(name)).map { entries[$0].value } }
        set {
            let hash = TemplateObject.hash(name)
            let at = index(of: name, hash: hash)
            switch (at, newValue) {
            case (let i?, let value?): entries[i] = TemplateObject.Entry(hash: hash, name: name, value: value)
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append(TemplateObject.Entry(hash: hash, name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Text; nil removes the name.
    public subscript(name: String) -> String? {
        get { if case .text(let text)? = self[name] as TemplateValue? { text } else { nil } }
        set { self[name] = newValue.map(TemplateValue.text) }
    }

    /// A flag (a section over it renders on `true`); nil removes the name.
    public subscript(name: String) -> Bool? {
        get { if case .bool(let bool)? = self[name] as TemplateValue? { bool } else { nil } }
        set { self[name] = newValue.map(TemplateValue.bool) }
    }

    /// A number, printed as its digits; nil removes the name.
    public subscript(name: String) -> Int? {
        get { if case .int(let int)? = self[name] as TemplateValue? { int } else { nil } }
        set { self[name] = newValue.map(TemplateValue.int) }
    }

    /// A nested view; nil removes the name.
    public subscript(name: String) -> TemplateFields? {
        get { if case .view(let object)? = self[name] as TemplateValue? { TemplateFields(entries: object.entries) } else { nil } }
        set { self[name] = newValue.map(\.value) }
    }

    /// A list of views (a section repeats per element); nil removes the name.
    public subscript(name: String) -> [TemplateFields]? {
        get {
            guard case .list(let items)? = self[name] as TemplateValue? else { return nil }
            var views: [TemplateFields] = []
            for case .view(let object) in items { views.append(TemplateFields(entries: object.entries)) }
            return views.count == items.count ? views : nil
        }
        set { self[name] = newValue.map { .list($0.map(\.value)) } }
    }

    /// A list of texts; nil removes the name.
    public subscript(name: String) -> [String]? {
        get {
            guard case .list(let items)? = self[name] as TemplateValue? else { return nil }
            var texts: [String] = []
            for case .text(let text) in items { texts.append(text) }
            return texts.count == items.count ? texts : nil
        }
        set { self[name] = newValue.map { .list($0.map(TemplateValue.text)) } }
    }
}
