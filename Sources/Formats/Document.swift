import Catalogue

/// What one file holds: a decision (the usual case), or a single procedure (for `tthc diff`).
public enum Document: Sendable {
    case decision(SourcedDecision)
    case procedure(Procedure, SourceLocation)
}

/// The two file formats; chosen by the file's extension.
public enum FileFormat: String, Sendable, CaseIterable {
    case xml
    case json

    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".xml") { self = .xml } else if lower.hasSuffix(".json") { self = .json } else { return nil }
    }
}
