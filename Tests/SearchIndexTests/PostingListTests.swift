import SearchIndex
import Testing

@Suite struct PostingListTests {
    @Test(arguments: [
        [Int](),
        [0],
        [5],
        [0, 1, 2, 3],
        [31, 32, 1_023, 1_024, 99_999],
        Array(stride(from: 7, to: 100_000, by: 2)),
        Array(0..<6_000),
    ])
    func roundTrip(ids: [Int]) {
        #expect(PostingList.decode(PostingList.encode(ids)) == ids)
    }

    @Test func denseListsUseABitmapOfSixDocumentsPerCharacter() {
        let every = Array(0..<100_000)
        let text = PostingList.encode(every)
        #expect(text.hasPrefix("~"))
        #expect(text.utf8.count <= 100_000 / 6 + 3)
    }

    @Test func sparseListsCostAboutOneCharacterPerSmallGap() {
        let ids = Array(stride(from: 0, to: 3_100, by: 31))
        let text = PostingList.encode(ids)
        #expect(!text.hasPrefix("~"))
        #expect(text.utf8.count == ids.count)
    }

    @Test func usesOnlyCharactersThatNeedNoEscaping() {
        let text = PostingList.encode([3, 70, 4_000, 4_001, 200_000])
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "~") })
    }
}
