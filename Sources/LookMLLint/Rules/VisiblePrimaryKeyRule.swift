import LookMLProject
import LookMLSyntax

/// LK103: primary keys users can pick (opt-in).
struct VisiblePrimaryKeyRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK103", name: "views.visible_primary_key",
        summary: "A `primary_key: yes` dimension that is not `hidden: yes`.",
        groups: [.style], severity: .warning, optIn: true,
        rationale: """
        Surrogate keys mean nothing to the people exploring the data and clutter the field picker. Hide them; they
        still work in joins, drills and symmetric aggregates. Opt-in: some teams want keys visible.
        """,
        fix: "Adds `hidden: yes` after `primary_key: yes` (or turns `hidden: no` into `hidden: yes`).",
        triggering: [
            RuleExample("""
            view: orders {
              dimension: ↓id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
            }
            """),
            RuleExample("""
            view: orders {
              dimension: ↓id { primary_key: yes hidden: no sql: ${TABLE}.id ;; }
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
            }
            """),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for view in file.views {
            for field in view.fields where field.isPrimaryKey && !field.isHidden {
                sink.report("primary key '\(view.name).\(field.name)' is visible in the field picker; add 'hidden: yes'",
                            at: field.location, fix: hideFix(field))
            }
        }
    }

    private func hideFix(_ field: FieldSyntax) -> Fix? {
        let reader = field.syntax.reader
        if let hidden = field.syntax.member("hidden"), let value = reader.scalar(hidden) {
            return Fix("set 'hidden: yes' on '\(field.name)'", edits: [TextEdit(range: value.token.textRange, replacement: "yes")])
        }
        guard let key = field.syntax.member("primary_key") else { return nil }
        let end = reader.range(of: key).upperBound
        let bytes = reader.source.bytes
        // On a line of its own: a new line with the same indentation; otherwise on the same line.
        var lineStart = Int(key.key.textStart)
        while lineStart > 0, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
        let ownLine = lineStart == 0 || bytes[lineStart - 1] == UInt8(ascii: "\n")
        var lineEnd = end
        while lineEnd < bytes.count, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 { lineEnd += 1 }
        let endsLine = lineEnd >= bytes.count || bytes[lineEnd] == UInt8(ascii: "\n") || bytes[lineEnd] == UInt8(ascii: "\r")
        let insertion: String
        if ownLine && endsLine {
            let indent = String(decoding: bytes[lineStart..<Int(key.key.textStart)], as: UTF8.self)
            let newline = lineEnd < bytes.count && bytes[lineEnd] == UInt8(ascii: "\r") ? "\r\n" : "\n"
            insertion = newline + indent + "hidden: yes"
        } else {
            insertion = " hidden: yes"
        }
        return Fix("added 'hidden: yes' to '\(field.name)'", edits: [TextEdit(range: end..<end, replacement: insertion)])
    }
}
