import LookMLProject
import LookMLSyntax

/// LK107: dimensions whose SQL reaches into another view.
struct CrossViewReferenceRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK107", name: "dimensions.cross_view_reference",
        summary: "A dimension's SQL references a field of another view (`${other_view.field}`).",
        groups: [.correctness, .maintainability], severity: .warning,
        rationale: """
        A dimension that reads `${users.country}` only works in explores that join `users` under that exact name;
        everywhere else the explore fails to load, and the view can no longer be understood on its own. Bring the
        column into this view's table (a derived table or the warehouse model), or compute the field in the explore
        that joins both. `${view.SQL_TABLE_NAME}` (a subquery on another table) is not reported.
        """,
        triggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              dimension: is_domestic {
                type: yesno
                sql: ${↓users.country} = 'US' ;;
              }
            }
            """),
        ],
        nonTriggering: [
            RuleExample("""
            view: orders {
              dimension: id {
                primary_key: yes
                sql: ${TABLE}.id ;;
              }
              dimension: country {
                sql: ${TABLE}.country ;;
              }
              dimension: is_domestic {
                type: yesno
                sql: ${orders.country} = 'US' AND ${country} IS NOT NULL ;;
              }
            }
            """),
        ])

    /// The members whose SQL a dimension computes its value with.
    static let sqlKeys: [KnownKey] = ["sql", "sql_start", "sql_end", "sql_latitude", "sql_longitude"].map(KnownKey.init)

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for view in file.views {
            for field in view.fields where field.isDimension {
                let reader = field.syntax.reader
                let items = field.syntax.block.items
                for index in items.indices {
                    // Read in place: most members are not SQL, and most SQL names no other view.
                    guard let known = items[index].fieldKnownKey, Self.sqlKeys.contains(known),
                          let body = items[index].scalarValueToken, body.kind == .expression,
                          reader.mayHoldSubstitution(body.textRange) else { continue }
                    for found in qualifiedSubstitutions(in: body.textRange, bytes: reader.source.bytes)
                    where found.qualifier != view.name && found.name != "SQL_TABLE_NAME" {
                        sink.report("dimension '\(view.name).\(field.name)' reads '\(found.qualifier).\(found.name)' from another view; it only works in explores that join '\(found.qualifier)'",
                                    at: field.syntax.location(found.range))
                    }
                }
            }
        }
    }
}
