/// Why an embedded-warehouse operation failed. Messages never contain a password.
public struct WarehouseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// initdb / pg_ctl are not installed.
        case binariesMissing
        /// No warehouse has been created in the directory.
        case notCreated
        /// The warehouse exists but its server is not running.
        case notRunning
        /// initdb or `pg_ctl start` failed.
        case startFailed
        /// `pg_ctl stop` failed.
        case stopFailed
        /// A file or directory could not be read, written, created or removed, or the server user cannot reach it.
        case fileSystem
        /// The server is up but a client could not use it.
        case connection
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
