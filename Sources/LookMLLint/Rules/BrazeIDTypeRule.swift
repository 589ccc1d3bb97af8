import LookMLProject
import LookMLSyntax

/// LK504: `braze_id` on a dimension that is not a string.
struct BrazeIDTypeRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK504", name: "braze.id_type",
        summary: "The `\"braze_id\"` tag on a dimension whose type is not a string (`number`, `yesno`, a time…).",
        groups: [.braze], severity: .warning,
        rationale: """
        Braze matches users by `external_id`, a string. A number loses leading zeros and may be formatted
        (`1,234`); a date or a yes/no cannot be an id at all. Tag the string dimension that holds the external id
        (`type: string`, the default). `allowed_types` lists the types accepted.
        """,
        options: [RuleOption("allowed_types", default: .strings(["string"]), "Dimension types a `braze_id` field may have.")],
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                type: number
                sql: ${TABLE}.external_user_id ;;
                tags: [↓"braze_id"]
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        let allowed = Set(sink.strings("allowed_types"))
        for field in file.taggedFields where field.isDimension && !allowed.contains(field.effectiveType) {
            for tag in field.tags where tag.brazeTag == .id {
                sink.report("\"braze_id\" is on '\(field.view).\(field.name)' of type \(field.effectiveType); Braze ids are strings",
                            at: field.syntax.location(tag.value.token.textRange))
            }
        }
    }
}
