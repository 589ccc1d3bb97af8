import Foundation

/// A file system held in memory, for tests. Paths are plain strings; directories exist implicitly.
public final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: [UInt8]]
    /// Paths whose writes fail, to simulate a full disk or a read-only directory.
    public var failingWrites: Set<String> = []

    public init(files: [String: String] = [:]) {
        contents = files.mapValues { Array($0.utf8) }
    }

    public subscript(path: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return contents[path].map { String(decoding: $0, as: UTF8.self) }
    }

    public func read(_ path: String) throws(CommandError) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let bytes = contents[path] else { throw .io("cannot read '\(path)': No such file or directory") }
        return bytes
    }

    public func kind(of path: String) -> Bool? {
        lock.lock(); defer { lock.unlock() }
        if contents[path] != nil { return false }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return contents.keys.contains { $0.hasPrefix(prefix) } ? true : nil
    }

    public func files(under directory: String) throws(CommandError) -> [String] {
        lock.lock(); defer { lock.unlock() }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return contents.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
    }

    public func move(_ source: String, to destination: String) throws(CommandError) {
        lock.lock(); defer { lock.unlock() }
        guard let bytes = contents.removeValue(forKey: source) else { throw .io("cannot move '\(source)': No such file or directory") }
        contents[destination] = bytes
    }

    public func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(CommandError) {
        lock.lock(); defer { lock.unlock() }
        if failingWrites.contains(path) { throw .io("cannot write '\(path)': No space left on device") }
        contents[path] = bytes
    }
}
