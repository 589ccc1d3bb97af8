import LookMLProject
import LookMLSyntax

/// LK010: a view name that resolves to nothing.
struct UnknownViewRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownView.0]
    static let description = RuleDescription(
        code: "LK010", name: "references.unknown_view",
        summary: "A view named in `extends`, `from`, `view_name`, a join or `${view.field}` that no included file defines.",
        groups: [.correctness], severity: .error,
        rationale: """
        Looker reports unknown views when it validates the project, and explores that use them do not load. Usually
        a typo or a missing `include:`; the message suggests the nearest defined name.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              extends: [↓order_base]
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: order_base {
              extension: required
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }

            view: orders {
              extends: [order_base]
            }
            """),
        ])
}
