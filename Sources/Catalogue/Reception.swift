/// Where dossiers are received. A provincial procedure may be received at commune one-stop counters,
/// which is what decides whether a commune posts it (DOMAIN.md §6).
public struct Reception: Hashable, Codable, Sendable {
    public var place: Place
    /// For `.communeCounter`: the communes that receive it, by code; empty means every commune.
    @Many public var communes: [String]
    /// For `.agency`, or to name the centre: e.g. "Trung tâm Phục vụ hành chính công tỉnh".
    public var name: String?

    public init(place: Place, communes: [String] = [], name: String? = nil) {
        self.place = place
        self.communes = communes
        self.name = name
    }

    public enum Place: String, Codable, CaseIterable, Sendable {
        /// Trung tâm Phục vụ hành chính công tỉnh.
        case provinceCentre = "province-centre"
        /// Bộ phận Một cửa of the commune.
        case communeCounter = "commune-counter"
        /// Another agency's own office.
        case agency
    }

    /// Whether the commune with this code receives dossiers here.
    public func includes(commune code: String) -> Bool {
        place == .communeCounter && (communes.isEmpty || communes.contains(code))
    }
}
