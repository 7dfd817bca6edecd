import Catalogue
import Dispatch
import Synchronization

/// Writes the canonical XML form: UTF-8, an XML declaration, two-space indentation, members in the
/// order of the JSON keys, attributes before child elements, defaults and empty lists left out — so
/// the same model always gives the same bytes, and reading them back gives the same model.
///
/// Every value is escaped: `&`, `<`, `>` in text; also `"` and line breaks/tabs (as character
/// references, which attribute-value normalisation would otherwise turn into spaces) in attributes.
/// Characters XML 1.0 cannot carry at all (C0 controls other than tab and line breaks) are dropped.
/// Optional text that is empty or blank is left out, as the schema has no empty text.
struct XMLWriter: ~Copyable {
    /// The document so far: `count` bytes at `base`, room for `capacity`. A buffer of its own rather
    /// than a `[UInt8]`: a draft of 10,000 procedures is about a million small appends (names,
    /// brackets, indentation), and each of an array's costs a generic call and a capacity check.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var depth = 0

    init() {
        capacity = 16 * 1024
        base = .allocate(capacity: capacity)
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// A writer of a fragment at this depth, without the XML declaration.
    private init(depth: Int) {
        self.depth = depth
        capacity = 64 * 1024
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    private var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    var output: String { String(decoding: written, as: UTF8.self) }

    /// The document's UTF-8 (valid: every value written came from a `String`).
    var bytes: [UInt8] { Array(written) }

    // MARK: The document

    mutating func root(_ decision: Decision) {
        element("decision", [
            ("xmlns", XMLFormat.namespace),
            ("version", XMLFormat.version),
            ("number", decision.number),
            ("signedOn", decision.signedOn.iso),
            ("effectiveOn", decision.effectiveOn?.iso),
            ("parentDecision", decision.parentDecision),
        ]) { w in
            w.text("place", decision.place)
            w.text("authority", decision.authority, required: true)
            if let signer = decision.signer {
                w.element("signer", []) { w in
                    w.text("name", signer.name, required: true)
                    w.text("onBehalfOf", signer.onBehalfOf)
                    w.text("title", signer.title, required: true)
                }
            }
            w.text("title", decision.title, required: true)
            w.list("legalBases", decision.legalBases) { w, basis in w.legalBasis(basis) }
            w.items(decision.items)
        }
    }

    /// The decision's items, written in chunks on every core and joined in order: a draft imported
    /// from the national portal holds thousands of procedures (about 10 KB of XML each).
    private mutating func items(_ items: [DecisionItem]) {
        guard !items.isEmpty else { return }
        element("items", []) { w in
            guard items.count >= 64 else {
                for item in items { w.item(item) }
                return
            }
            let chunkSize = 16
            let chunks = (items.count + chunkSize - 1) / chunkSize
            let parts = Mutex<[[UInt8]]>(Array(repeating: [], count: chunks))
            let depth = w.depth
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                var part = XMLWriter(depth: depth)
                for item in items[(k * chunkSize)..<min(items.count, (k + 1) * chunkSize)] { part.item(item) }
                let bytes = part.bytes
                parts.withLock { $0[k] = bytes }
            }
            parts.withLock { parts in
                w.reserve(parts.reduce(0) { $0 + $1.count })
                for part in parts { part.withUnsafeBufferPointer { w.append($0) } }
            }
        }
    }

    mutating func root(_ procedure: Procedure) {
        self.procedure(procedure, isRoot: true)
    }

    private mutating func legalBasis(_ basis: LegalBasis) {
        element("legalBasis", [("number", basis.number), ("issuedOn", basis.issuedOn?.iso)]) { w in
            w.text("title", basis.title)
            w.text("article", basis.article)
        }
    }

    private mutating func item(_ item: DecisionItem) {
        element("item", [
            ("action", item.action.rawValue),
            ("code", item.code?.rawValue),
            ("level", item.level?.rawValue),
            ("effectiveOn", item.effectiveOn?.iso),
        ]) { w in
            w.text("name", item.name)
            if let field = item.field { w.field(field) }
            w.list("replaces", item.replaces) { w, code in w.text("code", code.rawValue, required: true) }
            w.list("changedParts", item.changedParts) { w, part in w.text("part", part.rawValue, required: true) }
            w.text("basis", item.basis)
            if let procedure = item.procedure { w.procedure(procedure, isRoot: false) }
        }
    }

    private mutating func procedure(_ p: Procedure, isRoot: Bool) {
        element("procedure", [
            ("xmlns", isRoot ? XMLFormat.namespace : nil),
            ("version", isRoot ? XMLFormat.version : nil),
            ("code", p.code?.rawValue),
            ("type", p.type == .ordinary ? nil : p.type.rawValue),
            ("annualVolume", p.annualVolume.map(String.init)),
        ]) { w in
            w.text("name", p.name, required: true)
            w.list("levels", p.levels) { w, level in w.text("level", level.rawValue, required: true) }
            w.list("fields", p.fields) { w, field in w.field(field) }
            w.list("reception", p.reception) { w, r in
                w.element("place", [("place", r.place.rawValue)]) { w in
                    w.list("communes", r.communes) { w, code in w.text("commune", code, required: true) }
                    w.text("name", r.name)
                }
            }
            w.list("steps", p.steps) { w, group in
                w.element("group", []) { w in
                    w.text("case", group.caseName)
                    w.list("steps", group.steps) { w, step in
                        w.element("step", []) { w in
                            w.text("title", step.title)
                            w.text("text", step.text, required: true)
                        }
                    }
                }
            }
            w.list("channels", p.channels) { w, channel in w.channel(channel) }
            if p.dossier != Dossier() { w.dossier(p.dossier) }
            w.list("subjects", p.subjects) { w, s in w.text("subject", s, required: true) }
            w.list("agencies", p.agencies) { w, agency in
                w.element("agency", [("role", agency.role.rawValue)]) { w in w.text("name", agency.name, required: true) }
            }
            w.list("results", p.results) { w, result in
                w.element("result", [("code", result.code)]) { w in w.text("name", result.name, required: true) }
            }
            w.list("forms", p.forms) { w, form in
                w.element("form", [("code", form.code), ("file", form.file)]) { w in
                    w.text("name", form.name, required: true)
                    w.text("source", form.source)
                }
            }
            w.list("requirements", p.requirements) { w, r in
                w.element("requirement", []) { w in
                    w.text("text", r.text, required: true)
                    w.text("basis", r.basis)
                }
            }
            w.list("legalBases", p.legalBases) { w, basis in w.legalBasis(basis) }
            if let online = p.online {
                w.element("online", [("level", online.level.rawValue), ("url", online.url)]) { w in
                    w.list("codes", online.codes) { w, code in w.text("code", code, required: true) }
                }
            }
            w.list("keywords", p.keywords) { w, k in w.text("keyword", k, required: true) }
            w.text("notes", p.notes)
        }
    }

    private mutating func field(_ field: Field) {
        element("field", [("code", field.code)]) { w in w.text("name", field.name, required: true) }
    }

    private mutating func channel(_ channel: Channel) {
        element("channel", [("method", channel.method.rawValue)]) { w in
            let time = channel.time
            w.element("time", [("value", time.value?.description), ("unit", time.unit?.rawValue)]) { w in
                w.text("text", time.text)
                w.list("stages", time.stages) { w, stage in
                    w.element("stage", [("value", stage.value?.description), ("unit", stage.unit?.rawValue)]) { w in
                        w.text("name", stage.name, required: true)
                    }
                }
            }
            w.list("fees", channel.fees) { w, fee in
                w.element("fee", [("kind", fee.kind.rawValue), ("amount", fee.amount?.description), ("currency", fee.currency)]) { w in
                    w.text("text", fee.text)
                    w.text("description", fee.description)
                    w.list("exemptions", fee.exemptions) { w, e in w.text("exemption", e, required: true) }
                }
            }
            w.text("description", channel.description)
        }
    }

    private mutating func dossier(_ dossier: Dossier) {
        element("dossier", [("sets", dossier.sets.map(String.init))]) { w in
            w.list("cases", dossier.cases) { w, c in
                w.element("case", []) { w in
                    w.text("name", c.name)
                    w.list("items", c.items) { w, item in
                        w.element("item", [
                            ("code", item.code),
                            ("originals", item.originals == 1 ? nil : String(item.originals)),
                            ("copies", item.copies == 0 ? nil : String(item.copies)),
                            ("required", item.required ? nil : "false"),
                            ("presentation", item.presentation == .submit ? nil : item.presentation.rawValue),
                        ]) { w in
                            w.text("name", item.name, required: true)
                            w.text("form", item.form)
                            w.text("note", item.note)
                        }
                    }
                }
            }
        }
    }

    // MARK: Markup

    /// An element with its attributes (nil values left out) and children; `<name …/>` when it has none.
    private mutating func element(
        _ name: StaticString, _ attributes: [(StaticString, String?)], _ children: (inout XMLWriter) -> Void
    ) {
        indent()
        byte(UInt8(ascii: "<"))
        raw(name)
        for (key, value) in attributes {
            guard let value else { continue }
            byte(0x20)
            raw(key)
            raw("=\"")
            escaped(value, attribute: true)
            byte(UInt8(ascii: "\""))
        }
        let mark = count
        raw(">\n")
        depth += 1
        let before = count
        children(&self)
        depth -= 1
        if count == before {
            count = mark
            raw("/>\n")
        } else {
            indent()
            raw("</")
            raw(name)
            raw(">\n")
        }
    }

    /// A wrapper element holding one entry per value; nothing for an empty list.
    private mutating func list<T>(_ name: StaticString, _ values: [T], _ entry: (inout XMLWriter, T) -> Void) {
        guard !values.isEmpty else { return }
        element(name, []) { w in
            for value in values { entry(&w, value) }
        }
    }

    /// A text element. Optional text that is empty or blank is left out; required text is always written.
    private mutating func text(_ name: StaticString, _ value: String?, required: Bool = false) {
        guard let value else { return }
        if !required {
            // A visible ASCII first byte starts a character that is not white space (a character's
            // `isWhitespace` is its first scalar's): the common case, decided without Characters.
            let first = value.utf8.first ?? 0
            if !(first > 0x20 && first < 0x80), value.allSatisfy(\.isWhitespace) { return }
        }
        indent()
        byte(UInt8(ascii: "<"))
        raw(name)
        byte(UInt8(ascii: ">"))
        escaped(value, attribute: false)
        raw("</")
        raw(name)
        raw(">\n")
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(extra) }
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: from, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func raw(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func indent() {
        let n = 2 * depth
        reserve(n)
        (base + count).initialize(repeating: 0x20, count: n)
        count += n
    }

    /// Runs of bytes needing no escape are copied whole; only the bytes that may need one are looked
    /// at, and 0xEF, the lead byte of U+FFFE and U+FFFF (0xBE and 0xBF, their last bytes, are common
    /// in Vietnamese: "ế" is E1 BA BF).
    private mutating func escaped(_ s: String, attribute: Bool) {
        // Bytes below 0x40 that may need an escape (C0 controls, `"`, `&`, `<`, `>`), as bits.
        let special: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        var s = s
        s.withUTF8 { p in
            let n = p.count
            let raw = UnsafeRawBufferPointer(p)
            var run = 0, i = 0
            while i < n {
                // Eight bytes at a time while none of them may need an escape: most text has none.
                if i + 8 <= n, !Self.mayNeedEscape(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) {
                    i += 8
                    continue
                }
                let b = p[i]
                if b < 0x40 ? (special >> UInt64(b)) & 1 == 0 : b != 0xEF {
                    i += 1
                    continue
                }
                if b == 0xEF {
                    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters: drop them.
                    guard i + 2 < n, p[i + 1] == 0xBF, p[i + 2] & 0xFE == 0xBE else {
                        i += 1
                        continue
                    }
                    append(UnsafeBufferPointer(rebasing: p[run..<i]))
                    i += 3
                    run = i
                    continue
                }
                append(UnsafeBufferPointer(rebasing: p[run..<i]))
                escape(b, attribute: attribute)
                i += 1
                run = i
            }
            append(UnsafeBufferPointer(rebasing: p[run..<n]))
        }
    }

    /// Whether any of eight bytes is one `escaped` looks at: below 0x20, `"`, `&`, `<`, `>` or 0xEF.
    /// May say yes for other bytes after such a one (borrows), never no for one of them.
    @inline(__always)
    private static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        /// Bytes of `x` that are zero (exactly, for the lowest such byte).
        @inline(__always) func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let below20 = (w &- 0x20 &* ones) & ~w & high
        return below20 | zero(w ^ 0x22 &* ones) | zero(w ^ 0x26 &* ones) | zero(w ^ 0x3C &* ones)
            | zero(w ^ 0x3E &* ones) | zero(w ^ 0xEF &* ones) != 0
    }

    /// One byte that may need an escape (a C0 control, `"`, `&`, `<` or `>`).
    private mutating func escape(_ b: UInt8, attribute: Bool) {
        switch b {
        case UInt8(ascii: "&"): raw("&amp;")
        case UInt8(ascii: "<"): raw("&lt;")
        case UInt8(ascii: ">"): raw("&gt;")
        case UInt8(ascii: "\"") where attribute: raw("&quot;")
        case 0x0A where attribute: raw("&#10;")
        case 0x0D: raw("&#13;")
        case 0x09 where attribute: raw("&#9;")
        case 0x09, 0x0A, UInt8(ascii: "\""): byte(b)
        default: break  // C0 controls are not representable in XML 1.0
        }
    }
}
