import CLibXML2
import Catalogue

/// libxml2 set up once per process: `xmlInitParser` must run before any thread uses the library
/// (libxml2 2.9 is thread-safe only after it).
enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before touching libxml2; cheap after the first call.
    static func initialize() {
        _ = initialized
    }
}

/// Collects libxml2's errors for one read (or one schema compilation) as `Diagnostic`s, through
/// structured error handlers set on that read's own parser and validation contexts, so no global
/// error state is touched and reads running at the same time on other threads never see each other's
/// errors. Whoever hands it to C keeps it alive for the whole libxml2 call.
final class LibXMLErrors {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where a DOCTYPE was found, which stops the parse (see `LibXMLStream`).
    var doctype: SourceLocation?
    /// Set once the parse is stopped on purpose (DOCTYPE, wrong root): what libxml2 says after that is noise.
    var silenced = false
    /// The first well-formedness error. It ends the parse, and then it is the only thing worth saying:
    /// libxml2's follow-on errors repeat it, and schema errors found before it may be its echoes.
    private(set) var syntaxError: Diagnostic?

    init(file: String) { self.file = file }

    var hasErrors: Bool { doctype != nil || syntaxError != nil || diagnostics.contains { $0.severity == .error } }

    func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Turns one libxml2 error into a diagnostic. Parser errors carry their line and column; schema
    /// errors found while streaming carry none, so the caller says where (`streamLocation`).
    func record(_ error: UnsafePointer<xmlError>, at streamLocation: SourceLocation? = nil) {
        if silenced { return }
        let e = error.pointee
        let raw = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let fromParser = e.domain == Int32(XML_FROM_PARSER.rawValue) || e.domain == Int32(XML_FROM_NAMESPACE.rawValue)
            || e.domain == Int32(XML_FROM_IO.rawValue)
        let location: SourceLocation
        if !fromParser, let streamLocation {
            location = streamLocation
        } else {
            location = SourceLocation(file: file, line: Int(max(e.line, 0)), column: fromParser ? Int(max(e.int2, 0)) : 0)
        }
        let message = fromParser ? LibXMLErrors.parserMessage(raw) : LibXMLErrors.schemaMessage(raw)
        let warning = e.level == XML_ERR_WARNING
        if fromParser, !warning {
            if syntaxError == nil { syntaxError = .error(message, at: location) }
            return
        }
        diagnostics.append(warning ? .warning(message, at: location) : .error(message, at: location))
    }

    /// "the XML is not well-formed: Opening and ending tag mismatch: …; …".
    static func parserMessage(_ raw: String) -> String {
        let text = trimmed(raw)
        let hint: String
        if text.contains("EntityRef") || text.contains("Entity '") {
            hint = "write & as &amp; (only &amp; &lt; &gt; &quot; &apos; and character references such as &#x110; exist)"
        } else if text.contains("tag mismatch") || text.contains("Premature end") {
            hint = "close every element with an end tag of the same name"
        } else if text.contains("AttValue") || text.contains("attributes construct") || text.contains("Attribute") {
            hint = "write attributes as name=\"value\", each name once"
        } else if text.contains("Extra content") {
            hint = "a file holds exactly one root element"
        } else if text.contains("StartTag") || text.contains("not allowed") {
            hint = "write < as &lt; in text"
        } else {
            hint = "fix the markup here"
        }
        return "the XML is not well-formed: \(text); \(hint)"
    }

    /// libxml2's schema message without the namespace noise, with a hint for the value types users get wrong.
    static func schemaMessage(_ raw: String) -> String {
        var text = trimmed(raw)
        text = text.replacing("{\(XMLFormat.namespace)}", with: "")
        text = text.replacing("[facet 'enumeration'] ", with: "")
        text = text.replacing("[facet 'pattern'] ", with: "")
        text = text.replacing("[facet 'maxInclusive'] ", with: "")
        if text.hasSuffix(".") { text.removeLast() }
        if let range = text.firstRange(of: "[facet 'minLength'] The value has a length of '0'") {
            // An empty or blank text element: say so plainly.
            return String(text[..<range.lowerBound]) + "the text is empty; write it, or leave the element out where it is optional"
        }
        let hints: [(String, String)] = [
            ("'Date'", "write dates as YYYY-MM-DD, e.g. 2026-03-15"),
            ("'[0-9]{4}-[0-9]{2}-[0-9]{2}'", "write dates as YYYY-MM-DD, e.g. 2026-03-15"),
            ("'[0-9]+(\\.[0-9]+)?'", "write digits with '.' for a fraction, e.g. 16.5 or 400000"),
            ("'\\S+'", "a code has no spaces, e.g. 1.001193"),
            ("'[A-Z]{3}'", "write an ISO 4217 code in capitals, e.g. USD"),
            ("'xs:date'", "write dates as YYYY-MM-DD, e.g. 2026-03-15"),
            ("'Decimal'", "write digits with '.' for a fraction, e.g. 16.5 or 400000"),
            ("'xs:decimal'", "write digits with '.' for a fraction, e.g. 16.5 or 400000"),
            ("'Count'", "write a whole number, e.g. 1"),
            ("'xs:nonNegativeInteger'", "write a whole number, e.g. 1"),
            ("'xs:boolean'", "write true or false"),
            ("'Code'", "a code has no spaces, e.g. 1.001193"),
            ("'Currency'", "write an ISO 4217 code in capitals, e.g. USD"),
        ]
        for (needle, hint) in hints where text.contains(needle) {
            return "\(text); \(hint)"
        }
        if text.contains("is not an element of the set") {
            return "\(text); use one of these values"
        }
        return text
    }

    private static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last.isWhitespace { t.removeLast() }
        while let first = t.first, first.isWhitespace { t.removeFirst() }
        return String(t)
    }
}

/// The schema compiler's structured-error handler: `userData` is the collector.
let libxmlCollectorErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    Unmanaged<LibXMLErrors>.fromOpaque(userData).takeUnretainedValue().record(error)
}
