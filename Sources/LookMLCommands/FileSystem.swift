import CProcessSupport
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Every read and write a command makes goes through this protocol: atomic writes in one place, and an
/// in-memory implementation for tests.
public protocol FileSystem: Sendable {
    /// The bytes of a file.
    func read(_ path: String) throws(CommandError) -> [UInt8]
    /// Whether `path` is a directory (`true`), another kind of file (`false`), or absent (`nil`).
    func kind(of path: String) -> Bool?
    /// Why `kind(of:)` found nothing at `path`, in words (`no such file or directory`, `too many levels of symbolic
    /// links`, `permission denied`).
    func reasonAbsent(_ path: String) -> String
    /// The regular files below a directory, recursively, sorted; hidden entries (`.git`) are skipped, symbolic
    /// links to directories are not followed (so link loops cannot trap the walk).
    func files(under directory: String) throws(CommandError) -> [String]
    /// Replaces a file's content atomically: the new bytes go to a temporary file in the same directory that is
    /// then renamed over the target, so a reader or a crash sees the old file or the new one, never a mix.
    /// On the local file system the temporary is `.NAME.lookml-PID-XXXXXX`: hidden and never ending in `.lkml` or
    /// `.lookml`, so no walk or project load picks it up; one left by a killed writer is removed by the next write
    /// into that directory once its process is gone.
    func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(CommandError)
    /// Moves a file (an atomic rename within one file system).
    func move(_ source: String, to destination: String) throws(CommandError)
    /// Creates a directory and its missing parents (see FileSystem+Directories.swift).
    func createDirectories(_ path: String) throws(CommandError)
    /// Takes an exclusive lock on a directory for one writer (`generate`), waiting for the holder when it is busy
    /// (`onWait` is called once before waiting). The lock is released when the returned value is released.
    func lockDirectory(_ path: String, onWait: () -> Void) throws(CommandError) -> DirectoryLock
}

/// A held directory lock; releasing it (or ending the process) unlocks.
public final class DirectoryLock: @unchecked Sendable {
    private let release: () -> Void
    public init(release: @escaping () -> Void = {}) { self.release = release }
    deinit { release() }
}

extension FileSystem {
    public func reasonAbsent(_ path: String) -> String { "no such file or directory" }

    /// No locking by default (in-memory file systems have one writer).
    public func lockDirectory(_ path: String, onWait: () -> Void) throws(CommandError) -> DirectoryLock { DirectoryLock() }
}

/// The real file system, through POSIX calls.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws(CommandError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io("cannot read '\(path)': \(LocalFileSystem.lastError())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io("cannot read '\(path)': \(LocalFileSystem.lastError())") }
        if info.st_mode & S_IFMT == S_IFDIR { throw .io("cannot read '\(path)': it is a directory") }
        // Read straight into the array's storage (no zero-filling first: projects are hundreds of megabytes), one
        // byte more than the size so a file that grew since fstat is noticed, and read to its end in chunks.
        var failure: Int32 = 0
        func readInto(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var count = 0
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if got == 0 { break }
                count += got
            }
            return count
        }
        let capacity = max(Int(info.st_size), 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in initialized = readInto(buffer) }
        if failure == 0, bytes.count == capacity {
            while true {
                let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, initialized in initialized = readInto(buffer) }
                bytes += chunk
                if failure != 0 || chunk.count < 1 << 16 { break }
            }
        }
        guard failure == 0 else {
            errno = failure
            throw .io("cannot read '\(path)': \(LocalFileSystem.lastError())")
        }
        return bytes
    }

    public func kind(of path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    public func reasonAbsent(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) != 0 else { return "no such file or directory" }
        return LocalFileSystem.lastError().lowercased()
    }

    public func files(under directory: String) throws(CommandError) -> [String] {
        var result: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let handle = opendir(current) else {
                throw .io("cannot list '\(current)': \(LocalFileSystem.lastError())")
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = String(cString: lookml_dirent_name(entry))
                if name.hasPrefix(".") { continue }
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                // The entry's type, from the directory itself when the file system gives it (no stat per file).
                let type: mode_t
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): type = S_IFDIR
                case Int32(DT_REG): type = S_IFREG
                default:
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    type = info.st_mode & S_IFMT
                }
                if type == S_IFDIR {
                    pending.append(path)
                } else if type == S_IFREG {
                    result.append(path)
                } else if type == S_IFLNK {
                    // A link to a file counts; a link to a directory is not followed.
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG { result.append(path) }
                }
            }
        }
        return result.sorted()
    }

    public func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(CommandError) {
        let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let directory = parent.isEmpty ? "/" : parent
        let base = path.split(separator: "/").last.map(String.init) ?? path
        LocalFileSystem.removeAbandonedTemporaries(in: directory)
        var template = Array("\(directory == "/" ? "" : directory)/.\(base).lookml-\(getpid())-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .io("cannot write '\(path)': \(LocalFileSystem.lastError())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = LocalFileSystem.lastError()
                    return
                }
                offset += written
            }
        }
        // Keep the original file's permissions.
        var info = stat()
        if stat(path, &info) == 0 { fchmod(descriptor, info.st_mode & 0o7777) } else { fchmod(descriptor, 0o644) }
        if failure == nil, fsync(descriptor) != 0 { failure = LocalFileSystem.lastError() }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = LocalFileSystem.lastError() }
        if let failure {
            unlink(temporary)
            throw .io("cannot write '\(path)': \(failure)")
        }
    }

    /// Directories already swept for abandoned temporaries by this process.
    private static let sweptDirectories = Mutex<Set<String>>([])

    /// Removes the temporaries (`.NAME.lookml-PID-XXXXXX`) that writers killed between creating and renaming them
    /// left in `directory`: those whose process no longer exists. Once per directory and process, so a command that
    /// writes many files lists each directory once; a live writer's temporary is never touched.
    static func removeAbandonedTemporaries(in directory: String) {
        guard sweptDirectories.withLock({ $0.insert(directory).inserted }) else { return }
        guard let handle = opendir(directory) else { return }
        var abandoned: [String] = []
        while let entry = readdir(handle) {
            let name = String(cString: lookml_dirent_name(entry))
            guard let owner = temporaryOwner(name), owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
            abandoned.append(name)
        }
        closedir(handle)
        for name in abandoned { unlink(directory == "/" ? "/" + name : directory + "/" + name) }
    }

    /// The process id in a temporary's name `.NAME.lookml-PID-XXXXXX`, or nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        let bytes = Array(name.utf8)
        let marker = Array(".lookml-".utf8)
        // The six characters mkstemp chose, and the dash before them.
        guard bytes.count > 1 + marker.count + 2 + 6, bytes[0] == UInt8(ascii: "."), bytes[bytes.count - 7] == UInt8(ascii: "-"),
              bytes.suffix(6).allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        // The pid: the digits right before that dash, right after `.lookml-`.
        var start = bytes.count - 7
        while start > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start - 1]) { start -= 1 }
        guard start < bytes.count - 7, start - marker.count > 0, Array(bytes[(start - marker.count)..<start]) == marker,
              let pid = pid_t(String(decoding: bytes[start..<(bytes.count - 7)], as: UTF8.self)), pid > 0
        else { return nil }
        return pid
    }

    /// `flock` on `DIR/.lookml-generate.lock` (kept, hidden; the lock, not the file, is what counts).
    public func lockDirectory(_ path: String, onWait: () -> Void) throws(CommandError) -> DirectoryLock {
        try createDirectories(path)
        let file = (path.hasSuffix("/") ? path : path + "/") + ".lookml-generate.lock"
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io("cannot lock '\(path)': \(LocalFileSystem.lastError())") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw .io("cannot lock '\(path)': \(LocalFileSystem.lastError())")
            }
            onWait()
            while flock(descriptor, LOCK_EX) != 0 {
                if errno != EINTR { close(descriptor); throw .io("cannot lock '\(path)': \(LocalFileSystem.lastError())") }
            }
        }
        return DirectoryLock { _ = flock(descriptor, LOCK_UN); close(descriptor) }
    }

    public func move(_ source: String, to destination: String) throws(CommandError) {
        guard rename(source, destination) == 0 else {
            throw .io("cannot move '\(source)' to '\(destination)': \(LocalFileSystem.lastError())")
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
