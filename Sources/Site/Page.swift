import Catalogue
import TemplateView

/// One page of the site: where it goes, which template renders it, and what it says.
///
/// `context` is the Mustache view, built directly as a `TemplateValue` (strings, booleans, lists
/// and nested views; see `TemplateFields`). A name is left out rather than set to an empty value,
/// so `{{#name}}…{{/name}}` sections disappear when there is nothing to show. Text is raw: the
/// template escapes it.
public struct Page: Sendable {
    public var path: String
    public var template: String
    public var context: TemplateValue

    init(path: String, template: String, context: TemplateFields) {
        self.path = path
        self.template = template
        self.context = context.value
    }
}

/// The pages a site has, as cheap descriptions; `SiteModel.page(_:)` turns one into a `Page`.
/// Kept apart so the edge can render them in parallel, building each context where it renders.
public enum PageKind: Hashable, Sendable {
    case home
    case procedure(key: String)
    case level(Int)
    case field(Int)
    case agency(Int)
    /// Page 2, 3, … of a level, field or agency listing (`.level`, `.field`, `.agency` are page 1).
    case listingPage(ListingGroup, page: Int)
    case fields
    case agencies
    case decisions
    case decision(number: String)
    case changes(number: String)
    case notFound
}
