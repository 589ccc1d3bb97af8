import LookMLProject
import LookMLSyntax

/// LK305: constants nothing reads.
struct UnusedConstantRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK305", name: "constants.unused",
        summary: "A `constant:` in `manifest.lkml` that no `@{NAME}` reads.",
        groups: [.maintainability], severity: .warning,
        rationale: """
        An unused constant suggests that something was meant to read it and does not, for instance a view that
        hard-codes the schema the constant names (see `views.hardcoded_schema`). Use it or remove it. Constants a
        project exports for others to override may be listed in the `ignore` option.
        """,
        options: [RuleOption("ignore", default: .strings([]), "Constant names never reported.")],
        triggering: [
            RuleExample(files: [
                ExampleFile("manifest.lkml", """
                constant: ↓SHOP_SCHEMA {
                  value: "shop"
                }
                """),
                ExampleFile("views/orders.view.lkml", ordersView),
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
                  sql_table_name: @{SHOP_SCHEMA}.orders ;;
                  dimension: id {
                    primary_key: yes
                    sql: ${TABLE}.id ;;
                  }
                }
                """),
            ]),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        let read = Set(context.project.references(ofKind: .constant).filter { !$0.isDefinition }.map(\.name))
        let ignored = Set(sink.strings("ignore"))
        for constant in context.project.constants where !read.contains(constant.name) && !ignored.contains(constant.name) {
            sink.report("constant '\(constant.name)' is never used (no '@{\(constant.name)}' in the project)", at: constant.location)
        }
    }
}
