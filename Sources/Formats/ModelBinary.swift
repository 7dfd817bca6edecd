import Catalogue
import Foundation

/// The load cache's form of a decision (`DecisionCache`): the model's fields one after another in
/// declaration order, written and read by hand. Not an exchange format: only the same build of tthc
/// reads it (an entry records the program that wrote it), so it needs no keys, tags or versions;
/// reading it back is a walk over the bytes with no `Decoder`, containers or key look-ups, which
/// is what made the generic decoding most of a warm load.
///
/// - an `Int` is zigzag LEB128, a `Bool` one byte;
/// - a `String` is its number in the entry's string table, which comes first: every distinct text
///   once (its UTF-8 length, then its bytes), so the texts a decision repeats in every procedure
///   (forms, agencies, steps, dossier items: about five times out of six in the generated
///   catalogues) are checked as UTF-8 and allocated once per entry and shared after that;
/// - an optional is a byte (0 absent, 1 present) then the value, an optional `String` its number
///   plus one (0 absent); a list its count then the values;
/// - an enum is its position among the type's cases (`allCases`), so reading one is an index, not
///   a comparison of its raw value with each case's (format 3 named the raw value, and matching it
///   was a tenth of decoding); a `Decimal` its 20 bytes as they are in memory (the same build reads
///   them).
///
/// Reading checks every length against the end of the bytes and every enum against its cases, and
/// throws `Malformed` rather than trapping, so a damaged entry is only a miss (entries also carry a
/// digest of their payload). `ModelBinaryTests` checks that every model field is written (a field
/// added to the model fails it until it is added here) and that decisions come back equal.
enum ModelBinary {
    struct Malformed: Error, Sendable {}
}

// MARK: - Writing

struct BinaryWriter {
    /// The values, with texts as their numbers in the table.
    var out: [UInt8] = []
    /// The string table: every distinct text, its length then its bytes, in the order first met.
    private var table: [UInt8] = []
    private var numbers: [String: Int] = [:]

    init(capacity: Int = 4096) {
        out.reserveCapacity(capacity)
    }

    /// The whole form: the string table (count of texts, byte length, texts), then the values.
    var bytes: [UInt8] {
        var header = BinaryWriter()
        header.count(numbers.count)
        header.count(table.count)
        return header.out + table + out
    }

    /// A text's number in the table, adding it when new.
    private mutating func number(_ s: String) -> Int {
        if let known = numbers[s] { return known }
        let n = numbers.count
        numbers[s] = n
        var s = s
        s.withUTF8 { utf8 in
            var n = UInt(utf8.count)
            while n >= 0x80 {
                table.append(UInt8(truncatingIfNeeded: n) | 0x80)
                n >>= 7
            }
            table.append(UInt8(n))
            table.append(contentsOf: utf8)
        }
        return n
    }

    mutating func count(_ n: Int) {
        unsigned(UInt(n))
    }

    mutating func unsigned(_ n: UInt) {
        var n = n
        while n >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: n) | 0x80)
            n >>= 7
        }
        out.append(UInt8(n))
    }

    mutating func int(_ n: Int) {
        unsigned(UInt(bitPattern: (n << 1) ^ (n >> (Int.bitWidth - 1))))
    }

    mutating func bool(_ b: Bool) {
        out.append(b ? 1 : 0)
    }

    mutating func string(_ s: String) {
        count(number(s))
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        if let value {
            out.append(1)
            write(&self, value)
        } else {
            out.append(0)
        }
    }

    mutating func string(_ s: String?) {
        count(s.map { number($0) + 1 } ?? 0)
    }

    mutating func list<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        count(values.count)
        for v in values { write(&self, v) }
    }

    mutating func strings(_ values: [String]) {
        list(values) { $0.string($1) }
    }

    mutating func raw<E: CaseIterable & Equatable>(_ value: E) where E.AllCases == [E] {
        count(E.allCases.firstIndex(of: value)!)
    }

    mutating func decimal(_ d: DecimalNumber) {
        withUnsafeBytes(of: d.decimal) { out.append(contentsOf: $0) }
    }

    mutating func date(_ d: LocalDate) {
        int(d.year)
        int(d.month)
        int(d.day)
    }
}

// MARK: - Reading

struct BinaryReader {
    private let base: UnsafePointer<UInt8>
    private(set) var position: Int
    let end: Int
    /// The entry's texts, by number (`stringTable()`).
    private var texts: [String] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        position = 0
        end = bytes.count
    }

    /// Reads the string table that starts the form (`BinaryWriter.bytes`): each text is checked as
    /// UTF-8 here, once, however many times the values use it.
    mutating func stringTable() throws(ModelBinary.Malformed) {
        let n = try listCount()
        let length = try listCount()
        let tableEnd = position + length
        var strings: [String] = []
        strings.reserveCapacity(n)
        for _ in 0..<n {
            let size = try count()
            guard size <= tableEnd - position else { throw ModelBinary.Malformed() }
            guard let s = String(validating: UnsafeBufferPointer(start: base + position, count: size), as: UTF8.self) else {
                throw ModelBinary.Malformed()
            }
            strings.append(s)
            position += size
        }
        guard position == tableEnd else { throw ModelBinary.Malformed() }
        texts = strings
    }

    var atEnd: Bool { position == end }

    mutating func byte() throws(ModelBinary.Malformed) -> UInt8 {
        guard position < end else { throw ModelBinary.Malformed() }
        defer { position += 1 }
        return base[position]
    }

    mutating func count() throws(ModelBinary.Malformed) -> Int {
        let n = try unsigned()
        guard n <= UInt(Int.max) else { throw ModelBinary.Malformed() }
        return Int(n)
    }

    mutating func unsigned() throws(ModelBinary.Malformed) -> UInt {
        var result: UInt = 0
        var shift: UInt = 0
        while true {
            let b = try byte()
            // Ten bytes hold 64 bits; the tenth may only add the top bit.
            guard shift < 64, shift < 63 || b <= 1 else { throw ModelBinary.Malformed() }
            result |= UInt(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count of things each at least one byte long: no more than the bytes left.
    mutating func listCount() throws(ModelBinary.Malformed) -> Int {
        let n = try count()
        guard n <= end - position else { throw ModelBinary.Malformed() }
        return n
    }

    mutating func int() throws(ModelBinary.Malformed) -> Int {
        let z = try unsigned()
        return Int(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    mutating func bool() throws(ModelBinary.Malformed) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw ModelBinary.Malformed()
        }
    }

    mutating func string() throws(ModelBinary.Malformed) -> String {
        let n = try count()
        guard n < texts.count else { throw ModelBinary.Malformed() }
        return texts[n]
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(ModelBinary.Malformed) -> T) throws(ModelBinary.Malformed) -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        default: throw ModelBinary.Malformed()
        }
    }

    mutating func optionalString() throws(ModelBinary.Malformed) -> String? {
        let n = try count()
        if n == 0 { return nil }
        guard n <= texts.count else { throw ModelBinary.Malformed() }
        return texts[n - 1]
    }

    mutating func list<T>(_ read: (inout BinaryReader) throws(ModelBinary.Malformed) -> T) throws(ModelBinary.Malformed) -> [T] {
        let n = try listCount()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws(ModelBinary.Malformed) -> [String] {
        try list { r throws(ModelBinary.Malformed) in try r.string() }
    }

    mutating func raw<E: CaseIterable>(_: E.Type) throws(ModelBinary.Malformed) -> E where E.AllCases == [E] {
        let n = try count()
        let cases = E.allCases
        guard n < cases.count else { throw ModelBinary.Malformed() }
        return cases[n]
    }

    mutating func decimal() throws(ModelBinary.Malformed) -> DecimalNumber {
        let size = MemoryLayout<Decimal>.size
        guard size <= end - position else { throw ModelBinary.Malformed() }
        defer { position += size }
        return DecimalNumber(UnsafeRawPointer(base + position).loadUnaligned(as: Decimal.self))
    }

    mutating func date() throws(ModelBinary.Malformed) -> LocalDate {
        let y = try int(), m = try int(), d = try int()
        guard let date = LocalDate(year: y, month: m, day: d) else { throw ModelBinary.Malformed() }
        return date
    }
}

// MARK: - The model

extension BinaryWriter {
    mutating func decision(_ d: Decision) {
        string(d.number)
        date(d.signedOn)
        string(d.place)
        string(d.authority)
        optional(d.signer) { w, s in
            w.string(s.name)
            w.string(s.onBehalfOf)
            w.string(s.title)
        }
        string(d.title)
        optional(d.effectiveOn) { $0.date($1) }
        list(d.legalBases) { $0.legalBasis($1) }
        string(d.parentDecision)
        list(d.items) { w, i in
            w.raw(i.action)
            w.optional(i.code) { $0.string($1.rawValue) }
            w.string(i.name)
            w.optional(i.level) { $0.raw($1) }
            w.optional(i.field) { $0.field($1) }
            w.optional(i.effectiveOn) { $0.date($1) }
            w.list(i.replaces) { $0.string($1.rawValue) }
            w.list(i.changedParts) { $0.raw($1) }
            w.string(i.basis)
            w.optional(i.procedure) { $0.procedure($1) }
        }
    }

    mutating func legalBasis(_ b: LegalBasis) {
        string(b.number)
        string(b.title)
        string(b.article)
        optional(b.issuedOn) { $0.date($1) }
    }

    mutating func field(_ f: Field) {
        string(f.name)
        string(f.code)
    }

    mutating func time(_ t: ProcessingTime) {
        optional(t.value) { $0.decimal($1) }
        optional(t.unit) { $0.raw($1) }
        string(t.text)
        list(t.stages) { w, s in
            w.string(s.name)
            w.optional(s.value) { $0.decimal($1) }
            w.optional(s.unit) { $0.raw($1) }
        }
    }

    mutating func procedure(_ p: Procedure) {
        optional(p.code) { $0.string($1.rawValue) }
        string(p.name)
        list(p.levels) { $0.raw($1) }
        list(p.fields) { $0.field($1) }
        list(p.reception) { w, r in
            w.raw(r.place)
            w.strings(r.communes)
            w.string(r.name)
        }
        list(p.steps) { w, g in
            w.string(g.caseName)
            w.list(g.steps) { w, s in
                w.string(s.title)
                w.string(s.text)
            }
        }
        list(p.channels) { w, c in
            w.raw(c.method)
            w.time(c.time)
            w.list(c.fees) { w, f in
                w.raw(f.kind)
                w.optional(f.amount) { $0.decimal($1) }
                w.string(f.currency)
                w.string(f.text)
                w.string(f.description)
                w.strings(f.exemptions)
            }
            w.string(c.description)
        }
        list(p.dossier.cases) { w, c in
            w.string(c.name)
            w.list(c.items) { w, i in
                w.string(i.name)
                w.string(i.code)
                w.string(i.form)
                w.int(i.originals)
                w.int(i.copies)
                w.bool(i.required)
                w.raw(i.presentation)
                w.string(i.note)
            }
        }
        optional(p.dossier.sets) { $0.int($1) }
        strings(p.subjects)
        list(p.agencies) { w, a in
            w.raw(a.role)
            w.string(a.name)
        }
        list(p.results) { w, r in
            w.string(r.name)
            w.string(r.code)
        }
        list(p.forms) { w, f in
            w.string(f.name)
            w.string(f.code)
            w.string(f.source)
            w.string(f.file)
        }
        list(p.requirements) { w, r in
            w.string(r.text)
            w.string(r.basis)
        }
        list(p.legalBases) { $0.legalBasis($1) }
        optional(p.online) { w, o in
            w.raw(o.level)
            w.strings(o.codes)
            w.string(o.url)
        }
        raw(p.type)
        optional(p.annualVolume) { $0.int($1) }
        strings(p.keywords)
        string(p.notes)
    }
}

extension BinaryReader {
    typealias Failure = ModelBinary.Malformed

    mutating func decision() throws(Failure) -> Decision {
        let number = try string()
        let signedOn = try date()
        let place = try optionalString()
        let authority = try string()
        let signer = try optional { r throws(Failure) in
            Decision.Signer(name: try r.string(), onBehalfOf: try r.optionalString(), title: try r.string())
        }
        let title = try string()
        let effectiveOn = try optional { r throws(Failure) in try r.date() }
        let legalBases = try list { r throws(Failure) in try r.legalBasis() }
        let parentDecision = try optionalString()
        let items = try list { r throws(Failure) in
            DecisionItem(
                action: try r.raw(DecisionItem.Action.self),
                code: try r.optional { r throws(Failure) in ProcedureCode(try r.string()) },
                name: try r.optionalString(),
                level: try r.optional { r throws(Failure) in try r.raw(Level.self) },
                field: try r.optional { r throws(Failure) in try r.field() },
                effectiveOn: try r.optional { r throws(Failure) in try r.date() },
                replaces: try r.list { r throws(Failure) in ProcedureCode(try r.string()) },
                changedParts: try r.list { r throws(Failure) in try r.raw(Part.self) },
                basis: try r.optionalString(),
                procedure: try r.optional { r throws(Failure) in try r.procedure() })
        }
        return Decision(
            number: number, signedOn: signedOn, place: place, authority: authority, signer: signer, title: title,
            effectiveOn: effectiveOn, legalBases: legalBases, parentDecision: parentDecision, items: items)
    }

    mutating func legalBasis() throws(Failure) -> LegalBasis {
        LegalBasis(
            number: try string(), title: try optionalString(), article: try optionalString(),
            issuedOn: try optional { r throws(Failure) in try r.date() })
    }

    mutating func field() throws(Failure) -> Field {
        Field(name: try string(), code: try optionalString())
    }

    mutating func time() throws(Failure) -> ProcessingTime {
        ProcessingTime(
            value: try optional { r throws(Failure) in try r.decimal() },
            unit: try optional { r throws(Failure) in try r.raw(TimeUnit.self) },
            text: try optionalString(),
            stages: try list { r throws(Failure) in
                ProcessingTime.Stage(
                    name: try r.string(), value: try r.optional { r throws(Failure) in try r.decimal() },
                    unit: try r.optional { r throws(Failure) in try r.raw(TimeUnit.self) })
            })
    }

    mutating func procedure() throws(Failure) -> Procedure {
        let code = try optional { r throws(Failure) in ProcedureCode(try r.string()) }
        let name = try string()
        let levels = try list { r throws(Failure) in try r.raw(Level.self) }
        let fields = try list { r throws(Failure) in try r.field() }
        let reception = try list { r throws(Failure) in
            Reception(place: try r.raw(Reception.Place.self), communes: try r.strings(), name: try r.optionalString())
        }
        let steps = try list { r throws(Failure) in
            StepGroup(caseName: try r.optionalString(), steps: try r.list { r throws(Failure) in
                Step(title: try r.optionalString(), text: try r.string())
            })
        }
        let channels = try list { r throws(Failure) in
            Channel(
                method: try r.raw(SubmissionMethod.self), time: try r.time(),
                fees: try r.list { r throws(Failure) in
                    Fee(kind: try r.raw(Fee.Kind.self), amount: try r.optional { r throws(Failure) in try r.decimal() },
                        currency: try r.optionalString(), text: try r.optionalString(), description: try r.optionalString(),
                        exemptions: try r.strings())
                },
                description: try r.optionalString())
        }
        let cases = try list { r throws(Failure) in
            DossierCase(name: try r.optionalString(), items: try r.list { r throws(Failure) in
                DossierItem(
                    name: try r.string(), code: try r.optionalString(), form: try r.optionalString(),
                    originals: try r.int(), copies: try r.int(), required: try r.bool(),
                    presentation: try r.raw(DossierItem.Presentation.self), note: try r.optionalString())
            })
        }
        let sets = try optional { r throws(Failure) in try r.int() }
        let subjects = try strings()
        let agencies = try list { r throws(Failure) in Agency(role: try r.raw(Agency.Role.self), name: try r.string()) }
        let results = try list { r throws(Failure) in Outcome(name: try r.string(), code: try r.optionalString()) }
        let forms = try list { r throws(Failure) in
            Form(name: try r.string(), code: try r.optionalString(), source: try r.optionalString(), file: try r.optionalString())
        }
        let requirements = try list { r throws(Failure) in Requirement(text: try r.string(), basis: try r.optionalString()) }
        let legalBases = try list { r throws(Failure) in try r.legalBasis() }
        let online = try optional { r throws(Failure) in
            OnlineService(level: try r.raw(OnlineLevel.self), codes: try r.strings(), url: try r.optionalString())
        }
        let type = try raw(ProcedureType.self)
        let annualVolume = try optional { r throws(Failure) in try r.int() }
        let keywords = try strings()
        let notes = try optionalString()
        return Procedure(
            code: code, name: name, levels: levels, fields: fields, reception: reception, steps: steps, channels: channels,
            dossier: Dossier(cases: cases, sets: sets), subjects: subjects, agencies: agencies, results: results,
            forms: forms, requirements: requirements, legalBases: legalBases, online: online, type: type,
            annualVolume: annualVolume, keywords: keywords, notes: notes)
    }
}
