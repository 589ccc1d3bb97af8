import Foundation
import Testing

/// Runs the built `lookml` executable as a child process, for tests that need a real process (one that can be
/// killed) and the real file system.
enum ToolProcess {
    /// The `lookml` binary: `LOOKML_EXECUTABLE` when set, otherwise the one built next to this test bundle (SwiftPM
    /// puts every product of a build in one directory, and `swift test` builds the executable too).
    static func executable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["LOOKML_EXECUTABLE"] { return path }
        var directories: [URL] = []
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: running).deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        let candidates = directories.map { $0.appendingPathComponent("lookml").path }
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "no lookml executable next to the test bundle (looked at \(candidates)); build it or set LOOKML_EXECUTABLE")
    }

    /// Starts `lookml ARGUMENTS`; its output goes nowhere.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `lookml ARGUMENTS` to the end (killed after `timeout` seconds) and returns its exit status and standard
    /// error; `nil` for the status when it had to be killed.
    static func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> (status: Int32?, error: String, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // Standard error to a file rather than a pipe: nothing to drain while waiting.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-stderr-\(UUID().uuidString)")
        // Not `FileManager.createFile`: Foundation writes it atomically, through a temporary directory it leaves behind.
        try Data().write(to: errorFile)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let handle = try FileHandle(forWritingTo: errorFile)
        process.standardError = handle
        let started = Date()
        try process.run()
        try? handle.close()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(started) > timeout {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (timedOut ? nil : process.terminationStatus, error, seconds)
    }
}

/// A scratch directory on the real file system, removed when the test ends.
final class ScratchDirectory {
    let path: String

    init(_ label: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func join(_ relative: String) -> String { path + "/" + relative }

    /// Writes files given relative to `root` (a folder inside this directory), creating folders.
    func write(_ files: [String: [UInt8]], under root: String) throws {
        for (relative, bytes) in files {
            let url = URL(fileURLWithPath: join(root + "/" + relative))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// A copy of the folder `from` as `to`.
    func copy(_ from: String, to: String) throws {
        try? FileManager.default.removeItem(atPath: join(to))
        try FileManager.default.copyItem(atPath: join(from), toPath: join(to))
    }

    func remove(_ relative: String) { try? FileManager.default.removeItem(atPath: join(relative)) }
}

/// Every regular file below a folder (hidden ones included), keyed by relative path, with its bytes.
func snapshot(_ root: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = walker.nextObject() as? String {
        let path = root + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        result[relative] = Array(FileManager.default.contents(atPath: path) ?? Data())
    }
    return result
}

extension Dictionary where Key == String, Value == String {
    /// The files as bytes.
    var bytes: [String: [UInt8]] { mapValues { Array($0.utf8) } }
}

/// The paths whose bytes differ between two snapshots (present in one only, or with other content).
func differences(_ left: [String: [UInt8]], _ right: [String: [UInt8]]) -> [String] {
    Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
}
