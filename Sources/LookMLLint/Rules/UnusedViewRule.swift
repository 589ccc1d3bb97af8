import LookMLProject
import LookMLSyntax

/// LK106: views nothing reads.
struct UnusedViewRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK106", name: "views.unused",
        summary: "A view that no explore joins or reads, that no view extends and that nothing references.",
        groups: [.maintainability], severity: .warning,
        rationale: """
        A view no explore uses cannot be queried: it is dead code that still has to be read, validated and kept in
        step with the warehouse. Join it somewhere or delete it. Only checked in projects that have a model (a
        project of views alone is a library for others to import). Views listed in the `ignore` option are skipped.
        """,
        options: [RuleOption("ignore", default: .strings([]), "View names never reported (globs such as `tmp_*`).")],
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", """
            view: ↓users {
              sql_table_name: shop.users ;;
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
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
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView),
                              options: ["ignore": .strings(["user*"])]),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        guard !context.project.models.isEmpty else { return }
        var used = Set<String>()
        for use in context.exploreUses { used.formUnion(use.aliases.values) }
        // Any reference by name other than a view's own definition or refinement (extends, from, SQL_TABLE_NAME, …).
        let definitions = Set(context.summary.views.map(\.location))
        for reference in context.viewReferences where !reference.isDefinition && !definitions.contains(reference.location) {
            used.insert(reference.name)
        }
        // Ancestors of used views are used.
        var queue = Array(used)
        while let name = queue.popLast() {
            for view in context.summary.views(named: name) {
                for parent in view.extends where used.insert(parent).inserted { queue.append(parent) }
            }
        }
        let ignored = sink.strings("ignore")
        for view in context.baseViews where !used.contains(view.name) {
            guard !ignored.contains(where: { IncludeResolver.glob($0, matches: view.name) }) else { continue }
            sink.report("view '\(view.name)' is not used by any explore, view or reference; join it somewhere or remove it", at: view.location)
        }
    }
}
