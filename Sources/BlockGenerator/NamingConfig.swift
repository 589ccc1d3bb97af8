import YAMLSupport

/// The naming config (`--names FILE`): how the generated blocks name tables, views, explores, models, dashboards
/// and columns, which dialect and layout they target. Every key is optional; `docs/naming.md` documents the defaults.
///
/// ```yaml
/// version: 1
/// dialect: snowflake
/// layout: shared
/// connection: braze_currents
/// schema: CURRENTS
/// views: {users_messages_email_send: email_sends}
/// ```
///
/// Parsing checks the shape and the validity of every name; whether override keys name things that exist is
/// checked by `Naming`, which knows the catalog and the block specs.
public struct NamingConfig: Sendable, Equatable {
    /// One per-name override, with where its key was written.
    public struct Override: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
        public var column: Int

        public init(key: String, value: String, line: Int = 0, column: Int = 0) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// The file the config came from (for error messages).
    public var path: String = "<defaults>"
    public var dialect: WarehouseDialect = .snowflake
    public var layout: Layout = .shared
    public var connection: String = "braze_currents"
    /// When set, `sql_table_name` is `DATABASE.SCHEMA.TABLE`.
    public var database: String?
    /// Defaults from the layout (`CURRENTS` for shared, `PUBLIC` for legacy).
    public var schema: String?
    public var tablePrefix: String = ""
    /// Defaults from the layout (`_SHARED` for shared, empty for legacy).
    public var tableSuffix: String?
    /// Per-table names keyed by table stem; a value may be qualified (`OTHER_SCHEMA.TABLE`).
    public var tables: [Override] = []
    public var viewPrefix: String = ""
    /// Per-view names keyed by default view name.
    public var views: [Override] = []
    public var explores: [Override] = []
    public var models: [Override] = []
    public var dashboards: [Override] = []
    /// Per-column names keyed by `COLUMN` (every table) or `TABLE_STEM.COLUMN` (one table).
    public var columns: [Override] = []
    /// Whether the external user id dimension carries `tags: ["braze_id"]`.
    public var brazeIdTag: Bool = true

    public init() {}

    /// The keys of the config file, in the order `docs/naming.md` lists them.
    public static let keys = ["version", "dialect", "layout", "connection", "database", "schema", "table_prefix",
                              "table_suffix", "tables", "view_prefix", "views", "explores", "models", "dashboards",
                              "columns", "braze_id_tag"]

    /// Parses a naming config file. Unknown keys, wrong types and invalid names are errors naming the key and its
    /// line:column.
    public static func load(_ bytes: [UInt8], path: String) throws(BlockError) -> NamingConfig {
        let reader = YAMLReader(path: path)
        let root = try reader.mapping(try reader.document(bytes), "the naming config")
        var config = NamingConfig()
        config.path = path

        func identifier(_ key: String, allowEmpty: Bool = false, dotted: Bool = false) throws(BlockError) -> String? {
            guard let node = root.optional(key) else { return nil }
            let value = try reader.string(node, "'\(key)'")
            try checkIdentifier(value, key: key, node: node, reader: reader, allowEmpty: allowEmpty, dotted: dotted)
            return value
        }
        func overrides(_ key: String, check: (String, YAMLNode) throws(BlockError) -> Void) throws(BlockError) -> [Override] {
            guard let node = root.optional(key) else { return [] }
            var result: [Override] = []
            for (name, value) in try reader.stringMap(node, "'\(key)'") {
                try check(value.value, .scalar(value))
                result.append(Override(key: name.value, value: value.value, line: name.start.line, column: name.start.column))
            }
            return result
        }

        if let node = root.optional("version") {
            guard node.int == 1 else { throw reader.error(node, "'version' must be 1") }
        }
        if let node = root.optional("dialect") {
            let value = try reader.string(node, "'dialect'")
            guard let dialect = WarehouseDialect(rawValue: value.lowercased()) else {
                throw reader.error(node, "'dialect' must be one of: \(WarehouseDialect.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(value)')")
            }
            config.dialect = dialect
        }
        if let node = root.optional("layout") {
            let value = try reader.string(node, "'layout'")
            guard let layout = Layout(rawValue: value.lowercased()) else {
                throw reader.error(node, "'layout' must be one of: shared, legacy (got '\(value)')")
            }
            config.layout = layout
        }
        if let node = root.optional("connection") {
            let value = try reader.string(node, "'connection'")
            guard !value.isEmpty, value.unicodeScalars.allSatisfy({ $0 == "_" || $0 == "-" || $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) }) else {
                throw reader.error(node, "'connection' must be a Looker connection name (letters, digits, '_' and '-'), got '\(value)'")
            }
            config.connection = value
        }
        config.database = try identifier("database")
        config.schema = try identifier("schema")
        config.tablePrefix = try identifier("table_prefix", allowEmpty: true) ?? ""
        config.tableSuffix = try identifier("table_suffix", allowEmpty: true)
        config.tables = try overrides("tables") { value, node throws(BlockError) in
            try checkIdentifier(value, key: "tables", node: node, reader: reader, dotted: true)
        }
        if let node = root.optional("view_prefix") {
            let value = try reader.string(node, "'view_prefix'")
            guard value.isEmpty || isLookMLName(value) else {
                throw reader.error(node, "'view_prefix' must be lower-case letters, digits and '_' (got '\(value)')")
            }
            config.viewPrefix = value
        }
        for (key, path) in [("views", \NamingConfig.views), ("explores", \.explores), ("models", \.models), ("dashboards", \.dashboards)] {
            config[keyPath: path] = try overrides(key) { value, node throws(BlockError) in
                guard isLookMLName(value) else {
                    throw reader.error(node, "'\(key)': '\(value)' is not a valid LookML name (lower-case letters, digits and '_', not starting with a digit)")
                }
            }
        }
        config.columns = try overrides("columns") { value, node throws(BlockError) in
            try checkIdentifier(value, key: "columns", node: node, reader: reader)
        }
        for override in config.columns {
            let parts = override.key.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ isSQLIdentifier(String($0)) }) else {
                throw BlockError(path: path, line: override.line, column: override.column,
                                 message: "'columns': key '\(override.key)' must be COLUMN or TABLE_STEM.COLUMN")
            }
        }
        if let node = root.optional("braze_id_tag") { config.brazeIdTag = try reader.bool(node, "'braze_id_tag'") }
        try root.rejectUnknownKeys(in: "the naming config")
        return config
    }

    private static func checkIdentifier(_ value: String, key: String, node: YAMLNode, reader: YAMLReader,
                                        allowEmpty: Bool = false, dotted: Bool = false) throws(BlockError) {
        if value.isEmpty, allowEmpty { return }
        let parts = dotted ? value.split(separator: ".", omittingEmptySubsequences: false).map(String.init) : [value]
        // Prefixes and suffixes may start with a digit; they never stand alone.
        let isAffix = key == "table_prefix" || key == "table_suffix"
        let valid = parts.count <= 3 && parts.allSatisfy { isAffix ? isSQLIdentifier("A" + $0) : isSQLIdentifier($0) }
        guard valid else {
            let shape = dotted ? "an unquoted SQL identifier, optionally qualified (SCHEMA.TABLE)" : "an unquoted SQL identifier (letters, digits, '_' and '$', not starting with a digit)"
            throw reader.error(node, "'\(key)': '\(value)' is not \(shape)")
        }
    }
}
