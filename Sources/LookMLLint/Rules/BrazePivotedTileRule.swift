import LookMLProject
import LookMLSyntax
import YAMLSupport

/// LK511: pivoted tiles meant for the action.
struct BrazePivotedTileRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK511", name: "braze.pivoted_tile",
        summary: "A pivoted dashboard tile that includes the `\"braze_id\"` field.",
        groups: [.braze], severity: .warning,
        rationale: """
        The action sends one user per row and cannot read pivoted results: a pivoted Look with the id field sends
        nothing. Remove the pivot from tiles meant for the action.
        """,
        triggering: [
            RuleExample(files: [
                ExampleFile("models/braze.model.lkml", BrazeExamples.model),
                ExampleFile("views/users.view.lkml", BrazeExamples.users),
                ExampleFile("dashboards/audience.dashboard.lookml", """
                - dashboard: audience
                  title: Audience
                  elements:
                  - name: ids_by_name
                    model: braze
                    explore: users
                    type: looker_grid
                    fields: [users.external_id, users.first_name]
                    pivots: [↓users.first_name]
                """),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ExampleFile("models/braze.model.lkml", BrazeExamples.model),
                ExampleFile("views/users.view.lkml", BrazeExamples.users),
                ExampleFile("dashboards/audience.dashboard.lookml", """
                - dashboard: audience
                  title: Audience
                  elements:
                  - name: ids
                    model: braze
                    explore: users
                    type: looker_grid
                    fields: [users.external_id, users.first_name]
                """),
            ]),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for query in context.dashboardQueries {
            let pivots = query.fieldScalars(query.element["pivots"])
            guard let pivot = pivots.first,
                  query.fieldScalars(query.element["fields"]).contains(where: { query.brazeTags(of: $0.value, in: context).contains(.id) }) else { continue }
            let name = DashboardElement.name(of: query.element)
            sink.report("tile '\(name)' includes the \"braze_id\" field but is pivoted on '\(pivot.value)'; the action cannot send pivoted results",
                        file: query.file, range: pivot.range)
        }
    }
}
