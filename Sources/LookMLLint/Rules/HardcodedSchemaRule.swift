import LookMLProject
import LookMLSyntax

/// LK104: `sql_table_name` spelling out a schema that a constant holds.
struct HardcodedSchemaRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK104", name: "views.hardcoded_schema",
        summary: "`sql_table_name` writes out a schema (or database.schema) that a `manifest.lkml` constant holds.",
        groups: [.maintainability], severity: .warning,
        rationale: """
        When the project keeps its schema in a constant (`constant: CURRENTS_SCHEMA { value: "braze" }`), a view that
        writes `braze.users_messages_email_send` by hand no longer follows it: moving to another schema, or
        overriding the constant in an importing project, silently leaves this view behind. Use `@{CURRENTS_SCHEMA}`.
        """,
        fix: "Replaces the written schema with `@{CONSTANT}`.",
        triggering: [
            RuleExample(files: [
                ExampleFile("manifest.lkml", """
                constant: SHOP_SCHEMA {
                  value: "shop"
                }
                """),
                ExampleFile("views/orders.view.lkml", """
                view: orders {
                  sql_table_name: ↓shop.orders ;;
                  dimension: id {
                    primary_key: yes
                    sql: ${TABLE}.id ;;
                  }
                }
                """),
            ]),
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
                  sql_table_name: shopify.orders ;;
                  dimension: id {
                    primary_key: yes
                    sql: ${TABLE}.id ;;
                  }
                }
                """),
            ]),
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
            RuleExample(ordersView),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        // Longest values first, so `db.schema` wins over `db`.
        let constants = context.project.constants.filter { !$0.value.isEmpty && !$0.value.contains("@{") }
            .sorted { ($0.value.count, $0.name) > ($1.value.count, $1.name) }
        guard !constants.isEmpty else { return }
        for view in context.summary.views {
            guard let table = view.sqlTableName else { continue }
            let text = table.text
            guard !text.contains("@{"), !text.contains("{{"), !text.contains("${"), !text.contains("\"") else { continue }
            for constant in constants {
                let value = constant.value
                guard text.count > value.count, text.lowercased().hasPrefix(value.lowercased() + ".") else { continue }
                let range = table.range.lowerBound..<table.range.lowerBound + value.utf8.count
                sink.report("sql_table_name writes schema '\(text.prefix(value.count))' by hand; constant '\(constant.name)' holds it: write '@{\(constant.name)}\(text.dropFirst(value.count))'",
                            at: SourceRange(file: view.file, range: range),
                            fix: Fix("replaced '\(text.prefix(value.count))' with '@{\(constant.name)}'", edits: [TextEdit(range: range, replacement: "@{\(constant.name)}")]))
                break
            }
        }
    }
}
