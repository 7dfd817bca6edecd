import Catalogue
import Foundation

/// Reads and writes single decision or procedure files, choosing the format by extension.
public enum DocumentFile {
    /// Reads a file as a decision or a procedure.
    public static func read(_ path: String) throws(FormatError) -> Document {
        guard let format = FileFormat(path: path) else {
            throw FormatError(.error(
                "not a decision file: tthc reads .xml and .json files; rename it or convert it",
                at: SourceLocation(file: path)))
        }
        return try read(bytes: try readBytes(path), path: path, format: format)
    }

    /// Reads bytes already taken from a file, as a decision or a procedure.
    static func read(bytes: [UInt8], path: String, format: FileFormat) throws(FormatError) -> Document {
        switch format {
        case .xml: return try XMLFormat.read(bytes, file: path)
        case .json: return try JSONFormat.read(bytes, file: path)
        }
    }

    /// Reads a file that must hold a decision.
    public static func readDecision(_ path: String) throws(FormatError) -> SourcedDecision {
        try decision(in: try read(path))
    }

    /// Reads bytes already taken from a file that must hold a decision.
    public static func readDecision(bytes: [UInt8], path: String) throws(FormatError) -> SourcedDecision {
        guard let format = FileFormat(path: path) else { return try readDecision(path) }
        return try decision(in: try read(bytes: bytes, path: path, format: format))
    }

    private static func decision(in document: Document) throws(FormatError) -> SourcedDecision {
        switch document {
        case .decision(let d): return d
        case .procedure(_, let at):
            throw FormatError(.error(
                "this file holds a single procedure, not a decision; decision files go under decisions/",
                at: at))
        }
    }

    /// The file's bytes, with a clear error when it cannot be read.
    public static func readBytes(_ path: String) throws(FormatError) -> [UInt8] {
        switch FileBytes.read(path, limit: InputText.maximumBytes) {
        case .bytes(let bytes):
            return bytes
        case .missing:
            throw FormatError(.error("no such file; check the path", at: SourceLocation(file: path)))
        case .directory:
            throw FormatError(.error("is a folder, not a file", at: SourceLocation(file: path)))
        case .tooLarge(let size):
            throw FormatError(.error(
                "the file is \(size / (1024 * 1024)) MiB, over the \(InputText.maximumBytes / (1024 * 1024)) MiB limit for one file; split the decision into several files",
                at: SourceLocation(file: path)))
        case .unreadable:
            throw FormatError(.error("cannot be read; check its permissions", at: SourceLocation(file: path)))
        }
    }

    /// The text of a document in a format.
    public static func encode(_ document: Document, as format: FileFormat) -> String {
        switch (document, format) {
        case (.decision(let d), .xml): XMLFormat.write(d.decision)
        case (.decision(let d), .json): JSONFormat.write(d.decision)
        case (.procedure(let p, _), .xml): XMLFormat.write(p)
        case (.procedure(let p, _), .json): JSONFormat.write(p)
        }
    }
}
