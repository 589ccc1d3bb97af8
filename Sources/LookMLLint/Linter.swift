import LookMLProject
import LookMLSyntax

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
    public var configuration: LintConfiguration
    public var rules: [any LintRule.Type]
    /// Findings from outside (the offline SQL validator), reported by `sql.dialect`.
    public var externalFindings: [ExternalFinding]

    public init(configuration: LintConfiguration = LintConfiguration(), rules: [any LintRule.Type] = RuleRegistry.rules,
                externalFindings: [ExternalFinding] = []) {
        self.configuration = configuration
        self.rules = rules
        self.externalFindings = externalFindings
    }

    public func lint(_ project: Project) -> LintResult {
        let context = LintContext(project: project, externalFindings: externalFindings)
        let descriptions = rules.map { $0.description }
        // Rules on all cores: each reads the shared, finished context and reports into its own sink.
        let configuration = self.configuration
        let enabled = rules.filter { configuration.isEnabled($0.description) }
        var findings: [LintFinding] = parallelMap(enabled.count) { index in
            let description = enabled[index].description
            let sink = RuleSink(description: description, severity: configuration.severity(of: description),
                                options: configuration.options(of: description))
            enabled[index].init().check(context, sink)
            return sink.findings
        }.flatMap { $0 }
        findings = findings.filter { configuration.reports($0.file) }

        // Suppression comments.
        let (directives, malformed) = SuppressionScanner(rules: descriptions).scan(project)
        var used = [Set<String>](repeating: [], count: directives.count)
        var suppressed = 0
        func suppress(_ findings: [LintFinding], recordingUse: Bool) -> [LintFinding] {
            findings.filter { finding in
                var covered = false
                for (index, directive) in directives.enumerated() where directive.covers(finding) {
                    covered = true
                    if recordingUse { used[index].insert(directive.codes.contains(finding.code) ? finding.code : "all") }
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
        return LintResult(findings: Array(Set(findings)).sorted(by: LintFinding.ordered), suppressedCount: suppressed)
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
