import Foundation
import Testing

@testable import Site

/// The staging folder: new files written once, unchanged ones hard-linked from the previous build,
/// and a previous build's file never written through.
@Suite("The staging folder of a build")
struct OutputFolderTests {
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesNewFilesAndTheirFolders() throws {
        let staging = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(staging) }
        let out = OutputFolder(staging: staging, previous: nil)
        try out.emit("a/b/c.json", "{}\n")
        try out.emit("a/b/d.json", "[]\n")
        try out.emit("top.txt", "đ\n")
        #expect(Self.text(staging + "/a/b/c.json") == "{}\n")
        #expect(Self.text(staging + "/a/b/d.json") == "[]\n")
        #expect(Self.text(staging + "/top.txt") == "đ\n")
        #expect(out.written == 3 && out.unchanged == 0)
        // Written again in the same build (a page made after its companion was kept): replaced.
        try out.emit("a/b/c.json", "{\"x\": 1}\n")
        #expect(Self.text(staging + "/a/b/c.json") == "{\"x\": 1}\n")
    }

    @Test func linksUnchangedFilesAndNeverWritesThroughAKeptOne() throws {
        let previous = Fixture.temporaryFolder()
        let staging = Fixture.temporaryFolder()
        defer { Fixture.cleanUp(previous); Fixture.cleanUp(staging) }
        try FileManager.default.createDirectory(atPath: previous + "/p", withIntermediateDirectories: true)
        try "same\n".write(toFile: previous + "/p/same.html", atomically: false, encoding: .utf8)
        try "old\n".write(toFile: previous + "/p/changed.html", atomically: false, encoding: .utf8)
        try "kept\n".write(toFile: previous + "/p/kept.html", atomically: false, encoding: .utf8)
        let out = OutputFolder(staging: staging, previous: previous)

        try out.emit("p/same.html", "same\n")
        #expect(Self.inode(staging + "/p/same.html") == Self.inode(previous + "/p/same.html"))
        try out.emit("p/changed.html", "new\n")
        #expect(Self.text(staging + "/p/changed.html") == "new\n")
        #expect(Self.inode(staging + "/p/changed.html") != Self.inode(previous + "/p/changed.html"))
        #expect(Self.text(previous + "/p/changed.html") == "old\n")

        #expect(try out.keep("p/kept.html"))
        #expect(try !out.keep("p/missing.html"))
        #expect(Self.inode(staging + "/p/kept.html") == Self.inode(previous + "/p/kept.html"))
        // Made again after all, with other bytes: the previous build's file stays as it was.
        try out.emit("p/kept.html", "remade\n")
        #expect(Self.text(staging + "/p/kept.html") == "remade\n")
        #expect(Self.text(previous + "/p/kept.html") == "kept\n")
        #expect(out.written == 2 && out.unchanged == 2)
    }
}
