import LookMLProject
import LookMLSyntax
import YAMLSupport

/// LK510: dashboard tiles that send attributes without the id.
struct BrazeTileWithoutIDRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK510", name: "braze.tile_without_id",
        summary: "A dashboard tile with `braze[…]` attribute fields but no field tagged `\"braze_id\"`.",
        groups: [.braze], severity: .warning,
        rationale: """
        A field's value is sent only when the field is in the Look's query, and the action refuses a query without
        its `braze_id` field. A tile that selects attribute fields is meant for the action: add the id field to its
        `fields`.
        """,
        triggering: [
            RuleExample(files: [
                ExampleFile("models/braze.model.lkml", BrazeExamples.model),
                ExampleFile("views/users.view.lkml", BrazeExamples.users),
                ExampleFile("dashboards/audience.dashboard.lookml", """
                - dashboard: audience
                  title: Audience
                  elements:
                  - name: first_names
                    model: braze
                    explore: users
                    type: looker_grid
                    fields: [↓users.first_name]
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
                  - name: first_names
                    model: braze
                    explore: users
                    type: looker_grid
                    fields: [users.external_id, users.first_name]
                """),
            ]),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for query in context.dashboardQueries {
            let fields = query.fieldScalars(query.element["fields"])
            let tagged = fields.map { ($0, query.brazeTags(of: $0.value, in: context)) }
            guard !tagged.contains(where: { $0.1.contains(.id) }),
                  let first = tagged.first(where: { $0.1.contains { if case .attribute = $0 { return true } else { return false } } }) else { continue }
            let name = DashboardElement.name(of: query.element)
            sink.report("tile '\(name)' selects Braze attribute field '\(first.0.value)' but no field tagged \"braze_id\"; the action will refuse it",
                        file: query.file, range: first.0.range)
        }
    }
}

extension DashboardQuery {
    /// The scalars of a `fields:`/`pivots:` list (or a single scalar).
    func fieldScalars(_ node: YAMLNode?) -> [YAMLScalar] {
        guard let node else { return [] }
        if let scalar = node.scalar { return node.isNull ? [] : [scalar] }
        return (node.items ?? []).compactMap(\.scalar)
    }

    /// The Braze tags of `alias.field` in this query's explore.
    func brazeTags(of name: String, in context: LintContext) -> [BrazeTag] {
        let parts = name.split(separator: ".")
        guard parts.count == 2, let view = aliases[String(parts[0])] else { return [] }
        let field = String(parts[1])
        return scope.fieldDefinitions(ofView: view)
            .filter { $0.name == field || $0.expandedNames.contains(field) }
            .flatMap { context.summary.field($0)?.tags.compactMap(\.brazeTag) ?? [] }
    }
}
