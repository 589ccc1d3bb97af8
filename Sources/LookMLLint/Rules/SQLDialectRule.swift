import LookMLProject
import LookMLSyntax

/// LK950: findings of the offline SQL validator, when a dialect is configured.
struct SQLDialectRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK950", name: "sql.dialect",
        summary: "SQL the configured dialect does not accept (from the offline validator, `lookml validate`).",
        groups: [.correctness], severity: .error,
        rationale: """
        With `dialect:` set in `.lookml-lint.yml`, the linter reports what the offline SQL validator finds in `sql`,
        `sql_on`, `sql_table_name` and derived tables: functions the dialect lacks, wrong arity, quoting. Without a
        dialect the rule finds nothing. The validator is plugged in through `ExternalFindingProvider`.
        """,
        triggering: [],
        nonTriggering: [
            RuleExample(ordersView),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for finding in context.externalFindings {
            sink.report("\(finding.message) (\(finding.source))", at: finding.location)
        }
    }
}
