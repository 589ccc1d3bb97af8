/// `docs/rules.md`, generated from the rule descriptions (a test fails when the file is stale).
public enum RuleDocumentation {
    public static func markdown(_ rules: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var text = """
        # Lint rules

        <!-- Generated from the rule descriptions in Sources/LookMLLint/Rules/. Do not edit: run
             LOOKML_UPDATE_GOLDEN=1 swift test --filter LookMLLintTests -->

        `lookml lint` runs \(rules.count) rules (\(rules.filter(\.isOptIn).count) of them opt-in). Each has a stable code and a dotted
        name; either can be used in `.lookml-lint.yml` and in suppression comments. In the examples, `↓` marks where
        the finding is reported. Every example is also a test, run again inside a comment, inside a string and under a
        suppression comment.

        | code | name | groups | severity | default | fix |
        | --- | --- | --- | --- | --- | --- |

        """
        for rule in rules {
            text += "| [\(rule.code)](#\(rule.code.lowercased())) | `\(rule.name)` | \(rule.groups.map(\.rawValue).joined(separator: ", ")) "
            text += "| \(rule.defaultSeverity.rawValue) | \(rule.isOptIn ? "opt-in" : "on") | \(rule.fix == nil ? "" : "yes") |\n"
        }
        text += """

        Configuration problems (unknown keys or rules, bad values) are reported as `LK900` with the line and column in
        `.lookml-lint.yml`.

        """
        for rule in rules {
            text += "\n## \(rule.code)\n\n"
            text += "`\(rule.name)` — \(rule.summary)\n\n"
            text += "- Groups: \(rule.groups.map(\.rawValue).joined(separator: ", "))\n"
            text += "- Default severity: \(rule.defaultSeverity.rawValue)\(rule.isOptIn ? " (opt-in: enable it in the configuration)" : "")\n"
            if let fix = rule.fix { text += "- `--fix`: \(fix)\n" }
            if let strings = rule.insideStrings { text += "- Also inside strings: \(strings)\n" }
            for option in rule.options {
                text += "- Option `\(option.name)` (default `\(option.defaultValue)`): \(option.summary)\n"
            }
            text += "\n" + rule.rationale + "\n"
            if !rule.triggeringExamples.isEmpty {
                text += "\n### Triggers\n"
                for example in rule.triggeringExamples { text += render(example) }
            }
            if !rule.nonTriggeringExamples.isEmpty {
                text += "\n### Does not trigger\n"
                for example in rule.nonTriggeringExamples { text += render(example) }
            }
        }
        return text
    }

    private static func render(_ example: RuleExample) -> String {
        var text = ""
        if !example.options.isEmpty {
            text += "\nWith " + example.options.keys.sorted().map { "`\($0): \(example.options[$0]!)`" }.joined(separator: ", ") + ":\n"
        }
        for file in example.files {
            let language = file.path.hasSuffix(".dashboard.lookml") ? "yaml" : "lookml"
            text += "\n`\(file.path)`\n\n```\(language)\n\(file.markedText)\n```\n"
        }
        return text
    }
}
