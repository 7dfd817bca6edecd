import Catalogue
import Foundation
import Synthetic
import Testing

@testable import Formats

/// The streaming JSON writer against the tree it replaced: byte for byte the same output for the
/// model and for awkward values, and the tree (through the fallback) for whatever cannot be streamed.
@Suite("JSON writing: streaming against the tree")
struct JSONStreamWriterTests {
    static let decisionFiles: [String] = (try? CatalogueFolder.decisionFiles(under: JSONTestSupport.repository
        .appendingPathComponent("catalogue/decisions").path)) ?? []

    /// Checks that the value streams (no fallback) and that the bytes equal the tree's.
    static func expectStreamsLikeTree(_ value: some Encodable, rootKey: String? = nil,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let streamed: [UInt8]?
        let tree: String
        if let rootKey {
            streamed = try JSONStreamWriter.write(value, rootKey: rootKey)
            tree = JSONWriter.treeWrite(value, rootKey: rootKey)
            #expect(JSONWriter.write(value, rootKey: rootKey) == tree, sourceLocation: sourceLocation)
        } else {
            streamed = try JSONStreamWriter.write(value)
            tree = JSONWriter.treeWrite(value)
            #expect(JSONWriter.write(value) == tree, sourceLocation: sourceLocation)
        }
        let bytes = try #require(streamed, "the value fell back to the tree", sourceLocation: sourceLocation)
        #expect(String(decoding: bytes, as: UTF8.self) == tree, sourceLocation: sourceLocation)
    }

    /// Checks that the value cannot stream and that `JSONWriter.write` gives the tree's bytes anyway.
    static func expectFallsBack(_ value: some Encodable, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(try JSONStreamWriter.write(value) == nil, "expected the fallback", sourceLocation: sourceLocation)
        #expect(try JSONStreamWriter.write(value, rootKey: "x") == nil, sourceLocation: sourceLocation)
        #expect(JSONWriter.write(value) == JSONWriter.treeWrite(value), sourceLocation: sourceLocation)
        #expect(JSONWriter.write(value, rootKey: "x") == JSONWriter.treeWrite(value, rootKey: "x"),
                sourceLocation: sourceLocation)
    }

    // MARK: - The model

    @Test func theBundledCatalogueHasDecisions() {
        #expect(Self.decisionFiles.count >= 8)
    }

    @Test("each bundled decision, its items and their procedures stream as the tree writes them",
          arguments: decisionFiles)
    func bundledDecision(path: String) throws {
        guard case .decision(let sourced) = try DocumentFile.read(path) else {
            Issue.record("\(path) holds no decision")
            return
        }
        let decision = sourced.decision
        try Self.expectStreamsLikeTree(decision, rootKey: "decision")
        try Self.expectStreamsLikeTree(decision)
        for item in decision.items {
            try Self.expectStreamsLikeTree(item)
            if let procedure = item.procedure {
                try Self.expectStreamsLikeTree(procedure, rootKey: "procedure")
            }
        }
        // What `JSONFormat.write` saves is what the tree wrote.
        #expect(JSONFormat.write(decision) == JSONWriter.treeWrite(decision, rootKey: "decision"))
    }

    @Test("a generated catalogue's decisions and procedures stream as the tree writes them")
    func generatedCatalogue() throws {
        let catalogues = SyntheticCatalogue.generate(.init(procedures: 300, provinces: 2, seed: 7))
        var procedures = 0
        for catalogue in catalogues {
            for decision in catalogue.decisions {
                #expect(JSONFormat.write(decision) == JSONWriter.treeWrite(decision, rootKey: "decision"))
                for procedure in decision.items.compactMap(\.procedure) {
                    try Self.expectStreamsLikeTree(procedure, rootKey: "procedure")
                    procedures += 1
                }
            }
        }
        #expect(procedures >= 300)
    }

    @Test("a whole generated decision list (an array at the root) streams as the tree writes it")
    func generatedList() throws {
        let decisions = SyntheticCatalogue.generate(.init(procedures: 60, seed: 3))[0].decisions
        try Self.expectStreamsLikeTree(decisions)
        try Self.expectStreamsLikeTree(decisions, rootKey: "decisions")
    }

    // MARK: - Awkward values

    struct Awkward: Encodable {
        var text: String
        var empty = ""
        var optional: String?
        var explicitNil: String?
        var emptyList: [String] = []
        var emptyObject = Nothing()
        var emptyKeyed = EmptyKeyed()
        var decimals: [Decimal] = [Decimal(string: "12.50")!, Decimal(string: "-0.001")!, 0, Decimal(string: "123456789012345678901234567890")!]
        var decimal = Decimal(string: "3.14")!
        var optionalDecimal: Decimal?
        var nested: [[Int]] = [[], [1, -2], [Int.max, Int.min]]
        var flags = [true, false]
        var doubles: [Double] = [0.5, -1e300, .infinity, .nan]
        var float: Float = 1.25
        var small: (Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, UInt) = (-8, 8, -16, 16, -32, 32, -64, 64, 7)

        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }

        struct EmptyKeyed: Encodable {
            func encode(to encoder: any Encoder) throws {
                _ = encoder.container(keyedBy: AnyKey.self)
            }
        }

        enum CodingKeys: String, CodingKey {
            case text, empty, optional, explicitNil, emptyList, emptyObject, emptyKeyed, decimals, decimal
            case optionalDecimal, nested, flags, doubles, float, small
            case quote = "key with \"quotes\" and \\ and đ"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(empty, forKey: .empty)
            try c.encodeIfPresent(optional, forKey: .optional)
            try c.encode(explicitNil, forKey: .explicitNil)
            try c.encode(emptyList, forKey: .emptyList)
            try c.encode(emptyObject, forKey: .emptyObject)
            try c.encode(emptyKeyed, forKey: .emptyKeyed)
            try c.encode(decimals, forKey: .decimals)
            try c.encode(decimal, forKey: .decimal)
            try c.encodeIfPresent(optionalDecimal, forKey: .optionalDecimal)
            try c.encode(nested, forKey: .nested)
            try c.encode(flags, forKey: .flags)
            try c.encode(doubles, forKey: .doubles)
            try c.encode(float, forKey: .float)
            var tuple = c.nestedUnkeyedContainer(forKey: .small)
            try tuple.encode(small.0)
            try tuple.encode(small.1)
            try tuple.encode(small.2)
            try tuple.encode(small.3)
            try tuple.encode(small.4)
            try tuple.encode(small.5)
            try tuple.encode(small.6)
            try tuple.encode(small.7)
            try tuple.encode(small.8)
            var inner = tuple.nestedContainer(keyedBy: CodingKeys.self)
            try inner.encode(text, forKey: .quote)
            try inner.encodeNil(forKey: .optional)
            var deeper = inner.nestedContainer(keyedBy: CodingKeys.self, forKey: .nested)
            try deeper.encode(1.5, forKey: .float)
            var list = tuple.nestedUnkeyedContainer()
            try list.encodeNil()
            try list.encode("")
            try c.encode(text, forKey: .quote)
        }
    }

    static let awkwardTexts = [
        "plain", "", "\"quoted\" \\ back\\slash /slash/", "tab\there\nnew line\r\n\u{8}\u{c}",
        "\u{0}\u{1}\u{1f}\u{7f} control", "Thủ tục hành chính — đăng ký 🇻🇳 ½", "\u{2028}\u{2029}",
        String(repeating: "dài ", count: 2000), "e\u{301} decomposed",
    ]

    @Test("awkward text, empty values, nil and absent optionals, decimals and numbers stream as the tree writes them",
          arguments: awkwardTexts)
    func awkward(text: String) throws {
        try Self.expectStreamsLikeTree(Awkward(text: text, optional: text.isEmpty ? nil : text,
                                               optionalDecimal: text.isEmpty ? nil : Decimal(string: "-7.25")))
        try Self.expectStreamsLikeTree(Awkward(text: text), rootKey: text)
        try Self.expectStreamsLikeTree(text)
        try Self.expectStreamsLikeTree([text, text], rootKey: "list")
        #expect(String(decoding: try #require(try JSONStreamWriter.write(text)), as: UTF8.self)
            == JSONWriter.stringLiteral(text) + "\n")
    }

    @Test("scalars, empty containers and a value that writes nothing at the root")
    func roots() throws {
        try Self.expectStreamsLikeTree(42)
        try Self.expectStreamsLikeTree(Decimal(string: "0.10")!)
        try Self.expectStreamsLikeTree(Optional<Int>.none)
        try Self.expectStreamsLikeTree([Int]())
        try Self.expectStreamsLikeTree(Awkward.Nothing())
        try Self.expectStreamsLikeTree(Awkward.Nothing(), rootKey: "nothing")
        try Self.expectStreamsLikeTree(Awkward.EmptyKeyed())
        try Self.expectStreamsLikeTree([Awkward.Nothing(), Awkward.Nothing()])
        #expect(JSONWriter.write(Awkward.Nothing(), rootKey: "n") == "{\n  \"n\": {}\n}\n")
        #expect(JSONWriter.write([[Int]](), rootKey: "n") == "{\n  \"n\": []\n}\n")
        #expect(JSONWriter.write(Decimal(string: "12.50")!) == "12.5\n")
    }

    // MARK: - What only the tree can write

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes the same key twice: the tree keeps the first position with the second value.
    struct KeyTwice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode("first", forKey: AnyKey("a"))
            try c.encode(1, forKey: AnyKey("b"))
            try c.encode(["second"], forKey: AnyKey("a"))
        }
    }

    struct SuperEncoded: Encodable {
        var forKey: Bool
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode("own", forKey: AnyKey("own"))
            let parent = forKey ? c.superEncoder(forKey: AnyKey("parent")) : c.superEncoder()
            var p = parent.container(keyedBy: AnyKey.self)
            try p.encode("inherited", forKey: AnyKey("field"))
        }
    }

    /// Opens two nested containers and writes into the first after the second was opened.
    struct OutOfOrder: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            var first = c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("first"))
            var second = c.nestedUnkeyedContainer(forKey: AnyKey("second"))
            try second.encode(2)
            try first.encode(1, forKey: AnyKey("late"))
            try c.encode(3, forKey: AnyKey("after"))
        }
    }

    /// Asks one encoder for a container twice: the tree merges the two objects.
    struct TwoContainers: Encodable {
        func encode(to encoder: any Encoder) throws {
            var a = encoder.container(keyedBy: AnyKey.self)
            try a.encode(1, forKey: AnyKey("a"))
            var b = encoder.container(keyedBy: AnyKey.self)
            try b.encode(2, forKey: AnyKey("b"))
        }
    }

    /// A single value written twice: the tree keeps the last.
    struct SingleTwice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode("first")
            try c.encode(2)
        }
    }

    /// A scalar replaced by an object on the same encoder.
    struct ScalarThenObject: Encodable {
        func encode(to encoder: any Encoder) throws {
            var s = encoder.singleValueContainer()
            try s.encode(true)
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(false, forKey: AnyKey("k"))
        }
    }

    /// Writes into an array's elements' container after the array moved on.
    struct ArrayOutOfOrder: Encodable {
        func encode(to encoder: any Encoder) throws {
            var list = encoder.unkeyedContainer()
            var first = list.nestedUnkeyedContainer()
            try list.encode("second")
            try first.encode("late")
            _ = first.count
        }
    }

    @Test("values that use their encoder out of order fall back to the tree and match it")
    func fallbacks() throws {
        try Self.expectFallsBack(KeyTwice())
        #expect(JSONWriter.write(KeyTwice()) == "{\n  \"a\": [\n    \"second\"\n  ],\n  \"b\": 1\n}\n")
        try Self.expectFallsBack(SuperEncoded(forKey: false))
        try Self.expectFallsBack(SuperEncoded(forKey: true))
        try Self.expectFallsBack(OutOfOrder())
        try Self.expectFallsBack(TwoContainers())
        try Self.expectFallsBack(SingleTwice())
        try Self.expectFallsBack(ScalarThenObject())
        try Self.expectFallsBack(ArrayOutOfOrder())
        // Inside streamable values too, at any depth.
        try Self.expectFallsBack([KeyTwice()])
        try Self.expectFallsBack(["a": [OutOfOrder()]])
    }

    // MARK: - Coding paths

    /// Records the coding path it is encoded at, through each kind of container.
    final class PathRecorder: Encodable {
        var seen: [String] = []
        let children: [Child]

        init() { children = [Child(), Child()] }

        final class Child: Encodable {
            var seen: [String] = []
            func encode(to encoder: any Encoder) throws {
                seen.append(PathRecorder.describe(encoder.codingPath))
                var s = encoder.singleValueContainer()
                seen.append(PathRecorder.describe(s.codingPath))
                try s.encode(Leaf(owner: self))
            }
        }

        struct Leaf: Encodable {
            let owner: Child
            func encode(to encoder: any Encoder) throws {
                owner.seen.append(PathRecorder.describe(encoder.codingPath))
                var c = encoder.container(keyedBy: AnyKey.self)
                var nested = c.nestedUnkeyedContainer(forKey: AnyKey("deep"))
                owner.seen.append(PathRecorder.describe(nested.codingPath))
                var object = nested.nestedContainer(keyedBy: AnyKey.self)
                owner.seen.append(PathRecorder.describe(object.codingPath))
                try object.encode(1, forKey: AnyKey("x"))
            }
        }

        static func describe(_ path: [any CodingKey]) -> String {
            path.map { key in key.intValue.map { "[\($0):\(key.stringValue)]" } ?? key.stringValue }.joined(separator: "/")
        }

        func encode(to encoder: any Encoder) throws {
            seen.append(Self.describe(encoder.codingPath))
            var c = encoder.container(keyedBy: AnyKey.self)
            seen.append(Self.describe(c.codingPath))
            var list = c.nestedUnkeyedContainer(forKey: AnyKey("children"))
            seen.append(Self.describe(list.codingPath))
            for child in children { try list.encode(child) }
            try c.encode([children[0]], forKey: AnyKey("again"))
        }

        var allSeen: [String] { seen + children.flatMap(\.seen) }
    }

    @Test("coding paths seen while streaming are the tree's")
    func codingPaths() throws {
        let streamed = PathRecorder()
        _ = try #require(try JSONStreamWriter.write(streamed, rootKey: "r"))
        let tree = PathRecorder()
        _ = JSONWriter.treeWrite(tree, rootKey: "r")
        #expect(streamed.allSeen == tree.allSeen)
        #expect(streamed.allSeen.contains("children/[1:Index 1]/deep/[0:Index 0]"))
    }
}
