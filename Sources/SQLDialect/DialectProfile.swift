/// Everything the compiler and the validator know about one SQL dialect, declared as data.
///
/// A profile starts from `DialectProfile.base` (what Snowflake and Postgres share) and each dialect file overrides
/// what differs (`Dialects/Snowflake.swift`, `Dialects/Postgres.swift`). Adding a dialect is one new file plus its
/// line in `DialectProfile.all`.
///
/// Templates are SQL text with placeholders in braces: `{x}` the expression, `{n}` a number, `{start}` / `{end}` the
/// two ends of a duration, `{unit}` a date part, `{p}` a fraction, `{value}` a literal's text, `{a}` / `{b}` operands.
public struct DialectProfile: Sendable {
    /// How unquoted identifiers are stored.
    public enum IdentifierCase: String, Sendable {
        case upper, lower
    }

    /// The name used on the command line (`snowflake`).
    public var name: String
    /// The name used in messages (`Snowflake`).
    public var displayName: String

    // MARK: Identifiers

    public var identifierCase: IdentifierCase
    /// The character that quotes identifiers.
    public var identifierQuote: Character = "\""
    /// The longest identifier, in bytes; longer ones are truncated (Postgres, with a notice) or rejected.
    public var maximumIdentifierLength: Int = 255
    /// Words that cannot be used as unquoted identifiers (upper case).
    public var reservedWords: Set<String> = []
    /// Words that may be followed by `(` without being a function call (`IN (`, `OVER (`, `GROUP (`).
    public var nonFunctionKeywords: Set<String> = []

    // MARK: Functions, types, operators

    /// Functions by upper-case name.
    public var functions: [String: FunctionSignature] = [:]
    /// What to write instead of another dialect's function, by upper-case name (`IFF` → `CASE WHEN … END`).
    public var equivalents: [String: String] = [:]
    /// Type names accepted by `CAST(x AS T)` and `x::T` (upper case; several words joined by one space).
    public var types: Set<String> = []
    /// What to write instead of another dialect's type (`VARIANT` → `JSONB`).
    public var typeEquivalents: [String: String] = [:]
    /// Operators the dialect lacks, with what to write instead (`->>` on Snowflake).
    public var unsupportedOperators: [String: String] = [:]
    /// `x:key` reads a JSON path (Snowflake's semi-structured access). When false, the hint says what to write.
    public var jsonPathColon: Bool = false
    public var jsonPathHint: String = ""
    /// `COUNT(DISTINCT a, b)` with more than one expression.
    public var multiColumnCountDistinct: Bool = false
    public var multiColumnCountDistinctHint: String = ""
    /// `COUNT(DISTINCT x) OVER (…)`: DISTINCT in a window aggregate.
    public var distinctWindowAggregates: Bool = false
    public var distinctWindowAggregatesHint: String = ""
    /// A subquery in FROM or JOIN must have an alias.
    public var subqueryAliasRequired: Bool = false
    /// `\'` escapes a quote inside a string literal (Snowflake); in standard SQL only `''` does.
    public var backslashEscapesInStrings: Bool = false

    // MARK: Values and arithmetic

    /// `integer / integer` truncates to an integer (Postgres); Snowflake returns a decimal.
    public var integerDivisionTruncates: Bool = false
    /// How to make an operand a floating-point number, for the integer-division hint.
    public var floatCast: String = "CAST({x} AS DOUBLE PRECISION)"
    public var trueLiteral: String = "TRUE"
    public var falseLiteral: String = "FALSE"
    /// String concatenation.
    public var concatenation: String = "{a} || {b}"

    // MARK: Dates and times

    /// A timestamp from `dimension_group` data types (`epoch`, `yyyymmdd`, `date`, `datetime`, `timestamp`), by name.
    public var datatypes: [String: String] = [:]
    /// The SQL of each `dimension_group` timeframe over the raw timestamp `{x}`. `hourN` / `minuteN` stand for
    /// `hour2`, `minute15`, … with `{n}` the number.
    public var timeframes: [String: String] = [:]
    /// The SQL of each `type: duration` interval between `{start}` and `{end}`.
    public var durations: [String: String] = [:]
    /// The current timestamp.
    public var now: String = "CURRENT_TIMESTAMP"
    /// `{x}` truncated to `{unit}` (day, week, month, quarter, year, hour, minute, second).
    public var dateTrunc: String = "DATE_TRUNC('{unit}', {x})"
    /// `{x}` plus `{n}` `{unit}`s (`{n}` may be negative). Quarters arrive as three months.
    public var dateAdd: String = ""
    /// A timestamp literal from `YYYY-MM-DD[ HH:MM:SS]` text.
    public var timestampLiteral: String = "TIMESTAMP '{value}'"

    // MARK: Measures

    public var median: String = "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {x})"
    public var percentile: String = "PERCENTILE_CONT({p}) WITHIN GROUP (ORDER BY {x})"
    /// `type: list`: the distinct values joined.
    public var list: String = ""

    public init(name: String, displayName: String, identifierCase: IdentifierCase) {
        self.name = name
        self.displayName = displayName
        self.identifierCase = identifierCase
    }
}

/// How many arguments a function takes, and what it is.
public struct FunctionSignature: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable {
        case aggregate, window, string, math, dateTime = "date/time", json, conditional, conversion, other
    }

    public var minimum: Int
    /// Nil when any number of arguments above the minimum is accepted.
    public var maximum: Int?
    public var category: Category
    /// What to write instead when the call does not fit (`TO_DATE(x)` on Postgres → `CAST(x AS DATE)`).
    public var hint: String?
    /// False for keywords that look like functions but take no parentheses (`CURRENT_DATE` on Postgres).
    public var takesParentheses: Bool = true

    public init(minimum: Int, maximum: Int?, category: Category, hint: String? = nil, takesParentheses: Bool = true) {
        self.minimum = minimum
        self.maximum = maximum
        self.category = category
        self.hint = hint
        self.takesParentheses = takesParentheses
    }

    public func accepts(_ count: Int) -> Bool {
        count >= minimum && (maximum.map { count <= $0 } ?? true)
    }

    /// `2`, `1-3`, `1 or more`, in messages.
    public var arityDescription: String {
        guard let maximum else { return "\(minimum) or more" }
        if maximum == minimum { return "\(minimum)" }
        return "\(minimum) to \(maximum)"
    }
}

extension DialectProfile {
    /// Every dialect, by command-line name.
    public static let all: [DialectProfile] = [.snowflake, .postgres]

    public static func named(_ name: String) -> DialectProfile? {
        all.first { $0.name == name.lowercased() }
    }

    /// Adds functions from a compact table: `NAME arity` pairs separated by spaces or newlines, where arity is
    /// `2` (exactly), `1-3` (a range), `1+` (at least) or `none` (written without parentheses).
    public mutating func addFunctions(_ category: FunctionSignature.Category, _ table: String) {
        let words = table.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init)
        precondition(words.count % 2 == 0, "function table must be NAME arity pairs: \(table)")
        for index in stride(from: 0, to: words.count, by: 2) {
            let name = words[index].uppercased(), arity = words[index + 1]
            functions[name] = FunctionSignature.parse(arity, category: category)
        }
    }

    /// Removes functions this dialect lacks (they then count as another dialect's, with `equivalents` as the hint).
    public mutating func removeFunctions(_ names: String) {
        for name in names.split(whereSeparator: { $0 == " " || $0 == "\n" }) { functions[String(name).uppercased()] = nil }
    }

    /// Adds type names, one per line or separated by commas.
    public mutating func addTypes(_ list: String) {
        for name in list.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let normalized = name.split(separator: " ").joined(separator: " ").uppercased()
            if !normalized.isEmpty { types.insert(normalized) }
        }
    }

    public mutating func addWords(_ list: String, to keyPath: WritableKeyPath<DialectProfile, Set<String>>) {
        for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) { self[keyPath: keyPath].insert(String(word).uppercased()) }
    }

    /// The signature of a function, by any case of its name.
    public func function(_ name: String) -> FunctionSignature? { functions[name.uppercased()] }

    /// Folds an unquoted identifier the way the dialect stores it.
    public func fold(_ identifier: String) -> String {
        identifierCase == .upper ? identifier.uppercased() : identifier.lowercased()
    }

    /// An identifier as written in SQL: bare when it is a plain word that is not reserved, quoted otherwise.
    public func quoteIfNeeded(_ identifier: String) -> String {
        let plain = !identifier.isEmpty && identifier.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
            && !(identifier.unicodeScalars.first!.properties.numericType != nil)
        if plain && !reservedWords.contains(identifier.uppercased()) { return identifier }
        return quote(identifier)
    }

    /// An identifier in quotes, with embedded quotes doubled.
    public func quote(_ identifier: String) -> String {
        var quoted = String(identifierQuote)
        for character in identifier {
            quoted.append(character)
            if character == identifierQuote { quoted.append(character) }
        }
        quoted.append(identifierQuote)
        return quoted
    }

    /// A column name that fits `maximumIdentifierLength`: itself when it fits, else its start and a hash of the whole,
    /// so that long names stay distinct (`users_messages_pushnotification_influencedopen.canvas_variation_id`).
    public func fittingIdentifier(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > maximumIdentifierLength else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let suffix = "_" + String(String(hash, radix: 16).suffix(8))
        var prefix = bytes.prefix(maximumIdentifierLength - suffix.utf8.count)
        // Do not cut a UTF-8 sequence in half.
        while let last = prefix.last, last & 0b1100_0000 == 0b1000_0000 { prefix.removeLast() }
        if let last = prefix.last, last >= 0b1100_0000 { prefix.removeLast() }
        return String(decoding: prefix, as: UTF8.self) + suffix
    }

    /// Fills a template's placeholders.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == "{", let close = template[index...].firstIndex(of: "}"),
               let value = values[String(template[template.index(after: index)..<close])] {
                result += value
                index = template.index(after: close)
            } else {
                result.append(template[index])
                index = template.index(after: index)
            }
        }
        return result
    }

    /// The SQL of a timeframe over `expression`, or nil for a timeframe the profile does not know.
    /// `hour6` and `minute15` use the `hourN` / `minuteN` templates.
    public func timeframeSQL(_ timeframe: String, _ expression: String) -> String? {
        if let template = timeframes[timeframe] { return Self.fill(template, ["x": expression]) }
        for family in ["hour", "minute", "second", "millisecond"] where timeframe.hasPrefix(family) {
            let digits = timeframe.dropFirst(family.count)
            guard let n = Int(digits), n > 0, let template = timeframes[family + "N"] else { continue }
            return Self.fill(template, ["x": expression, "n": String(n)])
        }
        return nil
    }

    /// The SQL of a duration interval (`day`, `hour`, …) between two timestamps.
    public func durationSQL(_ interval: String, start: String, end: String) -> String? {
        durations[interval].map { Self.fill($0, ["start": start, "end": end]) }
    }

    /// A timestamp from a `dimension_group` `datatype:` (default `timestamp`).
    public func timestampSQL(datatype: String, _ expression: String) -> String? {
        datatypes[datatype].map { Self.fill($0, ["x": expression]) }
    }
}

extension FunctionSignature {
    static func parse(_ arity: String, category: Category) -> FunctionSignature {
        if arity == "none" { return FunctionSignature(minimum: 0, maximum: 0, category: category, takesParentheses: false) }
        if arity.hasSuffix("+"), let minimum = Int(arity.dropLast()) { return FunctionSignature(minimum: minimum, maximum: nil, category: category) }
        let parts = arity.split(separator: "-")
        if parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) { return FunctionSignature(minimum: low, maximum: high, category: category) }
        guard let exact = Int(arity) else { preconditionFailure("bad arity '\(arity)'") }
        return FunctionSignature(minimum: exact, maximum: exact, category: category)
    }
}
