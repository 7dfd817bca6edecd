/// A file's bytes as pieces: bytes made by this build, and ranges of a previous build's file
/// (mapped) taken as they are. A rebuild writes `catalogue.json` from the previous one's with a few
/// rows made again: written piece by piece (`OutputFolder.emit(_:pieces:)`), the tens of megabytes
/// that did not change go from the page cache to the new file without being copied into a buffer
/// first.
struct SplicedBytes {
    enum Piece: Equatable {
        case made(Range<Int>)
        case previous(Range<Int>)
    }

    var made: [UInt8]
    var pieces: [Piece]
    /// The previous file the `.previous` pieces are in, and what keeps it mapped.
    var previous: UnsafeBufferPointer<UInt8>?
    var owner: AnyObject?

    var count: Int {
        pieces.reduce(0) { n, piece in
            switch piece {
            case .made(let r), .previous(let r): n + r.count
            }
        }
    }

    /// The whole file in one buffer.
    var bytes: [UInt8] {
        if pieces == [.made(0..<made.count)] { return made }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        withSegments { for s in $0 { out.append(contentsOf: s) } }
        return out
    }

    /// The pieces as buffers, in order, valid inside `body`.
    func withSegments<T>(_ body: ([UnsafeBufferPointer<UInt8>]) throws -> T) rethrows -> T {
        try made.withUnsafeBufferPointer { made in
            let segments = pieces.map { piece -> UnsafeBufferPointer<UInt8> in
                switch piece {
                case .made(let r): UnsafeBufferPointer(rebasing: made[r])
                case .previous(let r): UnsafeBufferPointer(rebasing: previous![r])
                }
            }
            return try withExtendedLifetime(owner) { try body(segments) }
        }
    }
}
