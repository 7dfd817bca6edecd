import Catalogue

/// The small text format of the review's data files (`catalogue/review/*.ini`): `[section]` headings,
/// `key = value` lines, `#` comments, and keys that may repeat (`phrase = …` once per phrase).
///
/// Chosen over JSON or YAML so that officers can extend a synonym list in any editor without quoting
/// or escaping, and so that every error names the file, line and column. Parsing is pure: callers
/// read the bytes and pass the text.
public struct SettingsFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public var location: SourceLocation
    }

    public struct Section: Sendable {
        /// The heading as written, e.g. "document civil-status-birth".
        public var name: String
        public var location: SourceLocation
        public var entries: [Entry]

        /// Every value of a key, in order.
        public func values(_ key: String) -> [String] { entries.filter { $0.key == key }.map(\.value) }

        /// The last value of a key (a later line overrides an earlier one).
        public func value(_ key: String) -> String? { entries.last { $0.key == key }?.value }

        public func entry(_ key: String) -> Entry? { entries.last { $0.key == key } }
    }

    public var file: String
    public var sections: [Section]

    /// Parses `text`; every malformed line is an error naming `file:line:column`.
    public static func parse(_ text: String, file: String) throws(SettingsError) -> SettingsFile {
        var sections: [Section] = []
        var problems: [Diagnostic] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(VietnameseText.nfc(String(rawLine)))
            if line.hasSuffix("\r") { line = line.dropLast() }
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let leading = line.prefix { $0 == " " || $0 == "\t" }.count
            let trimmed = line.trimmingCharacters(in: " \t")
            if trimmed.isEmpty { continue }
            let at = SourceLocation(file: file, line: lineNumber, column: leading + 1)
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    problems.append(.error("a section heading must be one line like [document land-certificate]; close it with ]", at: at))
                    continue
                }
                let name = String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: " \t")
                sections.append(Section(name: VietnameseText.clean(name), location: at, entries: []))
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                problems.append(.error("expected 'key = value' or a [section] heading; found \"\(trimmed)\"", at: at))
                continue
            }
            let key = trimmed[..<equals].trimmingCharacters(in: " \t")
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: " \t")
            guard !key.isEmpty else {
                problems.append(.error("a line starts with '='; write the key before it, e.g. phrase = sổ hộ khẩu", at: at))
                continue
            }
            guard !value.isEmpty else {
                let column = leading + trimmed.distance(from: trimmed.startIndex, to: equals) + 2
                problems.append(.error("'\(key)' has no value after '='", at: SourceLocation(file: file, line: lineNumber, column: column)))
                continue
            }
            guard !sections.isEmpty else {
                problems.append(.error("'\(key)' comes before any [section] heading; put it under one", at: at))
                continue
            }
            sections[sections.count - 1].entries.append(Entry(key: key, value: VietnameseText.clean(value), location: at))
        }
        if !problems.isEmpty { throw SettingsError(diagnostics: problems) }
        return SettingsFile(file: file, sections: sections)
    }

    /// Sections whose heading starts with a word ("document" in "[document land-certificate]").
    public func sections(kind: String) -> [(id: String, section: Section)] {
        sections.compactMap { s in
            let words = s.name.split(separator: " ", maxSplits: 1)
            guard words.first.map(String.init) == kind else { return nil }
            return (words.count > 1 ? String(words[1]) : "", s)
        }
    }

    public func section(_ name: String) -> Section? { sections.last { $0.name == name } }
}

/// Errors in a review data file, each located.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public init(_ message: String, at location: SourceLocation) {
        diagnostics = [.error(message, at: location)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
