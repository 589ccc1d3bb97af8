import LookMLLint
import LookMLProject
import LookMLSyntax
import Testing

/// Every rule's examples are its tests: triggering examples must report exactly at their `↓` markers, the others
/// nothing. Then each triggering example again: commented out, inside a string, and under suppression comments.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = RuleRegistry.descriptions

    /// The default configuration with `rule` turned on and the example's options set.
    static func configuration(_ rule: RuleDescription, _ example: RuleExample) -> LintConfiguration {
        var configuration = LintConfiguration()
        configuration.enabled.insert(rule.code)
        configuration.options[rule.code] = example.options
        return configuration
    }

    static func findings(_ rule: RuleDescription, _ example: RuleExample, files: [ExampleFile]? = nil) -> (Project, [LintFinding]) {
        let project = makeProject((files ?? example.files).map { ($0.path, $0.text) })
        return (project, lint(project, configuration: configuration(rule, example)).filter { $0.code == rule.code })
    }

    static func describe(_ findings: [LintFinding], _ project: Project) -> String {
        findings.map { finding in
            let location = project.files[finding.file]!.source.location(of: finding.range.lowerBound)
            return "\(finding.file)@\(finding.range.lowerBound) (\(location)): \(finding.message)"
        }.joined(separator: "\n")
    }

    @Test("triggering examples report exactly at their markers", arguments: rules)
    func triggering(rule: RuleDescription) {
        for (index, example) in rule.triggeringExamples.enumerated() {
            let (project, findings) = Self.findings(rule, example)
            let actual = findings.map { ExpectedLocation(file: $0.file, offset: $0.range.lowerBound) }.sorted()
            #expect(actual == example.expectedLocations.sorted(),
                    "\(rule.code) triggering example \(index + 1):\n\(Self.describe(findings, project))")
            #expect(!example.expectedLocations.isEmpty, "\(rule.code) triggering example \(index + 1) has no ↓ marker")
        }
    }

    @Test("non-triggering examples report nothing", arguments: rules)
    func nonTriggering(rule: RuleDescription) {
        #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.code) has no non-triggering example")
        for (index, example) in rule.nonTriggeringExamples.enumerated() {
            let (project, findings) = Self.findings(rule, example)
            #expect(findings.isEmpty, "\(rule.code) non-triggering example \(index + 1):\n\(Self.describe(findings, project))")
            #expect(example.expectedLocations.isEmpty, "\(rule.code) non-triggering example \(index + 1) has a ↓ marker")
        }
    }

    /// The files of an example with the marked ones transformed.
    static func transformed(_ example: RuleExample, _ transform: (ExampleFile) -> String) -> (files: [ExampleFile], changed: Set<String>) {
        var changed = Set<String>()
        let files = example.files.map { file -> ExampleFile in
            guard !file.markers.isEmpty else { return file }
            changed.insert(file.path)
            return ExampleFile(file.path, transform(file))
        }
        return (files, changed)
    }

    @Test("triggering examples report nothing when commented out", arguments: rules)
    func insideComment(rule: RuleDescription) {
        for (index, example) in rule.triggeringExamples.enumerated() {
            let (files, changed) = Self.transformed(example) { file in
                file.text.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
            }
            let (project, findings) = Self.findings(rule, example, files: files)
            let inChanged = findings.filter { changed.contains($0.file) }
            #expect(inChanged.isEmpty, "\(rule.code) example \(index + 1) commented out:\n\(Self.describe(inChanged, project))")
        }
    }

    @Test("triggering examples report nothing inside a string", arguments: rules)
    func insideString(rule: RuleDescription) {
        guard rule.insideStrings == nil else { return }
        for (index, example) in rule.triggeringExamples.enumerated() {
            let (files, changed) = Self.transformed(example) { file in
                if file.path.hasSuffix(".dashboard.lookml") {
                    let escaped = file.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                        .replacingOccurrences(of: "\n", with: "\\n")
                    return "- dashboard: example_in_a_string\n  description: \"\(escaped)\"\n"
                }
                let escaped = file.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    .replacingOccurrences(of: "\n", with: "\\n")
                return "label: \"\(escaped)\"\n"
            }
            let (project, findings) = Self.findings(rule, example, files: files)
            let inChanged = findings.filter { changed.contains($0.file) }
            #expect(inChanged.isEmpty, "\(rule.code) example \(index + 1) inside a string:\n\(Self.describe(inChanged, project))")
        }
    }

    @Test("triggering examples report nothing under disable-next-line and disable-file comments", arguments: rules)
    func suppressed(rule: RuleDescription) {
        let isMeta = rule.groups.contains(.lint)
        for (index, example) in rule.triggeringExamples.enumerated() {
            // A `disable-next-line` comment above each marked line, indented like it.
            let (nextLine, _) = Self.transformed(example) { file in
                let source = SourceFile(path: file.path, text: file.text)
                let lines = Set(file.markers.map { source.location(of: $0).line })
                return file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { number, line in
                    guard lines.contains(number + 1) else { return String(line) }
                    let indent = line.prefix { $0 == " " }
                    return "\(indent)# lookml-lint: disable-next-line=\(rule.code) - example\n\(line)"
                }.joined(separator: "\n")
            }
            // A `disable-file` comment at the top (by name, to cover names too).
            let (wholeFile, _) = Self.transformed(example) { file in
                "# lookml-lint: disable-file=\(rule.name) - example\n" + file.text
            }
            for (variant, files) in [("disable-next-line", nextLine), ("disable-file", wholeFile)] {
                let project = makeProject(files.map { ($0.path, $0.text) })
                let all = lint(project, configuration: Self.configuration(rule, example))
                let remaining = all.filter { $0.code == rule.code }
                #expect(remaining.isEmpty, "\(rule.code) example \(index + 1) under \(variant):\n\(Self.describe(remaining, project))")
                if !isMeta {
                    let meta = all.filter { $0.code == "LK901" || $0.code == "LK902" }
                    #expect(meta.isEmpty, "\(rule.code) example \(index + 1) under \(variant): the suppression itself was reported:\n\(Self.describe(meta, project))")
                }
            }
        }
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { "\(code) \(name)" }
}
