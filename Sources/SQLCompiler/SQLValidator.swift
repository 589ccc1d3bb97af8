import LookMLProject
import LookMLSyntax
import SQLDialect

/// The catalog of `lookml validate` findings, ordered by id. Ids are stable.
public enum SQLMessages {
    public static let unknownFunction = ("LKM-S001", Severity.warning)
    public static let wrongArity = ("LKM-S002", Severity.error)
    public static let unsupportedFunction = ("LKM-S003", Severity.error)
    public static let unsupportedSyntax = ("LKM-S004", Severity.error)
    public static let unsupportedType = ("LKM-S005", Severity.error)
    public static let unbalancedParenthesis = ("LKM-S006", Severity.error)
    public static let unterminated = ("LKM-S007", Severity.error)
    public static let unresolvedReference = ("LKM-S008", Severity.error)
    public static let integerDivision = ("LKM-S009", Severity.warning)
    public static let caseSensitiveIdentifier = ("LKM-S010", Severity.warning)
    public static let notCompiled = ("LKM-S011", Severity.warning)

    static func entry(for kind: SQLIssue.Kind) -> (String, Severity) {
        switch kind {
        case .unknownFunction: return unknownFunction
        case .wrongArity: return wrongArity
        case .unsupportedFunction: return unsupportedFunction
        case .unsupportedSyntax: return unsupportedSyntax
        case .unsupportedType: return unsupportedType
        case .unbalancedParenthesis: return unbalancedParenthesis
        case .unterminated: return unterminated
        case .integerDivision: return integerDivision
        case .caseSensitiveIdentifier: return caseSensitiveIdentifier
        }
    }
}

/// Offline validation: every explore compiled to SQL and checked against a dialect profile. Each finding points at
/// the LookML where the offending text was written and names the explore and the field (or join, or parameter).
public struct SQLValidator: Sendable {
    public let compiler: SQLCompiler
    public let profile: DialectProfile

    public init(compiler: SQLCompiler, dialect: DialectProfile) {
        self.compiler = compiler
        self.profile = dialect
    }

    /// The findings of the explores `include` selects (all by default), sorted by file and position, each location
    /// reported once (for the first explore that shows it).
    public func validate(include: (_ model: String, _ explore: String) -> Bool = { _, _ in true }) -> [Finding] {
        Self.merge(compiler.explores().filter { include($0.model, $0.explore) }.map { validate(model: $0.model, explore: $0.explore) })
    }

    /// The findings of several explores (in explore order) as one sorted list, each location once, for the first
    /// explore that shows it. Lets a caller validate explores in parallel.
    public static func merge(_ perExplore: [[Finding]]) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        for list in perExplore {
            for finding in list where seen.insert("\(finding.id)|\(finding.file)|\(finding.range.lowerBound)").inserted {
                findings.append(finding)
            }
        }
        return findings.sorted { ($0.file, $0.range.lowerBound, $0.id) < ($1.file, $1.range.lowerBound, $1.id) }
    }

    /// The findings of one explore, compiled with every dimension and measure.
    public func validate(model: String, explore: String) -> [Finding] {
        guard let query = try? compiler.compile(model: model, explore: explore, dialect: profile) else { return [] }
        return findings(in: query)
    }

    /// The findings of a compiled query.
    public func findings(in query: CompiledQuery) -> [Finding] {
        let checker = SQLChecker(profile: profile)
        var findings: [Finding] = []
        let where_ = "explore '\(query.explore)'"
        func add(_ entry: (String, Severity), _ message: String, hint: String?, _ location: SourceRange, owner: SQLOwner?, suggestion: String? = nil) {
            let context = owner.map { "\(where_), \($0)" } ?? where_
            let advice = hint.map { "; in \(profile.displayName) write \($0)" } ?? ""
            findings.append(Finding(id: entry.0, severity: entry.1, message: "\(message)\(advice) (\(context))",
                                    file: location.file, range: location.range, suggestion: suggestion))
        }

        // What the compiler could not resolve or translate.
        for diagnostic in query.diagnostics {
            let entry = diagnostic.kind == .unresolvedReference || diagnostic.kind == .notJoined ? SQLMessages.unresolvedReference : SQLMessages.notCompiled
            add(entry, diagnostic.message, hint: nil, diagnostic.location, owner: diagnostic.owner, suggestion: diagnostic.suggestion)
        }

        // Balance of each LookML text as written, Liquid and substitutions counted as single tokens.
        for (text, owner) in query.expressions {
            let bytes = Array(text.text.utf8)
            let exact = (!text.isString || !bytes.contains(UInt8(ascii: "\\"))) && bytes.count == text.location.range.count
            for issue in checker.balanceIssues(bytes) {
                let base = text.location.range.lowerBound
                let location = exact ? SourceRange(file: text.location.file, range: base + issue.range.lowerBound..<base + issue.range.upperBound) : text.location
                add(SQLMessages.entry(for: issue.kind), issue.message, hint: issue.hint, location, owner: owner)
            }
        }

        // The dialect, on the compiled SQL: each column on its own (an unterminated string in one cannot hide the
        // others), then the rest of the query with the columns blanked out.
        let sql = Array(query.sql.utf8)
        let aliases = checker.quotedAliases(in: sql)
        var issues: [SQLIssue] = []
        var rest = sql
        func shifted(_ found: [SQLIssue], by offset: Int) -> [SQLIssue] {
            found.map { issue in
                var issue = issue
                issue.range = issue.range.lowerBound + offset..<issue.range.upperBound + offset
                return issue
            }
        }
        for field in query.fields where !field.outputRange.isEmpty {
            let range = field.outputRange
            let column = Array(sql[range])
            issues += shifted(checker.dialectIssues(column, aliases: aliases), by: range.lowerBound)
            if field.kind == .measure, field.type == "number" || field.type == nil {
                issues += shifted(checker.integerDivisions(column), by: range.lowerBound)
            }
            rest.replaceSubrange(range, with: [UInt8(ascii: "0")] + Array(repeating: UInt8(ascii: " "), count: range.count - 1))
        }
        issues += checker.dialectIssues(rest, aliases: aliases)
        for issue in issues {
            guard let segment = query.sourceMap.segment(at: issue.range.lowerBound), segment.isVerbatim,
                  let (location, owner) = query.location(of: issue.range) else { continue }
            add(SQLMessages.entry(for: issue.kind), issue.message, hint: issue.hint, location, owner: owner, suggestion: issue.replacement)
        }
        return findings
    }
}

/// Shell-style matching of explore names: `*` any run, `?` one character.
public func globMatches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern), t = Array(text)
    var pi = 0, ti = 0, star = -1, mark = 0
    while ti < t.count {
        if pi < p.count, p[pi] == "?" || p[pi] == t[ti] { pi += 1; ti += 1 }
        else if pi < p.count, p[pi] == "*" { star = pi; mark = ti; pi += 1 }
        else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
        else { return false }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
}
