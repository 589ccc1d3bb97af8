/// Where Snowflake and Postgres differ, in one place: every dialect-specific SQL snippet the generator writes.
///
/// | need                    | Snowflake                          | Postgres                                   |
/// |-------------------------|------------------------------------|--------------------------------------------|
/// | epoch seconds → time    | `TO_TIMESTAMP(x)`                  | `to_timestamp(x)`                          |
/// | JSON text, one key      | `PARSE_JSON(x):key::STRING`        | `(x::json)->>'key'`                        |
/// | conditional             | `IFF(c, a, b)`                     | `CASE WHEN c THEN a ELSE b END`            |
/// | whole days between      | `DATEDIFF('day', a, b)`            | `(CAST(b AS DATE) - CAST(a AS DATE))`      |
/// | rate                    | `a / NULLIF(b, 0)`                 | `CAST(a AS DOUBLE PRECISION) / NULLIF(b, 0)` |
/// | distinct pairs          | one key `a || '|' || b` when both are set (Postgres has no `COUNT(DISTINCT a, b)`) |
public struct DialectSQL: Sendable {
    public let dialect: WarehouseDialect

    public init(_ dialect: WarehouseDialect) { self.dialect = dialect }

    var isSnowflake: Bool { dialect == .snowflake }

    /// A timestamp from integer UNIX epoch seconds.
    public func timestamp(fromEpoch expression: String) -> String {
        isSnowflake ? "TO_TIMESTAMP(\(expression))" : "to_timestamp(\(expression))"
    }

    /// The text at `key` of JSON held as text; `key` may be Liquid (`{% parameter k %}`, an unquoted parameter).
    public func jsonText(_ expression: String, key: String) -> String {
        isSnowflake ? "PARSE_JSON(\(expression)):\(key)::STRING" : "(\(expression)::json)->>'\(key)'"
    }

    /// `a` when `condition` holds, else `b`.
    public func iff(_ condition: String, _ a: String, _ b: String) -> String {
        isSnowflake ? "IFF(\(condition), \(a), \(b))" : "CASE WHEN \(condition) THEN \(a) ELSE \(b) END"
    }

    /// Whole calendar days from timestamp `start` to timestamp `end`.
    public func daysBetween(_ start: String, _ end: String) -> String {
        isSnowflake ? "DATEDIFF('day', \(start), \(end))" : "(CAST(\(end) AS DATE) - CAST(\(start) AS DATE))"
    }

    /// `numerator / denominator` as a floating-point number, NULL when the denominator is 0.
    public func ratio(_ numerator: String, _ denominator: String) -> String {
        isSnowflake ? "\(numerator) / NULLIF(\(denominator), 0)"
            : "CAST(\(numerator) AS DOUBLE PRECISION) / NULLIF(\(denominator), 0)"
    }

    /// One text key for the pair (a, b), NULL unless both are set: what `COUNT(DISTINCT …)` counts for pairs.
    public func pairKey(_ a: String, _ b: String) -> String {
        iff("\(a) IS NOT NULL AND \(b) IS NOT NULL", "\(a) || '|' || \(b)", "NULL")
    }

    /// The start of the week / month / day containing a timestamp, as a date.
    public func periodStart(_ period: String, _ timestamp: String) -> String {
        "CAST(DATE_TRUNC('\(period)', \(timestamp)) AS DATE)"
    }

    /// The SQL type of a column type.
    public func typeName(_ type: ColumnType) -> String {
        switch (type, dialect) {
        case (.string, .snowflake), (.json, .snowflake): return "VARCHAR"
        case (.string, .postgres), (.json, .postgres): return "TEXT"
        case (.integer, _), (.time, _): return "BIGINT"
        case (.float, .snowflake): return "FLOAT"
        case (.float, .postgres): return "DOUBLE PRECISION"
        case (.boolean, _): return "BOOLEAN"
        case (.timestamp, .snowflake): return "TIMESTAMP_NTZ"
        case (.timestamp, .postgres): return "TIMESTAMP"
        case (.date, _): return "DATE"
        }
    }

    /// A typed NULL, for union branches that lack a column.
    public func null(_ type: ColumnType) -> String { "CAST(NULL AS \(typeName(type)))" }
}
