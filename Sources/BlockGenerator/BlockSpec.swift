import YAMLSupport

/// A block spec (`blocks/<block>.yaml`): the views, explores and dashboards of one block, as data. Names in a spec
/// are default names; the naming config renames them when the block is generated. See `docs/blocks.md`.
public struct BlockSpec: Sendable {
    /// The block's name (`message-engagement`).
    public var block: String
    public var model: ModelSpec
    public var views: [ViewSpec]
    public var explores: [ExploreSpec]
    public var dashboards: [DashboardSpec]
}

/// The model file of a block.
public struct ModelSpec: Sendable {
    public var name: String
    public var label: String
}

/// A part of a spec that is generated only when an optional block (`--include content-cards`) is included.
public protocol Conditional {
    /// The optional block this part needs, if any.
    var when: String? { get }
}

extension Conditional {
    func isIncluded(_ includes: Set<String>) -> Bool { when.map(includes.contains) ?? true }
}

/// One view: over a Currents table, or derived from several by one of the SQL shapes.
public struct ViewSpec: Sendable, Conditional {
    public enum Source: Sendable {
        case table(String)
        case derived(DerivedShape, columns: [DerivedColumn])
    }

    public var name: String
    public var label: String
    public var description: String
    public var source: Source
    public var fields: [FieldSpec]
    public var when: String?
}

/// A column of a derived table: dimensions are made from these as from catalog columns.
public struct DerivedColumn: Sendable {
    public var name: String
    public var type: ColumnType
    public var label: String?
    public var about: String
    public var primaryKey: Bool
    public var hidden: Bool
}

/// A table taking part in a derived view, with what it stands for (an event type, a channel).
public struct TablePart: Sendable, Conditional {
    public var table: String
    public var tag: String
    public var when: String?
}

/// The SQL shapes of derived views; each has a template in `templates/sql/`.
public enum DerivedShape: Sendable {
    /// One row per event of several tables (`event_type`, `event_id` and the listed columns, NULL where absent).
    case union(events: [TablePart], columns: [String])
    /// Messages per user, channel and day / week / month.
    case pressure(channels: [TablePart])
    /// Each message with the days since the user's previous message on any listed channel.
    case cadence(channels: [TablePart])
    /// Users of a campaign or Canvas in the treatment or control group and whether they converted.
    case lift(key: String, treatment: [TablePart], control: [TablePart], entries: String?, conversions: String)
    /// Each session with the user's first session and the days and weeks since it.
    case sessionCohorts(sessions: String, firstSessions: String)
    /// Active users per first-session cohort and periods since the first session.
    case retention(period: String, sessions: String, firstSessions: String)

    public var templateName: String {
        switch self {
        case .union: return "templates/sql/union.sql.tmpl"
        case .pressure: return "templates/sql/pressure.sql.tmpl"
        case .cadence: return "templates/sql/cadence.sql.tmpl"
        case .lift: return "templates/sql/lift.sql.tmpl"
        case .sessionCohorts: return "templates/sql/session_cohorts.sql.tmpl"
        case .retention: return "templates/sql/retention.sql.tmpl"
        }
    }
}

/// A field written in a spec. Keys are LookML's, plus shorthands the generator expands per dialect:
/// `rate: [a, b]` (a / b as a percentage, NULL when b is 0), `ratio: [a, b]` (the same as a decimal), `difference: [a, b]`, `lift: [t, c]` ((t − c) / c),
/// `distinct_pair: [a, b]` (a count_distinct over the pair), `json_key: [column, key]`.
public struct FieldSpec: Sendable, Conditional {
    public enum Kind: String, Sendable, CaseIterable {
        case dimension, dimensionGroup = "dimension_group", measure, parameter
    }

    public enum Shorthand: Sendable {
        case rate(String, String)
        case ratio(String, String)
        case difference(String, String)
        case lift(String, String)
        case distinctPair(String, String)
        case jsonKey(String, String)
    }

    public var kind: Kind
    public var name: String
    public var type: String?
    public var sql: String?
    public var sqlLatitude: String?
    public var sqlLongitude: String?
    public var shorthand: Shorthand?
    public var label: String?
    public var groupLabel: String?
    public var description: String?
    public var hidden = false
    public var primaryKey = false
    public var filters: [(String, String)] = []
    public var valueFormatName: String?
    public var timeframes: [String] = []
    public var datatype: String?
    public var drillFields: [String] = []
    public var tags: [String] = []
    public var when: String?
}

/// An explore of the block's model.
public struct ExploreSpec: Sendable, Conditional {
    public var name: String
    public var view: String
    public var label: String
    public var description: String
    public var joins: [JoinSpec]
    public var when: String?
}

/// A join: written out (`sql_on`), or `event:` to join an event view to the union view it is part of.
public struct JoinSpec: Sendable, Conditional {
    public var view: String
    public var relationship: String
    public var sqlOn: String?
    public var event: String?
    public var when: String?
}

/// A LookML dashboard (YAML) over one explore.
public struct DashboardSpec: Sendable, Conditional {
    public var name: String
    public var title: String
    public var description: String
    public var explore: String
    /// The date field the dashboard's date filter applies to (`email_events.time_date`).
    public var dateField: String
    public var dateDefault: String
    public var filters: [(String, String)]
    public var tiles: [TileSpec]
    public var when: String?
}

/// One dashboard element.
public struct TileSpec: Sendable {
    public var title: String
    public var type: String
    /// The tile's explore and date field when they differ from the dashboard's.
    public var explore: String?
    public var dateField: String?
    public var fields: [String]
    public var sorts: [String]
    public var pivots: [String]
    public var filters: [(String, String)]
    public var limit: Int?
}

// MARK: - Loading

extension BlockSpec {
    static let fieldKeys: Set<String> = ["type", "sql", "sql_latitude", "sql_longitude", "label", "group_label",
                                         "description", "hidden", "primary_key", "filters", "value_format_name",
                                         "timeframes", "datatype", "drill_fields", "tags", "when"]
    static let chartTypes: Set<String> = ["single_value", "looker_column", "looker_bar", "looker_line", "looker_area",
                                          "looker_pie", "looker_grid", "looker_funnel", "looker_map", "table"]

    /// Parses a block spec. Tables must exist in the catalog; views, explores and dashboards are checked against
    /// each other when the library is assembled.
    public static func load(_ bytes: [UInt8], path: String, catalog: CurrentsCatalog) throws(BlockError) -> BlockSpec {
        let reader = YAMLReader(path: path)
        let root = try reader.mapping(try reader.document(bytes), "a block spec")
        guard try reader.int(try root.required("version", in: "a block spec"), "'version'") == 1 else {
            throw reader.error(root.optional("version")!, "unsupported block spec version")
        }
        let block = try root.string("block", in: "a block spec")
        let modelNode = try root.required("model", in: "a block spec")
        let modelMap = try reader.mapping(modelNode, "'model'")
        let model = ModelSpec(name: try name(modelMap.string("name", in: "'model'"), modelNode, reader),
                              label: try modelMap.string("label", in: "'model'"))
        try modelMap.rejectUnknownKeys(in: "'model'")

        func table(_ node: YAMLNode) throws(BlockError) -> String {
            let stem = try reader.string(node, "a table")
            guard catalog.table(stem) != nil else {
                throw reader.error(node, "unknown table '\(stem)'\(suggestion(for: stem, among: catalog.tables.map(\.stem)))")
            }
            return stem
        }
        func parts(_ node: YAMLNode, tagKey: String) throws(BlockError) -> [TablePart] {
            var result: [TablePart] = []
            for item in try reader.sequence(node, "a table list") {
                if item.scalar != nil {
                    result.append(TablePart(table: try table(item), tag: "", when: nil))
                    continue
                }
                let map = try reader.mapping(item, "a table entry")
                let stem = try table(try map.required("table", in: "a table entry"))
                let tag = try map.optionalString(tagKey) ?? ""
                let when = try map.optionalString("when")
                try map.rejectUnknownKeys(in: "a table entry")
                result.append(TablePart(table: stem, tag: tag, when: when))
            }
            return result
        }

        var views: [ViewSpec] = []
        for node in try reader.sequence(try root.required("views", in: "a block spec"), "'views'") {
            let map = try reader.mapping(node, "a view")
            let when = try map.optionalString("when")
            let source: ViewSpec.Source
            let defaultName: String
            var defaultLabel = ""
            if let tableNode = map.optional("table") {
                let stem = try table(tableNode)
                source = .table(stem)
                defaultName = stem.lowercased()
                defaultLabel = catalog.table(stem)!.event.capitalizedFirst
            } else {
                defaultName = try map.string("name", in: "a derived view")
                var shape: DerivedShape?
                for key in ["union", "pressure", "cadence", "lift", "session_cohorts", "retention"] {
                    guard let shapeNode = map.optional(key) else { continue }
                    guard shape == nil else { throw reader.error(shapeNode, "a view has one source (table or one derived shape)") }
                    let spec = try reader.mapping(shapeNode, "'\(key)'")
                    switch key {
                    case "union":
                        let events = try parts(try spec.required("events", in: "'union'"), tagKey: "event")
                        var columns: [String] = []
                        for column in try reader.sequence(try spec.required("columns", in: "'union'"), "'columns'") {
                            columns.append(try reader.string(column, "a column"))
                        }
                        shape = .union(events: events, columns: columns)
                    case "pressure", "cadence":
                        let channels = try parts(try spec.required("channels", in: "'\(key)'"), tagKey: "channel")
                        shape = key == "pressure" ? .pressure(channels: channels) : .cadence(channels: channels)
                    case "lift":
                        let key = try spec.string("key", in: "'lift'")
                        let treatment = try spec.optional("treatment").map { node throws(BlockError) in try parts(node, tagKey: "") } ?? []
                        let control = try spec.optional("control").map { node throws(BlockError) in try parts(node, tagKey: "") } ?? []
                        let entries = try spec.optional("entries").map { node throws(BlockError) in try table(node) }
                        let conversions = try table(try spec.required("conversions", in: "'lift'"))
                        guard entries != nil || !(treatment.isEmpty || control.isEmpty) else {
                            throw reader.error(shapeNode, "'lift' needs 'entries' or both 'treatment' and 'control'")
                        }
                        shape = .lift(key: key, treatment: treatment, control: control, entries: entries, conversions: conversions)
                    case "session_cohorts":
                        shape = .sessionCohorts(sessions: try table(try spec.required("sessions", in: "'session_cohorts'")),
                                                firstSessions: try table(try spec.required("first_sessions", in: "'session_cohorts'")))
                    default:
                        let period = try spec.string("period", in: "'retention'")
                        guard period == "day" || period == "week" else {
                            throw reader.error(spec.optional("period")!, "'period' must be day or week")
                        }
                        shape = .retention(period: period,
                                           sessions: try table(try spec.required("sessions", in: "'retention'")),
                                           firstSessions: try table(try spec.required("first_sessions", in: "'retention'")))
                    }
                    try spec.rejectUnknownKeys(in: "'\(key)'")
                }
                guard let shape else {
                    throw reader.error(node, "view '\(defaultName)' needs 'table' or a derived shape (union, pressure, cadence, lift, session_cohorts, retention)")
                }
                var columns: [DerivedColumn] = []
                for column in try reader.sequence(map.optional("columns") ?? .sequence([], start: node.start), "'columns'") {
                    let columnMap = try reader.mapping(column, "a column")
                    let columnName = try name(columnMap.string("name", in: "a column"), column, reader)
                    let rawType = try columnMap.string("type", in: "column \(columnName)")
                    guard let type = ColumnType(rawValue: rawType) else {
                        throw reader.error(columnMap.optional("type")!, "unknown column type '\(rawType)'")
                    }
                    columns.append(DerivedColumn(name: columnName, type: type, label: try columnMap.optionalString("label"),
                                                 about: try columnMap.string("about", in: "column \(columnName)"),
                                                 primaryKey: try columnMap.optionalBool("primary_key") ?? false,
                                                 hidden: try columnMap.optionalBool("hidden") ?? false))
                    try columnMap.rejectUnknownKeys(in: "column \(columnName)")
                }
                if case .union = shape {} else if !columns.contains(where: \.primaryKey) {
                    throw reader.error(node, "derived view '\(defaultName)' needs a column with 'primary_key: true'")
                }
                source = .derived(shape, columns: columns)
            }
            let viewName = try name(defaultName, node, reader)
            let label = try map.optionalString("label") ?? defaultLabel
            guard !label.isEmpty else { throw reader.error(node, "view '\(viewName)' needs a 'label'") }
            let description = try map.optionalString("description") ?? ""
            var fields: [FieldSpec] = []
            if let fieldsNode = map.optional("fields") {
                for fieldNode in try reader.sequence(fieldsNode, "'fields'") {
                    fields.append(try field(fieldNode, reader: reader))
                }
            }
            try map.rejectUnknownKeys(in: "view \(viewName)")
            if views.contains(where: { $0.name == viewName }) { throw reader.error(node, "view '\(viewName)' is defined twice") }
            views.append(ViewSpec(name: viewName, label: label, description: description, source: source, fields: fields, when: when))
        }

        var explores: [ExploreSpec] = []
        for node in try reader.sequence(try root.required("explores", in: "a block spec"), "'explores'") {
            let map = try reader.mapping(node, "an explore")
            let exploreName = try name(try map.string("name", in: "an explore"), node, reader)
            var joins: [JoinSpec] = []
            if let joinsNode = map.optional("joins") {
                for joinNode in try reader.sequence(joinsNode, "'joins'") {
                    let join = try reader.mapping(joinNode, "a join")
                    let spec = JoinSpec(view: try join.string("view", in: "a join"),
                                        relationship: try join.optionalString("relationship") ?? "many_to_one",
                                        sqlOn: try join.optionalString("sql_on"), event: try join.optionalString("event"),
                                        when: try join.optionalString("when"))
                    guard (spec.sqlOn == nil) != (spec.event == nil) else {
                        throw reader.error(joinNode, "a join needs exactly one of 'sql_on' and 'event'")
                    }
                    guard ["many_to_one", "one_to_one", "one_to_many", "many_to_many"].contains(spec.relationship) else {
                        throw reader.error(join.optional("relationship")!, "unknown relationship '\(spec.relationship)'")
                    }
                    try join.rejectUnknownKeys(in: "a join")
                    joins.append(spec)
                }
            }
            explores.append(ExploreSpec(name: exploreName, view: try map.string("view", in: "explore \(exploreName)"),
                                        label: try map.string("label", in: "explore \(exploreName)"),
                                        description: try map.string("description", in: "explore \(exploreName)"),
                                        joins: joins, when: try map.optionalString("when")))
            try map.rejectUnknownKeys(in: "explore \(exploreName)")
        }

        var dashboards: [DashboardSpec] = []
        for node in try reader.sequence(try root.optional("dashboards") ?? .sequence([], start: root.start), "'dashboards'") {
            let map = try reader.mapping(node, "a dashboard")
            let dashboardName = try name(try map.string("name", in: "a dashboard"), node, reader)
            var tiles: [TileSpec] = []
            for tileNode in try reader.sequence(try map.required("tiles", in: "dashboard \(dashboardName)"), "'tiles'") {
                let tile = try reader.mapping(tileNode, "a tile")
                let type = try tile.string("type", in: "a tile")
                guard chartTypes.contains(type) else {
                    throw reader.error(tile.optional("type")!, "unknown tile type '\(type)'\(suggestion(for: type, among: chartTypes))")
                }
                tiles.append(TileSpec(title: try tile.string("title", in: "a tile"), type: type,
                                      explore: try tile.optionalString("explore"), dateField: try tile.optionalString("date_field"),
                                      fields: try strings(tile.required("fields", in: "a tile"), reader),
                                      sorts: try strings(tile.optional("sorts"), reader),
                                      pivots: try strings(tile.optional("pivots"), reader),
                                      filters: try pairs(tile.optional("filters"), reader),
                                      limit: try tile.optional("limit").map { node throws(BlockError) in try reader.int(node, "'limit'") }))
                try tile.rejectUnknownKeys(in: "a tile")
            }
            dashboards.append(DashboardSpec(name: dashboardName, title: try map.string("title", in: "dashboard \(dashboardName)"),
                                            description: try map.string("description", in: "dashboard \(dashboardName)"),
                                            explore: try map.string("explore", in: "dashboard \(dashboardName)"),
                                            dateField: try map.string("date_field", in: "dashboard \(dashboardName)"),
                                            dateDefault: try map.optionalString("date_default") ?? "28 days",
                                            filters: try pairs(map.optional("filters"), reader),
                                            tiles: tiles, when: try map.optionalString("when")))
            try map.rejectUnknownKeys(in: "dashboard \(dashboardName)")
        }
        try root.rejectUnknownKeys(in: "a block spec")
        return BlockSpec(block: block, model: model, views: views, explores: explores, dashboards: dashboards)
    }

    private static func name(_ text: String, _ node: YAMLNode, _ reader: YAMLReader) throws(BlockError) -> String {
        guard isLookMLName(text) else { throw reader.error(node, "'\(text)' is not a valid LookML name") }
        return text
    }

    private static func strings(_ node: YAMLNode?, _ reader: YAMLReader) throws(BlockError) -> [String] {
        guard let node else { return [] }
        var result: [String] = []
        for item in try reader.sequence(node, "a list") { result.append(try reader.string(item, "a list item")) }
        return result
    }

    private static func pairs(_ node: YAMLNode?, _ reader: YAMLReader) throws(BlockError) -> [(String, String)] {
        guard let node else { return [] }
        return try reader.stringMap(node, "'filters'").map { ($0.key.value, $0.value.value) }
    }

    private static func field(_ node: YAMLNode, reader: YAMLReader) throws(BlockError) -> FieldSpec {
        let map = try reader.mapping(node, "a field")
        var found: (FieldSpec.Kind, String)?
        for kind in FieldSpec.Kind.allCases {
            guard let nameNode = map.optional(kind.rawValue) else { continue }
            guard found == nil else { throw reader.error(nameNode, "a field has one kind") }
            found = (kind, try name(try reader.string(nameNode, "a field name"), nameNode, reader))
        }
        guard let (kind, fieldName) = found else {
            throw reader.error(node, "a field starts with dimension:, dimension_group:, measure: or parameter:")
        }
        var field = FieldSpec(kind: kind, name: fieldName)
        field.type = try map.optionalString("type")
        field.sql = try map.optionalString("sql")
        field.sqlLatitude = try map.optionalString("sql_latitude")
        field.sqlLongitude = try map.optionalString("sql_longitude")
        field.label = try map.optionalString("label")
        field.groupLabel = try map.optionalString("group_label")
        field.description = try map.optionalString("description")
        field.hidden = try map.optionalBool("hidden") ?? false
        field.primaryKey = try map.optionalBool("primary_key") ?? false
        field.filters = try pairs(map.optional("filters"), reader)
        field.valueFormatName = try map.optionalString("value_format_name")
        field.timeframes = try strings(map.optional("timeframes"), reader)
        field.datatype = try map.optionalString("datatype")
        field.drillFields = try strings(map.optional("drill_fields"), reader)
        field.tags = try strings(map.optional("tags"), reader)
        field.when = try map.optionalString("when")
        for key in ["rate", "ratio", "difference", "lift", "distinct_pair", "json_key"] {
            guard let shorthandNode = map.optional(key) else { continue }
            let operands = try strings(shorthandNode, reader)
            guard operands.count == 2, field.shorthand == nil, field.sql == nil else {
                throw reader.error(shorthandNode, "'\(key)' takes two names and replaces 'sql'")
            }
            switch key {
            case "rate": field.shorthand = .rate(operands[0], operands[1])
            case "ratio": field.shorthand = .ratio(operands[0], operands[1])
            case "difference": field.shorthand = .difference(operands[0], operands[1])
            case "lift": field.shorthand = .lift(operands[0], operands[1])
            case "distinct_pair": field.shorthand = .distinctPair(operands[0], operands[1])
            default: field.shorthand = .jsonKey(operands[0], operands[1])
            }
        }
        try map.rejectUnknownKeys(in: "field \(fieldName)")
        return field
    }
}

extension String {
    /// The text with its first letter upper-cased (`email sent` → `Email sent`).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
