import LookMLProject
import LookMLSyntax

/// LK507: attribute names one letter-case away from a standard profile field.
struct BrazeAttributeCaseRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK507", name: "braze.attribute_case",
        summary: "A `braze[…]` attribute name that differs only in letter case from a standard Braze profile field.",
        groups: [.braze], severity: .warning,
        rationale: """
        Attribute names are case-sensitive. `braze[First_Name]` does not set the profile's first name: it creates a
        custom attribute `First_Name` next to it. Standard fields (`first_name`, `last_name`, `email`, `phone`,
        `country`, `home_city`, `language`, `gender`, `dob`, `time_zone`, `email_subscribe`, `push_subscribe`) are
        set only by their exact lowercase name.
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
              dimension: first_name {
                sql: ${TABLE}.first_name ;;
                tags: ["braze[↓First_Name]"]
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for field in file.taggedFields {
            for tag in field.tags {
                guard case .attribute(let name)? = tag.brazeTag, tag.text.hasPrefix("braze["), let standard = BrazeTag.caseMismatch(name) else { continue }
                let start = tag.value.range.lowerBound + "braze[".utf8.count
                sink.report("attribute '\(name)' is not the standard profile field '\(standard)' (names are case-sensitive); it creates a custom attribute",
                            at: field.syntax.location(start..<start + name.utf8.count))
            }
        }
    }
}
