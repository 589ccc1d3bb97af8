import LookMLProject
import LookMLSyntax

/// LK505: Braze tags the action cannot read.
struct BrazeMalformedTagRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK505", name: "braze.malformed_tag",
        summary: "A `braze[…]` tag with an empty name, nested brackets, spaces or a missing `]`, or a misspelt `braze_id`.",
        groups: [.braze], severity: .error,
        rationale: """
        The action reads `"braze[ATTR]"` as the attribute named between `braze[` and the last `]`, and `"braze_id"`
        exactly. Anything else is ignored without a word: `"braze[first name]"`, `"braze[]"`, `"braze[email"` or
        `"Braze_ID"` send nothing.
        """,
        triggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: [↓"Braze_ID"]
              }
              dimension: first_name {
                sql: ${TABLE}.first_name ;;
                tags: [↓"braze[first name]"]
              }
              dimension: email {
                sql: ${TABLE}.email ;;
                tags: [↓"braze[email"]
              }
              dimension: plan {
                sql: ${TABLE}.plan ;;
                tags: ["marketing", ↓"braze[]"]
              }
            }
            """),
        ],
        nonTriggering: [
            BrazeExamples.project("""
            view: users {
              sql_table_name: braze.users ;;
              dimension: external_id {
                primary_key: yes
                sql: ${TABLE}.external_user_id ;;
                tags: ["braze_id", "brazil_team", "marketing"]
              }
            }
            """),
            BrazeExamples.project(BrazeExamples.users),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        for field in file.taggedFields {
            for tag in field.tags {
                guard let problem = Self.problem(tag.text) else { continue }
                sink.report("tag \"\(tag.text)\" on '\(field.view).\(field.name)': \(problem)", at: field.syntax.location(tag.value.token.textRange))
            }
        }
    }

    /// What is wrong with a tag meant for Braze, or nil (also for tags that are not meant for Braze).
    static func problem(_ text: String) -> String? {
        let lowered = text.lowercased()
        if text != "braze_id", ["braze_id", "brazeid", "braze-id", "braze id", "braze_ids"].contains(lowered.trimmingCharacters(" ")) {
            return "the action reads exactly \"braze_id\" (lowercase, no spaces)"
        }
        if case .attribute(let name)? = BrazeTag(text) {
            if text.hasPrefix("braze[") { return BrazeTag.problem(withAttribute: name).map { $0 + "; the action ignores this tag" } }
        }
        if lowered.hasPrefix("braze[") && !text.hasSuffix("]") { return "missing the closing ']'; the action ignores this tag" }
        if lowered.hasPrefix("braze[") && !text.hasPrefix("braze[") { return "write 'braze[' in lowercase; the action ignores this tag" }
        return nil
    }
}

extension String {
    func trimmingCharacters(_ character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
