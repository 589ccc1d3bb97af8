import Testing
import Warehouse

@Suite("Connection parameters and masking")
struct ConnectionParametersTests {
    @Test("a URL is parsed by libpq into keywords")
    func parseURL() throws {
        let parameters = try ConnectionParameters(url: "postgresql://bob:s3cr%40t@db.example.com:6543/analytics?sslmode=require")
        #expect(parameters.host == "db.example.com")
        #expect(parameters.port == 6543)
        #expect(parameters.user == "bob")
        #expect(parameters.password == "s3cr@t")
        #expect(parameters.database == "analytics")
        #expect(parameters["sslmode"] == "require")
        #expect(parameters.maskedConnectionString == "postgresql://bob:*****@db.example.com:6543/analytics?sslmode=require")
        #expect(try ConnectionParameters(url: parameters.connectionURL) == parameters)
    }

    @Test("a keyword string and a unix-socket host")
    func keywordString() throws {
        let parameters = try ConnectionParameters(url: "host=/var/run/postgresql port=5433 user=ana password='a b\\'c' dbname=currents")
        #expect(parameters.password == "a b'c")
        #expect(parameters.maskedConnectionString == "postgresql://ana:*****@/currents?host=%2Fvar%2Frun%2Fpostgresql&port=5433")
        #expect(try ConnectionParameters(url: parameters.connectionURL) == parameters)
    }

    @Test("PG* environment variables")
    func environment() throws {
        let parameters = ConnectionParameters(environment: ["PGHOST": "h", "PGPORT": "7", "PGUSER": "u", "PGPASSWORD": "hunter2",
                                                            "PGDATABASE": "d", "PGSSLMODE": "disable", "HOME": "/root"])
        #expect(parameters.values == ["host": "h", "port": "7", "user": "u", "password": "hunter2", "dbname": "d", "sslmode": "disable"])
        #expect(parameters.maskedConnectionString == "postgresql://u:*****@h:7/d?sslmode=disable")
        #expect(try ConnectionParameters.resolve(url: nil, environment: ["PGHOST": "h"]).host == "h")
        #expect(try ConnectionParameters.resolve(url: "postgresql://x@y/z", environment: ["PGHOST": "h"]).host == "y")
    }

    @Test("parameters without a password or user render without userinfo")
    func noSecrets() {
        #expect(ConnectionParameters(host: "localhost", port: 5432, database: "db").maskedConnectionString == "postgresql://localhost:5432/db")
        #expect(ConnectionParameters(user: "u").maskedConnectionString == "postgresql://u@/")
    }

    @Test("a string libpq cannot parse is still masked, and its error does not show the password",
          arguments: ["postgresql://bob:hunter2@[::1/db", "postgresql://bob:hunter2@host/db?nonsense=1", "host=h password=hunter2 bogus",
                      "host=h password='hunter2"])
    func unparsable(raw: String) {
        #expect(!ConnectionParameters.maskedConnectionString(raw).contains("hunter2"))
        do {
            _ = try ConnectionParameters(url: raw)
            Issue.record("expected \(raw) to be rejected")
        } catch {
            #expect(error.kind == .invalidParameters)
            #expect(!"\(error)".contains("hunter2"))
        }
    }

    @Test("scrub masks every occurrence, longest secret first")
    func scrub() {
        #expect(ConnectionParameters.scrub("a hunter2 b hunter2", secrets: ["hunter2"]) == "a ***** b *****")
        #expect(ConnectionParameters(password: "pw-123").scrub("x pw-123 y") == "x ***** y")
    }
}
