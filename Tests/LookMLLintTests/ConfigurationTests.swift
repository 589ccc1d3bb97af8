import LookMLCommands
import LookMLLint
import LookMLProject
import LookMLSyntax
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    static func load(_ text: String) throws -> (LintConfiguration, [String]) {
        let source = SourceFile(path: ".lookml-lint.yml", text: text)
        let (configuration, issues) = try ConfigurationLoader.load(source.bytes, path: source.path)
        return (configuration, issues.map { "\(source.location(of: $0.range.lowerBound)) \($0.severity.rawValue): \($0.message)" })
    }

    @Test("a full configuration reads into settings")
    func full() throws {
        let (configuration, issues) = try Self.load("""
        version: 1
        enable: [fields.description, LK103]
        disable: LK106
        rules:
          explores.label_length: { severity: error, max_length: 30 }
          LK101: info
          LK305: off
          views.unused:
            ignore: [tmp_*]
        include: ["views/**"]
        exclude: [views/generated/]
        dialect: snowflake
        """)
        #expect(issues == [])
        #expect(configuration.enabled == ["LK108", "LK103"])
        #expect(configuration.disabled == ["LK106", "LK305"])
        #expect(configuration.severities == ["LK203": .error, "LK101": .info])
        #expect(configuration.options["LK203"] == ["max_length": .int(30)])
        #expect(configuration.options["LK106"] == ["ignore": .strings(["tmp_*"])])
        #expect(configuration.dialect == "snowflake")
        #expect(configuration.reports("views/orders.view.lkml"))
        #expect(!configuration.reports("views/generated/x.view.lkml"))
        #expect(!configuration.reports("models/m.model.lkml"))
        let label = RuleRegistry.lookup("LK203")!
        #expect(configuration.isEnabled(label) && configuration.severity(of: label) == .error)
        #expect(configuration.isEnabled(RuleRegistry.lookup("LK108")!))
        #expect(!configuration.isEnabled(RuleRegistry.lookup("LK106")!))
    }

    @Test("unknown keys, rules, settings and bad values are reported with line:col and ignored")
    func issues() throws {
        let (configuration, issues) = try Self.load("""
        version: 1
        disabel: [LK101]
        enable: [LK1O3, views.primery_key]
        rules:
          LK203:
            max_lenght: 10
            max_length: ten
          LK101: loud
          nothing.here: off
        include: {a: b}
        """)
        #expect(issues == [
            "2:1 warning: unknown key 'disabel'; did you mean 'disable'? (ignored)",
            "3:10 warning: unknown rule 'LK1O3'; did you mean 'LK103'? (ignored)",
            "3:17 warning: unknown rule 'views.primery_key'; did you mean 'views.primary_key'? (ignored)",
            "6:5 warning: unknown setting 'max_lenght' for rule LK203 (explores.label_length); it takes 'severity', 'enabled', 'max_length'; did you mean 'max_length'? (ignored)",
            "7:17 error: option 'max_length' of LK203 must be an integer (ignored)",
            "8:10 error: unknown severity 'loud' for LK101; use error, warning, info or off (ignored)",
            "9:3 warning: unknown rule 'nothing.here' (ignored)",
            "10:10 error: 'include' must be a list of strings",
        ])
        #expect(configuration.enabled.isEmpty && configuration.options.isEmpty && configuration.severities.isEmpty)
    }

    @Test("configurations the linter cannot run with are errors", arguments: [
        ("", "the file is empty; start it with 'version: 1'"),
        ("rules: {}\n", "1:1: missing 'version: 1'"),
        ("version: 2\n", "1:10: unsupported version '2'; this lookml reads version 1"),
        ("- version: 1\n", "1:1: expected a mapping of settings (version, enable, disable, rules, include, exclude, dialect)"),
        ("version: [1\n", "invalid YAML"),
    ])
    func fatal(text: String, message: String) {
        #expect(throws: ConfigurationError.self) { try Self.load(text) }
        do { _ = try Self.load(text) } catch { #expect(String(describing: error).contains(message), "\(error)") }
    }

    @Test("--print-config shows every rule's effective setting and reads back to the same configuration")
    func printConfig() throws {
        let text = """
        version: 1
        enable: [fields.description]
        rules:
          explores.label_length: { severity: error, max_length: 30 }
          LK106: off
        exclude: [imports/]
        """
        let files = SampleProject.fileSystem(["p/.lookml-lint.yml": text])
        let run = runTool(["lint", "p", "--print-config"], files: files)
        #expect(run.exitCode == 0)
        #expect(run.output.contains("  LK203:  # explores.label_length\n    severity: error\n    enabled: true\n    max_length: 30\n"))
        #expect(run.output.contains("  LK108:  # fields.description (opt-in)\n    severity: warning\n    enabled: true\n"))
        #expect(run.output.contains("  LK103:  # views.visible_primary_key (opt-in)\n    severity: warning\n    enabled: false\n"))
        #expect(run.output.contains("  LK106:  # views.unused\n    severity: warning\n    enabled: false\n"))
        let (original, _) = try Self.load(text)
        let (reread, issues) = try Self.load(run.output)
        #expect(issues == [])
        for rule in RuleRegistry.descriptions {
            #expect(reread.isEnabled(rule) == original.isEnabled(rule), "\(rule.code)")
            #expect(reread.severity(of: rule) == original.severity(of: rule), "\(rule.code)")
            #expect(reread.options(of: rule) == original.options(of: rule), "\(rule.code)")
        }
        #expect(reread.exclude == ["imports/"])
        // Without a file: the defaults.
        #expect(runTool(["lint", "p", "--print-config"], files: SampleProject.fileSystem()).output.contains("(defaults: no .lookml-lint.yml found)"))
    }

    @Test("configuration problems are reported with the findings; fatal ones exit 2")
    func commandLine() {
        let files = SampleProject.fileSystem(["p/.lookml-lint.yml": "version: 1\nrulez: {}\n"])
        let run = runTool(["lint", "p"], files: files)
        #expect(run.output.contains("p/.lookml-lint.yml:2:1: warning: unknown key 'rulez'; did you mean 'rules'? (ignored) [LK900]"))
        let fatal = runTool(["lint", "p"], files: SampleProject.fileSystem(["p/.lookml-lint.yml": "version: 3\n"]))
        #expect(fatal.exitCode == 2)
        #expect(fatal.error.contains("p/.lookml-lint.yml:1:10: unsupported version '3'"))
        #expect(runTool(["lint", "p", "--config", "nowhere.yml"], files: SampleProject.fileSystem()).exitCode == 2)
    }

    @Test("severity, enable and include/exclude change what is reported and the exit code")
    func effects() {
        let files = SampleProject.fileSystem()
        let plain = runTool(["lint", "p", "--format", "json"], files: files)
        #expect(plain.exitCode == 1)  // LK508 (unquoted tag) is an error
        #expect(plain.output.contains("\"LK508\"") && plain.output.contains("\"LK101\"") && !plain.output.contains("\"LK108\""))

        files.writeFile("p/.lookml-lint.yml", "version: 1\nrules:\n  LK508: warning\nenable: [LK108]\n")
        let relaxed = runTool(["lint", "p", "--format", "json"], files: files)
        #expect(relaxed.exitCode == 0)
        #expect(relaxed.output.contains("\"LK108\""))

        files.writeFile("p/.lookml-lint.yml", "version: 1\nexclude: [views/orders.view.lkml]\n")
        let excluded = runTool(["lint", "p", "--format", "json"], files: files)
        #expect(excluded.exitCode == 0)
        #expect(!excluded.output.contains("orders.view.lkml"))
        #expect(excluded.output.contains("users.view.lkml"))
    }
}

extension InMemoryFileSystem {
    func writeFile(_ path: String, _ text: String) {
        try? writeAtomically(path, Array(text.utf8))
    }
}
