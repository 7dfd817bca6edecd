/// One file of the search index, to be written under the site root.
public struct SearchIndexFile: Hashable, Sendable {
    /// Relative to the site root, always under `tim-kiem/`; names use only `[a-z0-9./-]`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
