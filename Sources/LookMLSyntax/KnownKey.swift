#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A LookML key the toolkit reads, by number. The parser looks each field's key up once and records its number on
/// the field (`Field.knownKey`); readers then compare numbers, or index their own tables by `rawValue`, instead of
/// comparing the key's bytes again in every pass over a file.
///
/// Keys not in `names` are `.unknown` (number 0): readers that care about them compare bytes.
public struct KnownKey: Hashable, Sendable {
    public let rawValue: UInt16

    @inlinable
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The number of a key not in `names`.
    public static let unknown = KnownKey(rawValue: 0)

    /// The keys that have a number, by number (index 0, the empty string, stands for unknown keys). Add a key here
    /// to read it by number; the catalog's expression and repeatable keys are always included.
    public static let names: [String] = {
        let read: Set<String> = [
            // Files and models.
            "view", "explore", "include", "connection", "constant", "datagroup", "access_grant", "test",
            // Views and explores.
            "dimension", "dimension_group", "measure", "filter", "parameter", "set", "extends", "extension",
            "derived_table", "explore_source", "from", "view_name", "join", "relationship", "required_joins",
            "suggest_explore", "suggest_dimension", "always_filter", "conditionally_filter",
            // Fields.
            "type", "hidden", "tags", "timeframes", "intervals", "value", "primary_key", "label", "description",
            "group_label", "view_label", "datatype", "default_value", "allowed_value", "list_field", "else",
            // Keys whose values name fields.
            "fields", "drill_fields", "required_fields", "dimensions", "measures", "unless", "pivots", "sorts",
            "filters", "hidden_fields", "field", "foreign_key", "to_field",
        ]
        return [""] + read.union(KeyCatalog.expressionKeys).union(KeyCatalog.repeatableKeys).union(KeyCatalog.structuralKeys).sorted()
    }()

    /// How many numbers there are, unknown included: the size of a table indexed by `rawValue`.
    public static var count: Int { names.count }

    private static let numbers: [String: UInt16] = Dictionary(uniqueKeysWithValues: names.enumerated().dropFirst().map { ($1, UInt16($0)) })
    private static let table = ByteKeyTable(names.enumerated().dropFirst().map { (key: $1, value: KnownKey(rawValue: UInt16($0))) })
    /// Per number: true for expression keys (their value runs to `;;`).
    @usableFromInline static let expressionFlags: [Bool] = names.map { KeyCatalog.expressionKeys.contains($0) }
    /// Per number: true for keys that may repeat in one block.
    @usableFromInline static let repeatableFlags: [Bool] = names.map { KeyCatalog.repeatableKeys.contains($0) }

    /// The number of a key by name; a name missing from `names` is a programming error.
    public init(_ name: String) {
        guard let number = Self.numbers[name] else { preconditionFailure("'\(name)' is not in KnownKey.names") }
        rawValue = number
    }

    /// The key's name ("" for unknown keys).
    public var name: String { Self.names[Int(rawValue)] }

    /// The number of the key written at `range` of `bytes`, or `.unknown`.
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> KnownKey {
        table.value(bytes, range) ?? .unknown
    }

    /// True for keys whose value is an expression block running to `;;` (`KeyCatalog.expressionKeys`).
    @inlinable public var isExpressionKey: Bool { Self.expressionFlags[Int(rawValue)] }

    /// True for keys that may repeat in one block (`KeyCatalog.repeatableKeys`).
    @inlinable public var isRepeatable: Bool { Self.repeatableFlags[Int(rawValue)] }

    /// A table from key numbers to a reader's own values: `values` by key name, `fallback` for every other number.
    /// Index it with `rawValue`.
    public static func table<Value>(_ values: [(name: String, value: Value)], fallback: Value) -> [Value] {
        var table = [Value](repeating: fallback, count: count)
        for (name, value) in values { table[Int(KnownKey(name).rawValue)] = value }
        return table
    }
}

/// A set of key numbers: which known keys a file uses anywhere (`SyntaxTree.keysPresent`), so a rule about a rare
/// key can skip the files that never write it without walking them.
public struct KnownKeySet: Sendable {
    /// One bit per key number.
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init() {
        precondition(KnownKey.count <= 256, "KnownKeySet holds 256 key numbers")
    }

    public mutating func insert(_ key: KnownKey) {
        let bit = UInt64(1) << UInt64(key.rawValue & 63)
        switch key.rawValue >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    public func contains(_ key: KnownKey) -> Bool {
        let word: UInt64
        switch key.rawValue >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return (word >> UInt64(key.rawValue & 63)) & 1 == 1
    }
}
