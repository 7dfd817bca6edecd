/// An A4 page in PDF points (1/72 inch) and the parts of it the layout uses.
public struct PageGeometry: Hashable, Sendable {
    public var width = 595.28
    public var height = 841.89
    public var left = 50.0
    public var right = 50.0
    /// From the top edge to the first line of text (the sample notice sits above it).
    public var top = 46.0
    /// From the bottom edge to the last line of text (the footer sits below it).
    public var bottom = 52.0
    /// The QR code's side, beside the masthead: 36 mm, large enough for a phone at arm's length.
    public var qrSide = 102.0
    public var qrGap = 12.0
    /// The right-hand column of a table of contents.
    public var trailingWidth = 46.0
    /// Space under the running header of continuation pages.
    public var runningHeaderGap = 10.0

    public init() {}

    public var textWidth: Double { width - left - right }
    public var textHeight: Double { height - top - bottom }

    /// The width a block's text wraps in.
    public func width(of block: Block) -> Double {
        var w = textWidth - block.indent
        if block.qrCode != nil { w -= qrSide + qrGap }
        if block.trailing != nil { w -= trailingWidth }
        return w
    }
}
