import LookMLProject
import LookMLSyntax

/// LK109: counts that repeat rows because a join fans the view out and no primary key lets Looker count distinct.
struct CountFanoutRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK109", name: "measures.count_fanout",
        summary: "A `type: count` measure in a view whose rows a join repeats, when the view has no primary key.",
        groups: [.correctness], severity: .warning,
        rationale: """
        When a join repeats a view's rows — the joined view of a `many_to_one` (the default) or `many_to_many` join,
        the explore's own view under a `one_to_many` or `many_to_many` join — Looker counts distinct primary keys
        instead of rows (symmetric aggregates). Without a primary key it can only count rows, so the count is
        inflated by the fanout. Give the view a primary key.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              join: users {
                sql_on: ${orders.user_id} = ${users.id} ;;
                relationship: many_to_one
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", """
            view: users {
              sql_table_name: shop.users ;;
              dimension: id {
                sql: ${TABLE}.id ;;
              }
              measure: ↓count {
                type: count
              }
            }
            """)),
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: users {
              join: orders {
                sql_on: ${users.id} = ${orders.user_id} ;;
                relationship: one_to_many
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", """
            view: users {
              sql_table_name: shop.users ;;
              dimension: id {
                sql: ${TABLE}.id ;;
              }
              measure: ↓count {
                type: count
              }
            }
            """)),
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
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", """
            view: users {
              sql_table_name: shop.users ;;
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              measure: count {
                type: count
              }
            }
            """)),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        var reported = Set<SourceRange>()
        var primaryKeys = PrimaryKeyMemo(context)
        for use in context.exploreUses {
            var repeated: [(view: String, why: String)] = []
            let baseView = use.aliases[use.name] ?? use.name
            for join in context.joins(ofExplore: use.name, in: use.scope) {
                let relationship = join.relationship?.text ?? "many_to_one"
                if relationship == "many_to_one" || relationship == "many_to_many" {
                    repeated.append((join.view, "joined \(relationship) in explore '\(use.name)'"))
                }
                if relationship == "one_to_many" || relationship == "many_to_many" {
                    repeated.append((baseView, "the '\(join.alias)' join (\(relationship)) repeats its rows in explore '\(use.name)'"))
                }
            }
            for (view, why) in repeated where !primaryKeys.hasPrimaryKey(view, in: use.scope) {
                for field in use.scope.fieldDefinitions(ofView: view) where field.kind == .measure && field.type == "count" {
                    guard reported.insert(field.location).inserted else { continue }
                    sink.report("count '\(view).\(field.name)' is inflated when rows repeat (\(why)), and '\(view)' has no primary key to count distinct",
                                at: field.location)
                }
            }
        }
    }
}
