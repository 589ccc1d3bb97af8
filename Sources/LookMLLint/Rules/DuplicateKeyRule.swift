#if canImport(Glibc)
import Glibc
#endif
import LookMLProject
import LookMLSyntax

/// LK003: a key set twice in one block.
struct DuplicateKeyRule: FileLintRule {
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

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        guard let reader = file.reader else { return }
        reader.source.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            // The ranges of the keys that may not repeat, of the blocks being walked, innermost last: one array for
            // the whole file (a block has a handful of them, so a scan beats hashing).
            var seen: [Range<Int>] = []
            func walk(_ items: [Item]) {
                let blockStart = seen.count
                for index in items.indices {
                    guard case .field(let field) = items[index] else { continue }
                    let range = field.key.textRange
                    if !KeyCatalog.isRepeatableKey(bytes, range) {
                        if seen[blockStart...].contains(where: { $0.count == range.count && memcmp(base + $0.lowerBound, base + range.lowerBound, range.count) == 0 }) {
                            sink.report("'\(reader.key(field))' is set more than once in this block; the last value wins", file: file.path, range: range)
                        } else {
                            seen.append(range)
                        }
                    }
                    if case .block(let block) = field.value {
                        let mark = seen.count
                        walk(block.items)
                        seen.removeSubrange(mark...)
                    }
                }
            }
            walk(reader.tree.document.items)
        }
    }
}
