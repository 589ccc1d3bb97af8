import Foundation
import LookMLCommands
import Testing
import Warehouse

/// Runs `lookml` in-process with the real file system and captures what it prints.
struct ToolRun {
    let exitCode: Int32
    let output: String
    let error: String
    var all: String { output + error }
}

func runTool(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> ToolRun {
    let capture = CapturingConsole()
    let context = CommandContext(console: capture.console, fileSystem: LocalFileSystem(), environment: environment)
    let code = LookMLTool.run(arguments, context: context)
    return ToolRun(exitCode: code, output: capture.outputText, error: capture.errorText)
}

/// One throwaway cluster for a whole suite: started before its first test, removed after its last — also when
/// tests fail. Tests read it from `SharedCluster.state`.
struct SharedCluster: SuiteTrait, TestScoping {
    @TaskLocal static var current: (warehouse: EmbeddedPostgres, state: WarehouseState)?

    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        // Clusters of earlier runs that crashed before their cleanup.
        EmbeddedPostgres.removeAbandonedTemporaries()
        let warehouse = try EmbeddedPostgres.temporary()
        defer { try? warehouse.remove() }
        let started = ContinuousClock.now
        let state = try warehouse.start()
        ClusterTimings.record("shared cluster start (initdb + pg_ctl start)", ContinuousClock.now - started)
        try await SharedCluster.$current.withValue((warehouse, state)) { try await function() }
    }

    /// The suite's cluster.
    static var state: WarehouseState {
        get throws { try #require(current?.state, "the suite must carry the .sharedCluster trait") }
    }
    static var warehouse: EmbeddedPostgres {
        get throws { try #require(current?.warehouse, "the suite must carry the .sharedCluster trait") }
    }
}

extension Trait where Self == SharedCluster {
    /// Starts one embedded PostgreSQL for the suite and removes it afterwards.
    static var sharedCluster: SharedCluster { SharedCluster() }
}

/// Cluster start times, printed to standard error so test logs show them.
enum ClusterTimings {
    static func record(_ what: String, _ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("WarehouseTests: \(what): \(String(format: "%.2f", seconds)) s\n".utf8))
    }
}

/// Runs `body` on its own thread (not the test's cooperative pool) every `interval` until stopped.
final class BackgroundLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var finished = false

    init(every interval: TimeInterval, _ body: @escaping @Sendable () -> Void) {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: interval)
                // Checked and run under the lock, so nothing runs once `stop()` has returned.
                let ran = lock.withLock { () -> Bool in
                    if stopped { finished = true; return false }
                    body()
                    return true
                }
                if !ran { return }
            }
        }
    }

    /// Stops the loop; `body` does not run after this returns.
    func stop() { lock.withLock { stopped = true } }
}

extension SharedCluster {
    /// A new, empty database in the suite's cluster (dropped first if a previous run left it).
    static func freshDatabase(_ name: String) throws -> ConnectionParameters {
        let state = try state
        let admin = try PostgresConnection(state.socketParameters)
        try admin.execute("DROP DATABASE IF EXISTS \(name)")
        try admin.execute("CREATE DATABASE \(name)")
        var parameters = state.socketParameters
        parameters["dbname"] = name
        return parameters
    }
}
