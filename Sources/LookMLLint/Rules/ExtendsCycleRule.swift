import LookMLProject
import LookMLSyntax

/// LK019: `extends` that comes back to where it started.
struct ExtendsCycleRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.extendsCycle.0]
    static let description = RuleDescription(
        code: "LK019", name: "definitions.extends_cycle",
        summary: "A view or explore that extends itself, directly or through others.",
        groups: [.correctness], severity: .error,
        rationale: "An `extends` cycle has no meaning; Looker refuses it. Break the cycle.",
        triggering: [
            RuleExample("""
            view: ↓orders {
              extends: [order_base]
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }

            view: ↓order_base {
              extends: [orders]
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              extends: [order_base]
            }

            view: order_base {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
        ])
}
