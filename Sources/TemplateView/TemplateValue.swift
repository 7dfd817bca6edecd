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

    /// A view from names and values, each name once.
    public static func view(uniqueNames pairs: [(String, TemplateValue)]) -> TemplateValue { .view(TemplateObject(uniqueNames: pairs)) }

    /// The value a view built as `[String: Any]` stands for: strings, booleans, integers, arrays,
    /// string-keyed dictionaries, and the library-side wrappers of this module. Anything else (no
    /// view of the site or the sheets has any) becomes its description as text.
    public init(any value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let dictionary as [String: Any]: self = .view(TemplateObject(dictionary))
        // Lists of views and of strings by their own type first: casting them to `[Any]` would
        // box every element into a new array before it is converted.
        case let views as [[String: Any]]: self = .list(views.map { .view(TemplateObject($0)) })
        case let texts as [String]: self = .list(texts.map { .text($0) })
        case let array as [Any]: self = .list(array.map(TemplateValue.init(any:)))
        case let text as TemplateText: self = .text(text.text)
        case is TemplateAbsent: self = .absent
        case let view as TemplateView: self = .view(TemplateObject(view.values))
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
///
/// Each name is kept with its `TemplateObject.hash`, which a compiled template computes once per
/// name when it is compiled: a lookup compares hashes (a view of a few names) or probes a small
/// open-addressing table (a larger one), then compares the name once, instead of hashing the name
/// again at every level of the context stack it climbs.
public final class TemplateObject: Sendable {
    struct Entry: Sendable {
        let hash: Int
        let name: String
        let value: TemplateValue
    }

    let entries: [Entry]
    /// For views of more than `Self.scanned` names: the index in `entries` of each name, -1 where
    /// empty; a power of two, at most half full. Empty for smaller views, which are scanned.
    private let table: [Int32]
    private static let scanned = 8

    /// A view from a dictionary.
    public convenience init(_ values: [String: TemplateValue]) {
        self.init(uniqueNames: values.map { ($0.key, $0.value) })
    }

    /// A view from a dictionary built as `[String: Any]`, each value as `TemplateValue(any:)` sees it.
    convenience init(_ values: [String: Any]) {
        self.init(uniqueNames: values.map { ($0.key, TemplateValue(any: $0.value)) })
    }

    /// A view from names and values, each name once (a later duplicate would never be found).
    public convenience init(uniqueNames pairs: [(String, TemplateValue)]) {
        self.init(entries: pairs.map { Entry(hash: Self.hash($0.0), name: $0.0, value: $0.1) })
    }

    /// A view from entries whose names are unique and hashes computed (`TemplateFields`).
    init(entries: [Entry]) {
        self.entries = entries
        guard entries.count > Self.scanned else {
            table = []
            return
        }
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var table = [Int32](repeating: -1, count: capacity)
        for (index, entry) in entries.enumerated() {
            var i = entry.hash & mask
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(index)
        }
        self.table = table
    }

    /// The values by name.
    public var values: [String: TemplateValue] {
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    @inline(__always) public subscript(name: String) -> TemplateValue? { self[name, Self.hash(name)] }

    /// The value of a name whose `hash` is already known.
    @inline(__always) subscript(name: String, hash: Int) -> TemplateValue? {
        if table.isEmpty {
            for entry in entries where entry.hash == hash && entry.name == name { return entry.value }
            return nil
        }
        let mask = table.count - 1
        var i = hash & mask
        while true {
            let index = table[i]
            if index < 0 { return nil }
            let entry = entries[Int(index)]
            if entry.hash == hash && entry.name == name { return entry.value }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a over the name's UTF-8 bytes (names are short ASCII words).
    static func hash(_ name: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    var libraryView: TemplateView { TemplateView(wrapped: values.mapValues(\.libraryValue)) }
}
