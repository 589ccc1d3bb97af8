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

    /// The repeatable keys as bytes, bucketed by first byte, for lookups that build no `String`.
    private static let repeatableKeyBuckets: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for key in repeatableKeys { buckets[Int(key.utf8.first!)].append(Array(key.utf8)) }
        return buckets
    }()

    /// True when the key bytes name a repeatable key.
    public static func isRepeatableKey(_ key: ArraySlice<UInt8>) -> Bool {
        guard let first = key.first else { return false }
        for candidate in repeatableKeyBuckets[Int(first)] where candidate.count == key.count && candidate.elementsEqual(key) {
            return true
        }
        return false
    }

    /// `isRepeatableKey(_:)` for a range of a file's bytes, without slicing the array.
    public static func isRepeatableKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        let key = UnsafeBufferPointer(rebasing: bytes[range])
        for candidate in repeatableKeyBuckets[Int(key[0])] where candidate.count == key.count && candidate.elementsEqual(key) {
            return true
        }
        return false
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

    /// The expression keys as bytes, bucketed by length.
    private static let expressionKeyBuckets: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 33)
        for key in expressionKeys { buckets[key.utf8.count].append(Array(key.utf8)) }
        return buckets
    }()

    /// True when the key bytes name an expression key. Builds no `String`: the parser asks for every key.
    @inline(__always)
    static func isExpressionKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 3, range.count <= 32 else { return false }
        let first = bytes[range.lowerBound]
        guard first == UInt8(ascii: "s") || first == UInt8(ascii: "h") || first == UInt8(ascii: "e") else { return false }
        let key = UnsafeBufferPointer(rebasing: bytes[range])
        for candidate in expressionKeyBuckets[range.count] where candidate.elementsEqual(key) { return true }
        return false
    }
}
