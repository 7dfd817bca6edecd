/// A place in an input file. Lines and columns count from 1; 0 means unknown.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and compilers use, leaving out what is unknown.
    public var description: String {
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}

/// A problem found in the input, with where it is and one sentence a user can act on.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The procedure code the problem concerns, when there is one.
    public var code: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, code: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, code: code)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, code: code)
    }

    /// `file:line:column: error: message`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Sorted by file, line, column, then message: the order a user reads them in.
    public var sortedForDisplay: [Diagnostic] {
        sorted {
            let a = $0.location, b = $1.location
            return (a?.file ?? "", a?.line ?? 0, a?.column ?? 0, $0.message)
                < (b?.file ?? "", b?.line ?? 0, b?.column ?? 0, $1.message)
        }
    }
}
