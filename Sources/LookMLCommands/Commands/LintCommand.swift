import LookMLLint
import LookMLProject
import LookMLSyntax

/// `lookml lint [PATH] [--format …] [--config FILE] [--baseline FILE [--write-baseline]] [--fix] [--print-config]`
struct LintCommand: Command {
    static let name = "lint"
    static let abstract = "Lint a project: \(RuleRegistry.rules.count) rules (primary keys, fanout, includes, Braze tags, …), configurable, with suppressions and a baseline."
    static let help = CommandHelp(
        usage: "lookml lint [<path>] [--format text|json|sarif|github|junit|checkstyle] [--config <file>] [--baseline <file>] [--write-baseline] [--fix] [--print-config] [--list-rules]",
        arguments: [("<path>", "The project root (default: the current directory).")],
        options: [
            ("--format <format>", "text (default; coloured on a terminal unless NO_COLOR is set), json, sarif (2.1.0, with rule metadata), github (workflow annotations), junit or checkstyle (XML)."),
            ("--config <file>", "The configuration (default: <path>/\(LintConfiguration.defaultFileName) when it exists)."),
            ("--baseline <file>", "Report only findings that are not in this baseline file."),
            ("--write-baseline", "Write every current finding to the --baseline file (entries fixed since are pruned) and exit 0."),
            ("--fix", "Apply the safe fixes (all files written or none), say what changed, then report what is left."),
            ("--print-config", "Print the effective configuration (every rule with its severity and options) and exit."),
            ("--list-rules", "List the rules: code, name, default severity, opt-in."),
        ],
        discussion: """
        Rules, their codes and examples: docs/rules.md. Suppress a finding with a comment:
          # lookml-lint: disable=LK101 - reason              (this line; on its own line: the rest of the block)
          # lookml-lint: disable-next-line=views.primary_key - reason
          # lookml-lint: disable-file=LK106 - reason
        Exit 0 when no finding has error severity, 1 when one does, 2 on a usage, configuration or I/O error.
        """)

    /// The offline SQL validator, when one is available: it reports under `sql.dialect` when a dialect is configured.
    nonisolated(unsafe) static var dialectProvider: (any ExternalFindingProvider)? = SQLValidatorFindingProvider()

    let root: String
    let format: ReportFormat
    let configPath: String?
    let baselinePath: String?
    let writeBaseline: Bool
    let fix: Bool
    let printConfig: Bool
    let listRules: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        format = try arguments.option("--format", as: ReportFormat.self) ?? .text
        configPath = try arguments.option("--config")
        baselinePath = try arguments.option("--baseline")
        writeBaseline = arguments.flag("--write-baseline")
        fix = arguments.flag("--fix")
        printConfig = arguments.flag("--print-config")
        listRules = arguments.flag("--list-rules")
        let paths = try arguments.positionals()
        guard paths.count <= 1 else { throw .usage("expected at most one path (the project root)") }
        root = paths.first ?? "."
        if writeBaseline && baselinePath == nil { throw .usage("--write-baseline needs --baseline <file>") }
        if writeBaseline && fix { throw .usage("--write-baseline and --fix cannot be combined; fix first, then write the baseline") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        if listRules {
            for rule in RuleRegistry.descriptions {
                context.console.out("\(rule.code)  \(rule.name.padding(toLength: 34)) \(rule.defaultSeverity.rawValue.padding(toLength: 8))\(rule.isOptIn ? " opt-in" : "")\n")
            }
            return .success
        }
        let (configuration, configRecords) = try loadConfiguration(context)
        if printConfig {
            for record in configRecords {
                context.console.err("\(record.finding.file):\(record.start.line):\(record.start.column): \(record.finding.severity.rawValue): \(record.finding.message) [\(record.finding.code)]\n")
            }
            context.console.out(configuration.printed(rules: RuleRegistry.descriptions))
            return .success
        }

        // File rules run as each file is loaded; trees are dropped after, so memory stays a small multiple of the
        // project's bytes.
        let fileLinter = Linter(configuration: configuration)
        let loaded = try ProjectLoader(fileSystem: context.fileSystem, retainingTrees: false)
            .load(root) { file, tree in fileLinter.lintFile(file, tree: tree) }
        var project = loaded.project
        var external: [ExternalFinding] = []
        if let dialect = configuration.dialect, let provider = Self.dialectProvider {
            external = provider.findings(in: project, dialect: dialect)
        }
        let linter = Linter(configuration: configuration, externalFindings: external)
        var result = linter.lint(project, files: loaded.inspections)
        PhaseTimer.mark("suppressions")

        if fix {
            let changes = Fixer().changes(for: result.findings, in: project)
            if !changes.isEmpty {
                try write(changes, context)
                let count = changes.reduce(0) { $0 + $1.applied.count }
                context.console.err("lookml lint: fixed \(count) problem\(count == 1 ? "" : "s") in \(changes.count) file\(changes.count == 1 ? "" : "s"):\n")
                for change in changes {
                    for finding in change.applied {
                        let location = project.files[change.path]!.source.location(of: finding.range.lowerBound)
                        context.console.err("  \(ProjectLoader.join(root, change.path)):\(location.line):\(location.column): \(finding.fix!.summary) [\(finding.code)]\n")
                    }
                }
                let replaced = Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0.new) })
                project = Project(files: project.paths.map { path in ProjectFile(path: path, bytes: replaced[path] ?? project.files[path]!.source.bytes) })
                result = linter.lint(project)
            } else {
                context.console.err("lookml lint: nothing to fix\n")
            }
        }

        var findings = result.findings
        if let baselinePath {
            let existing = try readBaseline(baselinePath, context, required: !writeBaseline)
            if writeBaseline {
                let baseline = Baseline.of(findings, in: project)
                let stale = existing?.partition(findings, in: project).stale.count ?? 0
                try context.fileSystem.writeAtomically(baselinePath, baseline.encoded())
                context.console.err("lookml lint: wrote \(baselinePath): \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s")"
                                    + (stale > 0 ? ", \(stale) stale entr\(stale == 1 ? "y" : "ies") pruned" : "") + "\n")
                return .success
            }
            let split = existing!.partition(findings, in: project)
            findings = split.new
            if format == .text, !split.baselined.isEmpty || !split.stale.isEmpty {
                context.console.err("lookml lint: \(split.baselined.count) finding\(split.baselined.count == 1 ? "" : "s") accepted by the baseline"
                                    + (split.stale.isEmpty ? "" : "; \(split.stale.count) baseline entr\(split.stale.count == 1 ? "y is" : "ies are") fixed (run --write-baseline to prune)") + "\n")
            }
        }

        // Paths as the user can open them: under the root they named.
        var sources: [String: SourceFile] = [:]
        for path in Set(findings.map(\.file)) { sources[path] = project.files[path]?.source }
        let records = configRecords + findings.map { finding in
            var record = FindingRecord(finding: finding.finding, source: sources[finding.file])
            record.finding.file = ProjectLoader.join(root, finding.file)
            return record
        }
        PhaseTimer.mark("records")
        let colored = format == .text && context.console.colorsErrors
        context.console.out(format.render(records, tool: "lint", colored: colored, rules: Self.metadata))
        PhaseTimer.mark("report")
        context.keepUntilExit(loaded)
        context.keepUntilExit(project)
        return records.contains { $0.finding.severity == .error } ? .findings : .success
    }

    /// Rule metadata for SARIF: id, dotted name, summary and help.
    static let metadata: [RuleMetadata] = RuleRegistry.descriptions.map { rule in
        RuleMetadata(id: rule.code, name: rule.name, shortDescription: rule.summary,
                     help: rule.rationale + "\n\nSee docs/rules.md#\(rule.code.lowercased()).", defaultSeverity: rule.defaultSeverity,
                     tags: rule.groups.map(\.rawValue))
    } + [RuleMetadata(id: configurationIssueID, name: "lint.configuration", shortDescription: "A problem in .lookml-lint.yml.",
                      help: "Unknown keys, unknown rules and invalid values in the configuration are ignored and reported.", defaultSeverity: .warning)]

    static let configurationIssueID = "LK900"

    /// The configuration and its problems as records; `.io` for a configuration the linter cannot run with.
    private func loadConfiguration(_ context: CommandContext) throws(CommandError) -> (LintConfiguration, [FindingRecord]) {
        let path = configPath ?? ProjectLoader.join(root, LintConfiguration.defaultFileName)
        guard context.fileSystem.kind(of: path) == false else {
            if configPath != nil { throw .io("no configuration file '\(path)'") }
            return (LintConfiguration(), [])
        }
        let bytes = try context.fileSystem.read(path)
        do throws(ConfigurationError) {
            let (configuration, issues) = try ConfigurationLoader.load(bytes, path: path)
            let source = SourceFile(path: path, bytes: bytes)
            let records = issues.map { issue in
                FindingRecord(finding: Finding(id: Self.configurationIssueID, severity: issue.severity, message: issue.message, file: path, range: issue.range),
                              source: source)
            }
            return (configuration, records)
        } catch {
            throw .io("\(path):\(error.description)")
        }
    }

    private func readBaseline(_ path: String, _ context: CommandContext, required: Bool) throws(CommandError) -> Baseline? {
        guard context.fileSystem.kind(of: path) == false else {
            if required { throw .io("no baseline file '\(path)' (create it with --write-baseline)") }
            return nil
        }
        let bytes = try context.fileSystem.read(path)
        do throws(Baseline.LoadError) {
            return try Baseline.decode(bytes)
        } catch {
            throw .io("\(path): \(error.description)")
        }
    }

    /// Writes every changed file, or none: when a write fails, the files already written are put back.
    private func write(_ changes: [Fixer.FileChange], _ context: CommandContext) throws(CommandError) {
        var written: [Fixer.FileChange] = []
        for change in changes {
            do throws(CommandError) {
                try context.fileSystem.writeAtomically(ProjectLoader.join(root, change.path), change.new)
                written.append(change)
            } catch {
                for done in written.reversed() { try? context.fileSystem.writeAtomically(ProjectLoader.join(root, done.path), done.old) }
                throw .io("\(error.description); no file was changed")
            }
        }
    }
}
