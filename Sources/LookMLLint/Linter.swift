import LookMLProject
import LookMLSyntax

/// What the file rules found in one file, its suppression comments, and what the project rules need of it.
public struct FileLintResult: Sendable {
    public var findings: [LintFinding]
    public var summary: FileSummary
    public var directives: [SuppressionDirective]
    public var malformed: [MalformedSuppression]
}

/// What one lint run found.
public struct LintResult: Sendable {
    /// Findings after configuration and suppressions, in file and byte order.
    public var findings: [LintFinding]
    /// How many findings suppression comments hid.
    public var suppressedCount: Int
}

/// Runs the enabled rules over a project, applies severities, paths and suppression comments, and reports
/// malformed and unused suppressions.
public struct Linter: Sendable {
    public let configuration: LintConfiguration
    public let rules: [any LintRule.Type]
    /// Findings from outside (the offline SQL validator), reported by `sql.dialect`.
    public let externalFindings: [ExternalFinding]
    /// The enabled rules that look at one file at a time, and those that read the whole project, with their settings.
    private let fileRules: [(rule: any FileLintRule.Type, settings: RuleSettings)]
    private let projectRules: [(rule: any ProjectLintRule.Type, settings: RuleSettings)]
    /// Every rule's description, for suppression comments.
    private let descriptions: [RuleDescription]

    public init(configuration: LintConfiguration = LintConfiguration(), rules: [any LintRule.Type] = RuleRegistry.rules,
                externalFindings: [ExternalFinding] = []) {
        self.configuration = configuration
        self.rules = rules
        self.externalFindings = externalFindings
        func settings(_ description: RuleDescription) -> RuleSettings {
            RuleSettings(description: description, severity: configuration.severity(of: description), options: configuration.options(of: description))
        }
        fileRules = rules.compactMap { $0 as? any FileLintRule.Type }.filter { configuration.isEnabled($0.description) }
            .map { ($0, settings($0.description)) }
        projectRules = rules.compactMap { $0 as? any ProjectLintRule.Type }.filter { configuration.isEnabled($0.description) }
            .map { ($0, settings($0.description)) }
        descriptions = rules.map { $0.description }
    }

    /// Runs the file rules on one file, while its tree is at hand, and keeps what the project rules need.
    /// `lookml lint` calls this as each file is loaded (see `ProjectFile.init(…inspectingTree:)`), so the project's
    /// trees are never all in memory; `lint(_:files:)` calls it for files it is not handed.
    public func lintFile(_ file: ProjectFile, tree: SyntaxTree?) -> FileLintResult {
        let syntax = FileSyntax(file: file, tree: tree)
        var findings: [LintFinding] = []
        if configuration.reports(file.path) {
            for (rule, settings) in fileRules {
                let sink = RuleSink(settings)
                rule.init().check(syntax, sink)
                findings += sink.findings
            }
        }
        let (directives, malformed) = SuppressionScanner(rules: descriptions).scan(file, tree: tree)
        return FileLintResult(findings: findings, summary: syntax.summary, directives: directives, malformed: malformed)
    }

    /// Lints a project. `files` holds what `lintFile` returned for files linted as they were loaded; the others are
    /// linted here (parsing them again when the project was loaded without trees).
    public func lint(_ project: Project, files: [String: FileLintResult] = [:]) -> LintResult {
        let paths = project.paths
        let perFile: [FileLintResult] = parallelMap(paths.count) { index in
            if let done = files[paths[index]] { return done }
            let file = project.files[paths[index]]!
            return lintFile(file, tree: file.tree)
        }
        let summary = ProjectSummary(files: perFile.map(\.summary))
        PhaseTimer.mark("file rules and summaries")
        let context = LintContext(project: project, summary: summary, externalFindings: externalFindings)
        // Project rules on all cores: each reads the shared, finished context and reports into its own sink.
        let projectRules = self.projectRules
        var findings: [LintFinding] = parallelMap(projectRules.count) { index in
            let sink = RuleSink(projectRules[index].settings)
            projectRules[index].rule.init().check(context, sink)
            return sink.findings
        }.flatMap { $0 }
        PhaseTimer.mark("\(projectRules.count) project rules")
        findings = findings.filter { configuration.reports($0.file) }
        findings += perFile.flatMap(\.findings)

        // Suppression comments, looked up by file.
        let directives = perFile.flatMap(\.directives)
        let malformed = perFile.flatMap(\.malformed)
        var directivesByFile: [String: [Int]] = [:]
        for (index, directive) in directives.enumerated() { directivesByFile[directive.file, default: []].append(index) }
        var used = [Set<String>](repeating: [], count: directives.count)
        var suppressed = 0
        func suppress(_ findings: [LintFinding], recordingUse: Bool) -> [LintFinding] {
            findings.filter { finding in
                var covered = false
                for index in directivesByFile[finding.file] ?? [] where directives[index].covers(finding) {
                    covered = true
                    if recordingUse { used[index].insert(directives[index].codes.contains(finding.code) ? finding.code : "all") }
                }
                if covered { suppressed += 1 }
                return !covered
            }
        }
        findings = suppress(findings, recordingUse: true)

        // The linter's own findings about its comments, themselves suppressible.
        var meta: [LintFinding] = []
        func metaFinding(_ description: RuleDescription, _ message: String, _ file: String, _ range: Range<Int>) {
            guard configuration.isEnabled(description), configuration.reports(file) else { return }
            meta.append(LintFinding(code: description.code, ruleName: description.name, severity: configuration.severity(of: description),
                                    message: message, file: file, range: range))
        }
        for problem in malformed {
            metaFinding(MalformedSuppressionRule.description, "malformed suppression: \(problem.message)", problem.file, problem.range)
        }
        let metaCodes: Set<String> = [MalformedSuppressionRule.description.code, UnusedSuppressionRule.description.code]
        for (index, directive) in directives.enumerated() {
            let unused = directive.codes.filter { code in
                guard !used[index].contains(code), !metaCodes.contains(code) else { return false }
                if code == "all" { return used[index].isEmpty }
                guard let rule = descriptions.first(where: { $0.code == code }) else { return false }
                return configuration.isEnabled(rule)
            }
            guard !unused.isEmpty else { continue }
            let names = unused.map { code in descriptions.first { $0.code == code }.map { "\($0.code) (\($0.name))" } ?? code }
            metaFinding(UnusedSuppressionRule.description,
                        "unused suppression: \(names.joined(separator: ", ")) found nothing \(directive.kind.scopeDescription); remove it",
                        directive.file, directive.commentRange)
        }
        findings += suppress(meta, recordingUse: false)
        return LintResult(findings: LintFinding.deduplicatedAndOrdered(findings), suppressedCount: suppressed)
    }
}

extension SuppressionDirective.Kind {
    var scopeDescription: String {
        switch self {
        case .disable: return "where this comment applies"
        case .disableNextLine: return "on the next line"
        case .disableFile: return "in this file"
        }
    }
}
