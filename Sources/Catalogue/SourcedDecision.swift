/// A decision together with where it was read from, so replay errors can point at the file and line.
///
/// The model itself stays free of file positions; the loaders fill this in.
public struct SourcedDecision: Sendable {
    public var decision: Decision
    public var location: SourceLocation
    /// Where each item starts, parallel to `decision.items` (may be shorter when unknown).
    public var itemLocations: [SourceLocation]

    public init(decision: Decision, location: SourceLocation, itemLocations: [SourceLocation] = []) {
        self.decision = decision
        self.location = location
        self.itemLocations = itemLocations
    }

    public func location(ofItem index: Int) -> SourceLocation {
        index < itemLocations.count ? itemLocations[index] : location
    }
}
