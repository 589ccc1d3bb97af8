import LookMLProject
import LookMLSyntax

/// LK204: joins with nothing to join on.
struct JoinConditionRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK204", name: "joins.condition",
        summary: "A join without `sql_on`, `foreign_key` or `sql`, and not `type: cross`.",
        groups: [.correctness], severity: .error,
        rationale: """
        A join needs a condition. Without one, Looker cannot write the `ON` clause; if a cross join is really meant,
        say so with `type: cross`.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              join: ↓users {
                relationship: many_to_one
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
                foreign_key: user_id
                relationship: many_to_one
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for explore in file.explores where !explore.isRefinement {
            for join in explore.joins {
                let syntax = join.syntax
                guard syntax.member("sql_on") == nil, syntax.member("foreign_key") == nil, syntax.member("sql") == nil,
                      syntax.scalar("type")?.text != "cross" else { continue }
                sink.report("join '\(join.alias)' in explore '\(explore.name)' has no 'sql_on' or 'foreign_key'", at: join.location)
            }
        }
    }
}
