import CLibXML2
import Catalogue
import Foundation

/// One streaming pass of libxml2 over a document: parse and XSD validation together, through SAX, with
/// no tree built. The validator is plugged into the SAX stream (`xmlSchemaSAXPlug`), so it sees the same
/// events as the model builder, right after it, in the same pass.
///
/// Parser options, and why:
/// - `NONET`: never fetch anything from the network.
/// - `IGNORE_ENC`: `InputText` has already checked the bytes are UTF-8; an `encoding="…"` in the
///   declaration must not make libxml2 transcode them.
/// Never `NOENT`, `DTDLOAD`, `DTDATTR`, `RECOVER` or `HUGE`. Entities are never expanded: the sink has no
/// `getEntity`, and a DOCTYPE stops the parse as soon as it starts, before its internal subset is read —
/// which rules out billion-laughs and external-entity (XXE) tricks whatever the libxml2 version does.
enum LibXMLStream {
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// Parses and validates `bytes`, sending events to `session` and every problem to `session.errors`.
    /// Returns whether the document is well-formed and valid. Locations are worked out from `bytes`
    /// while the parse runs.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, schema: CompiledSchema, session: XMLReadSession) -> Bool {
        LibXML.initialize()
        let errors = session.errors
        guard let base = bytes.baseAddress, bytes.count <= Int(Int32.max) else { return false }
        let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard let ctxt = xmlCreateMemoryParserCtxt(chars, Int32(bytes.count)) else {
            errors.append(.error("libxml2 could not allocate a parser; the machine may be out of memory", at: SourceLocation(file: errors.file)))
            return false
        }
        let originalSAX = ctxt.pointee.sax
        defer {
            // The parser frees its own handler; give it back the one it allocated.
            ctxt.pointee.sax = originalSAX
            ctxt.pointee.userData = UnsafeMutableRawPointer(ctxt)
            ctxt.pointee._private = nil
            // libxml2 makes a document of its own to hold entity declarations it reads before a stop
            // takes effect (seen with a broken XML declaration before a DOCTYPE, found by fuzzing);
            // freeing the context does not free it, so do it here, as xmlSAXUserParseMemory does.
            if let doc = ctxt.pointee.myDoc {
                xmlFreeDoc(doc)
                ctxt.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(ctxt)
        }
        _ = xmlCtxtUseOptions(ctxt, options)
        let builder = session.builder
        if let dictionary = ctxt.pointee.dict { builder.pointee.names = XMLNameTable(interningIn: dictionary) }

        return withExtendedLifetime(session) {
            // Every callback, SAX or error, is handed the builder's address.
            let builderPointer = UnsafeMutableRawPointer(builder)
            ctxt.pointee._private = builderPointer
            builder.pointee.parser = ctxt
            builder.pointee.input = bytes
            defer {
                builder.pointee.parser = nil
                builder.pointee.input = UnsafeBufferPointer(start: nil, count: 0)
            }

            var handler = xmlSAXHandler()
            handler.initialized = XML_SAX2_MAGIC
            handler.startElementNs = sessionStartElement
            handler.endElementNs = sessionEndElement
            handler.characters = sessionCharacters
            handler.cdataBlock = sessionCharacters
            handler.internalSubset = refuseDoctype
            let result = schema.withValidator(report: sessionSchemaError, context: builderPointer) { validator in
                withUnsafeMutablePointer(to: &handler) { handlerPointer in
                    var plugged: UnsafeMutablePointer<xmlSAXHandler>? = handlerPointer
                    var userData: UnsafeMutableRawPointer? = builderPointer
                    guard let plug = xmlSchemaSAXPlug(validator, &plugged, &userData), let plugged else { return false }
                    defer { _ = xmlSchemaSAXUnplug(plug) }
                    // Parser errors go to our structured handler; the plug only forwards the printf-style ones.
                    plugged.pointee.serror = sessionParserError
                    ctxt.pointee.sax = plugged
                    ctxt.pointee.userData = userData
                    _ = xmlParseDocument(ctxt)
                    ctxt.pointee.sax = originalSAX
                    return ctxt.pointee.wellFormed != 0 && xmlSchemaIsValid(validator) == 1 && !errors.hasErrors
                }
            }
            guard let result else {
                errors.append(.error("libxml2 could not start schema validation; the machine may be out of memory", at: SourceLocation(file: errors.file)))
                return false
            }
            return result
        }
    }
}

@inline(__always)
private func builder(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLModelBuilder>? {
    pointer?.assumingMemoryBound(to: XMLModelBuilder.self)
}

private let sessionStartElement: startElementNsSAX2Func = { userData, localname, _, uri, _, _, count, _, attributes in
    guard let builder = builder(userData), let localname else { return }
    builder.pointee.start(localname, namespace: uri, attributes: XMLAttributes(pointer: attributes, count: Int(count)))
}

private let sessionEndElement: endElementNsSAX2Func = { userData, _, _, _ in
    builder(userData)?.pointee.end()
}

private let sessionCharacters: charactersSAXFunc = { userData, bytes, length in
    guard let bytes, length > 0 else { return }
    builder(userData)?.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
}

/// Parser errors: the error names its parser context, whose `_private` holds the builder.
private let sessionParserError: xmlStructuredErrorFunc = { _, error in
    guard let error, let raw = error.pointee.ctxt else { return }
    let ctxt = raw.assumingMemoryBound(to: xmlParserCtxt.self)
    builder(ctxt.pointee._private)?.pointee.errors.record(error)
}

/// Schema errors, which carry no position while streaming: place them at the element being checked.
private let sessionSchemaError: xmlStructuredErrorFunc = { userData, error in
    guard let builder = builder(userData), let error else { return }
    builder.pointee.errors.record(error, at: builder.pointee.validatedLocation)
}

/// Called on `<!DOCTYPE name …`, before any declaration inside it: record it and stop.
private let refuseDoctype: internalSubsetSAXFunc = { userData, _, _, _ in
    guard let builder = builder(userData), let ctxt = builder.pointee.parser else { return }
    let errors = builder.pointee.errors
    errors.doctype = SourceLocation(file: errors.file, line: Int(ctxt.pointee.input?.pointee.line ?? 0), column: 1)
    errors.silenced = true
    xmlStopParser(ctxt)
}

extension xmlParserCtxtPtr {
    /// Where the parser stands: during a start-element event, on the tag's `>` (or `/>`). Three loads;
    /// `XMLPosition.location(in:)` finds the tag's `<` later, and only when a location is wanted.
    @inline(__always)
    var position: XMLPosition {
        guard let input = pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return XMLPosition()
        }
        return XMLPosition(
            line: input.pointee.line, column: input.pointee.col,
            offset: Int(input.pointee.consumed) + (cur - base))
    }
}

/// The parser's position at the end of a start tag: its line and column, and its byte offset in the
/// input (libxml2 parses the very bytes we hand it, with no byte-order mark).
struct XMLPosition {
    var line: Int32 = 0
    var column: Int32 = 0
    var offset = -1

    /// The line and column of the tag's `<`: scan back from the `>` over the tag (and, for a tag over
    /// several lines, to the start of its first line).
    func start(in input: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        guard offset >= 0, offset <= input.count else { return (Int(line), 0) }
        var p = offset
        var breaks = 0, characters = 0
        while p > 0 {
            p -= 1
            let b = input[p]
            if b == UInt8(ascii: "<") {
                if breaks == 0 { return (Int(line), Int(column) > characters ? Int(column) - characters - 1 : 0) }
                var before = 0
                while p > 0, input[p - 1] != 0x0A {
                    p -= 1
                    if input[p] & 0xC0 != 0x80 { before += 1 }
                }
                return (Int(line) - breaks, before + 1)
            }
            if b == 0x0A { breaks += 1 }
            if b & 0xC0 != 0x80 { characters += 1 }
        }
        return (Int(line), 0)
    }
}

/// The attributes of a start tag as libxml2's SAX2 hands them over: five pointers each (local name,
/// prefix, URI, value start, value end); values are not NUL-terminated.
struct XMLAttributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    @inline(__always)
    func forEach(_ names: XMLNameTable, _ body: (XMLName?, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let pointer else { return }
        for i in 0..<count {
            guard let name = pointer[5 * i], let start = pointer[5 * i + 3], let end = pointer[5 * i + 4] else { continue }
            let value = UnsafeBufferPointer(start: start, count: end - start)
            if memchr(start, Int32(UInt8(ascii: "&")), end - start) == nil {
                body(names.lookup(name), value)
            } else {
                XMLAttributes.unescapingAmpersands(value) { body(names.lookup(name), $0) }
            }
        }
    }

    /// Without entity substitution, libxml2's SAX2 hands an attribute's `&` (written `&amp;` or `&#38;`)
    /// over as the text `&#38;`, for the tree builder to decode later; there is no tree here, so decode it.
    /// Every other reference is already decoded, and no other `&` can reach here in a well-formed file.
    static func unescapingAmpersands(_ value: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let escaped: [UInt8] = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var i = 0
        while i < value.count {
            if value[i] == UInt8(ascii: "&"), i + escaped.count <= value.count,
               escaped.indices.allSatisfy({ value[i + $0] == escaped[$0] })
            {
                out.append(UInt8(ascii: "&"))
                i += escaped.count
            } else {
                out.append(value[i])
                i += 1
            }
        }
        out.withUnsafeBufferPointer(body)
    }
}
