import BlockResources
import YAMLSupport

/// The two warehouse layouts of Currents tables (see `shared/currents.md`).
public enum Layout: String, CaseIterable, Sendable, Comparable {
    /// Snowflake Data Sharing: `_SHARED` table suffix, `*_API_ID` id columns.
    case shared
    /// Currents files loaded by the customer: no suffix, `*_ID` id columns, denormalised names.
    case legacy

    public static func < (lhs: Layout, rhs: Layout) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The table suffix when the naming config gives none.
    public var defaultTableSuffix: String { self == .shared ? "_SHARED" : "" }
    /// The schema when the naming config gives none.
    public var defaultSchema: String { self == .shared ? "CURRENTS" : "PUBLIC" }
}

/// What a Currents column holds.
public enum ColumnType: String, CaseIterable, Sendable {
    case string, integer, float, boolean
    /// Integer UNIX epoch seconds.
    case time
    case timestamp
    /// A calendar date (derived tables only).
    case date
    /// JSON held as text.
    case json
}

/// One column of a Currents table.
public struct CurrentsColumn: Sendable, Equatable {
    /// The column name as Braze creates it, upper case (`EXTERNAL_USER_ID`).
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    /// The layouts that have the column.
    public var layouts: Set<Layout>
    /// The LookML field name: the lower-cased column name unless the catalog gives one. Columns whose name differs
    /// by layout share a field name (`MESSAGE_VARIATION_API_ID` and `MESSAGE_VARIATION_ID` are `message_variation_id`).
    public var field: String
    /// One line describing the column.
    public var about: String

    public init(name: String, type: ColumnType, nullable: Bool = true, layouts: Set<Layout> = Set(Layout.allCases),
                field: String? = nil, about: String) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.layouts = layouts
        self.field = field ?? name.lowercased()
        self.about = about
    }
}

/// One Currents event table.
public struct CurrentsTable: Sendable, Equatable {
    /// The table name without layout suffix (`USERS_MESSAGES_EMAIL_SEND`).
    public var stem: String
    /// The block the table belongs to: `message-engagement`, `user-behavior`, `content-cards`, `sms`.
    public var block: String
    /// What one row records (`email sent`).
    public var event: String
    /// Every column of every layout, in catalog order.
    public var allColumns: [CurrentsColumn]

    /// The default view name: the lower-cased stem, as in the original public blocks.
    public var defaultViewName: String { stem.lowercased() }

    /// The columns a layout has, in catalog order.
    public func columns(in layout: Layout) -> [CurrentsColumn] {
        allColumns.filter { $0.layouts.contains(layout) }
    }

    /// The column whose field name is `reference`, or else whose column name is `reference` (any case), in a layout.
    public func column(_ reference: String, in layout: Layout) -> CurrentsColumn? {
        let columns = columns(in: layout)
        return columns.first { $0.field == reference } ?? columns.first { $0.name == reference.uppercased() }
    }
}

/// The Currents tables of every block, loaded from `blocks/currents.yaml`.
public struct CurrentsCatalog: Sendable, Equatable {
    public static let resourcePath = "blocks/currents.yaml"

    /// Every table in catalog order.
    public var tables: [CurrentsTable]

    public init(tables: [CurrentsTable]) { self.tables = tables }

    /// The catalog embedded in the binary.
    public static func embedded() throws(BlockError) -> CurrentsCatalog {
        guard let text = BlockResources.text(resourcePath) else {
            throw BlockError(path: resourcePath, message: "not embedded in this build")
        }
        return try load(Array(text.utf8), path: resourcePath)
    }

    /// The table with this stem.
    public func table(_ stem: String) -> CurrentsTable? { tables.first { $0.stem == stem } }

    /// The tables of one block, in catalog order.
    public func tables(inBlock block: String) -> [CurrentsTable] { tables.filter { $0.block == block } }

    /// Every block named in the catalog, in first-appearance order.
    public var blocks: [String] {
        var seen: [String] = []
        for table in tables where !seen.contains(table.block) { seen.append(table.block) }
        return seen
    }

    /// A table's name in the warehouse under a naming (unqualified, in the dialect's case).
    public func tableName(_ stem: String, naming: Naming) -> String { naming.tableName(stem) }

    /// Parses the catalog YAML.
    public static func load(_ bytes: [UInt8], path: String) throws(BlockError) -> CurrentsCatalog {
        let reader = YAMLReader(path: path)
        let root = try reader.mapping(try reader.document(bytes), "the catalog")
        let version = try reader.int(try root.required("version", in: "the catalog"), "'version'")
        guard version == 1 else { throw reader.error(root.optional("version")!, "unsupported catalog version \(version)") }
        _ = root.optional("sets")  // anchors only; resolved where they are used
        var tables: [CurrentsTable] = []
        for node in try reader.sequence(try root.required("tables", in: "the catalog"), "'tables'") {
            let entry = try reader.mapping(node, "a table")
            let stem = try entry.string("stem", in: "a table")
            guard isSQLIdentifier(stem) else { throw reader.error(node, "table stem '\(stem)' is not an identifier") }
            if tables.contains(where: { $0.stem == stem }) { throw reader.error(node, "table '\(stem)' is listed twice") }
            let block = try entry.string("block", in: "table \(stem)")
            let event = try entry.string("event", in: "table \(stem)")
            var columns: [CurrentsColumn] = []
            try collectColumns(try entry.required("columns", in: "table \(stem)"), reader: reader, table: stem, into: &columns)
            try entry.rejectUnknownKeys(in: "table \(stem)")
            for layout in Layout.allCases where !columns.contains(where: { $0.name == "ID" && $0.layouts.contains(layout) }) {
                throw reader.error(node, "table '\(stem)' has no event id column in the \(layout) layout")
            }
            tables.append(CurrentsTable(stem: stem, block: block, event: event, allColumns: columns))
        }
        try root.rejectUnknownKeys(in: "the catalog")
        return CurrentsCatalog(tables: tables)
    }

    /// Flattens nested column lists (anchored sets), keeping a column that repeats with the same definition once.
    private static func collectColumns(_ node: YAMLNode, reader: YAMLReader, table: String,
                                       into columns: inout [CurrentsColumn]) throws(BlockError) {
        if let items = node.items {
            for item in items { try collectColumns(item, reader: reader, table: table, into: &columns) }
            return
        }
        let entry = try reader.mapping(node, "a column")
        let name = try entry.string("name", in: "a column")
        guard isSQLIdentifier(name) else { throw reader.error(node, "column name '\(name)' is not an identifier") }
        let rawType = try entry.string("type", in: "column \(name)")
        guard let type = ColumnType(rawValue: rawType) else {
            throw reader.error(entry.optional("type")!, "unknown column type '\(rawType)' (choose from: \(ColumnType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let nullable = try entry.optionalBool("nullable") ?? true
        let layouts: Set<Layout>
        switch try entry.optionalString("layouts") ?? "both" {
        case "both": layouts = Set(Layout.allCases)
        case "shared": layouts = [.shared]
        case "legacy": layouts = [.legacy]
        case let other: throw reader.error(entry.optional("layouts")!, "unknown layouts '\(other)' (choose from: shared, legacy, both)")
        }
        let field = try entry.optionalString("field")
        if let field, !isLookMLName(field) { throw reader.error(node, "field name '\(field)' is not a valid LookML name") }
        let about = try entry.string("about", in: "column \(name)")
        try entry.rejectUnknownKeys(in: "column \(name)")
        let column = CurrentsColumn(name: name, type: type, nullable: nullable, layouts: layouts, field: field, about: about)
        if columns.contains(column) { return }
        for layout in layouts {
            if columns.contains(where: { $0.name == name && $0.layouts.contains(layout) }) {
                throw reader.error(node, "table '\(table)' defines column '\(name)' twice for the \(layout) layout, differently")
            }
            if columns.contains(where: { $0.field == column.field && $0.layouts.contains(layout) }) {
                throw reader.error(node, "table '\(table)' has two columns with field name '\(column.field)' in the \(layout) layout")
            }
        }
        columns.append(column)
    }
}

/// An unquoted SQL identifier: a letter or `_`, then letters, digits, `_` or `$`.
func isSQLIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first) else {
        return false
    }
    return text.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
}

/// A LookML name (view, explore, model, dashboard, field): lower-case letters, digits and `_`, not starting with a digit.
func isLookMLName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
}
