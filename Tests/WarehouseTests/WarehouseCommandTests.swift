import Foundation
import Testing
import Warehouse

@Suite("lookml warehouse")
struct WarehouseCommandTests {
    static let subcommands = ["start", "stop", "status", "url", "ddl", "seed"]

    @Test("--help on each subcommand, and the group lists them", arguments: subcommands)
    func help(subcommand: String) {
        let run = runTool(["warehouse", subcommand, "--help"])
        #expect(run.exitCode == 0)
        #expect(run.output.contains("USAGE: lookml warehouse \(subcommand)"))
        #expect(run.output.contains(subcommand == "ddl" ? "--names <file>" : "--dir <dir>"))
        #expect(run.output.contains("EXIT CODES"))
        #expect(runTool(["help", "warehouse", subcommand]).output == run.output)
        let group = runTool(["warehouse", "--help"])
        #expect(group.exitCode == 0)
        #expect(group.output.contains("  \(subcommand) "))
        #expect(group.output.contains(EmbeddedPostgres.defaultDirectory))
    }

    @Test("usage errors exit 2")
    func usageErrors() {
        #expect(runTool(["warehouse"]).exitCode == 2)
        let unknown = runTool(["warehouse", "launch"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.error.contains("unknown subcommand 'launch'"))
        #expect(runTool(["warehouse", "start", "--timeout", "soon"]).exitCode == 2)
        #expect(runTool(["warehouse", "status", "--bogus"]).exitCode == 2)
        #expect(runTool(["warehouse", "url", "extra"]).exitCode == 2)
    }

    @Test("lookml warehouse ddl honours --names, --dialect and --layout; a bad naming config exits 2 with its line")
    func ddlCommand() throws {
        let directory = NSTemporaryDirectory() + "lookml-names-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let names = directory + "/names.yaml", bad = directory + "/bad.yaml"
        try "version: 1\ndialect: postgres\nschema: braze\ntable_suffix: _V2\ncolumns: {USERS_MESSAGES_EMAIL_SEND.EMAIL_ADDRESS: TO_ADDRESS}\n"
            .write(toFile: names, atomically: false, encoding: .utf8)
        try "version: 1\nlayout: sideways\n".write(toFile: bad, atomically: false, encoding: .utf8)

        let postgres = runTool(["warehouse", "ddl", "--names", names])
        #expect(postgres.exitCode == 0)
        #expect(postgres.output.contains("CREATE TABLE braze.users_messages_email_send_v2 ("))
        #expect(postgres.output.contains("    to_address "))
        #expect(postgres.output.contains("CREATE TABLE braze.users_messages_email_open_v2 (\n") && postgres.output.contains("    email_address "))
        let snowflake = runTool(["warehouse", "ddl", "--names", names, "--dialect", "snowflake", "--layout", "legacy"])
        #expect(snowflake.output.contains("CREATE TABLE BRAZE.USERS_MESSAGES_EMAIL_SEND_V2 ("))
        #expect(snowflake.output.contains("CAMPAIGN_NAME"))

        let invalid = runTool(["warehouse", "ddl", "--names", bad])
        #expect(invalid.exitCode == 2)
        #expect(invalid.error.contains("bad.yaml:2:"))
        #expect(runTool(["warehouse", "ddl", "--names", directory + "/missing.yaml"]).exitCode == 2)
        #expect(runTool(["warehouse", "ddl", "--dialect", "oracle"]).exitCode == 2)
    }

    @Test("missing server binaries: a clear error naming the Debian package, exit 2, nothing created")
    func missingBinaries() throws {
        let directory = NSTemporaryDirectory() + "lookml-missing-\(UUID().uuidString)"
        let run = runTool(["warehouse", "start", "--dir", directory], environment: ["LOOKML_POSTGRES_BIN": "/nonexistent/bin"])
        #expect(run.exitCode == 2)
        #expect(run.error.contains("'\(PostgresBinaries.debianPackage)'"))
        #expect(run.error.contains("initdb"))
        #expect(!FileManager.default.fileExists(atPath: directory))
        #expect(throws: WarehouseError.self) { try PostgresBinaries.locate(in: ["/nonexistent"]) }
    }

    @Test("status and url of a directory without a warehouse exit 1")
    func nothingThere() {
        let directory = NSTemporaryDirectory() + "lookml-nothing-\(UUID().uuidString)"
        let status = runTool(["warehouse", "status", "--dir", directory])
        #expect(status.exitCode == 1)
        #expect(status.output.contains("no warehouse"))
        let url = runTool(["warehouse", "url", "--dir", directory])
        #expect(url.exitCode == 1)
        #expect(url.output.isEmpty)
        #expect(runTool(["warehouse", "stop", "--dir", directory]).exitCode == 0)
    }

    @Test("start → status → url → connect → stop --keep → start keeps data → stop removes everything; no password printed")
    func lifecycle() throws {
        // Laid out like the default (`.lookml/warehouse` under a project directory).
        let parent = NSTemporaryDirectory() + "lookml-lifecycle-\(UUID().uuidString.prefix(8))"
        let directory = parent + "/.lookml/warehouse"
        defer {
            _ = runTool(["warehouse", "stop", "--dir", directory])
            try? FileManager.default.removeItem(atPath: parent)
        }
        var transcript = ""
        func lookml(_ arguments: String...) -> ToolRun {
            let run = runTool(arguments)
            transcript += run.all
            return run
        }

        let started = ContinuousClock.now
        let start = lookml("warehouse", "start", "--dir", directory)
        ClusterTimings.record("lookml warehouse start (initdb + pg_ctl start)", ContinuousClock.now - started)
        try #require(start.exitCode == 0, "\(start.error)")
        #expect(start.error.contains("started PostgreSQL"))
        let state = try #require(EmbeddedPostgres(directory: directory).readState())
        let url = start.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url == state.url)

        let status = lookml("warehouse", "status", "--dir", directory)
        #expect(status.exitCode == 0)
        #expect(status.output.hasPrefix("running: "))
        #expect(status.output.contains("port \(state.port)"))
        #expect(lookml("warehouse", "url", "--dir", directory).output == url + "\n")
        #expect(lookml("warehouse", "start", "--dir", directory).error.contains("already running"))

        let connection = try PostgresConnection(url: url)
        try connection.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1), (2)")
        connection.close()

        #expect(lookml("warehouse", "stop", "--dir", directory, "--keep").exitCode == 0)
        let stopped = lookml("warehouse", "status", "--dir", directory)
        #expect(stopped.exitCode == 1)
        #expect(stopped.output.hasPrefix("stopped: "))
        #expect(lookml("warehouse", "url", "--dir", directory).exitCode == 1)
        // A wrong password against the stopped server: down, and still no password in the message.
        let down = #expect(throws: PostgresError.self) { try PostgresConnection(state.tcpParameters) }
        #expect(down?.kind == .connectionFailed)
        transcript += down.map { "\($0)" } ?? ""

        let restart = lookml("warehouse", "start", "--dir", directory)
        #expect(restart.exitCode == 0)
        let restartedURL = restart.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let again = try PostgresConnection(url: restartedURL)
        #expect(try again.query("SELECT count(*) FROM kept").scalar == "2")
        // The TCP URL is the one place the password is printed, on request.
        let tcp = runTool(["warehouse", "url", "--dir", directory, "--tcp"])
        #expect(tcp.output.contains(state.password))
        #expect(try PostgresConnection(url: tcp.output.trimmingCharacters(in: .whitespacesAndNewlines)).query("SELECT 1").scalar == "1")
        again.close()

        // The server goes away under a running query: a clear "lost the connection" error, no hang.
        let victim = try PostgresConnection(url: restartedURL)
        let killedAt = ContinuousClock.now
        let stopping = Thread { _ = runTool(["warehouse", "stop", "--dir", directory]) }
        let lost = #expect(throws: PostgresError.self) {
            try victim.query("SELECT pg_sleep(0.3)")
            stopping.start()
            try victim.query("SELECT pg_sleep(30)")
        }
        #expect(lost?.kind == .connectionLost)
        #expect(lost.map { "\($0)".contains("lost the connection to postgresql://lookml@") } == true)
        #expect(ContinuousClock.now - killedAt < .seconds(15))
        while !stopping.isFinished { Thread.sleep(forTimeInterval: 0.05) }

        let stop = lookml("warehouse", "stop", "--dir", directory)
        #expect(stop.exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: directory))
        #expect(!FileManager.default.fileExists(atPath: parent + "/.lookml"))
        #expect(FileManager.default.fileExists(atPath: parent))
        #expect(lookml("warehouse", "status", "--dir", directory).exitCode == 1)
        #expect(!transcript.contains(state.password))
        #expect(!transcript.isEmpty)
    }
}

/// The live suite's cluster, through the command line.
extension LiveConnectionTests {
    @Test("status and url report the suite's cluster without its password")
    func statusAndURL() throws {
        let warehouse = try SharedCluster.warehouse
        let state = try SharedCluster.state
        let status = runTool(["warehouse", "status", "--dir", warehouse.directory])
        #expect(status.exitCode == 0)
        #expect(status.output.contains("postgresql://lookml:*****@127.0.0.1:\(state.port)/postgres"))
        #expect(!status.all.contains(state.password))
        let url = runTool(["warehouse", "url", "--dir", warehouse.directory])
        #expect(url.exitCode == 0)
        #expect(!url.all.contains(state.password))
        #expect(try PostgresConnection(url: url.output.trimmingCharacters(in: .whitespacesAndNewlines)).query("SELECT 1").scalar == "1")
    }
}
