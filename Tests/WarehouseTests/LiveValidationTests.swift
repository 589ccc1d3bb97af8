import Foundation
import LookMLProject
import SQLCompiler
import Testing
import Warehouse

/// Live validation on a real cluster: clean explores pass, broken fields are isolated by bisection with their LookML
/// line, a write attempt is refused inside the read-only transaction, a lock wait hits the statement timeout, and a
/// bad password never shows up in any message.
@Suite("Live validation", .sharedCluster, .serialized)
struct LiveValidationTests {
    static let model = """
    connection: "warehouse"
    include: "*.view"
    explore: orders {}
    explore: writes {}
    """
    static let orders = """
    view: orders {
      sql_table_name: public.live_orders ;;
      dimension: id {
        primary_key: yes
        type: number
        sql: ${TABLE}.id ;;
      }
      dimension: status {
        sql: ${TABLE}.status ;;
      }
      dimension: broken_status {
        sql: ${TABLE}.no_such_column ;;
      }
      measure: count {
        type: count
      }
      measure: total {
        type: sum
        sql: ${TABLE}.amount ;;
      }
      measure: broken_total {
        type: sum
        sql: ${TABLE}.missing_amount ;;
      }
    }
    """
    static let writes = """
    view: writes {
      derived_table: {
        sql: INSERT INTO public.live_orders (id, status, amount) VALUES (99, 'x', 1) RETURNING id ;;
      }
      dimension: id {
        type: number
        sql: ${TABLE}.id ;;
      }
    }
    """

    static func compiler() -> SQLCompiler {
        SQLCompiler(project: Project(files: [
            ProjectFile(path: "m.model.lkml", bytes: Array(model.utf8)),
            ProjectFile(path: "orders.view.lkml", bytes: Array(orders.utf8)),
            ProjectFile(path: "writes.view.lkml", bytes: Array(writes.utf8)),
        ]))
    }

    static func prepare(_ state: WarehouseState) throws -> PostgresConnection {
        let connection = try PostgresConnection(state.socketParameters)
        try connection.execute("DROP TABLE IF EXISTS public.live_orders; CREATE TABLE public.live_orders (id int, status text, amount numeric); INSERT INTO public.live_orders VALUES (1, 'done', 5), (2, 'open', 7)")
        return connection
    }

    @Test("broken fields are isolated with their LookML lines; clean fields and explores pass; nothing is written")
    func bisection() throws {
        let state = try SharedCluster.state
        let setup = try Self.prepare(state)
        defer { setup.close() }
        let parameters = state.socketParameters
        let validator = LiveValidator(compiler: Self.compiler(), jobs: 2) { () throws(PostgresError) in try PostgresConnection(parameters) }
        let results = try validator.validate([("m", "orders"), ("m", "writes")])
        let orders = try #require(results.first { $0.explore == "orders" })
        #expect(orders.fields == 6)
        #expect(orders.failures.map(\.field) == ["orders.broken_status", "orders.broken_total"])
        let lines = orders.failures.map { failure in
            Project(files: [ProjectFile(path: "orders.view.lkml", bytes: Array(Self.orders.utf8))]).files["orders.view.lkml"]!.source.location(of: failure.location.range.lowerBound).line
        }
        #expect(lines == [11, 21])
        #expect(orders.failures.allSatisfy { $0.message.contains("does not exist") })
        #expect(orders.queries > 1)
        let writes = try #require(results.first { $0.explore == "writes" })
        #expect(writes.failures.map(\.field) == ["writes.id"])
        #expect(writes.failures.first?.message.contains("read-only transaction") == true)
        #expect(try setup.query("SELECT count(*) FROM public.live_orders").scalar == "2")
    }

    @Test("a lock wait ends at the statement timeout and is reported, not hung on")
    func timeout() throws {
        let state = try SharedCluster.state
        let setup = try Self.prepare(state)
        defer { setup.close() }
        try setup.execute("BEGIN; LOCK TABLE public.live_orders IN ACCESS EXCLUSIVE MODE")
        defer { try? setup.execute("ROLLBACK") }
        let parameters = state.socketParameters
        let validator = LiveValidator(compiler: Self.compiler(), statementTimeout: .milliseconds(300), jobs: 1) { () throws(PostgresError) in try PostgresConnection(parameters) }
        let started = Date()
        let result = validator.validate("m", "orders", on: try PostgresConnection(parameters))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(!result.failures.isEmpty)
        #expect(result.failures.allSatisfy { $0.message.contains("statement timeout") })
    }

    @Test("a wrong password fails once, clearly, without the password")
    func wrongPassword() throws {
        let state = try SharedCluster.state
        let secret = "s3cret-Pa55word"
        let parameters = ConnectionParameters(host: "127.0.0.1", port: state.port, user: state.user, password: secret, database: state.database)
        let validator = LiveValidator(compiler: Self.compiler()) { () throws(PostgresError) in try PostgresConnection(parameters) }
        do {
            _ = try validator.validate([("m", "orders")])
            Issue.record("expected a connection error")
        } catch {
            #expect(error.kind == .authenticationFailed)
            #expect(!error.description.contains(secret))
        }
    }
}
