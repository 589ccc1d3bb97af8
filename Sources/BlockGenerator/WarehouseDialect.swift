/// The SQL dialects the blocks are generated for. Everything that differs between them lives in `DialectSQL`.
public enum WarehouseDialect: String, CaseIterable, Sendable {
    case snowflake
    case postgres

    /// Folds an unquoted identifier the way the warehouse does: Snowflake to upper case, Postgres to lower case.
    public func fold(_ identifier: String) -> String {
        self == .snowflake ? identifier.uppercased() : identifier.lowercased()
    }

    /// The longest identifier the warehouse accepts (Postgres truncates at 63 bytes).
    public var maximumIdentifierLength: Int { self == .snowflake ? 255 : 63 }
}
