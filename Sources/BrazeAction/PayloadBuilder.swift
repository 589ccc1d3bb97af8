import LookMLProject
import LookMLSyntax

/// Builds the `/users/track` request bodies the Braze Looker Action would send for a Look's results: batches of
/// 75 user objects, at most 100,000 rows, each object with the unique key, `_update_existing_only: true`, the tagged
/// attributes converted by field type, and `looker_export: {"add": [label]}`.
public struct PayloadBuilder: Sendable {
    public static let batchSize = 75
    public static let maximumRows = 100_000

    public enum UniqueKey: String, CaseIterable, Sendable { case external_id, braze_id }

    /// How a value is converted.
    public enum ValueKind: Equatable, Sendable { case string, boolean, number, date, time }

    public struct Payload: Sendable {
        /// One JSON body per request.
        public var bodies: [[UInt8]]
        public var rowsSent: Int
        /// Rows beyond 100,000, which the action would not send.
        public var rowsCut: Int
        /// Ids that appear more than once (Braze flags each user once).
        public var duplicateIDs: Int
        /// Columns sent as attributes, and columns ignored because they carry no Braze tag.
        public var attributeColumns: [String]
        public var ignoredColumns: [String]
    }

    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case noIDField(columns: [String], tagged: [String])
        public var description: String {
            switch self {
            case .noIDField(let columns, let tagged):
                let hint = tagged.isEmpty ? "no field in the project is tagged braze_id (see 'lookml tag braze-id')"
                    : "the braze_id fields are \(tagged.joined(separator: ", "))"
                return "none of the columns (\(columns.joined(separator: ", "))) is a braze_id field; \(hint)"
            }
        }
    }

    public let project: Project
    public var key: UniqueKey = .external_id
    public var label = "LOOKER_EXPORT"

    public init(project: Project) { self.project = project }

    /// A column's Braze tags and value kind, from the project (the column's view part may be an explore alias).
    func describe(_ column: String) -> (tags: [BrazeTag], kind: ValueKind) {
        let parts = column.split(separator: ".")
        guard parts.count == 2 else { return ([], .string) }
        let alias = String(parts[0]), name = String(parts[1])
        var views = [alias]
        for model in project.models {
            let scope = project.scope(of: model)
            for explore in scope.explores.keys { if let view = scope.aliases(ofExplore: explore)?[alias], !views.contains(view) { views.append(view) } }
        }
        for view in views {
            let fields = project.models.lazy.map { self.project.scope(of: $0).fieldDefinitions(ofView: view) }.first { !$0.isEmpty }
                ?? project.views.filter { $0.name == view }.flatMap(\.fields)
            for field in fields {
                if field.name == name { return (field.tags.compactMap(BrazeTag.init), kind(of: field, timeframe: nil)) }
                if field.kind == .dimension_group, field.expandedNames.contains(name) {
                    return (field.tags.compactMap(BrazeTag.init), kind(of: field, timeframe: String(name.dropFirst(field.name.count + 1))))
                }
            }
        }
        return ([], .string)
    }

    private func kind(of field: FieldDefinition, timeframe: String?) -> ValueKind {
        if let timeframe {
            switch timeframe {
            case "date", "week", "month", "quarter": return .date
            case "raw", "time", "minute", "hour", "second", "millisecond": return .time
            case "year", "day_of_month", "day_of_year", "hour_of_day", "month_num", "week_of_year", "quarter_of_year": return .number
            default: return .string
            }
        }
        switch field.type ?? "string" {
        case "yesno": return .boolean
        case "number", "count", "count_distinct", "sum", "average", "min", "max", "median": return .number
        case "date": return .date
        case "date_time", "time": return .time
        default: return .string
        }
    }

    public func build(_ results: QueryResults) throws(Failure) -> Payload {
        let described = results.fields.map(describe)
        guard let idColumn = described.lastIndex(where: { $0.tags.contains(.id) }) else {
            let tagged = project.views.flatMap { view in view.fields.filter { $0.tags.contains("braze_id") }.map { "\(view.name).\($0.name)" } }
            throw .noIDField(columns: results.fields, tagged: Array(Set(tagged)).sorted())
        }
        var attributes: [(column: Int, name: String)] = []
        var ignored: [String] = []
        for (index, description) in described.enumerated() where index != idColumn {
            let names = description.tags.compactMap { tag -> String? in if case .attribute(let name) = tag { return name } else { return nil } }
            if names.isEmpty { ignored.append(results.fields[index]) }
            for name in names { attributes.append((index, name)) }
        }
        let sent = results.rows.prefix(Self.maximumRows)
        var seen = Set<String>()
        var duplicates = 0
        var bodies: [[UInt8]] = []
        var batch: [[String?]] = []
        func flush() {
            guard !batch.isEmpty else { return }
            var writer = JSONWriter(indent: 0)
            writer.beginObject()
            writer.key("attributes")
            writer.beginArray()
            for row in batch {
                writer.beginObject()
                writer.key(key.rawValue)
                write(row[idColumn], as: described[idColumn].kind == .number ? .number : .string, to: &writer)
                writer.key("_update_existing_only")
                writer.bool(true)
                for attribute in attributes {
                    writer.key(attribute.name)
                    write(row[attribute.column], as: described[attribute.column].kind, to: &writer)
                }
                writer.key("looker_export")
                writer.beginObject()
                writer.key("add")
                writer.beginArray()
                writer.string(label)
                writer.endArray()
                writer.endObject()
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            bodies.append(writer.bytes)
            batch = []
        }
        for row in sent {
            if let id = row[idColumn], !seen.insert(id).inserted { duplicates += 1 }
            batch.append(row)
            if batch.count == Self.batchSize { flush() }
        }
        flush()
        return Payload(bodies: bodies, rowsSent: sent.count, rowsCut: max(0, results.rows.count - Self.maximumRows),
                       duplicateIDs: duplicates, attributeColumns: attributes.map { results.fields[$0.column] }, ignoredColumns: ignored)
    }

    /// Writes a value by kind: yes/no → boolean, numbers → number, dates and times → ISO 8601, empty → null.
    func write(_ value: String?, as kind: ValueKind, to writer: inout JSONWriter) {
        guard let value else { writer.null(); return }
        switch kind {
        case .string:
            writer.string(value)
        case .boolean:
            switch value.lowercased() {
            case "yes", "true", "1": writer.bool(true)
            case "no", "false", "0": writer.bool(false)
            default: writer.string(value)
            }
        case .number:
            if Double(value) != nil, value.allSatisfy({ "0123456789.-+eE".contains($0) }) {
                writer.raw(Array(value.utf8))
            } else {
                writer.string(value)
            }
        case .date:
            writer.string(value.count == 7 ? value + "-01" : value)  // a month (2024-03) becomes its first day
        case .time:
            writer.string(value.replacingOccurrences(of: " ", with: "T"))
        }
    }
}
