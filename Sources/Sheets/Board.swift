import Catalogue

/// What a commune posts at its one-stop counter (DOMAIN.md §6): every procedure in force that it
/// receives, never an internal one.
///
/// Where a procedure lists commune counters among its reception places, those say which communes
/// receive it (an empty list meaning all; a provincial procedure received at some communes'
/// counters is posted there only). A procedure with no commune counter listed is posted by every
/// commune when it is carried out at commune level or shared between levels. Abolished and
/// not-yet-in-force procedures are never in the state at the posting date, so never posted.
public enum Board {
    public static func posts(_ procedure: Procedure, commune: String) -> Bool {
        guard procedure.isPostable else { return false }
        let counters = procedure.reception.filter { $0.place == .communeCounter }
        if !counters.isEmpty { return counters.contains { $0.includes(commune: commune) } }
        return procedure.levels.contains(.commune) || procedure.levels.contains(.shared)
    }

    /// The entries of a state a commune posts, in the state's order.
    public static func entries(_ state: CatalogueState, commune: String) -> [CatalogueState.Entry] {
        state.entries.filter { posts($0.procedure, commune: commune) }
    }
}
