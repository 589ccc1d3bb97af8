import LookMLProject
import LookMLSyntax

/// LK901: `# lookml-lint:` comments the linter cannot read. Reported by the `Linter` itself.
struct MalformedSuppressionRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK901", name: "lint.malformed_suppression",
        summary: "A `# lookml-lint:` comment that is not a valid directive, or names an unknown rule.",
        groups: [.lint], severity: .warning,
        rationale: """
        A suppression that cannot be read suppresses nothing, so the finding it was meant for comes back with no
        obvious reason. Directives are `disable=`, `disable-next-line=` and `disable-file=`, followed by rule codes or
        names separated by commas (or `all`), and optionally ` - reason`.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              ↓# lookml-lint: disabel-next-line=LK110 - legacy name
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
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              ↓# lookml-lint: disable=LK999
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              # lookml-lint: disable-next-line=LK110 - legacy name, dashboards depend on it
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
