import LookMLSyntax

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

/// Levenshtein distance, for "did you mean".
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The closest candidate within a distance that scales with the name's length, or nil.
public func nearestName<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
    let limit = max(2, name.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(name, candidate)
        if distance <= limit, distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate < best!.0) {
            best = (candidate, distance)
        }
    }
    return best?.0
}
