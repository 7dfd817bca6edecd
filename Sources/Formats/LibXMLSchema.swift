import CLibXML2
import Catalogue
import Foundation

/// The shipped XSD (`Schemas/tthc.xsd`), compiled by libxml2. Freed in `deinit`.
///
/// Not `Sendable`: libxml2 does not promise that one compiled schema can serve several validations at
/// once, so each instance is used by one validation at a time, handed out by `SchemaPool`.
final class CompiledSchema {
    private let pointer: xmlSchemaPtr

    init() throws(FormatError) {
        LibXML.initialize()
        let source = CompiledSchema.source
        let errors = LibXMLErrors(file: CompiledSchema.displayName)
        let compiled: xmlSchemaPtr? = source.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                return withExtendedLifetime(errors) {
                    xmlSchemaSetParserStructuredErrors(
                        parser, libxmlCollectorErrorHandler, Unmanaged.passUnretained(errors).toOpaque())
                    return xmlSchemaParse(parser)
                }
            }
        }
        guard let compiled else {
            var diagnostics = errors.diagnostics
            diagnostics.insert(.error(
                "the XML schema shipped with tthc does not compile; reinstall tthc", at: SourceLocation(file: CompiledSchema.displayName)),
                at: 0)
            throw FormatError(diagnostics)
        }
        pointer = compiled
    }

    deinit { xmlSchemaFree(pointer) }

    /// Runs `body` with a fresh validation context of this schema that reports every error (not just
    /// the first) through `report`, called with `context`. The validation context is freed when `body`
    /// returns; nil when it could not be made.
    func withValidator(
        report: xmlStructuredErrorFunc, context: UnsafeMutableRawPointer, _ body: (xmlSchemaValidCtxtPtr) -> Bool
    ) -> Bool? {
        guard let validator = xmlSchemaNewValidCtxt(pointer) else { return nil }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, report, context)
        return body(validator)
    }

    static let displayName = "tthc.xsd"

    /// The XSD's bytes, compiled into the binary from `Schemas/tthc.xsd` (SwiftPM's `embedInCode`).
    static let source: [UInt8] = PackageResources.tthc_xsd

    /// The schema text, for users and tests that want to validate with other tools (`xmllint --schema`).
    static var text: String { String(decoding: source, as: UTF8.self) }
}

/// Compiled schemas for validations running at the same time: each validation borrows one and gives
/// it back, so a schema is compiled once per concurrent reader, not once per file, and never shared
/// between threads at the same moment.
///
/// `@unchecked Sendable` because the lock guards the idle list; the libxml2 objects themselves stay
/// in non-`Sendable` `CompiledSchema` wrappers and pass between threads only through the lock.
final class SchemaPool: @unchecked Sendable {
    static let shared = SchemaPool()

    private let lock = NSLock()
    private var idle: [CompiledSchema] = []

    func withSchema<R>(_ body: (CompiledSchema) -> R) throws(FormatError) -> R {
        let borrowed = lock.withLock { idle.popLast() }
        let schema: CompiledSchema
        if let borrowed { schema = borrowed } else { schema = try CompiledSchema() }
        let result = body(schema)
        lock.withLock { idle.append(schema) }
        return result
    }
}
