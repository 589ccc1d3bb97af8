import LookMLProject
import LookMLSyntax

/// LK001: what the parser cannot read.
struct SyntaxErrorRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK001", name: "syntax.error",
        summary: "LookML the parser cannot read: unclosed blocks, strings and `sql` expressions, missing colons and values.",
        groups: [.correctness], severity: .error,
        rationale: """
        Looker refuses a project with syntax errors, and one broken block can change how everything after it is read.
        The parser reports every problem in a file (it never stops at the first), with the parser's id (`P001`…) in the
        message; see `lookml parse` for the same diagnostics.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            ↓}
            """),
            RuleExample("""
            view: orders {
              dimension↓ status {
                sql: ${TABLE}.status ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for diagnostic in file.tree?.diagnostics ?? [] where diagnostic.severity == .error {
            sink.report("\(diagnostic.message) (\(diagnostic.id.code))", file: file.path, range: diagnostic.range)
        }
    }
}
