import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server in one directory, run from Debian's binaries.
///
/// Layout of the directory (default `.lookml/warehouse` under the current directory):
///
///     warehouse.state   port, superuser, password, database (mode 0600)
///     server.log        the server's log
///     data/             the cluster (PGDATA); the unix socket `.s.PGSQL.<port>` lives here too
///
/// The server listens on the unix socket (trusted: the directory is private) and on 127.0.0.1 at a free port
/// (password required). When this process is root, the server runs as the `postgres` user, which is created if
/// it is missing; the directory is then owned by `postgres`.
public struct EmbeddedPostgres: Sendable {
    /// The directory `lookml warehouse` uses when `--dir` is not given, relative to the current directory.
    public static let defaultDirectory = ".lookml/warehouse"
    /// The superuser initdb creates.
    public static let superuser = "lookml"

    /// The warehouse directory, absolute.
    public let directory: String
    private let environment: [String: String]
    private let binaryDirectories: [String]?

    /// - Parameters:
    ///   - directory: the warehouse directory (relative paths are taken from the current directory).
    ///   - environment: where `LOOKML_POSTGRES_BIN` and `PATH` are read from.
    ///   - binaryDirectories: overrides the directories searched for initdb and pg_ctl.
    public init(directory: String = EmbeddedPostgres.defaultDirectory, environment: [String: String] = ProcessRunner.currentEnvironment(),
                binaryDirectories: [String]? = nil) {
        self.directory = absolutePath(directory)
        self.environment = environment
        self.binaryDirectories = binaryDirectories
    }

    public var dataDirectory: String { directory + "/data" }
    public var logFile: String { directory + "/server.log" }
    public var stateFile: String { directory + "/warehouse.state" }

    /// Whether a warehouse exists in the directory and whether its server runs.
    public enum Status: Sendable, Equatable {
        case notCreated
        case stopped(WarehouseState)
        case running(WarehouseState, pid: Int32)
    }

    // MARK: Status

    public func status() -> Status {
        guard fileExists(dataDirectory + "/PG_VERSION"), let state = readState() else { return .notCreated }
        guard let pid = postmasterPID(), processExists(pid) else { return .stopped(state) }
        return ping(state.socketParameters) ? .running(state, pid: pid) : .stopped(state)
    }

    /// The state of the running server, or an error saying why there is none.
    public func runningState() throws(WarehouseError) -> WarehouseState {
        switch status() {
        case .running(let state, _): return state
        case .stopped: throw WarehouseError(.notRunning, "the warehouse in \(directory) is not running; start it with 'lookml warehouse start'")
        case .notCreated: throw WarehouseError(.notCreated, "no warehouse in \(directory); start one with 'lookml warehouse start'")
        }
    }

    /// The recorded state, whether or not the server runs.
    public func readState() -> WarehouseState? {
        readTextFile(stateFile).flatMap { WarehouseState(directory: directory, serialized: $0) }
    }

    private func postmasterPID() -> Int32? {
        readTextFile(dataDirectory + "/postmaster.pid")?.split(separator: "\n").first.flatMap { Int32($0) }
    }

    private func processExists(_ pid: Int32) -> Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }

    private func ping(_ parameters: ConnectionParameters) -> Bool {
        var values = parameters.values
        values["connect_timeout"] = "3"
        let conninfo = values.keys.sorted().map { "\($0)='\(values[$0]!.replacingEvery("\\", with: "\\\\").replacingEvery("'", with: "\\'"))'" }
            .joined(separator: " ")
        return PQping(conninfo) == PQPING_OK
    }

    // MARK: Start

    /// Creates the cluster if needed (initdb) and starts the server if it is not running; returns its state.
    /// Waits at most `timeout` for the server to accept connections.
    @discardableResult
    public func start(timeout: Duration = .seconds(60)) throws(WarehouseError) -> WarehouseState {
        if case .running(let state, _) = status() { return state }
        let binaries = try PostgresBinaries.locate(in: binaryDirectories ?? PostgresBinaries.searchDirectories(environment: environment))
        let serverUser = try serverUserName()
        var state: WarehouseState
        if fileExists(dataDirectory + "/PG_VERSION"), let existing = readState() {
            state = existing
        } else {
            state = try create(binaries: binaries, serverUser: serverUser)
        }
        let seconds = max(1, Int(timeout.components.seconds))
        for attempt in 1...3 {
            state.port = try freePort()
            try writeTextFile(stateFile, state.serialized)
            let result = ProcessRunner.run(binaries.pgCtl, ["start", "-w", "-t", String(seconds), "-D", dataDirectory, "-l", logFile,
                                                            "-o", "-p \(state.port)"],
                                           user: serverUser, workingDirectory: directory, environment: serverEnvironment,
                                           timeout: timeout + .seconds(10))
            if result.succeeded { return state }
            let log = logTail()
            if attempt < 3 && (log.contains("could not bind") || log.contains("already in use")) { continue }
            throw WarehouseError(.startFailed, "could not start PostgreSQL in \(directory) (\(result.termination)): "
                                 + [result.output, log].map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n"))
        }
        throw WarehouseError(.startFailed, "could not start PostgreSQL in \(directory): no free port")
    }

    /// initdb into `data/` with a random superuser password, then the settings for a private, fast, throwaway server.
    private func create(binaries: PostgresBinaries, serverUser: String?) throws(WarehouseError) -> WarehouseState {
        let socket = dataDirectory + "/.s.PGSQL.65535"
        guard socket.utf8.count < 108 else {
            throw WarehouseError(.fileSystem, "the warehouse directory \(directory) is too long for a unix socket path; choose a shorter --dir")
        }
        try makeDirectories(directory, mode: 0o700)
        if fileExists(dataDirectory) { try removeRecursively(dataDirectory) }
        if let serverUser {
            guard let (uid, gid) = userIDs(serverUser) else { throw WarehouseError(.startFailed, "no user '\(serverUser)'") }
            try checkReachable(by: serverUser, uid: uid, gid: gid)
            guard chown(directory, uid, gid) == 0 else {
                throw WarehouseError(.fileSystem, "cannot give \(directory) to the '\(serverUser)' user: \(lastErrorText())")
            }
        }
        let state = WarehouseState(directory: directory, port: 0, user: EmbeddedPostgres.superuser, password: EmbeddedPostgres.randomPassword())
        let passwordFile = directory + "/.initdb-password"
        try writeTextFile(passwordFile, state.password + "\n")
        defer { unlink(passwordFile) }
        if let serverUser, let (uid, gid) = userIDs(serverUser) { chown(passwordFile, uid, gid) }
        let result = ProcessRunner.run(binaries.initdb, ["-D", dataDirectory, "-U", state.user, "--pwfile=" + passwordFile,
                                                         "--auth-local=trust", "--auth-host=scram-sha-256",
                                                         "-E", "UTF8", "--locale=C", "--no-sync"],
                                       user: serverUser, workingDirectory: directory, environment: serverEnvironment)
        guard result.succeeded else {
            try? removeRecursively(dataDirectory)
            throw WarehouseError(.startFailed, "initdb failed in \(directory) (\(result.termination)): \(state.scrub(result.output).trimmingWhitespace())")
        }
        let quotedSocket = "'" + dataDirectory.replacingEvery("'", with: "''") + "'"
        let settings = """

            # Added by lookml warehouse: a private, throwaway server.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = \(quotedSocket)
            unix_socket_permissions = 0700
            max_connections = 40
            shared_buffers = 64MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            timezone = 'UTC'
            log_timezone = 'UTC'
            log_min_messages = warning
            log_min_error_statement = panic

            """
        let configuration = dataDirectory + "/postgresql.conf"
        guard let existing = readTextFile(configuration) else {
            throw WarehouseError(.fileSystem, "cannot read \(configuration): \(lastErrorText())")
        }
        let descriptor = open(configuration, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw WarehouseError(.fileSystem, "cannot write \(configuration): \(lastErrorText())") }
        let bytes = Array((existing + settings).utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw WarehouseError(.fileSystem, "cannot write \(configuration)") }
        try writeTextFile(stateFile, state.serialized)
        return state
    }

    /// Every ancestor of the directory must be searchable by the server's user.
    private func checkReachable(by user: String, uid: uid_t, gid: gid_t) throws(WarehouseError) {
        var path = ""
        for part in directory.split(separator: "/").dropLast() {
            path += "/" + part
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let mode = info.st_mode
            let reachable = mode & S_IXOTH != 0 || (info.st_uid == uid && mode & S_IXUSR != 0) || (info.st_gid == gid && mode & S_IXGRP != 0)
            if !reachable {
                throw WarehouseError(.fileSystem, """
                    the server runs as the '\(user)' user, which cannot enter \(path) (mode \(String(mode & 0o777, radix: 8))); \
                    choose a --dir that other users can reach, such as one under /tmp
                    """)
            }
        }
    }

    /// The user the server runs as: `postgres` (created when missing) when this process is root, else nil (this user).
    private func serverUserName() throws(WarehouseError) -> String? {
        guard geteuid() == 0 else { return nil }
        if userIDs("postgres") == nil {
            let result = ProcessRunner.run("/usr/sbin/useradd", ["--system", "--user-group", "--no-create-home",
                                                                 "--home-dir", "/var/lib/postgresql", "--shell", "/bin/sh", "postgres"])
            guard result.succeeded || userIDs("postgres") != nil else {
                throw WarehouseError(.startFailed, "cannot create the 'postgres' user to run the server as: \(result.output.trimmingWhitespace())")
            }
        }
        return "postgres"
    }

    /// The environment for initdb and pg_ctl: this process's, without `PG*` variables, with English messages.
    private var serverEnvironment: [String: String] {
        var result = ProcessRunner.currentEnvironment().filter { !$0.key.hasPrefix("PG") && !$0.key.hasPrefix("LC_") }
        result["LC_ALL"] = "C"
        result["LANG"] = "C"
        return result
    }

    private func logTail(lines: Int = 15) -> String {
        guard let log = readTextFile(logFile) else { return "" }
        return log.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    // MARK: Stop and remove

    /// Stops the server with a fast shutdown (open transactions are rolled back) and waits for it to exit.
    /// Does nothing when it is not running. Keeps the cluster.
    public func stop(timeout: Duration = .seconds(30)) throws(WarehouseError) {
        guard let pid = postmasterPID(), processExists(pid) else { return }
        // SIGINT is PostgreSQL's fast shutdown; SIGQUIT its immediate shutdown, the fallback.
        for (signal, wait) in [(SIGINT, timeout), (SIGQUIT, Duration.seconds(5)), (SIGKILL, Duration.seconds(5))] {
            kill(pid, signal)
            let deadline = ContinuousClock.now + wait
            while ContinuousClock.now < deadline {
                if !processExists(pid) { return }
                usleep(10_000)
            }
        }
        throw WarehouseError(.stopFailed, "the server in \(directory) (pid \(pid)) did not stop")
    }

    /// Stops the server and deletes the whole directory.
    public func remove(timeout: Duration = .seconds(30)) throws(WarehouseError) {
        try stop(timeout: timeout)
        try removeRecursively(directory)
    }

    // MARK: Throwaway clusters

    /// Starts a warehouse in a new temporary directory, runs `body`, and removes the warehouse afterwards — also
    /// when `body` throws.
    public static func withTemporary<T>(environment: [String: String] = ProcessRunner.currentEnvironment(),
                                        _ body: (WarehouseState) throws -> T) throws -> T {
        let warehouse = try temporary(environment: environment)
        defer { try? warehouse.remove() }
        return try body(try warehouse.start())
    }

    /// A warehouse in a fresh directory under /tmp (not yet started). The caller removes it.
    public static func temporary(environment: [String: String] = ProcessRunner.currentEnvironment()) throws(WarehouseError) -> EmbeddedPostgres {
        var template = Array("/tmp/lookml-warehouse-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw WarehouseError(.fileSystem, "cannot create a temporary directory: \(lastErrorText())")
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try writeTextFile(path + "/" + ownerFileName, String(getpid()) + "\n", mode: 0o644)
        return EmbeddedPostgres(directory: path, environment: environment)
    }

    /// Where a temporary warehouse records the process that made it.
    static let ownerFileName = "owner.pid"

    /// Stops and removes temporary warehouses (from `temporary()`) whose creating process has ended without
    /// removing them — a crash or a kill. Returns the directories removed.
    @discardableResult
    public static func removeAbandonedTemporaries(in parent: String = "/tmp") -> [String] {
        var removed: [String] = []
        for name in (try? listDirectory(parent)) ?? [] where name.hasPrefix("lookml-warehouse-") {
            let directory = parent + "/" + name
            guard let text = readTextFile(directory + "/" + ownerFileName), let pid = Int32(text.trimmingWhitespace()), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if (try? EmbeddedPostgres(directory: directory).remove(timeout: .seconds(10))) != nil { removed.append(directory) }
        }
        return removed
    }

    // MARK: Helpers

    /// A port on 127.0.0.1 that nothing listens on right now.
    static func freePort() throws(WarehouseError) -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw WarehouseError(.startFailed, "cannot find a free port: \(lastErrorText())") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw WarehouseError(.startFailed, "cannot find a free port: \(lastErrorText())") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func freePort() throws(WarehouseError) -> Int { try EmbeddedPostgres.freePort() }

    /// 24 random letters and digits.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}

extension WarehouseState {
    /// `text` with the password masked.
    func scrub(_ text: String) -> String { ConnectionParameters.scrub(text, secrets: [password]) }
}
