import LookMLProject
import LookMLSyntax

/// LK014: `@{NAME}` without a `constant: NAME`.
struct UnknownConstantRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownConstant.0]
    static let description = RuleDescription(
        code: "LK014", name: "references.unknown_constant",
        summary: "`@{NAME}` where `manifest.lkml` defines no constant `NAME`.",
        groups: [.correctness], severity: .error,
        rationale: "Looker leaves an unknown constant in the SQL as written, and the query fails in the warehouse.",
        insideStrings: "Looker substitutes `@{CONSTANT}` inside strings (labels, descriptions, links) too.",
        triggering: [
            RuleExample("""
            view: orders {
              sql_table_name: @{↓SHOP_SCHEMA}.orders ;;
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample(files: [
                ExampleFile("manifest.lkml", """
                constant: SHOP_SCHEMA {
                  value: "shop"
                }
                """),
                ExampleFile("views/orders.view.lkml", """
                view: orders {
                  sql_table_name: @{SHOP_SCHEMA}.orders ;;
                  dimension: id {
                    primary_key: yes
                    sql: ${TABLE}.id ;;
                  }
                }
                """),
            ]),
        ])
}
