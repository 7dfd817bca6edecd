/// Why a site could not be built, in one sentence a user can act on.
public struct SiteError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
