import LookMLProject
import LookMLSyntax

/// LK108: visible fields without a description (opt-in).
struct FieldDescriptionRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK108", name: "fields.description",
        summary: "A visible dimension, dimension group, measure, filter or parameter without a `description`.",
        groups: [.documentation], severity: .warning, optIn: true,
        rationale: """
        The description is what users see when they hover a field in the picker: what it counts, from which events,
        with which caveats. Hidden fields are skipped unless `include_hidden` is set. Opt-in: a large project may
        want to adopt it view by view (see `include` in the configuration, or a baseline).
        """,
        options: [RuleOption("include_hidden", default: .bool(false), "Also report hidden fields.")],
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                hidden: yes
                sql: ${TABLE}.id ;;
              }
              measure: ↓revenue {
                type: sum
                sql: ${TABLE}.amount ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                hidden: yes
                sql: ${TABLE}.id ;;
              }
              measure: revenue {
                description: "Sum of order amounts in USD, refunds excluded."
                type: sum
                sql: ${TABLE}.amount ;;
              }
            }
            """),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        let includeHidden = sink.bool("include_hidden")
        for view in file.views {
            for field in view.fields where includeHidden || !field.isHidden {
                guard (field.syntax.scalar("description")?.text ?? "").allSatisfy(\.isWhitespace) else { continue }
                sink.report("\(field.kind.rawValue) '\(view.name).\(field.name)' has no description", at: field.location)
            }
        }
    }
}
