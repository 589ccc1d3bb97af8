/// What `lookml warehouse start` records about a running warehouse, in `<dir>/warehouse.state` (mode 0600):
/// the port, the superuser and its password, and the database. Everything else follows from the directory.
public struct WarehouseState: Sendable, Equatable {
    /// The warehouse directory (absolute).
    public var directory: String
    public var port: Int
    /// The superuser `initdb` created.
    public var user: String
    /// The superuser's password, needed over TCP only (the unix socket trusts its local users).
    public var password: String
    public var database: String

    public init(directory: String, port: Int, user: String = "lookml", password: String, database: String = "postgres") {
        self.directory = directory
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// The data directory, which also holds the unix socket.
    public var dataDirectory: String { directory + "/data" }
    public var socketDirectory: String { dataDirectory }

    /// Connects through the unix socket (no password needed: only this user and the server's user can reach it).
    public var socketParameters: ConnectionParameters {
        ConnectionParameters(host: socketDirectory, port: port, user: user, database: database)
    }

    /// Connects over TCP on 127.0.0.1 with the password.
    public var tcpParameters: ConnectionParameters {
        ConnectionParameters(host: "127.0.0.1", port: port, user: user, password: password, database: database)
    }

    /// The URL `lookml warehouse url` prints: the unix socket, which holds no password.
    public var url: String { socketParameters.connectionURL }

    var serialized: String {
        """
        # LookML Toolkit embedded warehouse. Keep private: it holds the superuser's password.
        port=\(port)
        user=\(user)
        password=\(password)
        database=\(database)

        """
    }

    init?(directory: String, serialized text: String) {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let port = values["port"].flatMap({ Int($0) }), let user = values["user"], let password = values["password"],
              let database = values["database"] else { return nil }
        self.init(directory: directory, port: port, user: user, password: password, database: database)
    }
}
