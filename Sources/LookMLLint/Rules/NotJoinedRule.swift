import LookMLProject
import LookMLSyntax

/// LK016: a field used through a view the explore does not join.
struct NotJoinedRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.notJoined.0]
    static let description = RuleDescription(
        code: "LK016", name: "references.not_joined",
        summary: "`${view.field}` inside an explore where `view` is neither the explore's view nor one of its joins.",
        groups: [.correctness], severity: .error,
        rationale: """
        Inside an explore, qualifiers are aliases: the explore's own name and its join names. Anything else makes the
        explore fail to load.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              sql_always_where: ${↓users.email} IS NOT NULL ;;
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              sql_always_where: ${users.email} IS NOT NULL ;;
              join: users {
                sql_on: ${orders.user_id} = ${users.id} ;;
                relationship: many_to_one
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ])
}
