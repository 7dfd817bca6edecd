import Foundation

/// The `.json` files of a folder tree, listed with `opendir`/`readdir`, and paths in a lexical
/// absolute form for telling two spellings of one path apart.
enum FolderListing {
    /// Every entry whose name ends in `.json` (any case) and does not start with '.', at any depth,
    /// as `folder` joined with its path inside it (`folder/sub/x.json`); in no particular order. nil
    /// when `folder` itself cannot be listed. Sub-folders that cannot be listed are passed over.
    ///
    /// Hidden folders (`.git`, `.cache`) inside `folder` are skipped as hidden files are: users keep
    /// tools' data there, not records. `folder` itself is listed even when hidden, since it was
    /// named. Otherwise the same entries as `FileManager.enumerator(atPath:)` on Linux gives: links
    /// are listed as entries and not followed, and a folder named through a link lists nothing.
    static func jsonFiles(under folder: String) -> [String]? {
        var trimmed = folder
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var status = stat()
        if lstat(trimmed, &status) == 0, status.st_mode & S_IFMT == S_IFLNK { return [] }
        guard let top = opendir(folder) else { return nil }
        var found: [String] = []
        // "dir/" + "x.json", as NSString.appendingPathComponent joins them.
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        list(top, prefix: base, into: &found)
        return found
    }

    /// Lists an open folder (closing it) whose entries' paths start with `prefix`.
    private static func list(_ folder: OpaquePointer, prefix: String, into found: inout [String]) {
        var subfolders: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = prefix + name
            var isFolder: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isFolder = true
            case Int32(DT_UNKNOWN):
                var status = stat()
                isFolder = lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            default: isFolder = false
            }
            if name.hasPrefix(".") { continue }
            if isFolder { subfolders.append(path) }
            if hasJSONExtension(name) { found.append(path) }
        }
        closedir(folder)
        for path in subfolders {
            guard let sub = opendir(path) else { continue }
            list(sub, prefix: path + "/", into: &found)
        }
    }

    /// Whether a name ends in ".json", any case (`lowercased().hasSuffix(".json")`, on the bytes: no
    /// letter outside ASCII lowercases to one of these).
    static func hasJSONExtension(_ name: String) -> Bool {
        let tail = Array(name.utf8.suffix(5))
        guard tail.count == 5, tail[0] == UInt8(ascii: ".") else { return false }
        return zip(tail.dropFirst(), "json".utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    /// The absolute form of a path, resolved lexically as `URL.standardizedFileURL.path` resolves it:
    /// relative to `directory`, with `.`, `..`, repeated and trailing slashes resolved, and links
    /// left as they are.
    static func standardized(_ path: String, in directory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
