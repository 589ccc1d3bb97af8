import LookMLProject
import LookMLSyntax

/// LK110: dimension groups named after a timeframe.
struct TimeframeSuffixRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK110", name: "dimension_groups.timeframe_suffix",
        summary: "A time dimension group whose name already ends in a timeframe (`created_date`, `sent_time`).",
        groups: [.style], severity: .warning,
        rationale: """
        Looker appends each timeframe to a dimension group's name: `dimension_group: sent_time` gives
        `sent_time_date`, `sent_time_time`, `sent_time_week`. Name the group after the event (`sent`) so the fields
        read `sent_date`, `sent_week`.
        """,
        triggering: [
            RuleExample("""
            view: email_sends {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              dimension_group: ↓sent_time {
                type: time
                timeframes: [raw, time, date, week]
                sql: ${TABLE}.time ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: email_sends {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              dimension_group: sent {
                type: time
                timeframes: [raw, time, date, week]
                sql: ${TABLE}.time ;;
              }
              dimension_group: delivery_time {
                type: duration
                sql_start: ${TABLE}.sent_at ;;
                sql_end: ${TABLE}.delivered_at ;;
              }
            }
            """),
        ])

    static let timeframes = ["raw", "time", "date", "week", "month", "quarter", "year", "timestamp", "datetime"]

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for view in file.views {
            for field in view.fields where field.kind == .dimension_group && field.effectiveType == "time" {
                guard let suffix = Self.timeframes.first(where: { field.name.hasSuffix("_" + $0) }) else { continue }
                let base = String(field.name.dropLast(suffix.count + 1))
                sink.report("dimension group '\(field.name)' ends in '_\(suffix)', so its fields read '\(field.name)_date'; name it '\(base)'",
                            at: field.location)
            }
        }
    }
}
