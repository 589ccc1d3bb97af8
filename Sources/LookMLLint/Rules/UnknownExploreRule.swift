import LookMLProject
import LookMLSyntax

/// LK012: an explore name that resolves to nothing.
struct UnknownExploreRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownExplore.0]
    static let description = RuleDescription(
        code: "LK012", name: "references.unknown_explore",
        summary: "An explore named in `extends`, `explore_source` or a link that no model defines.",
        groups: [.correctness], severity: .error,
        rationale: "Explores that extend a missing explore, and native derived tables built on one, do not load.",
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              extends: [↓order_base]
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: order_base {
              extension: required
              view_name: orders
            }

            explore: orders {
              extends: [order_base]
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ])
}

/// A small view several rules' examples include.
let ordersView = """
view: orders {
  sql_table_name: shop.orders ;;
  dimension: id {
    primary_key: yes
    sql: ${TABLE}.id ;;
  }
  dimension: user_id {
    sql: ${TABLE}.user_id ;;
  }
  measure: count {
    type: count
  }
}
"""

/// A users view with a primary key, for examples with joins.
let usersView = """
view: users {
  sql_table_name: shop.users ;;
  dimension: id {
    primary_key: yes
    sql: ${TABLE}.id ;;
  }
  dimension: email {
    sql: ${TABLE}.email ;;
  }
}
"""
