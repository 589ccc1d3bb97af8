import LookMLProject
import LookMLSyntax

/// LK102: more than one primary key in a view.
struct MultiplePrimaryKeysRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK102", name: "views.multiple_primary_keys",
        summary: "More than one field with `primary_key: yes` in one view (refinements and `extends` included).",
        groups: [.correctness], severity: .error,
        rationale: """
        A view has one primary key. Looker refuses a second, and a refinement that marks another field as the key
        usually means the original one was forgotten. Keep one; for a key over several columns, concatenate them in
        one dimension.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              dimension: ↓order_number {
                primary_key: yes
                sql: ${TABLE}.order_number ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample(ordersView),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        var reported = Set<SourceRange>()
        for view in context.baseViews {
            // Most views extend nothing and mark at most one key: nothing to merge, nothing to report.
            let definitions = context.summary.views(named: view.name)
            if definitions.allSatisfy({ $0.extends.isEmpty }),
               definitions.reduce(0, { count, definition in count + definition.fields.count { $0.isPrimaryKey } }) <= 1 { continue }
            // The last definition of each name wins; keys in definition order.
            var latest: [String: FieldSummary] = [:]
            var order: [String] = []
            for field in context.projectFields(ofView: view.name) {
                if latest[field.name] == nil { order.append(field.name) }
                if latest[field.name] == nil || field.isPrimaryKey { latest[field.name] = field }
            }
            let keys = order.compactMap { latest[$0] }.filter(\.isPrimaryKey)
            guard keys.count > 1 else { continue }
            for extra in keys.dropFirst() where reported.insert(extra.location).inserted {
                sink.report("view '\(view.name)' already has primary key '\(keys[0].name)'; '\(extra.name)' is a second one", at: extra.location)
            }
        }
    }
}
