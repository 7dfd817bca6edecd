/// A run of pages laid out together: one procedure's sheet, a cover, a table of contents, a change
/// notice. Each section starts on a new page and counts its own pages ("Trang x/y").
public struct Section: Sendable {
    public var blocks: [Block]
    /// The running header of continuation pages ("… (tiếp theo)"); nil for none.
    public var continuation: String?
    /// Printed at the left of every page's footer.
    public var footer: String
    /// Whether the footer says "Trang x/y".
    public var numbered: Bool
    /// The PDF outline entry for the section's first page.
    public var outline: String?

    public init(blocks: [Block], continuation: String? = nil, footer: String = "", numbered: Bool = true, outline: String? = nil) {
        self.blocks = blocks
        self.continuation = continuation
        self.footer = footer
        self.numbered = numbered
        self.outline = outline
    }
}

/// A section flowed onto pages.
public struct LaidOutSection: Sendable {
    public var section: Section
    public var metrics: [BlockMetrics]
    public var pages: [[Fragment]]

    public init(section: Section, metrics: [BlockMetrics], pages: [[Fragment]]) {
        self.section = section
        self.metrics = metrics
        self.pages = pages
    }

    /// Lays a section out with any measurer: the whole of pagination, without Cairo.
    public init(_ section: Section, measurer: some TextMeasurer, geometry: PageGeometry) {
        let metrics = section.blocks.map { measurer.measure($0, width: geometry.width(of: $0)) }
        var other = geometry.textHeight
        if let continuation = section.continuation {
            let header = Block([.bold(continuation)], style: .body)
            other -= measurer.measure(header, width: geometry.textWidth).height + geometry.runningHeaderGap
        }
        let pages = Paginator.paginate(section.blocks, metrics: metrics, firstPage: geometry.textHeight, otherPages: other)
        self.init(section: section, metrics: metrics, pages: pages)
    }
}
