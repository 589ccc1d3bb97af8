import BlockGenerator

/// Creates the Currents tables in PostgreSQL and loads synthetic data into them with COPY.
public struct CurrentsSeeder: Sendable {
    public let ddl: CurrentsDDL

    /// One loaded table.
    public struct Loaded: Sendable, Equatable {
        public var stem: String
        /// The qualified table name as created.
        public var table: String
        public var rows: Int
    }

    /// `naming` must be for the postgres dialect.
    public init(naming: Naming) throws(WarehouseError) {
        guard naming.dialect == .postgres else {
            throw WarehouseError(.connection, "seeding needs the postgres dialect, not \(naming.dialect.rawValue)")
        }
        ddl = CurrentsDDL(naming: naming)
    }

    /// Drops and recreates every Currents table, loads the synthetic data in one transaction, and analyzes the
    /// tables. Returns the row count of each table in catalog order.
    @discardableResult
    public func seed(_ connection: PostgresConnection, options: SyntheticOptions) throws(PostgresError) -> [Loaded] {
        let data = SyntheticCurrents(options: options)
        let layout = ddl.layout
        var loaded: [Loaded] = []
        try connection.transaction { connection throws(PostgresError) in
            try connection.execute(ddl.script(dropFirst: true))
            for table in ddl.naming.catalog.tables {
                let name = ddl.tableName(table.stem)
                let columns = table.columns(in: layout).map { ddl.columnName($0, in: table) }
                let rows = data.rows(for: table, layout: layout)
                let stored = rows.isEmpty ? 0 : try connection.copy("COPY \(name) (\(columns.joined(separator: ", "))) FROM STDIN", rows: rows)
                loaded.append(Loaded(stem: table.stem, table: name, rows: stored))
            }
        }
        try connection.execute("ANALYZE")
        return loaded
    }
}
