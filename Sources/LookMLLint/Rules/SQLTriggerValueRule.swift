import LookMLProject
import LookMLSyntax

/// LK105: persistence by `sql_trigger_value` instead of a datagroup.
struct SQLTriggerValueRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK105", name: "views.sql_trigger_value",
        summary: "A derived table persisted with `sql_trigger_value` instead of `datagroup_trigger`.",
        groups: [.maintainability, .performance], severity: .warning,
        rationale: """
        Every `sql_trigger_value` runs its own query on every check, and each table decides alone when to rebuild.
        A `datagroup` in the model (`datagroup: nightly { sql_trigger: SELECT CURRENT_DATE ;; }`) runs one trigger
        for every table that names it with `datagroup_trigger: nightly`, and also drives the cache policy of explores.
        """,
        triggering: [
            RuleExample("""
            view: daily_sends {
              derived_table: {
                sql: SELECT CAST(sent_at AS DATE) AS day, COUNT(*) AS sends FROM braze.email_sends GROUP BY 1 ;;
                ↓sql_trigger_value: SELECT CURRENT_DATE ;;
              }
              dimension: day {
                primary_key: yes
                type: date
                sql: ${TABLE}.day ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: daily_sends {
              derived_table: {
                sql: SELECT CAST(sent_at AS DATE) AS day, COUNT(*) AS sends FROM braze.email_sends GROUP BY 1 ;;
                datagroup_trigger: nightly
              }
              dimension: day {
                primary_key: yes
                type: date
                sql: ${TABLE}.day ;;
              }
            }
            """),
        ])

    private static let key = KnownKey("sql_trigger_value")

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        // The key is rare: most files never use it (the parser recorded which keys they do), and need no walk.
        guard let reader = file.reader, reader.tree.keysPresent.contains(Self.key) else { return }
        func walk(_ items: [Item]) {
            for case .field(let field) in items {
                if field.knownKey == Self.key {
                    sink.report("persist with a datagroup ('datagroup_trigger: name') instead of 'sql_trigger_value'",
                                file: file.path, range: field.key.textRange)
                }
                if case .block(let block) = field.value { walk(block.items) }
            }
        }
        walk(reader.tree.document.items)
    }
}
