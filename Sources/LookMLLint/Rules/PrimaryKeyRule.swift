import LookMLProject
import LookMLSyntax

/// LK101: views without a primary key.
struct PrimaryKeyRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK101", name: "views.primary_key",
        summary: "A view with fields but no `primary_key: yes` dimension (refinements and `extends` included).",
        groups: [.correctness, .performance], severity: .warning,
        rationale: """
        Looker needs a primary key to compute measures correctly when a join repeats a view's rows (symmetric
        aggregates), and to count rows. Mark the dimension that is unique per row with `primary_key: yes`; when no
        column is unique, build one (`${TABLE}.user_id || '-' || ${TABLE}.event_id`). Views that only serve as a
        template (`extension: required`) are skipped: the views that extend them are checked.
        """,
        triggering: [
            RuleExample("""
            view: ↓users {
              sql_table_name: shop.users ;;
              dimension: email {
                sql: ${TABLE}.email ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: users {
              sql_table_name: shop.users ;;
              dimension: email {
                sql: ${TABLE}.email ;;
              }
            }

            view: +users {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
            RuleExample(usersView),
            RuleExample("""
            view: event_base {
              extension: required
              dimension: event_id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }

            view: email_sends {
              extends: [event_base]
              dimension: campaign {
                sql: ${TABLE}.campaign ;;
              }
            }
            """),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for view in context.baseViews where !view.fields.isEmpty || !view.extends.isEmpty {
            guard !view.isExtensionRequired, !context.hasPrimaryKeyAnywhere(view.name) else { continue }
            sink.report("view '\(view.name)' has no primary key; mark the dimension that is unique per row with 'primary_key: yes'",
                        at: view.location)
        }
    }
}
