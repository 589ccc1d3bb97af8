/// The default names a naming config may override: what the catalog and the block specs define.
public struct DefaultNames: Sendable, Equatable {
    public var views: Set<String> = []
    public var explores: Set<String> = []
    public var models: Set<String> = []
    public var dashboards: Set<String> = []

    public init(views: Set<String> = [], explores: Set<String> = [], models: Set<String> = [], dashboards: Set<String> = []) {
        self.views = views
        self.explores = explores
        self.models = models
        self.dashboards = dashboards
    }
}

/// A naming config checked against the catalog and the specs, answering every naming question of the generator:
/// qualified table names, view / explore / model / dashboard names, column names, identifier case.
///
/// Rules: a per-name override wins over a prefix; identifiers (database, schema, tables, columns) fold to the
/// dialect's case (Snowflake upper, Postgres lower); LookML names are used as written.
public struct Naming: Sendable {
    public let config: NamingConfig
    public let catalog: CurrentsCatalog
    private let tableOverrides: [String: String]
    private let viewOverrides: [String: String]
    private let exploreOverrides: [String: String]
    private let modelOverrides: [String: String]
    private let dashboardOverrides: [String: String]
    private let columnOverrides: [String: String]

    /// Checks that every override key names something that exists (tables by stem, views / explores / models /
    /// dashboards by default name, columns by name) and that no two things end up with the same name.
    public init(config: NamingConfig, catalog: CurrentsCatalog, defaults: DefaultNames = DefaultNames()) throws(BlockError) {
        self.config = config
        self.catalog = catalog
        let path = config.path
        func fail(_ override: NamingConfig.Override, _ message: String) -> BlockError {
            BlockError(path: path, line: override.line, column: override.column, message: message)
        }
        func index(_ overrides: [NamingConfig.Override], key: String, known: Set<String>, what: String) throws(BlockError) -> [String: String] {
            var result: [String: String] = [:]
            for override in overrides {
                guard known.contains(override.key) else {
                    throw fail(override, "'\(key)': unknown \(what) '\(override.key)'\(suggestion(for: override.key, among: known))")
                }
                result[override.key] = override.value
            }
            return result
        }
        let stems = Set(catalog.tables.map(\.stem))
        tableOverrides = try index(config.tables, key: "tables", known: stems, what: "table stem")
        let views = defaults.views.union(catalog.tables.map(\.defaultViewName))
        viewOverrides = try index(config.views, key: "views", known: views, what: "view")
        exploreOverrides = try index(config.explores, key: "explores", known: defaults.explores, what: "explore")
        modelOverrides = try index(config.models, key: "models", known: defaults.models, what: "model")
        dashboardOverrides = try index(config.dashboards, key: "dashboards", known: defaults.dashboards, what: "dashboard")

        var columns: [String: String] = [:]
        let columnNames = Set(catalog.tables.flatMap { $0.allColumns.map(\.name) })
        for override in config.columns {
            let parts = override.key.split(separator: ".").map { $0.uppercased() }
            if parts.count == 2 {
                guard let table = catalog.table(parts[0]) else {
                    throw fail(override, "'columns': unknown table stem '\(parts[0])'\(suggestion(for: parts[0], among: stems))")
                }
                guard table.allColumns.contains(where: { $0.name == parts[1] }) else {
                    throw fail(override, "'columns': table '\(parts[0])' has no column '\(parts[1])'\(suggestion(for: parts[1], among: table.allColumns.map(\.name)))")
                }
            } else if !columnNames.contains(parts[0]) {
                throw fail(override, "'columns': unknown column '\(override.key)'\(suggestion(for: parts[0], among: columnNames))")
            }
            columns[parts.joined(separator: ".")] = override.value
        }
        columnOverrides = columns

        // Lengths and collisions.
        var tableOwners: [String: String] = [:]
        for table in catalog.tables {
            let name = tableName(table.stem)
            for part in name.split(separator: ".") where part.utf8.count > config.dialect.maximumIdentifierLength {
                throw BlockError(path: path, message: "table name '\(part)' for \(table.stem) is longer than \(config.dialect.rawValue) allows (\(config.dialect.maximumIdentifierLength) bytes)")
            }
            if let other = tableOwners.updateValue(table.stem, forKey: qualifiedTableName(table.stem)) {
                throw BlockError(path: path, message: "tables \(other) and \(table.stem) would both be \(qualifiedTableName(table.stem))")
            }
        }
        func checkDistinct(_ names: Set<String>, _ resolve: (String) -> String, what: String) throws(BlockError) {
            var owners: [String: String] = [:]
            for name in names.sorted() {
                if let other = owners.updateValue(name, forKey: resolve(name)) {
                    throw BlockError(path: path, message: "\(what)s '\(other)' and '\(name)' would both be named '\(resolve(name))'")
                }
            }
        }
        try checkDistinct(views, viewName, what: "view")
        try checkDistinct(defaults.explores, exploreName, what: "explore")
        try checkDistinct(defaults.models, modelName, what: "model")
        try checkDistinct(defaults.dashboards, dashboardName, what: "dashboard")
    }

    public var dialect: WarehouseDialect { config.dialect }
    public var layout: Layout { config.layout }
    public var connection: String { config.connection }
    public var brazeIdTag: Bool { config.brazeIdTag }

    /// An identifier in the dialect's case.
    public func identifier(_ name: String) -> String { config.dialect.fold(name) }

    /// The schema, in the dialect's case.
    public var schema: String { identifier(config.schema ?? config.layout.defaultSchema) }
    /// The database, in the dialect's case, when configured.
    public var database: String? { config.database.map(identifier) }

    /// A table's name without database and schema (unless the per-table override is qualified).
    public func tableName(_ stem: String) -> String {
        if let override = tableOverrides[stem] { return identifier(override) }
        return identifier(config.tablePrefix + stem + (config.tableSuffix ?? config.layout.defaultTableSuffix))
    }

    /// The name `sql_table_name` uses: `DATABASE.SCHEMA.TABLE`, `SCHEMA.TABLE`, or the override as qualified.
    public func qualifiedTableName(_ stem: String) -> String {
        let table = tableName(stem)
        let given = table.split(separator: ".").count
        var parts: [String] = []
        if given < 3, let database { parts.append(database) }
        if given < 2 { parts.append(schema) }
        return (parts + [table]).joined(separator: ".")
    }

    /// A view's name: its override, or the view prefix + the default name.
    public func viewName(_ defaultName: String) -> String {
        viewOverrides[defaultName] ?? config.viewPrefix + defaultName
    }

    public func exploreName(_ defaultName: String) -> String { exploreOverrides[defaultName] ?? defaultName }
    public func modelName(_ defaultName: String) -> String { modelOverrides[defaultName] ?? defaultName }
    public func dashboardName(_ defaultName: String) -> String { dashboardOverrides[defaultName] ?? defaultName }

    /// A column's name in the warehouse, in the dialect's case: a `STEM.COLUMN` override, else a `COLUMN` override,
    /// else the catalog name.
    public func columnName(_ column: String, inTable stem: String) -> String {
        let upper = column.uppercased()
        return identifier(columnOverrides["\(stem).\(upper)"] ?? columnOverrides[upper] ?? upper)
    }
}
