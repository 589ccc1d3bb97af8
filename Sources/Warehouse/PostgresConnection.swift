import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// Rows as text, the way the server sent them (`NULL` is `nil`).
public struct QueryResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String?]]
    /// The command tag (`SELECT 3`, `CREATE TABLE`).
    public var commandTag: String
    /// Rows affected by INSERT / UPDATE / DELETE / COPY / SELECT, when the server says.
    public var affectedRows: Int?

    /// The first column of the first row: handy for `SELECT count(*)`.
    public var scalar: String? { rows.first?.first ?? nil }
}

/// One libpq connection. Not for concurrent use from several threads (a `PGconn` is not), except
/// `cancelHandle()`, whose handle may be used from any thread or a signal handler.
public final class PostgresConnection: @unchecked Sendable {
    private var connection: OpaquePointer?
    public let parameters: ConnectionParameters

    /// Connects, waiting at most `connectTimeout` seconds (unless the parameters set `connect_timeout`).
    public init(_ parameters: ConnectionParameters, connectTimeout: Int = 10) throws(PostgresError) {
        self.parameters = parameters
        var values = parameters.values
        if values["connect_timeout"] == nil { values["connect_timeout"] = String(connectTimeout) }
        if values["client_encoding"] == nil { values["client_encoding"] = "UTF8" }
        if values["application_name"] == nil { values["application_name"] = "lookml" }
        let keywords = values.keys.sorted()
        let keywordPointers = keywords.map { strdup($0) }
        let valuePointers = keywords.map { strdup(values[$0]!) }
        defer {
            keywordPointers.forEach { free($0) }
            valuePointers.forEach { free($0) }
        }
        let keywordArray: [UnsafePointer<CChar>?] = keywordPointers.map { UnsafePointer($0) } + [nil]
        let valueArray: [UnsafePointer<CChar>?] = valuePointers.map { UnsafePointer($0) } + [nil]
        let handle = PQconnectdbParams(keywordArray, valueArray, 0)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let raw = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let handle { PQfinish(handle) }
            let message = parameters.scrub(tidyMessage(raw))
            let (kind, state) = PostgresError.connectionFailure(message)
            throw PostgresError(kind: kind, sqlState: state, message: message, connection: parameters.maskedConnectionString)
        }
        // Notices (`NOTICE: table … does not exist, skipping`) would go straight to standard error; drop them.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        connection = handle
    }

    /// Connects to a URL or `key=value` string.
    public convenience init(url: String, connectTimeout: Int = 10) throws(PostgresError) {
        try self.init(ConnectionParameters(url: url), connectTimeout: connectTimeout)
    }

    deinit { close() }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// The server's version number (150004 for 15.4).
    public var serverVersion: Int { connection.map { Int(PQserverVersion($0)) } ?? 0 }

    /// True while the connection is usable.
    public var isOpen: Bool { connection.map { PQstatus($0) == CONNECTION_OK } ?? false }

    // MARK: Queries

    /// Runs `sql` and returns its rows as text. Without `parameters`, `sql` may hold several statements (the
    /// last one's rows are returned); with them, it is one statement with `$1`, `$2`, … placeholders.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> QueryResult {
        let connection = try open()
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(connection, sql)
        } else {
            let pointers = parameters.map { $0.map { strdup($0) } ?? nil }
            defer { pointers.forEach { free($0) } }
            let values: [UnsafePointer<CChar>?] = pointers.map { $0.map { UnsafePointer($0) } }
            result = PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        return try rows(of: result)
    }

    /// Runs statements whose rows do not matter.
    public func execute(_ sql: String) throws(PostgresError) {
        try query(sql)
    }

    private func open() throws(PostgresError) -> OpaquePointer {
        guard let connection else {
            throw PostgresError(kind: .connectionLost, message: "the connection is closed", connection: parameters.maskedConnectionString)
        }
        return connection
    }

    private func rows(of result: OpaquePointer?) throws(PostgresError) -> QueryResult {
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY else {
            throw error(from: result)
        }
        guard let result else { throw error(from: nil) }
        let columnCount = PQnfields(result), rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            rows.append((0..<columnCount).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            })
        }
        let affected = String(cString: PQcmdTuples(result))
        return QueryResult(columns: columns, rows: rows, commandTag: String(cString: PQcmdStatus(result)),
                           affectedRows: Int(affected))
    }

    /// The error a failed result (or a missing one) stands for.
    private func error(from result: OpaquePointer?) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let masked = parameters.maskedConnectionString
        let connectionBroken = connection.map { PQstatus($0) != CONNECTION_OK } ?? true
        let state = field("C")
        let primary = field("M") ?? tidyMessage(connection.map { String(cString: PQerrorMessage($0)) } ?? "no connection")
        var kind = PostgresError.kind(sqlState: state, message: primary)
        if connectionBroken && kind != .tooManyConnections { kind = .connectionLost }
        return PostgresError(kind: kind, sqlState: state, message: parameters.scrub(primary.isEmpty ? "unknown error" : primary),
                             detail: field("D").map(parameters.scrub), hint: field("H").map(parameters.scrub),
                             position: field("P").flatMap { Int($0) }, connection: masked)
    }

    // MARK: Transactions

    /// Starts a transaction; `readOnly` refuses every write, `statementTimeout` bounds each statement in it.
    public func begin(readOnly: Bool = false, statementTimeout: Duration? = nil) throws(PostgresError) {
        var sql = readOnly ? "BEGIN READ ONLY" : "BEGIN"
        if let statementTimeout { sql += "; SET LOCAL statement_timeout = \(max(1, statementTimeout.milliseconds))" }
        try execute(sql)
    }

    public func commit() throws(PostgresError) { try execute("COMMIT") }

    public func rollback() throws(PostgresError) { try execute("ROLLBACK") }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(readOnly: Bool = false, statementTimeout: Duration? = nil,
                               _ body: (PostgresConnection) throws(PostgresError) -> T) throws(PostgresError) -> T {
        try begin(readOnly: readOnly, statementTimeout: statementTimeout)
        do {
            let value = try body(self)
            try commit()
            return value
        } catch {
            if isOpen { try? rollback() }
            throw error
        }
    }

    // MARK: COPY

    /// Loads rows with `COPY … FROM STDIN` (text format) and returns how many the server stored.
    /// `statement` is the COPY statement, e.g. `COPY events (id, time) FROM STDIN`.
    @discardableResult
    public func copy<Rows: Sequence>(_ statement: String, rows: Rows) throws(PostgresError) -> Int where Rows.Element == [String?] {
        let connection = try open()
        let start = PQexec(connection, statement)
        let startStatus = start.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        if startStatus != PGRES_COPY_IN {
            defer { PQclear(start) }
            throw error(from: start)
        }
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        var failure: String?
        func flush() {
            guard !buffer.isEmpty, failure == nil else { return }
            let sent = buffer.withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
            }
            if sent != 1 { failure = String(cString: PQerrorMessage(connection)) }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            CopyText.append(row, to: &buffer)
            if buffer.count >= 1 << 16 { flush() }
            if failure != nil { break }
        }
        flush()
        _ = PQputCopyEnd(connection, failure)
        var stored = 0
        var firstError: PostgresError?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                stored = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if firstError == nil {
                firstError = error(from: result)
            }
        }
        if let firstError { throw firstError }
        return stored
    }

    // MARK: Cancel

    /// A handle that asks the server to cancel whatever this connection is running (Ctrl-C).
    public func cancelHandle() -> CancelHandle? {
        guard let connection, let cancel = PQgetCancel(connection) else { return nil }
        return CancelHandle(cancel)
    }

    /// Quotes an identifier for SQL: `events` → `"events"`, `a"b` → `"a""b"`.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingEvery("\"", with: "\"\"") + "\""
    }

    /// Quotes a string literal for SQL: `it's` → `'it''s'`.
    public static func quoteLiteral(_ text: String) -> String {
        "'" + text.replacingEvery("'", with: "''") + "'"
    }
}

/// Asks the server to cancel the running statement of one connection. Safe from any thread.
public final class CancelHandle: @unchecked Sendable {
    private let cancelPointer: OpaquePointer

    init(_ pointer: OpaquePointer) { cancelPointer = pointer }

    deinit { PQfreeCancel(cancelPointer) }

    /// Sends the cancel request; true when it was delivered (the statement then fails with `cancelled`,
    /// unless it had already finished).
    @discardableResult
    public func cancel() -> Bool {
        var message = [CChar](repeating: 0, count: 256)
        return PQcancel(cancelPointer, &message, Int32(message.count)) == 1
    }
}

/// The text format of COPY: tab-separated, `\N` for NULL, backslash escapes for tab, newline, return, backslash.
enum CopyText {
    static func append(_ row: [String?], to buffer: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(9) }
            guard let value else { buffer += [UInt8(ascii: "\\"), UInt8(ascii: "N")]; continue }
            // Most values need no escaping: copy them whole.
            let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
                !bytes.contains { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }
            } ?? false
            if plain {
                buffer.append(contentsOf: value.utf8)
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer += [92, 92]
                case 9: buffer += [92, UInt8(ascii: "t")]
                case 10: buffer += [92, UInt8(ascii: "n")]
                case 13: buffer += [92, UInt8(ascii: "r")]
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(10)
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
