import CProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX file operations the warehouse needs (directories, ownership, small files).

func lastErrorText() -> String { String(cString: strerror(errno)) }

func listDirectory(_ path: String) throws(WarehouseError) -> [String] {
    guard let handle = opendir(path) else { throw WarehouseError(.fileSystem, "cannot list '\(path)': \(lastErrorText())") }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
        let name = String(cString: lookml_dirent_name(entry))
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

func fileExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
}

/// Creates `path` and its missing parents (parents get mode 0755, `path` itself `mode`).
func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(WarehouseError) {
    var prefix = path.hasPrefix("/") ? "" : "."
    let parts = path.split(separator: "/")
    for (index, part) in parts.enumerated() {
        prefix += "/" + part
        if isDirectory(prefix) { continue }
        if mkdir(prefix, index == parts.count - 1 ? mode : 0o755) != 0 && errno != EEXIST {
            throw WarehouseError(.fileSystem, "cannot create directory '\(prefix)': \(lastErrorText())")
        }
    }
}

/// Removes `path` and everything below it; symbolic links are removed, never followed.
func removeRecursively(_ path: String) throws(WarehouseError) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFDIR {
        for name in try listDirectory(path) { try removeRecursively(path + "/" + name) }
        if rmdir(path) != 0 { throw WarehouseError(.fileSystem, "cannot remove '\(path)': \(lastErrorText())") }
    } else if unlink(path) != 0 && errno != ENOENT {
        throw WarehouseError(.fileSystem, "cannot remove '\(path)': \(lastErrorText())")
    }
}

func readTextFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 8192)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        bytes += chunk[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes a small file through a temporary file and a rename, with `mode`.
func writeTextFile(_ path: String, _ text: String, mode: mode_t = 0o600) throws(WarehouseError) {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw WarehouseError(.fileSystem, "cannot write '\(path)': \(lastErrorText())") }
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            let message = lastErrorText()
            close(descriptor)
            unlink(temporary)
            throw WarehouseError(.fileSystem, "cannot write '\(path)': \(message)")
        }
        offset += written
    }
    fchmod(descriptor, mode)
    close(descriptor)
    guard rename(temporary, path) == 0 else {
        let message = lastErrorText()
        unlink(temporary)
        throw WarehouseError(.fileSystem, "cannot write '\(path)': \(message)")
    }
}

/// The absolute form of `path` (relative paths are taken from the current directory), with `.` parts and
/// trailing slashes removed.
func absolutePath(_ path: String) -> String {
    var base = path
    if !path.hasPrefix("/") {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let cwd = getcwd(&buffer, buffer.count) != nil ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/"
        base = cwd + "/" + path
    }
    var parts: [Substring] = []
    for part in base.split(separator: "/") {
        if part == "." { continue }
        if part == ".." { _ = parts.popLast(); continue }
        parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
}

/// The user id and group id of a user name, or nil when there is no such user.
func userIDs(_ name: String) -> (uid_t, gid_t)? {
    guard let entry = getpwnam(name) else { return nil }
    return (entry.pointee.pw_uid, entry.pointee.pw_gid)
}
