import LookMLProject
import LookMLSyntax

/// A replacement of a byte range of one file.
public struct TextEdit: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A safe, mechanical correction of a finding: edits to the finding's file, and what they do in words.
public struct Fix: Hashable, Sendable {
    public var summary: String
    public var edits: [TextEdit]

    public init(_ summary: String, edits: [TextEdit]) {
        self.summary = summary
        self.edits = edits
    }
}

/// One problem a rule found.
public struct LintFinding: Hashable, Sendable {
    /// The rule's code (`LK101`).
    public var code: String
    /// The rule's dotted name (`views.primary_key`).
    public var ruleName: String
    public var severity: Severity
    public var message: String
    /// The project-relative path.
    public var file: String
    public var range: Range<Int>
    public var fix: Fix?

    public init(code: String, ruleName: String, severity: Severity, message: String, file: String, range: Range<Int>, fix: Fix? = nil) {
        self.code = code
        self.ruleName = ruleName
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.fix = fix
    }

    /// The record the shared reporters render.
    public var finding: Finding {
        Finding(id: code, severity: severity, message: message, file: file, range: range)
    }

    /// Findings without repeats, by file, position, code and message (then end and severity, so that the order never
    /// depends on hashing). Grouped by file first: a project's long paths are then compared once per file, not once
    /// per comparison, and files are deduplicated and sorted on all cores.
    static func deduplicatedAndOrdered(_ findings: [LintFinding]) -> [LintFinding] {
        var byFile: [String: [LintFinding]] = [:]
        for finding in findings { byFile[finding.file, default: []].append(finding) }
        let groups = byFile.keys.sorted().map { byFile[$0]! }
        return parallelMap(groups.count) { index in
            var seen = Set<LintFinding>()
            return groups[index].filter { seen.insert($0).inserted }.sorted {
                ($0.range.lowerBound, $0.code, $0.message, $0.range.upperBound, $0.severity.rawValue)
                    < ($1.range.lowerBound, $1.code, $1.message, $1.range.upperBound, $1.severity.rawValue)
            }
        }.flatMap { $0 }
    }
}

/// A rule: a small value type with a static description and a check that reports into a sink. Rules never print.
/// Each rule is either a `FileLintRule` (one file's syntax at a time) or a `ProjectLintRule` (the whole project).
public protocol LintRule: Sendable {
    static var description: RuleDescription { get }
    init()
}

/// A rule that needs only one file's syntax. It runs while the file is loaded, on the loading thread, so the file's
/// tree can be dropped right after.
public protocol FileLintRule: LintRule {
    /// Looks at one file and reports what it finds into `sink`.
    func check(_ file: FileSyntax, _ sink: RuleSink)
}

/// A rule that reads the whole project: the model, every file's summary and what the checker found.
public protocol ProjectLintRule: LintRule {
    /// Looks at the project and reports what it finds into `sink`.
    func check(_ context: LintContext, _ sink: RuleSink)
}

/// A rule as configured: its description, effective severity and options. Made once per lint run and shared by
/// every sink of the rule (a project has tens of thousands of files, each with a sink per file rule).
final class RuleSettings: Sendable {
    let description: RuleDescription
    let severity: Severity
    let options: [String: OptionValue]

    init(description: RuleDescription, severity: Severity, options: [String: OptionValue]) {
        self.description = description
        self.severity = severity
        self.options = options
    }
}

/// Where one rule reports: it knows the rule, its effective severity and options.
public final class RuleSink {
    private let settings: RuleSettings
    public private(set) var findings: [LintFinding] = []

    init(_ settings: RuleSettings) { self.settings = settings }

    public var description: RuleDescription { settings.description }
    public var severity: Severity { settings.severity }
    private var options: [String: OptionValue] { settings.options }

    /// Reports a finding at `location`.
    public func report(_ message: String, at location: SourceRange, fix: Fix? = nil) {
        findings.append(LintFinding(code: settings.description.code, ruleName: settings.description.name, severity: severity,
                                    message: message, file: location.file, range: location.range, fix: fix))
    }

    public func report(_ message: String, file: String, range: Range<Int>, fix: Fix? = nil) {
        report(message, at: SourceRange(file: file, range: range), fix: fix)
    }

    /// The value of an option: configured, else the rule's default.
    public func option(_ name: String) -> OptionValue? { options[name] ?? description.defaultValue(of: name) }

    public func int(_ name: String) -> Int {
        if case .int(let value)? = option(name) { return value }
        return 0
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let value)? = option(name) { return value }
        return false
    }

    public func strings(_ name: String) -> [String] {
        switch option(name) {
        case .strings(let values)?: return values
        case .string(let value)?: return [value]
        default: return []
        }
    }
}
