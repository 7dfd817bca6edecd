import Catalogue
import Foundation

/// `{"procedure": {…}}` written straight from the model's fields into UTF-8 bytes: the same bytes
/// `JSONWriter` gets from the model's `Codable` conformance, at a fraction of the cost (the site
/// writes one file per procedure, and through the `Encoder` protocol a boxed container per object,
/// generic dispatch and a coding path per value were most of the work).
///
/// The `Codable` conformance stays the one definition of the format: this is a copy of it, and
/// `ProcedureJSONTests` holds the two together — every procedure of the bundled catalogue, a
/// generated one and a fixture that fills every optional part are written both ways and compared
/// byte for byte, and the fields of every model type written here are listed there, so a field
/// added to the model fails the test until it is added here too.
enum ProcedureJSON {
    /// The whole file, with its trailing newline.
    static func bytes(_ procedure: Procedure) -> [UInt8] {
        var w = PrettyBytes()
        w.open(UInt8(ascii: "{"))
        w.key("procedure")
        w.procedure(procedure)
        w.close(UInt8(ascii: "}"))
        w.out.append(UInt8(ascii: "\n"))
        return w.out
    }
}

/// Pretty JSON as `JSONWriter` prints it (two-space indent, `"key": value`, `{}` for an empty
/// object), for writers that know the shape of what they write.
struct PrettyBytes {
    var out: [UInt8] = []
    /// The number of members written so far in each open object or array, innermost last.
    private var counts: [Int] = []

    init() {
        out.reserveCapacity(8192)
        counts.reserveCapacity(8)
    }

    // MARK: - Structure

    mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        counts.append(0)
    }

    mutating func close(_ bracket: UInt8) {
        if counts.removeLast() > 0 {
            out.append(UInt8(ascii: "\n"))
            indent(counts.count)
        }
        out.append(bracket)
    }

    /// The separator and indentation before the next member of the innermost container.
    private mutating func next() {
        let last = counts.count - 1
        if counts[last] > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
        counts[last] += 1
        indent(counts.count)
    }

    /// Starts a member of the innermost object. Keys are the model's own, plain ASCII: no escaping.
    mutating func key(_ name: StaticString) {
        next()
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// Starts an element of the innermost array.
    mutating func element() {
        next()
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func indent(_ depth: Int) {
        let n = depth * 2
        if n <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
        }
    }

    // MARK: - Values

    mutating func string(_ s: String) {
        JSONStreamWriter.appendString(s, to: &out)
    }

    mutating func integer(_ n: Int) {
        out.append(contentsOf: n.description.utf8)
    }

    mutating func bool(_ b: Bool) {
        out.append(contentsOf: (b ? "true" : "false").utf8)
    }

    mutating func decimal(_ d: DecimalNumber) {
        out.append(contentsOf: JSONWriter.decimalLiteral(d.decimal).utf8)
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func string(_ name: StaticString, _ value: String?) {
        if let value { string(name, value) }
    }

    /// A list the model writes only when it is not empty (`Many`).
    mutating func list<T>(_ name: StaticString, _ values: [T], _ write: (inout PrettyBytes, T) -> Void) {
        guard !values.isEmpty else { return }
        key(name)
        out.append(UInt8(ascii: "["))
        counts.append(0)
        for v in values {
            element()
            write(&self, v)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func strings(_ name: StaticString, _ values: [String]) {
        list(name, values) { $0.string($1) }
    }

    /// An object: its members are written by `body`.
    mutating func object(_ body: (inout PrettyBytes) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    // MARK: - The model, field by field in the order its `encode(to:)` writes them

    mutating func procedure(_ p: Procedure) {
        object { w in
            w.string("code", p.code?.rawValue)
            w.string("name", p.name)
            w.list("levels", p.levels) { $0.string($1.rawValue) }
            w.list("fields", p.fields) { w, f in
                w.object { w in
                    w.string("name", f.name)
                    w.string("code", f.code)
                }
            }
            w.list("reception", p.reception) { w, r in
                w.object { w in
                    w.string("place", r.place.rawValue)
                    w.strings("communes", r.communes)
                    w.string("name", r.name)
                }
            }
            w.list("steps", p.steps) { w, g in
                w.object { w in
                    w.string("case", g.caseName)
                    w.list("steps", g.steps) { w, s in
                        w.object { w in
                            w.string("title", s.title)
                            w.string("text", s.text)
                        }
                    }
                }
            }
            w.list("channels", p.channels) { $0.channel($1) }
            if p.dossier != Dossier() {
                w.key("dossier")
                w.dossier(p.dossier)
            }
            w.strings("subjects", p.subjects)
            w.list("agencies", p.agencies) { w, a in
                w.object { w in
                    w.string("role", a.role.rawValue)
                    w.string("name", a.name)
                }
            }
            w.list("results", p.results) { w, r in
                w.object { w in
                    w.string("name", r.name)
                    w.string("code", r.code)
                }
            }
            w.list("forms", p.forms) { w, f in
                w.object { w in
                    w.string("name", f.name)
                    w.string("code", f.code)
                    w.string("source", f.source)
                    w.string("file", f.file)
                }
            }
            w.list("requirements", p.requirements) { w, r in
                w.object { w in
                    w.string("text", r.text)
                    w.string("basis", r.basis)
                }
            }
            w.list("legalBases", p.legalBases) { w, b in
                w.object { w in
                    w.string("number", b.number)
                    w.string("title", b.title)
                    w.string("article", b.article)
                    w.string("issuedOn", b.issuedOn?.iso)
                }
            }
            if let online = p.online {
                w.key("online")
                w.object { w in
                    w.string("level", online.level.rawValue)
                    w.strings("codes", online.codes)
                    w.string("url", online.url)
                }
            }
            if p.type != .ordinary { w.string("type", p.type.rawValue) }
            if let volume = p.annualVolume {
                w.key("annualVolume")
                w.integer(volume)
            }
            w.strings("keywords", p.keywords)
            w.string("notes", p.notes)
        }
    }

    mutating func channel(_ c: Channel) {
        object { w in
            w.string("method", c.method.rawValue)
            w.key("time")
            w.object { w in
                let t = c.time
                if let value = t.value {
                    w.key("value")
                    w.decimal(value)
                }
                w.string("unit", t.unit?.rawValue)
                w.string("text", t.text)
                w.list("stages", t.stages) { w, s in
                    w.object { w in
                        w.string("name", s.name)
                        if let value = s.value {
                            w.key("value")
                            w.decimal(value)
                        }
                        w.string("unit", s.unit?.rawValue)
                    }
                }
            }
            w.list("fees", c.fees) { w, f in
                w.object { w in
                    w.string("kind", f.kind.rawValue)
                    if let amount = f.amount {
                        w.key("amount")
                        w.decimal(amount)
                    }
                    w.string("currency", f.currency)
                    w.string("text", f.text)
                    w.string("description", f.description)
                    w.strings("exemptions", f.exemptions)
                }
            }
            w.string("description", c.description)
        }
    }

    mutating func dossier(_ d: Dossier) {
        object { w in
            w.list("cases", d.cases) { w, c in
                w.object { w in
                    w.string("name", c.name)
                    w.list("items", c.items) { w, i in
                        w.object { w in
                            w.string("name", i.name)
                            w.string("code", i.code)
                            w.string("form", i.form)
                            if i.originals != 1 {
                                w.key("originals")
                                w.integer(i.originals)
                            }
                            if i.copies != 0 {
                                w.key("copies")
                                w.integer(i.copies)
                            }
                            if !i.required {
                                w.key("required")
                                w.bool(i.required)
                            }
                            if i.presentation != .submit { w.string("presentation", i.presentation.rawValue) }
                            w.string("note", i.note)
                        }
                    }
                }
            }
            if let sets = d.sets {
                w.key("sets")
                w.integer(sets)
            }
        }
    }
}
