import LookMLSyntax
@_exported import NameSuggestions

/// A problem found in a project, with a stable id, a location and an optional suggestion. The one record every
/// reporter renders.
public struct Finding: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var message: String
    public var file: String
    public var range: Range<Int>
    /// A "did you mean" replacement for the text at `range`.
    public var suggestion: String?

    public init(id: String, severity: Severity, message: String, file: String, range: Range<Int>, suggestion: String? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.suggestion = suggestion
    }

    /// The short code (`C002`).
    public var code: String { id.hasPrefix("LKM-") ? String(id.dropFirst(4)) : id }
}

/// The catalog of `lookml check` findings, ordered by id. Ids are stable.
public enum CheckMessages {
    public static let unknownView = ("LKM-C001", Severity.error)
    public static let unknownField = ("LKM-C002", Severity.error)
    public static let unknownExplore = ("LKM-C003", Severity.error)
    public static let unknownModel = ("LKM-C004", Severity.error)
    public static let unknownConstant = ("LKM-C005", Severity.error)
    public static let unknownSet = ("LKM-C006", Severity.error)
    public static let notJoined = ("LKM-C007", Severity.error)
    public static let duplicateDefinition = ("LKM-C008", Severity.error)
    public static let duplicateField = ("LKM-C009", Severity.error)
    public static let extendsCycle = ("LKM-C010", Severity.error)
    public static let includeMatchesNothing = ("LKM-C011", Severity.warning)
    public static let invalidDashboard = ("LKM-C012", Severity.error)
    public static let namingMismatch = ("LKM-C013", Severity.error)
}
