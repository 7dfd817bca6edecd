import Foundation
@testable import Formats
import Testing

@Suite("Removing a folder tree")
struct FolderRemovalTests {
    /// Nested folders, hidden and empty ones, many files, hard links and symbolic links (to a file
    /// and to a folder outside, which must survive): all gone, nothing outside touched.
    @Test func removesEverythingAndFollowsNoLink() throws {
        let fm = FileManager.default
        let base = NSTemporaryDirectory() + "tthc-removal-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: base) }
        let tree = base + "/tree", outside = base + "/outside"
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "keep".write(toFile: outside + "/keep.txt", atomically: false, encoding: .utf8)
        for folder in ["a", "a/b/c", "d", ".hidden", "empty", "thu-tuc"] {
            try fm.createDirectory(atPath: tree + "/" + folder, withIntermediateDirectories: true)
        }
        for i in 0..<300 { try "\(i)".write(toFile: tree + "/thu-tuc/\(i).html", atomically: false, encoding: .utf8) }
        for file in ["top.txt", "a/x.txt", "a/b/c/deep.txt", ".hidden/.secret", "d/y.txt"] {
            try "x".write(toFile: tree + "/" + file, atomically: false, encoding: .utf8)
        }
        #expect(link(outside + "/keep.txt", tree + "/d/hard-link.txt") == 0)
        try fm.createSymbolicLink(atPath: tree + "/a/to-outside", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: tree + "/to-file", withDestinationPath: outside + "/keep.txt")

        FolderRemoval.remove(tree)
        #expect(!fm.fileExists(atPath: tree))
        #expect(try fm.contentsOfDirectory(atPath: outside) == ["keep.txt"])
        #expect(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8) == "keep")
    }

    @Test func aMissingFolderIsNoError() {
        FolderRemoval.remove(NSTemporaryDirectory() + "tthc-removal-missing-" + UUID().uuidString)
    }
}
