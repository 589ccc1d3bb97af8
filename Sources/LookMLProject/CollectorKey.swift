import LookMLSyntax

/// The keys the collectors act on, recognised from a field's key bytes without making a string (the collectors
/// look at every key of every file, so this is on the hottest path of loading a project).
enum CollectorKey: UInt8, CaseIterable {
    case other
    case view, explore, connection, constant, include
    case dimension, dimension_group, measure, filter, parameter
    case set, extends, `extension`, sql_table_name, derived_table
    case from, view_name, join, required_joins, explore_source, suggest_explore
    case type, sql, hidden, tags, timeframes, intervals, value, primary_key
    // Keys whose list items (or pair keys) are field references.
    case fields, drill_fields, required_fields, dimensions, measures, unless, pivots, sorts, filters, hidden_fields
    // Keys whose single value is a field reference.
    case field, foreign_key, suggest_dimension, to_field

    /// True for keys whose list items (or pair keys) are field references: `view.field`, `field`, `view.*`, `set*`.
    var listsFields: Bool {
        switch self {
        case .fields, .drill_fields, .required_fields, .dimensions, .measures, .unless, .pivots, .sorts, .filters, .hidden_fields: return true
        default: return false
        }
    }

    /// True for keys whose single value is a field reference.
    var namesField: Bool {
        switch self {
        case .field, .foreign_key, .suggest_dimension, .to_field: return true
        default: return false
        }
    }

    /// The field kind a key declares (`dimension`, `measure`, …), if it is one.
    var fieldKind: FieldDefinition.Kind? {
        switch self {
        case .dimension: return .dimension
        case .dimension_group: return .dimension_group
        case .measure: return .measure
        case .filter: return .filter
        case .parameter: return .parameter
        default: return nil
        }
    }

    /// The collector's keys by key number (the parser looked every key up once).
    private static let byKnownKey = KnownKey.table(allCases.filter { $0 != .other }.map { (name: String(describing: $0), value: $0) }, fallback: .other)

    /// The key a field's key number stands for.
    static func of(_ key: KnownKey) -> CollectorKey { byKnownKey[Int(key.rawValue)] }
}

extension SyntaxAccess {
    /// A field's key as a `CollectorKey`.
    func keyID(_ field: Field) -> CollectorKey { CollectorKey.of(field.knownKey) }

    /// The first field with `key` among `items`.
    func first(_ key: CollectorKey, in items: [Item]) -> Field? {
        fields(items).first { keyID($0) == key }
    }
}
