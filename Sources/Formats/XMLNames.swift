import CLibXML2

/// Every element and attribute name of the XML format (docs/xml-format.md): the JSON keys, and the
/// entry names of lists.
///
/// The reader never builds a String for a name: libxml2 interns names in the parser's dictionary,
/// so `XMLNameTable` maps the interned pointer straight to a case.
enum XMLName: UInt8, CaseIterable {
    // Roots and the decision.
    case decision, procedure, version
    case number, signedOn, place, authority, signer, name, onBehalfOf, title, effectiveOn
    case legalBases, legalBasis, article, issuedOn, parentDecision, items, item
    // Decision items.
    case action, code, level, field, replaces, changedParts, part, basis
    // The procedure.
    case type, annualVolume, levels, fields, reception, communes, commune
    case steps, group, `case`, step, text
    case channels, channel, method, time, value, unit, stages, stage
    case fees, fee, kind, amount, currency, description, exemptions, exemption
    case dossier, sets, cases, originals, copies, required, presentation, form, note
    case subjects, subject, agencies, agency, role, results, result, forms, source, file
    case requirements, requirement, online, codes, url, keywords, keyword, notes

    /// The name as written in files.
    var text: String { String(describing: self) }

    static let byText: [String: XMLName] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.text, $0) })
}

/// Maps the parser's interned name pointers to `XMLName`, with open addressing on the pointer.
///
/// A name the table does not hold falls back to comparing the bytes, so the table is an optimisation,
/// never a source of wrong answers.
struct XMLNameTable {
    private static let size = 256
    private var keys = [UnsafeRawPointer?](repeating: nil, count: XMLNameTable.size)
    private var values = [XMLName](repeating: .decision, count: XMLNameTable.size)

    /// An empty table: every lookup compares bytes. Replaced once the parser's dictionary exists.
    init() {}

    /// Interns every name in the parser's dictionary before parsing, so the parser hands out exactly
    /// these pointers for them.
    init(interningIn dictionary: xmlDictPtr) {
        for name in XMLName.allCases {
            let interned: UnsafePointer<xmlChar>? = name.text.withCString { s in
                s.withMemoryRebound(to: xmlChar.self, capacity: name.text.utf8.count + 1) {
                    xmlDictLookup(dictionary, $0, -1)
                }
            }
            guard let interned else { continue }  // out of memory: the byte comparison still works
            var slot = XMLNameTable.slot(UnsafeRawPointer(interned))
            while keys[slot] != nil { slot = (slot + 1) & (XMLNameTable.size - 1) }
            keys[slot] = UnsafeRawPointer(interned)
            values[slot] = name
        }
    }

    @inline(__always)
    private static func slot(_ p: UnsafeRawPointer) -> Int {
        let bits = UInt64(UInt(bitPattern: p)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: bits >> 56)
    }

    /// The case for a node or attribute name, or nil for a name the format does not have.
    @inline(__always)
    func lookup(_ name: UnsafePointer<xmlChar>) -> XMLName? {
        let key = UnsafeRawPointer(name)
        var slot = XMLNameTable.slot(key)
        while let k = keys[slot] {
            if k == key { return values[slot] }
            slot = (slot + 1) & (XMLNameTable.size - 1)
        }
        return XMLName.byText[String(cString: name)]
    }
}
