import LookMLProject
import LookMLSyntax

/// LK902: suppressions that suppress nothing. Reported by the `Linter` itself.
struct UnusedSuppressionRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK902", name: "lint.unused_suppression",
        summary: "A suppression comment for a rule that finds nothing where the comment applies.",
        groups: [.lint], severity: .warning,
        rationale: """
        Once the problem is fixed, the suppression is noise, and it would hide the problem if it came back. Remove
        it. Suppressions of rules that the configuration turns off are not reported.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              ↓# lookml-lint: disable-next-line=LK110 - legacy name
              dimension_group: created {
                type: time
                sql: ${TABLE}.created_at ;;
              }
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              # lookml-lint: disable-next-line=LK110 - legacy name
              dimension_group: created_date {
                type: time
                sql: ${TABLE}.created_at ;;
              }
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {}
}
