import Catalogue
import Foundation
import Synthetic
import Testing

@testable import Formats

/// The load cache's binary form of a decision (`ModelBinary`): every decision comes back equal,
/// every field of the model is written, and damaged bytes throw instead of trapping.
@Suite("The load cache's binary form of decisions")
struct ModelBinaryTests {
    static func roundTrip(_ decision: Decision) throws -> Decision {
        var w = BinaryWriter()
        w.decision(decision)
        return try w.bytes.withUnsafeBufferPointer { bytes throws in
            var r = BinaryReader(bytes)
            try r.stringTable()
            let back = try r.decision()
            #expect(r.atEnd)
            return back
        }
    }

    @Test("a decision with every part filled in, and one with nothing optional")
    func full() throws {
        #expect(try Self.roundTrip(JSONTestSupport.fullDecision) == JSONTestSupport.fullDecision)
        let bare = Decision(number: "", signedOn: LocalDate(year: 1, month: 1, day: 1)!, authority: "", title: "",
                            items: [DecisionItem(action: .abolished)])
        #expect(try Self.roundTrip(bare) == bare)
    }

    @Test("every decision of the bundled sample and of a generated catalogue, with entries as the cache stores them")
    func sampleAndGenerated() throws {
        let sample = try SampleCatalogue.load()
        let generated = SyntheticCatalogue.generate(.init(procedures: 1000, provinces: 2, seed: 5)).flatMap(\.decisions)
        #expect(sample.decisions.count >= 8 && generated.count >= 10)
        for decision in sample.decisions + generated {
            #expect(try Self.roundTrip(decision) == decision)
        }
        let sourced = SourcedDecision(
            decision: JSONTestSupport.fullDecision, location: SourceLocation(file: "a.xml", line: 3, column: 7),
            itemLocations: [SourceLocation(file: "a.xml", line: 40, column: 5), SourceLocation(file: "a.xml", line: 1_000_000, column: 0)])
        let payload = DecisionCache.encode(sourced)
        let back = try payload.withUnsafeBufferPointer { try DecisionCache.decode($0, file: "b.xml") }
        #expect(back.decision == sourced.decision)
        #expect(back.location == SourceLocation(file: "b.xml", line: 3, column: 7))
        #expect(back.itemLocations == [SourceLocation(file: "b.xml", line: 40, column: 5), SourceLocation(file: "b.xml", line: 1_000_000, column: 0)])
    }

    @Test("integers of any size and sign", arguments: [0, 1, -1, 63, -64, 64, 127, 128, -129, 300, Int.max, Int.min, Int.max - 1, Int.min + 1])
    func integers(n: Int) throws {
        var w = BinaryWriter()
        w.int(n)
        w.count(Swift.max(0, n))
        try w.out.withUnsafeBufferPointer { bytes throws in
            var r = BinaryReader(bytes)
            #expect(try r.int() == n)
            #expect(try r.count() == Swift.max(0, n))
            #expect(r.atEnd)
        }
    }

    @Test("truncated or damaged bytes throw rather than trap")
    func damaged() throws {
        let sourced = SourcedDecision(decision: JSONTestSupport.fullDecision, location: SourceLocation(file: "a", line: 1, column: 1),
                                      itemLocations: [])
        let bytes = DecisionCache.encode(sourced)
        for cut in 0..<bytes.count {
            let truncated = Array(bytes.prefix(cut))
            #expect(throws: ModelBinary.Malformed.self) {
                try truncated.withUnsafeBufferPointer { try DecisionCache.decode($0, file: "a") }
            }
        }
        // Every byte changed in turn: either it still reads (a letter of a text, say) or it throws.
        var thrown = 0
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0xFF
            do {
                _ = try changed.withUnsafeBufferPointer { try DecisionCache.decode($0, file: "a") }
            } catch {
                thrown += 1
            }
        }
        #expect(thrown > bytes.count / 10)
        #expect(throws: ModelBinary.Malformed.self) {
            try (bytes + [0]).withUnsafeBufferPointer { try DecisionCache.decode($0, file: "a") }
        }
    }

    /// The fields the binary form writes beyond the procedure's (which `ProcedureJSONTests` lists
    /// and this form writes too, in the same order).
    static let decisionFields: [String: [String]] = [
        "Decision": ["number", "signedOn", "place", "authority", "signer", "title", "effectiveOn", "_legalBases",
                     "parentDecision", "_items"],
        "Signer": ["name", "onBehalfOf", "title"],
        "DecisionItem": ["action", "code", "name", "level", "field", "effectiveOn", "_replaces", "_changedParts", "basis",
                         "procedure"],
    ]

    @Test("the binary form writes every field of every model type a decision holds, and the fixture fills each one")
    func everyField() {
        var filled: [String: Bool] = [:]
        var fields: [String: [String]] = [:]
        ProcedureJSONTests.walk(JSONTestSupport.fullDecision, filled: &filled, fields: &fields)
        let written = ProcedureJSONTests.writtenFields.merging(Self.decisionFields) { a, _ in a }
        for (type, names) in fields.sorted(by: { $0.key < $1.key }) {
            #expect(written[type] == names, "\(type) has the fields \(names); ModelBinary writes \(written[type] ?? []): update it and this table")
        }
        #expect(Set(fields.keys) == Set(written.keys))
        let missing = filled.filter { !$0.value }.map(\.key).sorted()
        #expect(missing.isEmpty, "JSONTestSupport.fullDecision leaves these empty: \(missing)")
    }
}
