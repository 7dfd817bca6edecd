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
///
/// Besides the dictionary, the names are kept in a small open-addressing table hashed with
/// `TemplateObject.hash`, which a compiled template computes once per name when it is compiled:
/// a lookup is then a probe and a string comparison, not a hash of the name at every level of the
/// context stack it climbs.
public final class TemplateObject: Sendable {
    public let values: [String: TemplateValue]
    private let names: [String]
    private let entries: [TemplateValue]
    /// Slot of each name (index into `names`), -1 where empty; a power of two, at most half full.
    private let table: [Int32]

    public init(_ values: [String: TemplateValue]) {
        self.values = values
        var capacity = 8
        while capacity < values.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var table = [Int32](repeating: -1, count: capacity)
        var names: [String] = []
        var entries: [TemplateValue] = []
        names.reserveCapacity(values.count)
        entries.reserveCapacity(values.count)
        for (name, value) in values {
            var i = Self.hash(name) & mask
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(names.count)
            names.append(name)
            entries.append(value)
        }
        self.table = table
        self.names = names
        self.entries = entries
    }

    @inline(__always) public subscript(name: String) -> TemplateValue? { self[name, Self.hash(name)] }

    /// The value of a name whose `hash` is already known.
    @inline(__always) subscript(name: String, hash: Int) -> TemplateValue? {
        let mask = table.count - 1
        var i = hash & mask
        while true {
            let slot = table[i]
            if slot < 0 { return nil }
            if names[Int(slot)] == name { return entries[Int(slot)] }
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
