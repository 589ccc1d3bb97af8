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
        var repeated: [Range<Int>] = []
        reader.source.bytes.withUnsafeBufferPointer { bytes in
            // The keys that may not repeat, of the blocks being walked, innermost last: one array for the whole file
            // (a block has a handful of them, so a scan beats hashing).
            var seen: [SeenKey] = []
            seen.reserveCapacity(64)
            reader.tree.document.items.withUnsafeBufferPointer { Self.walk($0, bytes: bytes, seen: &seen, repeated: &repeated) }
        }
        for range in repeated {
            sink.report("'\(reader.source.text(range))' is set more than once in this block; the last value wins", file: file.path, range: range)
        }
    }

    /// A key already set in a block: known keys are compared by number, unknown ones by bytes.
    private struct SeenKey {
        let range: Range<Int>
        let known: KnownKey

        func isSame(as other: SeenKey, in base: UnsafePointer<UInt8>) -> Bool {
            if known != .unknown || other.known != .unknown { return known == other.known }
            return range.count == other.range.count && memcmp(base + range.lowerBound, base + other.range.lowerBound, range.count) == 0
        }
    }

    /// Adds the keys repeated in a block and in the blocks inside it to `repeated`. Items are read in place, through
    /// a buffer pointer, and state is passed in, not captured: this runs for every key of a project.
    private static func walk(_ items: UnsafeBufferPointer<Item>, bytes: UnsafeBufferPointer<UInt8>, seen: inout [SeenKey],
                             repeated: inout [Range<Int>]) {
        guard let base = bytes.baseAddress else { return }
        let blockStart = seen.count
        for index in items.indices {
            // What the walk needs, read out of the item at once: a field held across the calls below would be copied.
            let key: SeenKey, inner: [Item]?
            switch items[index] {
            case .field(let field):
                key = SeenKey(range: field.key.textRange, known: field.knownKey)
                if case .block(let block) = field.value, !block.items.isEmpty { inner = block.items } else { inner = nil }
            case .unexpected:
                continue
            }
            if !key.known.isRepeatable {
                if seen[blockStart...].contains(where: { $0.isSame(as: key, in: base) }) { repeated.append(key.range) } else { seen.append(key) }
            }
            if let inner {
                let mark = seen.count
                inner.withUnsafeBufferPointer { walk($0, bytes: bytes, seen: &seen, repeated: &repeated) }
                seen.removeSubrange(mark...)
            }
        }
    }
}
