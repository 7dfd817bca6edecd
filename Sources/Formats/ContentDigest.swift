/// A 128-bit digest of a file's bytes, eight bytes at a time: the key of the load cache and of a
/// site's page fingerprints. Not cryptographic (it guards against change, not against an attacker),
/// but every step of each lane is a bijection of its state for a given input word, so two inputs of
/// the same length that differ in one 8-byte word always get a different `high` half (`finish` is a
/// bijection too); the length is mixed in as well.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(_ bytes: UnsafeRawBufferPointer) {
        var a: UInt64 = 0x9e37_79b9_7f4a_7c15
        var b: UInt64 = 0xc2b2_ae3d_27d4_eb4f
        let count = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= count {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                a = ((a ^ w) &* 0x87c3_7b91_1142_53d5).rotated(31)
                b = (b &+ w &* 0x4cf5_ad43_2745_937f)
                b = (b ^ (b >> 29)) &* 0x1656_67b1_9e37_79f9
                i += 8
            }
            if i < count {
                var w: UInt64 = 0
                var shift: UInt64 = 0
                while i < count {
                    w |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                    shift += 8
                    i += 1
                }
                a = ((a ^ w) &* 0x87c3_7b91_1142_53d5).rotated(31)
                b = (b &+ w &* 0x4cf5_ad43_2745_937f)
                b = (b ^ (b >> 29)) &* 0x1656_67b1_9e37_79f9
            }
        }
        a ^= UInt64(count)
        b ^= UInt64(count) &* 0x9e37_79b9_7f4a_7c15
        high = Self.finish(a)
        low = Self.finish(b ^ a.rotated(43))
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ContentDigest($0) }
    }

    private init(a: UInt64, b: UInt64, count: Int) {
        let a = a ^ UInt64(count)
        let b = b ^ UInt64(count) &* 0x9e37_79b9_7f4a_7c15
        high = Self.finish(a)
        low = Self.finish(b ^ a.rotated(43))
    }

    /// The digest of bytes given piece by piece: the same as `ContentDigest` of all the pieces put
    /// together, without putting them together (at 100,000 procedures, the search documents' text
    /// is hundreds of megabytes).
    public struct Stream: Sendable {
        private var a: UInt64 = 0x9e37_79b9_7f4a_7c15
        private var b: UInt64 = 0xc2b2_ae3d_27d4_eb4f
        private var count = 0
        /// Bytes of a word not yet complete, little-endian, and how many.
        private var pending: UInt64 = 0
        private var pendingCount = 0

        public init() {}

        private mutating func step(_ w: UInt64) {
            a = ((a ^ w) &* 0x87c3_7b91_1142_53d5).rotated(31)
            b = (b &+ w &* 0x4cf5_ad43_2745_937f)
            b = (b ^ (b >> 29)) &* 0x1656_67b1_9e37_79f9
        }

        public mutating func add(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            count += n
            var i = 0
            if pendingCount > 0 {
                while pendingCount < 8, i < n {
                    pending |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * pendingCount)
                    pendingCount += 1
                    i += 1
                }
                guard pendingCount == 8 else { return }
                step(pending)
                pending = 0
                pendingCount = 0
            }
            while i + 8 <= n {
                step(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            while i < n {
                pending |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * pendingCount)
                pendingCount += 1
                i += 1
            }
        }

        /// A text's UTF-8.
        public mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }

        public mutating func add(byte: UInt8) {
            withUnsafeBytes(of: byte) { add($0) }
        }

        /// A text and a NUL after it, so that ("ab", "c") and ("a", "bc") give different digests.
        public mutating func add(field text: String) {
            add(text)
            add(byte: 0)
        }

        public var digest: ContentDigest {
            var copy = self
            if copy.pendingCount > 0 { copy.step(copy.pending) }
            return ContentDigest(a: copy.a, b: copy.b, count: copy.count)
        }
    }

    /// 32 hexadecimal digits.
    public var description: String { Self.hex(high) + Self.hex(low) }

    private static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// MurmurHash3's finaliser: every input bit affects every output bit.
    private static func finish(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}

extension UInt64 {
    fileprivate func rotated(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
