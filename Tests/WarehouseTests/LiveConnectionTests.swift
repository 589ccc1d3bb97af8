import Foundation
import Testing
import Warehouse

/// The libpq client against a real server that the suite starts (and removes) itself.
@Suite("Live PostgreSQL connection", .sharedCluster)
struct LiveConnectionTests {
    @Test("SELECT 1 through the unix socket, over TCP with the password, from a URL and from PG* variables")
    func selectOne() throws {
        let state = try SharedCluster.state
        for parameters in [state.socketParameters, state.tcpParameters, try ConnectionParameters(url: state.tcpParameters.connectionURL),
                           ConnectionParameters(environment: ["PGHOST": "127.0.0.1", "PGPORT": String(state.port), "PGUSER": state.user,
                                                              "PGPASSWORD": state.password, "PGDATABASE": state.database])] {
            let connection = try PostgresConnection(parameters)
            let result = try connection.query("SELECT 1 AS one, NULL::text AS nothing, 'é' AS accent")
            #expect(result.columns == ["one", "nothing", "accent"])
            #expect(result.rows == [["1", nil, "é"]])
            #expect(connection.serverVersion >= 150000)
        }
    }

    @Test("parameters are bound as text")
    func parameters() throws {
        let connection = try PostgresConnection(try SharedCluster.state.socketParameters)
        let result = try connection.query("SELECT $1::int + 1, $2::text IS NULL", ["41", nil])
        #expect(result.rows == [["42", "t"]])
    }

    @Test("a READ ONLY transaction refuses CREATE TABLE with SQLSTATE 25006, and the connection stays usable")
    func readOnly() throws {
        let connection = try PostgresConnection(try SharedCluster.state.socketParameters)
        let error = #expect(throws: PostgresError.self) {
            try connection.transaction(readOnly: true, statementTimeout: .seconds(5)) { connection throws(PostgresError) in
                try connection.execute("CREATE TABLE refused (id int)")
            }
        }
        #expect(error?.sqlState == "25006")
        #expect(error?.kind == .queryFailed)
        #expect(error?.description.contains("read-only transaction") == true)
        #expect(try connection.query("SELECT to_regclass('refused') IS NULL").scalar == "t")
    }

    @Test("SET LOCAL statement_timeout ends pg_sleep with SQLSTATE 57014")
    func statementTimeout() throws {
        let connection = try PostgresConnection(try SharedCluster.state.socketParameters)
        let started = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) {
            try connection.transaction(readOnly: true, statementTimeout: .milliseconds(300)) { connection throws(PostgresError) in
                try connection.query("SELECT pg_sleep(20)")
            }
        }
        #expect(error?.kind == .statementTimeout)
        #expect(error?.sqlState == "57014")
        #expect(ContinuousClock.now - started < .seconds(10))
        // The timeout was LOCAL: it ended with the transaction.
        #expect(try connection.query("SHOW statement_timeout").scalar == "0")
    }

    @Test("a cancel request from another thread ends a running query")
    func cancel() throws {
        let connection = try PostgresConnection(try SharedCluster.state.socketParameters)
        let handle = try #require(connection.cancelHandle())
        // Keep cancelling until the query is gone: a cancel that arrives before the query starts is ignored.
        let canceller = BackgroundLoop(every: 0.2) { handle.cancel() }
        defer { canceller.stop() }
        let started = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(20)") }
        canceller.stop()
        #expect(error?.kind == .cancelled)
        #expect(error?.sqlState == "57014")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("a wrong password is an authentication error that never shows the password")
    func wrongPassword() throws {
        let state = try SharedCluster.state
        let wrong = "wrong-\(UUID().uuidString.prefix(12))"
        var parameters = state.tcpParameters
        parameters["password"] = wrong
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(parameters) }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.sqlState == "28P01")
        let text = error.map { "\($0) \($0.message) \($0.connection) \(String(reflecting: $0))" } ?? ""
        #expect(text.contains("password authentication failed"))
        #expect(text.contains("*****"))
        #expect(!text.contains(wrong))
        #expect(!text.contains(state.password))
        // The same through a URL string.
        let urlError = #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "postgresql://\(state.user):\(wrong)@127.0.0.1:\(state.port)/postgres")
        }
        #expect(urlError.map { !"\($0)".contains(wrong) } == true)
    }

    @Test("too many connections for a role is its own kind (SQLSTATE 53300)")
    func connectionLimit() throws {
        let state = try SharedCluster.state
        let admin = try PostgresConnection(state.socketParameters)
        try admin.execute("DROP ROLE IF EXISTS limited; CREATE ROLE limited LOGIN CONNECTION LIMIT 1")
        var parameters = state.socketParameters
        parameters["user"] = "limited"
        let first = try PostgresConnection(parameters)
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(parameters) }
        #expect(error?.kind == .tooManyConnections)
        #expect(error?.sqlState == "53300")
        first.close()
    }

    @Test("a terminated backend is a lost connection, not a query error")
    func connectionLost() throws {
        let state = try SharedCluster.state
        let victim = try PostgresConnection(state.socketParameters)
        let pid = try #require(try victim.query("SELECT pg_backend_pid()").scalar)
        let admin = try PostgresConnection(state.socketParameters)
        try admin.query("SELECT pg_terminate_backend($1::int)", [pid])
        let error = #expect(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        #expect(!victim.isOpen)
    }

    @Test("COPY FROM STDIN loads rows with tabs, newlines, backslashes, NULLs and non-ASCII text")
    func copy() throws {
        let connection = try PostgresConnection(try SharedCluster.state.socketParameters)
        try connection.execute("CREATE TEMP TABLE copied (id int, label text, price float8)")
        let awkward = "tab\there\nnewline \\N backslash\\ \r é 🎉"
        let rows: [[String?]] = (1...20_000).map { [String($0), $0 == 7 ? awkward : ($0 % 5 == 0 ? nil : "row \($0)"), "\(Double($0) / 4)"] }
        let stored = try connection.copy("COPY copied (id, label, price) FROM STDIN", rows: rows)
        #expect(stored == 20_000)
        #expect(try connection.query("SELECT label FROM copied WHERE id = 7").scalar == awkward)
        #expect(try connection.query("SELECT count(*) FROM copied WHERE label IS NULL").scalar == "4000")
        #expect(try connection.query("SELECT sum(price) FROM copied").scalar == "50002500")
        // A bad row fails the whole COPY with the server's message, and the connection stays usable.
        let error = #expect(throws: PostgresError.self) {
            try connection.copy("COPY copied (id, label, price) FROM STDIN", rows: [["1", "a", "1"], ["x", "b", "2"]])
        }
        #expect(error?.sqlState == "22P02")
        #expect(try connection.query("SELECT count(*) FROM copied").scalar == "20000")
    }
}

/// Failures that need no server.
@Suite("Connection failures")
struct ConnectionFailureTests {
    @Test("a server that is down gives a quick, clear error without the password")
    func serverDown() throws {
        let port = try freeTCPPort()
        let secret = "pw-\(UUID().uuidString)"
        let started = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(ConnectionParameters(host: "127.0.0.1", port: port, user: "lookml", password: secret, database: "postgres"))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(error?.kind == .connectionFailed)
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("cannot connect to postgresql://lookml:*****@127.0.0.1:\(port)/postgres"))
        #expect(text.contains("Connection refused"))
        #expect(!text.contains(secret))
        // A missing socket directory too.
        let socketError = #expect(throws: PostgresError.self) {
            try PostgresConnection(ConnectionParameters(host: "/nonexistent-socket-dir", port: port, user: "lookml", password: secret))
        }
        #expect(socketError?.kind == .connectionFailed)
        #expect(socketError.map { !"\($0)".contains(secret) } == true)
    }

    /// A port nothing listens on.
    func freeTCPPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        try #require(ok)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension LiveConnectionTests {
    @Test("Ctrl-C (SIGINT) cancels the registered running query and is reported")
    func interrupt() throws {
        let connection = try PostgresConnection(try SharedCluster.state.socketParameters)
        let interrupter = QueryInterrupter()
        defer { interrupter.stop() }
        interrupter.register(try #require(connection.cancelHandle()))
        // Keep signalling until the query has been cancelled (a signal before the query starts cancels nothing).
        let signaller = BackgroundLoop(every: 0.3) { kill(getpid(), SIGINT) }
        defer { signaller.stop() }
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(20)") }
        signaller.stop()
        #expect(error?.kind == .cancelled)
        #expect(interrupter.interrupted)
        // The connection stays usable after the cancel.
        #expect(try connection.query("SELECT 1").scalar == "1")
    }
}
