import LookMLProject
import LookMLSyntax

/// LK503: `braze_id` on something that is not a dimension.
struct BrazeIDOnMeasureRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK503", name: "braze.id_on_measure",
        summary: "The `\"braze_id\"` tag on a measure, filter or parameter.",
        groups: [.braze], severity: .error,
        rationale: """
        The action reads the user id from a dimension's value, one per row. A measure aggregates rows and a filter
        or parameter has no value per row, so the tag does nothing there. Move it to the id dimension.
        """,
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
              }
              measure: user_count {
                type: count_distinct
                sql: ${external_id} ;;
                tags: [↓"braze_id"]
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for field in file.taggedFields where !field.isDimension {
            for tag in field.tags where tag.brazeTag == .id {
                sink.report("\"braze_id\" is on \(field.kind.rawValue) '\(field.view).\(field.name)'; the action reads it from dimensions only",
                            at: field.syntax.location(tag.value.token.textRange))
            }
        }
    }
}
