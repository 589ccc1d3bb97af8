import LookMLProject
import LookMLSyntax

/// LK002: `{:` — a colon Looker ignores.
struct StrayColonRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK002", name: "syntax.stray_colon",
        summary: "A `:` right after `{`, which Looker tolerates and ignores.",
        groups: [.style], severity: .warning,
        rationale: """
        `dimension: id {: … }` is accepted by Looker, but the colon means nothing and other tools (the Python `lkml`
        library among them) stumble on it. Remove it.
        """,
        fix: "Removes the colon.",
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {↓:
                primary_key: yes
                sql: ${TABLE}.id ;;
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
        for diagnostic in file.tree?.diagnostics ?? [] where diagnostic.id.code == "P009" {
            sink.report("stray ':' after '{'; Looker ignores it", file: file.path, range: diagnostic.range,
                        fix: Fix("removed the stray ':'", edits: [TextEdit(range: diagnostic.range, replacement: "")]))
        }
    }
}
