#if canImport(Glibc)
import Glibc
#endif

extension FileSystem {
    /// Directories exist implicitly (the in-memory file system): nothing to create.
    public func createDirectories(_ path: String) throws(CommandError) {}
}

extension LocalFileSystem {
    /// Creates a directory and its missing parents, like `mkdir -p`.
    public func createDirectories(_ path: String) throws(CommandError) {
        if path.isEmpty || kind(of: path) == true { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .io("cannot create directory '\(prefix)': \(LocalFileSystem.lastError())")
            }
        }
        guard kind(of: path) == true else { throw .io("cannot create directory '\(path)': a file is in the way") }
    }
}
