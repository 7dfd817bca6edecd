import Catalogue
import Foundation
import SearchIndex
import Synthetic
import Testing

@Suite struct SearchIndexBuilderTests {
    static let docs = [
        document("1.001193", "Đăng ký khai sinh", body: "Tờ khai đăng ký khai sinh; Giấy chứng sinh"),
        document("1.000894", "Đăng ký kết hôn", body: "Tờ khai đăng ký kết hôn"),
        document("1.003583", "Hòa giải tranh chấp đất đai", field: "Đất đai", body: "Biên bản hoà giải"),
        document("2.000815.000.00.00.H29", "Cấp bản sao trích lục hộ tịch", field: "Hộ tịch", body: "Bản sao trích lục"),
    ]

    @Test func filesLiveUnderTimKiemWithSafeNames() throws {
        let files = SearchIndexBuilder.build(Self.docs)
        #expect(files.contains { $0.path == "tim-kiem/manifest.js" })
        for f in files {
            #expect(f.path.hasPrefix("tim-kiem/"))
            #expect(f.path.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "./-".unicodeScalars.contains($0) })
            _ = try payload(f)
        }
    }

    @Test func nameWordsKeepTheirSpellingAndPart() throws {
        let index = try BuiltIndex(Self.docs)
        let meta = try index.metaEntries()
        let rows = try index.displayRows()
        let khaiSinh = try #require(rows.firstIndex { $0[0] == "Đăng ký khai sinh" })
        let dang = try #require(meta["dang"])
        let spelled = try #require(dang.first { $0[0] == "đăng" })
        // the start of the name
        #expect(PostingList.decode(spelled[1]).contains(khaiSinh))
        let sinh = try #require(meta["sinh"]?.first)
        #expect(sinh[1].isEmpty)
        #expect(PostingList.decode(sinh[2]) == [khaiSinh])
        // "hoà" and "hòa" are one spelling, stored in the old-placement-neutral key
        let hoa = try #require(meta["hoa"])
        #expect(hoa.count == 1)
        #expect(hoa[0][0] == VietnameseText.comparisonKey("hòa"))
    }

    @Test func codesAreFoundByAnyPart() throws {
        let index = try BuiltIndex(Self.docs)
        let meta = try index.metaEntries()
        let rows = try index.displayRows()
        let local = try #require(rows.firstIndex { $0[1] == "2.000815.000.00.00.H29" })
        for word in ["2.000815.000.00.00.h29", "2.000815", "000815", "h29", "2"] {
            let entry = try #require(meta[word], "\(word)")
            // code tier is the third list
            #expect(entry.contains { $0.count > 3 && PostingList.decode($0[3]).contains(local) }, "\(word)")
        }
        #expect(meta["000"] == nil, "parts of zeros only find everything")
        #expect(meta["00"] == nil)
    }

    @Test func fieldAgencyAndLevelGoToTheirTiers() throws {
        let index = try BuiltIndex(Self.docs)
        let meta = try index.metaEntries()
        let dat = try #require(meta["dat"]?.first { $0[0] == VietnameseText.comparisonKey("đất") })
        #expect(!PostingList.decode(dat[2]).isEmpty)  // in a name
        #expect(!PostingList.decode(dat[4]).isEmpty)  // and a field
        let uy = try #require(meta["uy"]?.first)
        #expect(uy[1].isEmpty && uy[2].isEmpty && uy[3].isEmpty && uy[4].isEmpty)
        #expect(PostingList.decode(uy[5]).count == Self.docs.count)
        let xa = try #require(meta["xa"]?.first)  // "Cấp xã", the level
        #expect(PostingList.decode(xa[5]).count == Self.docs.count)
    }

    @Test func bodyListsOnlyDocumentsNotHavingTheWordElsewhere() throws {
        let index = try BuiltIndex(Self.docs)
        let body = try index.bodyEntries()
        let rows = try index.displayRows()
        let khaiSinh = try #require(rows.firstIndex { $0[0] == "Đăng ký khai sinh" })
        let ketHon = try #require(rows.firstIndex { $0[0] == "Đăng ký kết hôn" })
        // "khai" is in one name and in another's body: the body list has the other only.
        #expect(PostingList.decode(try #require(body["khai"])) == [ketHon])
        #expect(PostingList.decode(try #require(body["chung"])) == [khaiSinh])
        #expect(body["dang"] == nil)
        #expect(body.keys.allSatisfy { $0.count > 1 })
    }

    @Test func displayRowsAreInOrderOfNameLengthThenFoldedNameWithCodeAndPage() throws {
        let rows = try BuiltIndex(Self.docs).displayRows()
        #expect(rows.map { $0[0] } == ["Đăng ký kết hôn", "Đăng ký khai sinh", "Hòa giải tranh chấp đất đai", "Cấp bản sao trích lục hộ tịch"])
        #expect(rows[1] == ["Đăng ký khai sinh", "1.001193", "Hộ tịch", "thu-tuc/1.001193.html"])
    }

    @Test func untrustedTextStaysData() throws {
        let nasty = "Thủ tục </script><script>alert(\"x\")</script> \\ \u{2028} \u{1}"
        let rows = try BuiltIndex([document("1.000001", nasty)]).displayRows()
        #expect(rows[0][0] == nasty)
        let file = try #require(SearchIndexBuilder.build([document("1.000001", nasty)]).first { $0.path == "tim-kiem/d/0.js" })
        #expect(!file.contents.contains("</script>"))
        #expect(!file.contents.contains("\u{2028}"))
    }

    @Test func sameDocumentsInAnyOrderGiveIdenticalFiles() {
        let docs = Self.syntheticDocuments(300)
        let a = SearchIndexBuilder.build(docs)
        let b = SearchIndexBuilder.build(docs.reversed())
        var shuffled = docs
        var g = SplitMix(seed: 7)
        shuffled.shuffle(using: &g)
        #expect(a == b)
        #expect(a == SearchIndexBuilder.build(shuffled))
    }

    @Test func shardsStayUnderTheirLimitAndTheManifestLocatesEveryWord() throws {
        let limits = SearchIndexBuilder.Limits(shardBytes: 4_096, documentsPerShard: 16)
        let index = try BuiltIndex(Self.syntheticDocuments(1_000), limits: limits)
        for kind in ["meta", "body"] {
            let table = try #require(index.manifest[kind] as? [[Any]])
            #expect(table.count > 3, "\(kind) is cut into shards")
            var previousFirst: String?
            for (n, row) in table.enumerated() {
                let first = try #require(row[0] as? String)
                let bytes = try #require(row[1] as? Int)
                let file = try #require(index.files["tim-kiem/\(kind.prefix(1))/\(n).js"])
                #expect(file.contents.utf8.count == bytes)
                let words = try #require(try payload(file) as? [String: Any]).keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
                #expect(words.first == first)
                if let p = previousFirst { #expect(p.utf16.lexicographicallyPrecedes(first.utf16)) }
                previousFirst = first
                // Over the limit only when one word alone is bigger.
                #expect(bytes <= limits.shardBytes + 100 || words.count == 1, "\(file.path): \(bytes) bytes")
            }
        }
        let manifestBytes = try #require(index.files["tim-kiem/manifest.js"]).contents.utf8.count
        #expect(manifestBytes < 20_000)
        let documents = index.files.filter { $0.key.hasPrefix("tim-kiem/d/") }
        #expect(documents.count == 1_000 / 16 + 1)
        #expect(documents.values.allSatisfy { $0.contents.utf8.count < 6_000 })
    }

    @Test func mapsAProcedureOfTheModel() throws {
        let p = Procedure(
            code: ProcedureCode("1.001193.000.00.00.H29"), name: "Đăng ký khai sinh",
            levels: [.commune], fields: [Field(name: "Hộ tịch")],
            steps: [StepGroup(steps: [Step(text: "Nộp hồ sơ tại Bộ phận một cửa")])],
            dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Tờ khai đăng ký khai sinh")])]),
            agencies: [Agency(role: .performing, name: "Ủy ban nhân dân cấp xã")],
            results: [Outcome(name: "Giấy khai sinh")], legalBases: [LegalBasis(number: "60/2014/QH13")])
        let d = SearchDocument(procedure: p)
        #expect(d.key == "1.001193")
        #expect(d.code == "1.001193.000.00.00.H29")
        #expect(d.path == SitePath.procedure(ProcedureCode("1.001193")))
        #expect(d.field == "Hộ tịch")
        #expect(d.agency == "Ủy ban nhân dân cấp xã")
        #expect(d.level == "Cấp xã")
        for text in ["Nộp hồ sơ tại Bộ phận một cửa", "Tờ khai đăng ký khai sinh", "Giấy khai sinh", "60/2014/QH13"] {
            #expect(d.body.contains(text))
        }
    }

    @Test func aProcedureWithoutACodeIsFoundByItsKey() throws {
        let d = SearchDocument(procedure: Procedure(name: "Thủ tục mới chưa có mã"), key: "123/QĐ-UBND#4")
        #expect(d.code.isEmpty)
        #expect(d.path == "thu-tuc/123-qd-ubnd-4.html")
        let index = try BuiltIndex([d])
        #expect(try index.displayRows() == [["Thủ tục mới chưa có mã", "123/QĐ-UBND#4", "", "thu-tuc/123-qd-ubnd-4.html"]])
        let meta = try index.metaEntries()
        #expect(meta["123"]?.first.map { PostingList.decode($0[3]) } == [0])
        #expect(meta["qd"]?.first.map { PostingList.decode($0[3]) } == [0])
    }

    static func syntheticDocuments(_ n: Int) -> [SearchDocument] {
        let province = SyntheticCatalogue.generate(.init(procedures: n))[0]
        let sourced = province.decisions.enumerated().map { i, d in
            SourcedDecision(decision: d, location: SourceLocation(file: "d\(i).xml"))
        }
        let state = Replay.run(sourced).catalogue.state(at: SyntheticCatalogue.Timeline.initialAnnouncementsComplete)
        return state.entries.map { SearchDocument(procedure: $0.procedure, key: $0.key) }
    }
}

/// SplitMix64, for a shuffle that is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
