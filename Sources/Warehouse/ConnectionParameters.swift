import CLibPQ

/// Where and how to connect, as libpq keywords (`host`, `port`, `user`, `password`, `dbname`, …).
///
/// Made from a URL or keyword string (`postgresql://user:secret@host:5432/db`, `host=… port=…`), from `PG*`
/// environment variables, or from parameters. A host that starts with `/` is a unix-socket directory.
/// `maskedConnectionString` is the only form that may appear in messages, logs and errors.
public struct ConnectionParameters: Sendable, Equatable {
    /// The keywords that are set, by name.
    public private(set) var values: [String: String]

    /// Keywords whose values are secrets: masked in every rendering.
    static let secretKeywords: Set<String> = ["password", "sslpassword"]
    /// The order keywords are rendered in; others follow alphabetically.
    static let keywordOrder = ["host", "hostaddr", "port", "dbname", "user", "password"]

    public init(host: String? = nil, port: Int? = nil, user: String? = nil, password: String? = nil,
                database: String? = nil, options: [String: String] = [:]) {
        values = options
        if let host { values["host"] = host }
        if let port { values["port"] = String(port) }
        if let user { values["user"] = user }
        if let password { values["password"] = password }
        if let database { values["dbname"] = database }
    }

    /// Parses a `postgresql://` URL or a `key=value` string with libpq's own parser.
    public init(url: String) throws(PostgresError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "out of memory"
            if let errorMessage { PQfreemem(errorMessage) }
            let secrets = ConnectionParameters.secrets(in: url)
            throw PostgresError(kind: .invalidParameters, message: ConnectionParameters.scrub(tidyMessage(message), secrets: secrets),
                                connection: ConnectionParameters.scrub(url, secrets: secrets))
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        self.values = values
    }

    /// The standard `PG*` variables of `environment` (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, …).
    public init(environment: [String: String]) {
        values = [:]
        for (variable, keyword) in ConnectionParameters.environmentKeywords {
            if let value = environment[variable], !value.isEmpty { values[keyword] = value }
        }
    }

    /// `url` when given, else the `PG*` variables of `environment`.
    public static func resolve(url: String?, environment: [String: String]) throws(PostgresError) -> ConnectionParameters {
        if let url { return try ConnectionParameters(url: url) }
        return ConnectionParameters(environment: environment)
    }

    static let environmentKeywords: [(String, String)] = [
        ("PGHOST", "host"), ("PGHOSTADDR", "hostaddr"), ("PGPORT", "port"), ("PGDATABASE", "dbname"),
        ("PGUSER", "user"), ("PGPASSWORD", "password"), ("PGPASSFILE", "passfile"), ("PGSERVICE", "service"),
        ("PGOPTIONS", "options"), ("PGAPPNAME", "application_name"), ("PGSSLMODE", "sslmode"),
        ("PGSSLROOTCERT", "sslrootcert"), ("PGSSLCERT", "sslcert"), ("PGSSLKEY", "sslkey"),
        ("PGCONNECT_TIMEOUT", "connect_timeout"), ("PGCLIENTENCODING", "client_encoding"),
        ("PGTARGETSESSIONATTRS", "target_session_attrs"),
    ]

    public var host: String? { values["host"] }
    public var port: Int? { values["port"].flatMap { Int($0) } }
    public var user: String? { values["user"] }
    public var password: String? { values["password"] }
    public var database: String? { values["dbname"] }

    public subscript(keyword: String) -> String? {
        get { values[keyword] }
        set { values[keyword] = newValue }
    }

    /// The secrets these parameters hold, to scrub from any text that might echo them.
    public var secrets: [String] {
        ConnectionParameters.secretKeywords.compactMap { values[$0] }.filter { !$0.isEmpty }
    }

    /// The keywords in rendering order.
    var orderedKeywords: [String] {
        let known = ConnectionParameters.keywordOrder.filter { values[$0] != nil }
        return known + values.keys.filter { !ConnectionParameters.keywordOrder.contains($0) }.sorted()
    }

    /// A `postgresql://` URL with every secret replaced by `*****`: the form for messages, logs and errors.
    public var maskedConnectionString: String { url(masked: true) }

    /// The full URL, secrets included: only for handing to a client that must connect (never for a message).
    public var connectionURL: String { url(masked: false) }

    func url(masked: Bool) -> String {
        var text = "postgresql://"
        if let user = values["user"] { text += percentEncode(user) }
        if values["password"] != nil { text += ":" + (masked ? "*****" : percentEncode(values["password"]!)) }
        if values["user"] != nil || values["password"] != nil { text += "@" }
        var query: [(String, String)] = []
        if let host = values["host"] {
            if host.hasPrefix("/") || host.contains(",") { query.append(("host", host)) } else { text += percentEncode(host) }
        }
        if let port = values["port"] {
            if values["host"].map({ $0.hasPrefix("/") || $0.contains(",") }) ?? true { query.append(("port", port)) } else { text += ":" + port }
        }
        text += "/"
        if let database = values["dbname"] { text += percentEncode(database) }
        for keyword in orderedKeywords where !["host", "port", "user", "password", "dbname"].contains(keyword) {
            let value = ConnectionParameters.secretKeywords.contains(keyword) && masked ? "*****" : values[keyword]!
            query.append((keyword, value))
        }
        if !query.isEmpty {
            text += "?" + query.map { "\($0.0)=\(percentEncode($0.1))" }.joined(separator: "&")
        }
        return text
    }

    /// Masks the password in any connection string a user typed, even one libpq cannot parse.
    public static func maskedConnectionString(_ raw: String) -> String {
        if let parsed = try? ConnectionParameters(url: raw) { return parsed.maskedConnectionString }
        return scrub(raw, secrets: secrets(in: raw))
    }

    /// The passwords written in a connection string (URL userinfo, `password=` keyword or query parameter),
    /// found by hand so that even a string libpq rejects can be masked.
    static func secrets(in raw: String) -> [String] {
        var found: [String] = []
        if let scheme = raw.firstRange(of: "://") {
            let rest = raw[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                let secret = String(authority[authority.index(after: colon)..<at])
                if !secret.isEmpty { found += [secret, percentDecode(secret)] }
            }
        }
        for keyword in secretKeywords {
            var searchStart = raw.startIndex
            while let range = raw[searchStart...].firstRange(of: keyword + "=") {
                var end = range.upperBound
                var value = ""
                if end < raw.endIndex, raw[end] == "'" {
                    end = raw.index(after: end)
                    while end < raw.endIndex, raw[end] != "'" {
                        if raw[end] == "\\", raw.index(after: end) < raw.endIndex { end = raw.index(after: end) }
                        value.append(raw[end])
                        end = raw.index(after: end)
                    }
                } else {
                    while end < raw.endIndex, !" &\t\n".contains(raw[end]) { value.append(raw[end]); end = raw.index(after: end) }
                }
                if !value.isEmpty { found += [value, percentDecode(value)] }
                searchStart = range.upperBound
            }
        }
        return found
    }

    /// `text` with every occurrence of each secret replaced by `*****`.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var text = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            text = text.replacingEvery(secret, with: "*****")
        }
        return text
    }

    /// `text` with this connection's secrets masked.
    public func scrub(_ text: String) -> String { ConnectionParameters.scrub(text, secrets: secrets) }
}

extension String {
    func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// Percent-encodes everything but unreserved URL characters (and `/`-free: a socket path becomes `%2F…`).
func percentEncode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            result.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = Array("0123456789ABCDEF")
            result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
        }
    }
    return result
}

func percentDecode(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
        if byte == UInt8(ascii: "%"), utf8.count >= 2,
           let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
