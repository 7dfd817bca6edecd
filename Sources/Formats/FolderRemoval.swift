import Foundation

/// Removes a folder and everything in it, its subfolders spread over the cores.
///
/// Why not `FileManager.removeItem`: a site's previous build, removed after every rebuild's swap,
/// holds tens of thousands of files; removeItem walks them one by one on one thread (stat, then
/// unlink), and removing is kernel work that two folders can do at the same time (each folder's
/// entries are locked one at a time, so the spreading is per folder). Symbolic links are removed,
/// never followed.
public enum FolderRemoval {
    /// Removes `path` and its contents. Anything left over (a permission problem) is left to
    /// `FileManager`, whose error is ignored like before: the old folder is only debris.
    public static func remove(_ path: String) {
        var subfolders: [String] = []
        guard removeEntries(of: path, subfolders: &subfolders) else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let folders = subfolders
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in removeSerially(folders[i]) }
        if rmdir(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes a folder on this thread.
    static func removeSerially(_ path: String) {
        var subfolders: [String] = []
        guard removeEntries(of: path, subfolders: &subfolders) else { return }
        for folder in subfolders { removeSerially(folder) }
        rmdir(path)
    }

    /// Unlinks every non-folder entry of `path` and lists its subfolders. False when it cannot be read.
    private static func removeEntries(of path: String, subfolders: inout [String]) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) {
                subfolders.append(child)
            } else if unlink(child) != 0, errno == EISDIR || errno == EPERM {
                // A file system that does not give the entry's type: a folder refuses unlink.
                subfolders.append(child)
            }
        }
        return true
    }
}
