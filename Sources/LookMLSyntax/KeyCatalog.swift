/// What the parser and the `lkml-json` writer know about individual LookML keys.
///
/// Key knowledge is data: add a key here, not a branch in the parser.
public enum KeyCatalog {
    /// Keys whose value is an expression block running to `;;`. Inside one, `#`, quotes and braces are SQL,
    /// HTML or Liquid, not LookML.
    public static let expressionKeys: Set<String> = [
        "expression", "expression_custom_filter", "html",
        "sql", "sql_always_having", "sql_always_where", "sql_create", "sql_distinct_key", "sql_end",
        "sql_foreign_key", "sql_latitude", "sql_longitude", "sql_on", "sql_preamble", "sql_start",
        "sql_step", "sql_table_name", "sql_trigger", "sql_trigger_value", "sql_where",
    ]

    /// Keys that may repeat in one block; the Python `lkml` library collects them under a plural key.
    public static let repeatableKeys: Set<String> = [
        "access_filter", "access_grant", "action", "aggregate_table", "allowed_value", "assert",
        "bind_filters", "column", "constant", "datagroup", "derived_column", "dimension", "dimension_group",
        "explore", "extends", "filter", "filters", "form_param", "include", "join", "link",
        "local_dependency", "map_layer", "measure", "named_value_format", "option", "override_constant",
        "param", "parameter", "query", "remote_dependency", "set", "sql_step", "test",
        "user_attribute_param", "view", "when",
    ]

    /// Keys whose block opens a new structural scope that an unterminated expression would never contain:
    /// a line starting with one of them ends a runaway `sql:` block during error recovery.
    static let structuralKeys: Set<String> = [
        "dimension", "dimension_group", "measure", "filter", "parameter", "view", "explore", "join",
    ]

    /// The key `lkml` uses for a repeatable key (`dimension` → `dimensions`, `filters` → `filters__all`).
    public static func pluralKey(for key: String) -> String {
        switch key {
        case "filters", "bind_filters", "extends": return key + "__all"
        case "query": return "queries"
        case "remote_dependency": return "remote_dependencies"
        case "local_dependency": return "local_dependencies"
        default: return key + "s"
        }
    }

    /// True when the key bytes name a repeatable key.
    public static func isRepeatableKey(_ key: ArraySlice<UInt8>) -> Bool {
        key.withUnsafeBufferPointer { isRepeatableKey($0, 0..<$0.count) }
    }

    /// The repeatable keys, for lookups by bytes.
    private static let repeatableKeyTable = ByteKeyTable(repeatableKeys.map { (key: $0, value: ()) })

    /// `isRepeatableKey(_:)` for a range of a file's bytes, without slicing the array. (A parsed field already
    /// knows: `field.knownKey.isRepeatable`.)
    public static func isRepeatableKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        repeatableKeyTable.contains(bytes, range)
    }

    /// `pluralKey(for:)` on bytes, without building strings for the common `+ "s"` case.
    static func pluralKeyBytes(for key: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        switch key.count {
        case 5 where key.elementsEqual("query".utf8), 7 where key.elementsEqual("filters".utf8),
             7 where key.elementsEqual("extends".utf8), 12 where key.elementsEqual("bind_filters".utf8),
             16 where key.elementsEqual("local_dependency".utf8), 17 where key.elementsEqual("remote_dependency".utf8):
            return Array(pluralKey(for: String(decoding: key, as: UTF8.self)).utf8)[...]
        default:
            return (Array(key) + [UInt8(ascii: "s")])[...]
        }
    }

    /// The expression keys, for lookups by bytes.
    private static let expressionKeyTable = ByteKeyTable(expressionKeys.map { (key: $0, value: ()) })

    /// True when the key bytes name an expression key. Builds no `String`: the parser asks for every key.
    @inline(__always)
    static func isExpressionKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        expressionKeyTable.contains(bytes, range)
    }
}
