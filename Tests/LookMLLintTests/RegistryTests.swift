import Foundation
import LookMLLint
import LookMLProject
import Testing

@Suite("Rule registry and documentation")
struct RegistryTests {
    @Test("at least 30 rules, with unique, well-formed codes and names, in code order")
    func registry() {
        let rules = RuleRegistry.descriptions
        #expect(rules.count >= 30)
        #expect(Set(rules.map(\.code)).count == rules.count)
        #expect(Set(rules.map(\.name)).count == rules.count)
        #expect(rules.map(\.code) == rules.map(\.code).sorted())
        for rule in rules {
            #expect(rule.code.wholeMatch(of: /LK[0-9]{3}/) != nil, "\(rule.code)")
            #expect(rule.name.wholeMatch(of: /[a-z_]+\.[a-z_]+/) != nil, "\(rule.name)")
            #expect(!rule.groups.isEmpty && !rule.summary.isEmpty && !rule.rationale.isEmpty, "\(rule.code)")
            #expect(!rule.triggeringExamples.isEmpty || rule.code == "LK950", "\(rule.code) has no triggering example")
        }
        #expect(RuleRegistry.lookup("lk101")?.name == "views.primary_key")
        #expect(RuleRegistry.lookup("views.primary_key")?.code == "LK101")
        #expect(RuleRegistry.lookup("views.nothing") == nil)
    }

    @Test("the issue's rules are all there")
    func required() {
        let names: Set<String> = [
            "syntax.error", "references.unknown_view", "references.unknown_field", "views.primary_key", "joins.relationship",
            "joins.fanout_primary_key", "measures.count_fanout", "dimensions.cross_view_reference", "views.hardcoded_schema",
            "views.sql_trigger_value", "fields.description", "views.visible_primary_key", "views.unused", "includes.unused",
            "includes.no_match", "explores.label_length", "dashboards.missing_field", "sql.dialect", "braze.no_id",
            "braze.multiple_ids", "braze.id_on_measure", "braze.id_type", "braze.malformed_tag", "braze.attribute_type",
            "braze.attribute_case", "tags.unquoted",
        ]
        #expect(names.subtracting(RuleRegistry.descriptions.map(\.name)).isEmpty)
        #expect(RuleRegistry.lookup("braze.no_id")?.defaultSeverity == .info)
        #expect(RuleRegistry.lookup("fields.description")?.isOptIn == true)
        #expect(RuleRegistry.lookup("views.visible_primary_key")?.isOptIn == true)
    }

    @Test("docs/rules.md is generated from the rule descriptions (LOOKML_UPDATE_GOLDEN=1 rewrites it)")
    func documentation() throws {
        let url = repositoryRoot.appendingPathComponent("docs/rules.md")
        let generated = RuleDocumentation.markdown()
        if ProcessInfo.processInfo.environment["LOOKML_UPDATE_GOLDEN"] == "1" {
            try generated.write(to: url, atomically: false, encoding: .utf8)
        }
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(existing == generated, "docs/rules.md is stale: run LOOKML_UPDATE_GOLDEN=1 swift test --filter LookMLLintTests")
        for rule in RuleRegistry.descriptions { #expect(generated.contains("## \(rule.code)\n")) }
    }

    @Test("the dialect hook reports handed-in findings under sql.dialect")
    func dialectHook() {
        let project = makeProject(["views/orders.view.lkml": "view: orders {\n  sql_table_name: shop.orders ;;\n}\n"])
        let external = ExternalFinding(source: "snowflake", severity: .error, message: "unknown function 'NVL3'",
                                       location: SourceRange(file: "views/orders.view.lkml", range: 33..<38))
        let findings = Linter(externalFindings: [external]).lint(project).findings.filter { $0.code == "LK950" }
        #expect(findings.map(\.message) == ["unknown function 'NVL3' (snowflake)"])
        #expect(Linter().lint(project).findings.filter { $0.code == "LK950" }.isEmpty)
    }
}
