/// One piece of a printed page: a paragraph, a heading, or the masthead with its QR code.
///
/// Sheets, covers and tables of contents are lists of blocks. The layout engine measures each block
/// through a `TextMeasurer` (Pango in `PangoMeasurer`, a fake in the tests) and flows them down A4
/// pages; nothing here knows about Cairo or fonts.
public struct Block: Hashable, Sendable {
    public var runs: [Run]
    public var style: TextStyle
    public var alignment: Alignment
    /// Left indent in points (list items, dossier cases).
    public var indent: Double
    /// Space above the block in points; dropped at the top of a page.
    public var spaceBefore: Double
    /// Headings stay with the first lines of what follows them.
    public var keepWithNext: Bool
    /// A URL drawn as a QR code at the right of the block; the text wraps beside it.
    public var qrCode: String?
    /// Text in a right-hand column of fixed width (the page numbers of a table of contents). Filled
    /// in after pagination, so it never changes how the block measures.
    public var trailing: String?

    public init(
        _ runs: [Run], style: TextStyle = .body, alignment: Alignment = .left, indent: Double = 0,
        spaceBefore: Double? = nil, keepWithNext: Bool = false, qrCode: String? = nil, trailing: String? = nil
    ) {
        self.runs = runs
        self.style = style
        self.alignment = alignment
        self.indent = indent
        self.spaceBefore = spaceBefore ?? style.spaceBefore
        self.keepWithNext = keepWithNext
        self.qrCode = qrCode
        self.trailing = trailing
    }

    public init(
        _ text: String, style: TextStyle = .body, alignment: Alignment = .left, indent: Double = 0,
        spaceBefore: Double? = nil, keepWithNext: Bool = false
    ) {
        self.init(
            [Run(text)], style: style, alignment: alignment, indent: indent, spaceBefore: spaceBefore,
            keepWithNext: keepWithNext)
    }

    /// The block's text without formatting, as `pdftotext` should give it back.
    public var text: String { runs.map(\.text).joined() }

    public enum Alignment: Hashable, Sendable { case left, center }

    /// A stretch of text with one weight and slant.
    public struct Run: Hashable, Sendable {
        public var text: String
        public var bold: Bool
        public var italic: Bool
        /// Where the text links to: a path on the public site (`thu-tuc/1.001193.html`, made
        /// relative to the page in HTML) or an absolute URL.
        public var link: String?

        public init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.link = link
        }

        public static func bold(_ text: String) -> Run { Run(text, bold: true) }
        public static func italic(_ text: String) -> Run { Run(text, italic: true) }
    }
}

/// The type sizes of a sheet. Body text is 12 pt, the least a citizen standing at a counter reads
/// comfortably; headings are larger.
public enum TextStyle: Hashable, Sendable, CaseIterable {
    /// The posting body ("ỦY BAN NHÂN DÂN PHƯỜNG …").
    case banner
    /// "BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH", the cover's title.
    case title
    /// Numbered sections ("3. Thành phần, số lượng hồ sơ").
    case heading
    case body
    /// Running headers and footers: page numbers, the sample notice.
    case margin

    public var size: Double {
        switch self {
        case .banner: 13
        case .title: 17
        case .heading: 14
        case .body: 12
        case .margin: 10
        }
    }

    public var bold: Bool { self == .banner || self == .title || self == .heading }

    var spaceBefore: Double {
        switch self {
        case .banner: 0
        case .title: 6
        case .heading: 10
        case .body: 3
        case .margin: 0
        }
    }
}
