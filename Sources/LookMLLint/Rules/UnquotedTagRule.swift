import LookMLProject
import LookMLSyntax

/// LK508: tags written without quotes.
struct UnquotedTagRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK508", name: "tags.unquoted",
        summary: "A tag that is not a quoted string in a list (`tags: [braze_id]`, `tags: \"braze_id\"`).",
        groups: [.braze, .correctness], severity: .error,
        rationale: """
        `tags` is a list of strings: `tags: ["braze_id"]`. Looker reads bare words and a lone string inconsistently,
        and the Braze action only sees tags written as quoted strings in a list.
        """,
        fix: "Quotes the tag, or wraps a lone string in a list.",
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: [↓braze_id]
              }
              dimension: first_name {
                sql: ${TABLE}.first_name ;;
                tags: ↓"braze[first_name]"
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for field in file.taggedFields {
            let reader = field.syntax.reader
            for tags in field.syntax.members("tags") {
                switch tags.value {
                case .list(let list):
                    for item in list.items where item.value.kind == .literal && item.pair == nil {
                        let text = reader.text(item.value)
                        sink.report("tag \(text) on '\(field.view).\(field.name)' is not quoted; write \"\(text)\"",
                                    at: field.syntax.location(item.value.textRange),
                                    fix: Fix("quoted tag \(text)", edits: [TextEdit(range: item.value.textRange, replacement: "\"\(text)\"")]))
                    }
                case .string(let token), .literal(let token):
                    let text = reader.text(token)
                    let quoted = token.kind == .string ? text : "\"\(text)\""
                    sink.report("tags of '\(field.view).\(field.name)' are not a list; write [\(quoted)]",
                                at: field.syntax.location(token.textRange),
                                fix: Fix("wrapped tag \(quoted) in a list", edits: [TextEdit(range: token.textRange, replacement: "[\(quoted)]")]))
                default:
                    break
                }
            }
        }
    }
}
