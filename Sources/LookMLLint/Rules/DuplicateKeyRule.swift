import LookMLProject
import LookMLSyntax

/// LK003: a key set twice in one block.
struct DuplicateKeyRule: LintRule {
    static let description = RuleDescription(
        code: "LK003", name: "syntax.duplicate_key",
        summary: "A key that may appear once set twice in the same block; the last value wins.",
        groups: [.correctness], severity: .warning,
        rationale: """
        `type: string` followed later by `type: number` in the same dimension is not an error for Looker: it keeps the
        last value silently. The first is dead code at best and a lost intention at worst. Keep one.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              dimension: amount {
                type: string
                sql: ${TABLE}.amount ;;
                ↓type: number
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              dimension: amount {
                type: number
                sql: ${TABLE}.amount ;;
              }
            }
            """),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for (path, reader) in context.syntax.readers.sorted(by: { $0.key < $1.key }) {
            func walk(_ items: [Item]) {
                var seen = Set<String>()
                for field in reader.fields(items) {
                    let key = reader.key(field)
                    if !KeyCatalog.repeatableKeys.contains(key), !seen.insert(key).inserted {
                        sink.report("'\(key)' is set more than once in this block; the last value wins", file: path, range: field.key.textRange)
                    }
                    if case .block(let block) = field.value { walk(block.items) }
                }
            }
            walk(reader.tree.document.items)
        }
    }
}
