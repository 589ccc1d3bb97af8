import LookMLProject
import LookMLSyntax

/// LK202: one_to_many and many_to_many joins into views without a primary key.
struct FanoutPrimaryKeyRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK202", name: "joins.fanout_primary_key",
        summary: "A `one_to_many` or `many_to_many` join into a view that has no primary key.",
        groups: [.correctness], severity: .error,
        rationale: """
        A join to many rows repeats rows of the views on the other side. Looker corrects sums, averages and counts
        with symmetric aggregates, which need a primary key on the joined view: without one, every measure that
        crosses this join may be wrong. Give the view a `primary_key: yes` dimension.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: users {
              join: orders {
                sql_on: ${users.id} = ${orders.user_id} ;;
                relationship: ↓one_to_many
              }
            }
            """, ExampleFile("views/users.view.lkml", usersView), ExampleFile("views/orders.view.lkml", """
            view: orders {
              sql_table_name: shop.orders ;;
              dimension: user_id {
                sql: ${TABLE}.user_id ;;
              }
            }
            """)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: users {
              join: orders {
                sql_on: ${users.id} = ${orders.user_id} ;;
                relationship: one_to_many
              }
            }
            """, ExampleFile("views/users.view.lkml", usersView), ExampleFile("views/orders.view.lkml", ordersView)),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        var reported = Set<SourceRange>()
        var primaryKeys = PrimaryKeyMemo(context)
        for use in context.exploreUses {
            for join in context.joins(ofExplore: use.name, in: use.scope) {
                guard let relationship = join.relationship,
                      relationship.text == "one_to_many" || relationship.text == "many_to_many",
                      use.scope.views[join.view] != nil, !primaryKeys.hasPrimaryKey(join.view, in: use.scope) else { continue }
                let location = SourceRange(file: join.file, range: relationship.range)
                guard reported.insert(location).inserted else { continue }
                sink.report("join '\(join.alias)' is \(relationship.text), but view '\(join.view)' has no primary key for symmetric aggregates",
                            at: location)
            }
        }
    }
}
