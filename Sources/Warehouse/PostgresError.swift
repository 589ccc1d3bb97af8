/// An error from the PostgreSQL client: what went wrong (`kind`), the server's SQLSTATE when there is one, and
/// messages that never contain a password (they are scrubbed before the error is made).
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The connection string or parameters could not be understood.
        case invalidParameters
        /// The server could not be reached (down, wrong host or port, no such database).
        case connectionFailed
        /// The server refused the user or password (SQLSTATE 28P01 / 28000).
        case authenticationFailed
        /// The server has no free connection slot (SQLSTATE 53300).
        case tooManyConnections
        /// The connection broke while in use (server killed, terminated, restarted).
        case connectionLost
        /// `statement_timeout` ended the statement (SQLSTATE 57014).
        case statementTimeout
        /// A cancel request (Ctrl-C) ended the statement (SQLSTATE 57014).
        case cancelled
        /// The server rejected the statement: syntax, unknown column, read-only transaction, …
        case queryFailed
    }

    public var kind: Kind
    /// The five-character SQLSTATE (`25006`), when the server sent one.
    public var sqlState: String?
    /// The primary message, without the `ERROR:` / `FATAL:` prefix.
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The 1-based character offset in the statement that the server points at, when it sent one.
    public var position: Int?
    /// The connection, masked (`postgresql://user:*****@host:5432/db`).
    public var connection: String

    public init(kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
                position: Int? = nil, connection: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.connection = connection
    }

    /// One line for a human: what failed, where, and the SQLSTATE.
    public var description: String {
        let state = sqlState.map { " (SQLSTATE \($0))" } ?? ""
        let tail = [detail, hint.map { "hint: \($0)" }].compactMap { $0 }.map { " — " + $0 }.joined()
        switch kind {
        case .invalidParameters:
            return "invalid connection parameters \(connection): \(message)"
        case .connectionFailed, .authenticationFailed, .tooManyConnections:
            return "cannot connect to \(connection): \(message)\(state)"
        case .connectionLost:
            return "lost the connection to \(connection): \(message)\(state)"
        case .statementTimeout, .cancelled, .queryFailed:
            return "\(message)\(state)\(tail)"
        }
    }

    /// The kind a server error with this SQLSTATE and message has.
    static func kind(sqlState: String?, message: String) -> Kind {
        switch sqlState {
        case "57014"?: return message.contains("statement timeout") ? .statementTimeout : .cancelled
        case "28P01"?, "28000"?: return .authenticationFailed
        case "53300"?: return .tooManyConnections
        case "57P01"?, "57P02"?, "57P03"?: return .connectionLost
        case let state? where state.hasPrefix("08"): return .connectionLost
        default: return .queryFailed
        }
    }

    /// The kind and SQLSTATE of a failed connection attempt, which libpq reports only as text.
    static func connectionFailure(_ message: String) -> (Kind, String) {
        if message.contains("password authentication failed") || message.contains("no password supplied")
            || message.contains("authentication failed") || message.contains("password is required") {
            return (.authenticationFailed, "28P01")
        }
        if message.contains("too many clients") || message.contains("remaining connection slots are reserved")
            || message.contains("too many connections") {
            return (.tooManyConnections, "53300")
        }
        if message.contains("does not exist") && message.contains("database") { return (.connectionFailed, "3D000") }
        if message.contains("does not exist") && message.contains("role") { return (.authenticationFailed, "28000") }
        return (.connectionFailed, "08001")
    }
}

/// libpq's multi-line messages as one line: `FATAL:  x\n` → `x`.
func tidyMessage(_ raw: String) -> String {
    var lines: [String] = []
    for line in raw.split(whereSeparator: \.isNewline) {
        var text = line.trimmingWhitespace()
        for prefix in ["ERROR:", "FATAL:", "PANIC:"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingWhitespace()
        }
        // `connection to server … failed: FATAL:  password …` keeps the part after the prefix too.
        if let range = text.firstRange(of: "failed: FATAL:") {
            text = String(text[..<range.lowerBound]) + "failed: " + String(text[range.upperBound...]).trimmingWhitespace()
        }
        if !text.isEmpty { lines.append(text) }
    }
    return lines.joined(separator: "; ")
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
