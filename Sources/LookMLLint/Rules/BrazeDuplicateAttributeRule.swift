import LookMLProject
import LookMLSyntax

/// LK509: two fields sending the same attribute.
struct BrazeDuplicateAttributeRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK509", name: "braze.duplicate_attribute",
        summary: "Two fields of one explore tagged with the same `braze[…]` attribute.",
        groups: [.braze], severity: .warning,
        rationale: """
        A user object carries each attribute once: when two fields of a Look send `braze[email]`, one value is
        dropped, and which one depends on the order of columns. Tag one field per attribute.
        """,
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: ["braze_id"]
              }
              dimension: email {
                sql: ${TABLE}.email ;;
                tags: ["braze[email]"]
              }
              dimension: work_email {
                sql: ${TABLE}.work_email ;;
                tags: [↓"braze[email]"]
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        var reported = Set<SourceRange>()
        for use in context.exploreUses {
            var first: [String: BrazeField] = [:]
            for field in context.brazeFields(of: use) {
                guard case .attribute(let name)? = field.tag.brazeTag else { continue }
                guard let earlier = first[name] else { first[name] = field; continue }
                guard earlier.field.location != field.field.location else { continue }
                let location = field.field.location(field.tag.value.token.textRange)
                guard reported.insert(location).inserted else { continue }
                sink.report("'\(field.qualifiedName)' sends attribute '\(name)', which '\(earlier.qualifiedName)' already sends in explore '\(use.name)'",
                            at: location)
            }
        }
    }
}
