import LookMLProject
import LookMLSyntax

/// LK015: `name*` naming a set the view does not define.
struct UnknownSetRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownSet.0]
    static let description = RuleDescription(
        code: "LK015", name: "references.unknown_set",
        summary: "`set_name*` in a field list where the view defines no such set.",
        groups: [.correctness], severity: .error,
        rationale: "A drill or field list naming a missing set is an error when Looker validates the project.",
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              measure: count {
                type: count
                drill_fields: [↓details*]
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              set: details {
                fields: [id]
              }
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              measure: count {
                type: count
                drill_fields: [details*]
              }
            }
            """),
        ])
}
