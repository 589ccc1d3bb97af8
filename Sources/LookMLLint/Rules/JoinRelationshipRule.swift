import LookMLProject
import LookMLSyntax

/// LK201: joins that leave the relationship to the default.
struct JoinRelationshipRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK201", name: "joins.relationship",
        summary: "A join without `relationship:`.",
        groups: [.correctness], severity: .warning,
        rationale: """
        Without `relationship`, Looker assumes `many_to_one`. When the join is really `one_to_many` (a user's many
        messages), measures of the explore's view are computed on repeated rows unless Looker knows to use symmetric
        aggregates. Say what the join is, even when it is the default.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              join: ↓users {
                sql_on: ${orders.user_id} = ${users.id} ;;
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              join: users {
                sql_on: ${orders.user_id} = ${users.id} ;;
                relationship: many_to_one
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for explore in context.summary.explores {
            for join in explore.joins where !join.hasRelationship {
                // A refinement may only adjust an existing join; the base join is where the relationship belongs.
                if explore.isRefinement, context.summary.explores.contains(where: { !$0.isRefinement && $0.name == explore.name && $0.joins.contains { $0.alias == join.alias } }) {
                    continue
                }
                sink.report("join '\(join.alias)' in explore '\(explore.name)' has no relationship (Looker assumes many_to_one); state it",
                            at: join.location)
            }
        }
    }
}
