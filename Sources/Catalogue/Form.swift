/// A form to fill in (mẫu đơn, tờ khai), e.g. "Mẫu CT01" of Circular 66/2023/TT-BCA.
public struct Form: Hashable, Codable, Sendable {
    public var name: String
    public var code: String?
    /// Where the form is issued ("Thông tư 66/2023/TT-BCA").
    public var source: String?
    /// A file name or URL of the blank form, when the province publishes one.
    public var file: String?

    public init(name: String, code: String? = nil, source: String? = nil, file: String? = nil) {
        self.name = name
        self.code = code
        self.source = source
        self.file = file
    }
}
