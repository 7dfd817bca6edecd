/// Where a value sits in a file, as messages print it: `items[3].procedure.channels[0].time.unit`.
///
/// The root key (`decision` or `procedure`) is left out when something follows it, because every path
/// in a decision file would start with it; on its own it names the decision or procedure itself.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component] = []) { self.components = components }

    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    var description: String {
        var shown = components[...]
        if shown.count > 1, case .key = shown.first! { shown = shown.dropFirst() }
        var out = ""
        for component in shown {
            switch component {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// `path: ` before a message, or nothing at the top of the file.
    var prefix: String { components.isEmpty ? "" : "\(description): " }

    /// The shape expected here, following the table from the file's root; nil where the table does not
    /// reach (under an unknown key, or past a value of the wrong kind).
    var shape: JSONShape? {
        var shape: JSONShape? = JSONShape.root
        for component in components {
            guard let current = shape else { return nil }
            switch component {
            case .key(let k): shape = current.kind == .object ? current.property(named: k)?.shape : nil
            case .index: shape = current.kind == .array ? current.element : nil
            }
        }
        return shape
    }
}
