import LookMLProject
import LookMLSyntax

/// LK501: nothing for the Braze action to identify users by.
struct BrazeNoIDRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK501", name: "braze.no_id",
        summary: "No explore of the project shows a dimension tagged `\"braze_id\"`.",
        groups: [.braze], severity: .info,
        rationale: """
        The Braze Looker Action refuses to send a Look unless one of its fields is tagged `"braze_id"`: the field
        whose value is the user's `external_id`. A project meant for the action needs one, on a string dimension
        (`lookml tag braze-id view.field` adds it). A field that the explore's `fields:` leave out does not count.
        Reported once, at the first explore, as information: projects that do not use the action can disable the
        rule.
        """,
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
              }
            }
            """).replacingModel("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: ↓users {}
            """),
            BrazeExamples.project(BrazeExamples.users).replacingModel("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: ↓users {
              fields: [ALL_FIELDS*, -users.external_id]
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        let uses = context.exploreUses
        guard !uses.isEmpty, !uses.contains(where: { use in context.brazeFields(of: use).contains { $0.tag.brazeTag == .id } }) else { return }
        guard let first = uses.map(\.definition.location).min() else { return }
        sink.report("no explore has a dimension tagged \"braze_id\"; the Braze action needs one to identify users", at: first)
    }
}

extension RuleExample {
    /// The same example with another text for `models/example.model.lkml`.
    func replacingModel(_ text: String) -> RuleExample {
        var copy = self
        copy.files = files.map { $0.path == "models/example.model.lkml" ? ExampleFile($0.path, text) : $0 }
        return copy
    }
}
