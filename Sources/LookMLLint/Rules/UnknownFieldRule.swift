import LookMLProject
import LookMLSyntax

/// LK011: a field reference that resolves to nothing.
struct UnknownFieldRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownField.0]
    static let description = RuleDescription(
        code: "LK011", name: "references.unknown_field",
        summary: "`${field}`, `${view.field}` or a field list entry naming a field the view does not have.",
        groups: [.correctness], severity: .error,
        rationale: """
        A reference to a missing field breaks every query that touches it. Dimension groups answer to their expanded
        names (`created_date`, not `created`); the message suggests the nearest field.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              measure: total {
                type: sum
                sql: ${↓amount} ;;
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
              dimension: amount {
                type: number
                sql: ${TABLE}.amount ;;
              }
              measure: total {
                type: sum
                sql: ${amount} ;;
              }
            }
            """),
        ])
}
