import Foundation
import LookMLProject
import SQLCompiler
import SQLDialect
import YAMLSupport

/// Runs the query of every dashboard tile (YAML dashboards): the tile's fields on its model and explore, with its own
/// filters and the defaults of the dashboard filters it listens to, its sorts and its limit — as Looker would when
/// the dashboard opens.
public struct DashboardRunner: Sendable {
    public let compiler: SQLCompiler
    public let profile: DialectProfile
    public var statementTimeout: Duration = .seconds(30)

    public init(compiler: SQLCompiler, profile: DialectProfile = .postgres) {
        self.compiler = compiler
        self.profile = profile
    }

    /// One tile's query.
    public struct Tile: Sendable {
        public var dashboard: String
        public var name: String
        public var model: String
        public var explore: String
        public var fields: [String]
        public var filters: [(field: String, value: String)]
        public var limit: Int
    }

    /// The outcome of one tile.
    public struct TileResult: Sendable {
        public var tile: Tile
        public var rows: Int
        public var milliseconds: Double
        public var error: String?
    }

    /// Every tile with a query, in dashboard and element order.
    public func tiles() -> [Tile] {
        var tiles: [Tile] = []
        for path in compiler.project.paths {
            guard let file = compiler.project.files[path], file.kind == .dashboard, let root = file.yaml else { continue }
            for dashboard in root.items ?? [root] {
                let dashboardName = dashboard["dashboard"]?.string ?? path
                var defaults: [String: (field: String, value: String)] = [:]
                for filter in dashboard["filters"]?.items ?? [] {
                    if let name = filter["name"]?.string, let field = filter["field"]?.string,
                       let value = filter["default_value"]?.string, !value.isEmpty {
                        defaults[name] = (field, value)
                    }
                }
                for element in dashboard["elements"]?.items ?? [] {
                    guard let model = element["model"]?.string, let explore = element["explore"]?.string,
                          let fields = element["fields"]?.items?.compactMap(\.string), !fields.isEmpty else { continue }
                    var filters: [(field: String, value: String)] = []
                    for pair in element["filters"]?.pairs ?? [] { if let value = pair.value.string { filters.append((pair.key.value, value)) } }
                    for pair in element["listen"]?.pairs ?? [] {
                        if let field = pair.value.string, let defaultValue = defaults[pair.key.value] { filters.append((field, defaultValue.value)) }
                    }
                    tiles.append(Tile(dashboard: dashboardName, name: DashboardElement.name(of: element),
                                      model: model, explore: explore, fields: fields, filters: filters, limit: element["limit"]?.int ?? 500))
                }
            }
        }
        return tiles
    }

    /// Compiles and runs one tile in a read-only transaction.
    public func run(_ tile: Tile, on connection: PostgresConnection) -> TileResult {
        let start = DispatchTime.now()
        var result = TileResult(tile: tile, rows: 0, milliseconds: 0, error: nil)
        do throws(CompileError) {
            let query = try compiler.compile(model: tile.model, explore: tile.explore, fields: tile.fields, dialect: profile,
                                             options: CompileOptions(limit: tile.limit, filters: tile.filters))
            do throws(PostgresError) {
                let rows = try connection.transaction(readOnly: true, statementTimeout: statementTimeout) { connection throws(PostgresError) in
                    try connection.query(query.sql)
                }
                result.rows = rows.rows.count
            } catch {
                result.error = LiveValidator.firstLine(error.message)
            }
        } catch {
            result.error = error.description
        }
        result.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        return result
    }
}
