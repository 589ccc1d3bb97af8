/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable diagnostic identifier such as `LKM-P001`. Its `code` (`P001`) is what users see and suppress.
public struct MessageID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The short code, e.g. `P001`.
    public var code: String { rawValue.hasPrefix("LKM-") ? String(rawValue.dropFirst(4)) : rawValue }
    public var description: String { rawValue }
}

/// A problem found in a source file, pointing at a byte range.
public struct Diagnostic: Sendable {
    /// A secondary location that explains the problem ("block opened here").
    public struct Note: Sendable {
        public var message: String
        public var range: Range<Int>
        public init(message: String, range: Range<Int>) {
            self.message = message
            self.range = range
        }
    }

    public var id: MessageID
    public var severity: Severity
    public var message: String
    /// Byte range in the file the diagnostic belongs to.
    public var range: Range<Int>
    public var notes: [Note]

    public init(id: MessageID, severity: Severity, message: String, range: Range<Int>, notes: [Note] = []) {
        self.id = id
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
    }
}
