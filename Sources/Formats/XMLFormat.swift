import Catalogue
import Foundation

/// The XML format: a `<decision>` or `<procedure>` in namespace `urn:tthc:1`, one-to-one with the
/// JSON format and checked against the shipped XSD (`Schemas/tthc.xsd`, described in
/// docs/xml-format.md).
///
/// Reading is: `InputText` checks (size, encoding, NFC) → one streaming libxml2 pass that parses (no
/// network, no DOCTYPE, so no entities), validates against the XSD (every error reported) and builds
/// the model, with no tree in between. Safe to call from several tasks at once.
public enum XMLFormat {
    public static let namespace = "urn:tthc:1"
    public static let version = "1"

    /// The schema, for tools and tests that validate with something else (`xmllint --schema`).
    public static var schema: String { CompiledSchema.text }

    // MARK: Reading

    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> Document {
        var text = try InputText.decode(bytes, file: file)
        let result: Result<Document, FormatError> = text.withUTF8 { utf8 in
            do throws(FormatError) {
                return .success(try read(utf8: utf8, file: file))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func read(utf8: UnsafeBufferPointer<UInt8>, file: String) throws(FormatError) -> Document {
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw FormatError(.error(
                "the file is empty; write a <decision xmlns=\"\(namespace)\" …> or <procedure xmlns=\"\(namespace)\" …> element (see docs/xml-format.md)",
                at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let session = XMLReadSession(file: file, composes: hasCharacterReference(utf8))
        let valid = try SchemaPool.shared.withSchema { LibXMLStream.run(utf8, schema: $0, session: session) }
        let errors = session.errors
        if let doctype = errors.doctype {
            throw FormatError(.error(
                "the file has a DOCTYPE declaration, which tthc XML files may not have (it can define entities that expand without end or read local files); remove the <!DOCTYPE …> declaration",
                at: doctype))
        }
        let builder = session.builder.pointee
        if let problem = builder.rootProblem { throw FormatError(problem) }
        guard valid, !errors.hasErrors else {
            throw failure(errors, otherwise: "the file does not follow the tthc schema; compare it with docs/xml-format.md")
        }
        if !builder.diagnostics.isEmpty { throw FormatError(builder.diagnostics) }
        if let decision = builder.decision { return .decision(decision) }
        if let (procedure, location) = builder.rootProcedure { return .procedure(procedure, location) }
        throw FormatError(.error("the file holds no <decision> or <procedure>; see docs/xml-format.md", at: SourceLocation(file: file)))
    }

    private static func failure(_ errors: LibXMLErrors, otherwise message: String) -> FormatError {
        if let syntax = errors.syntaxError { return FormatError(syntax) }
        // In reading order: libxml2 finds a missing child only at the parent's end tag, but reports it
        // at the parent's start tag. Stable otherwise.
        let found = errors.diagnostics.enumerated()
            .sorted {
                ($0.element.location?.line ?? 0, $0.element.location?.column ?? 0, $0.offset)
                    < ($1.element.location?.line ?? 0, $1.element.location?.column ?? 0, $1.offset)
            }
            .map(\.element)
        if found.hasErrors { return FormatError(found) }
        return FormatError([.error(message, at: SourceLocation(file: errors.file))] + found)
    }

    /// Whether the text uses a character reference (`&#…;`), which may spell decomposed text that the
    /// file-wide NFC pass could not see.
    private static func hasCharacterReference(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let end = base + utf8.count
        var p = UnsafeRawPointer(base)
        while p < end, let found = memchr(p, Int32(UInt8(ascii: "&")), end - p.assumingMemoryBound(to: UInt8.self)) {
            let amp = found.assumingMemoryBound(to: UInt8.self)
            if amp + 1 < end, amp[1] == UInt8(ascii: "#") { return true }
            p = UnsafeRawPointer(amp + 1)
        }
        return false
    }

    // MARK: Writing

    /// The canonical XML of a decision: it validates against the schema and reads back to the same model.
    public static func write(_ decision: Decision) -> String {
        var writer = XMLWriter()
        writer.root(decision)
        return writer.output
    }

    /// `write(_:)`'s bytes (UTF-8), for writing to a file without making a `String` of them.
    public static func writeUTF8(_ decision: Decision) -> [UInt8] {
        var writer = XMLWriter()
        writer.root(decision)
        return writer.bytes
    }

    /// The canonical XML of a standalone procedure.
    public static func write(_ procedure: Procedure) -> String {
        var writer = XMLWriter()
        writer.root(procedure)
        return writer.output
    }
}
