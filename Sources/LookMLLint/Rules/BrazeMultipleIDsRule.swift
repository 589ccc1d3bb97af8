import LookMLProject
import LookMLSyntax

/// LK502: more than one `braze_id` in one explore.
struct BrazeMultipleIDsRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK502", name: "braze.multiple_ids",
        summary: "An explore that shows more than one field tagged `\"braze_id\"`.",
        groups: [.braze], severity: .warning,
        rationale: """
        When a Look holds several `braze_id` fields, the action silently uses the last one, which depends on the
        order of the Look's columns. Keep exactly one per explore (a second view joined twice counts twice): leave
        the joined views' id fields out of the explore with `fields: [ALL_FIELDS*, -joined.external_id]` (or a
        join's own `fields:`), or remove the tag from the others with `lookml tag remove`. Fields that `fields:`
        leaves out cannot be in a Look of the explore, so they do not count.
        """,
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: ["braze_id"]
              }
              dimension: braze_user_id {
                sql: ${TABLE}.braze_id ;;
                tags: ["braze_id"]
              }
            }
            """).replacingModel("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: ↓users {}
            """),
            BrazeExamples.usersAndOrders(model: """
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: ↓users {
              join: orders {
                sql_on: ${users.external_id} = ${orders.external_id} ;;
                relationship: one_to_many
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
            BrazeExamples.usersAndOrders(model: """
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: users {
              fields: [ALL_FIELDS*, -orders.external_id]
              join: orders {
                sql_on: ${users.external_id} = ${orders.external_id} ;;
                relationship: one_to_many
              }
            }
            """),
            BrazeExamples.usersAndOrders(model: """
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: users {
              join: orders {
                fields: [orders.id]
                sql_on: ${users.external_id} = ${orders.external_id} ;;
                relationship: one_to_many
              }
            }
            """),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        var reported = Set<SourceRange>()
        for use in context.exploreUses {
            let ids = context.brazeFields(of: use).filter { $0.tag.brazeTag == .id }
            guard ids.count > 1, reported.insert(use.definition.location).inserted else { continue }
            sink.report("explore '\(use.name)' has \(ids.count) fields tagged \"braze_id\" (\(ids.map(\.qualifiedName).joined(separator: ", "))); the action uses only the last one in a Look",
                        at: use.definition.location)
        }
    }
}
