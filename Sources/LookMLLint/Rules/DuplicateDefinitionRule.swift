import LookMLProject
import LookMLSyntax

/// LK017: a view or explore defined twice.
struct DuplicateDefinitionRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.duplicateDefinition.0]
    static let description = RuleDescription(
        code: "LK017", name: "definitions.duplicate",
        summary: "A view or explore defined more than once in the files a model sees.",
        groups: [.correctness], severity: .error,
        rationale: """
        Two definitions of one name in a model are an error in Looker. To change an existing view or explore, use a
        refinement (`view: +orders`) instead.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }

            view: ↓orders {
              dimension: status {
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

            view: +orders {
              dimension: status {
                sql: ${TABLE}.status ;;
              }
            }
            """),
        ])
}
