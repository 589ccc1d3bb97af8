import LookMLProject
import LookMLSyntax

/// LK018: a field defined twice in one view.
struct DuplicateFieldRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.duplicateField.0]
    static let description = RuleDescription(
        code: "LK018", name: "definitions.duplicate_field",
        summary: "Two fields with the same name in one view block.",
        groups: [.correctness], severity: .error,
        rationale: "Looker rejects a view that defines a field twice; rename one, or merge them.",
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              dimension: ↓id {
                sql: ${TABLE}.order_id ;;
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
              dimension: order_id {
                sql: ${TABLE}.order_id ;;
              }
            }
            """),
        ])
}
