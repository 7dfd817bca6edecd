import Catalogue
import Foundation

/// The JSON form of decisions and procedures: the model's `Codable` encoding under a root key,
/// `{"decision": {…}}` or `{"procedure": {…}}` (see docs/json-format.md and Schemas/tthc.schema.json).
///
/// Reading is strict: every problem is reported with its file, line, column and JSON path, and keys
/// the model does not know are errors rather than silently dropped, because a misspelt key in a
/// hand-written decision would otherwise lose the value without a word.
public enum JSONFormat {
    /// Reads one file's bytes.
    ///
    /// On the happy path the text is scanned once (syntax, unknown keys, where the decision and its
    /// items start) and decoded once; positions of decoding errors are only looked up when there is one.
    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> Document {
        var text = try InputText.decode(bytes, file: file)
        let outcome = text.withUTF8 { p in readText(p, file: file) }
        switch outcome {
        case .success(let document): return document
        case .failure(let error): throw error
        }
    }

    /// `{"decision": {…}}`, pretty-printed with keys in the model's order and a trailing newline.
    public static func write(_ decision: Decision) -> String {
        JSONWriter.write(decision, rootKey: "decision")
    }

    /// `{"procedure": {…}}`, pretty-printed with keys in the model's order and a trailing newline.
    public static func write(_ procedure: Procedure) -> String {
        String(decoding: ProcedureJSON.bytes(procedure), as: UTF8.self)
    }

    /// The same text as `write(_:)` in UTF-8 bytes, for writers of files (the site writes one per
    /// procedure): no `String` is made of them.
    public static func bytes(_ procedure: Procedure) -> [UInt8] {
        ProcedureJSON.bytes(procedure)
    }

    // MARK: - Reading

    /// The file's root object; `$schema` is allowed and ignored.
    private struct Root: Decodable {
        var decision: Decision?
        var procedure: Procedure?

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case decision, procedure
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            decision = try c.decodeIfPresent(Decision.self, forKey: .decision)
            procedure = try c.decodeIfPresent(Procedure.self, forKey: .procedure)
        }
    }

    private static func readText(_ p: UnsafeBufferPointer<UInt8>, file: String) -> Result<Document, FormatError> {
        func location(_ position: JSONScanner.Position) -> SourceLocation {
            SourceLocation(file: file, line: position.line, column: position.column)
        }
        let scan = JSONScanner.scan(p)
        var problems = scan.problems
        if scan.fatal { return .failure(error(problems, file: file)) }

        var root: Root?
        do {
            root = try JSONDecoder().decode(Root.self, from: Data(p))
        } catch let decoding as DecodingError {
            let problem = self.problem(for: decoding, in: p)
            // A null or a fraction the scanner already reported is also a decoding error, at the same
            // place or (for fractions, from JSONDecoder) at no place at all: say it once.
            let pathless = JSONPath(codingPath: decoding.context.codingPath).components.isEmpty
            if !(pathless && !problems.isEmpty),
               !problems.contains(where: { $0.position.offset == problem.position.offset }) {
                problems.append(problem)
            }
        } catch {
            problems.append(JSONScanner.Problem(position: scan.root, message: "the file could not be read as JSON: \(error)"))
        }
        guard problems.isEmpty, var root else { return .failure(self.error(problems, file: file)) }

        let decisionMark = scan.marks.first { $0.mark == .decision }
        let procedureMark = scan.marks.first { $0.mark == .procedure }
        if !scan.replacements.isEmpty, let cleaned = decode(replacing: scan.replacements, in: p) { root = cleaned }
        if scan.escapedNonASCII { root = renormalized(root) }

        if let decision = root.decision, let decisionMark {
            let items = scan.marks.filter { $0.mark == .item }.prefix(decision.items.count).map { location($0.position) }
            return .success(.decision(SourcedDecision(decision: decision, location: location(decisionMark.position), itemLocations: items)))
        }
        if let procedure = root.procedure, let procedureMark {
            return .success(.procedure(procedure, location(procedureMark.position)))
        }
        return .failure(FormatError(.error(
            #"the file holds neither a decision nor a procedure; write {"decision": {…}} or {"procedure": {…}}"#,
            at: location(scan.root))))
    }

    private static func error(_ problems: [JSONScanner.Problem], file: String) -> FormatError {
        FormatError(problems.sorted { $0.position.offset < $1.position.offset }.map {
            .error($0.message, at: SourceLocation(file: file, line: $0.position.line, column: $0.position.column))
        })
    }

    /// The file decoded again with text values replaced by their cleaned form. Only strings change, so
    /// what decoded once decodes again; positions of the original stay valid for item locations.
    private static func decode(
        replacing replacements: [(literal: Range<Int>, cleaned: String)], in p: UnsafeBufferPointer<UInt8>
    ) -> Root? {
        var patched: [UInt8] = []
        patched.reserveCapacity(p.count)
        var at = 0
        for r in replacements.sorted(by: { $0.literal.lowerBound < $1.literal.lowerBound }) {
            patched.append(contentsOf: p[at..<r.literal.lowerBound])
            patched.append(contentsOf: JSONWriter.stringLiteral(r.cleaned).utf8)
            at = r.literal.upperBound
        }
        patched.append(contentsOf: p[at..<p.count])
        return try? JSONDecoder().decode(Root.self, from: Data(patched))
    }

    /// Text given as `\u0301`-style escapes decodes to whatever the escapes spell, maybe decomposed;
    /// composing the decoded model is simplest done by writing it out, composing, and reading it back.
    private static func renormalized(_ root: Root) -> Root {
        let json: String
        if let decision = root.decision {
            json = write(decision)
        } else if let procedure = root.procedure {
            json = write(procedure)
        } else {
            return root
        }
        let composed = VietnameseText.nfc(json)
        return (try? JSONDecoder().decode(Root.self, from: Data(composed.utf8))) ?? root
    }

    // MARK: - Decoding errors

    /// A `DecodingError` as a message at the value it concerns.
    static func problem(for error: DecodingError, in p: UnsafeBufferPointer<UInt8>) -> JSONScanner.Problem {
        let context = error.context
        let path = JSONPath(codingPath: context.codingPath)
        let offset = JSONLocator.locate(path, in: p).offset
        let position = JSONLocator.position(of: offset, in: p)
        let shape = path.shape
        let found = JSONLocator.describeValue(at: offset, in: p)

        let message: String
        switch error {
        case .keyNotFound(let key, _):
            message = "\(path.prefix)the required key '\(key.stringValue)' is missing; add it"
        case .typeMismatch, .valueNotFound:
            message = "\(path.prefix)expected \(shape?.expected ?? "another kind of value"), found \(found)"
        default:
            if case .enumeration(let noun, let values)? = shape?.kind, let value = JSONLocator.stringValue(at: offset, in: p) {
                message = "\(path.prefix)'\(value)' is not \(noun); use one of \(values.joined(separator: ", "))"
            } else if case .integer? = shape?.kind {
                message = "\(path.prefix)expected \(shape!.expected), found \(found)"
            } else if path.components.isEmpty {
                message = "the file could not be read as JSON: \(context.debugDescription)"
            } else {
                message = "\(path.prefix)\(context.debugDescription)"
            }
        }
        return JSONScanner.Problem(position: position, message: message)
    }
}

extension DecodingError {
    var context: Context {
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): c
        @unknown default: Context(codingPath: [], debugDescription: "\(self)")
        }
    }
}

extension JSONFormat {
    /// Any `Encodable` (a listing, a report) as deterministic pretty JSON: keys in encoding order,
    /// two-space indent, a trailing newline. Foundation's encoder orders keys differently run to run.
    public static func pretty(_ value: some Encodable) -> String {
        JSONWriter.write(value)
    }

    /// A JSON string literal appended to `out`, escaped exactly as `pretty` escapes strings: for
    /// writers of a known shape that print their JSON directly (the site's `catalogue.json`).
    public static func appendLiteral(_ text: String, to out: inout String) {
        JSONWriter.appendString(text, to: &out)
    }
}

extension JSONFormat {
    /// A JSON string literal, quotes included, appended to `out` as UTF-8 and escaped exactly as
    /// every JSON file tthc writes escapes it (`"`, `\\` and the control characters).
    public static func appendStringLiteral(_ s: String, to out: inout [UInt8]) {
        JSONStreamWriter.appendString(s, to: &out)
    }
}
