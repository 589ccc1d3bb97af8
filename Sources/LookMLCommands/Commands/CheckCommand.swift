import BlockGenerator
import LookMLProject

/// `lookml check [PATH] [--format text|json|sarif|github|junit|checkstyle]`
struct CheckCommand: Command {
    static let name = "check"
    static let abstract = "Check that every name in a project resolves: views, fields, explores, models, sets, constants, dashboards."
    static let help = CommandHelp(
        usage: "lookml check [<path>] [--format text|json|sarif|github|junit|checkstyle] [--names <file>]",
        arguments: [("<path>", "The project root (default: the current directory).")],
        options: [
            ("--format <format>", "text (default), json, sarif (2.1.0), github (workflow annotations), junit or checkstyle (XML)."),
            ("--names <file>", "The block generator's naming config: also report Currents sql_table_names and connections that do not follow it (C013)."),
        ],
        discussion: """
        Reports, with file:line:col, a stable id and a "did you mean" when a near name exists: references to unknown
        views, fields, explores, models, sets and constants (C001-C006); fields used through a view that is not joined
        in the explore (C007); duplicate views, explores and fields (C008, C009); extends cycles (C010); includes
        that match no file (C011, a warning); broken dashboards (C012); and syntax errors (P001...).
        Exit 1 when an error is found, 0 otherwise. Made for CI: see the README for a GitHub Actions step.
        """)

    let root: String
    let format: ReportFormat
    let namesFile: String?

    init(arguments: inout Arguments) throws(CommandError) {
        format = try arguments.option("--format", as: ReportFormat.self) ?? .text
        namesFile = try arguments.option("--names")
        let paths = try arguments.positionals()
        guard paths.count <= 1 else { throw .usage("expected at most one path (the project root)") }
        root = paths.first ?? "."
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let project = try ProjectLoader(fileSystem: context.fileSystem, retainingTrees: false).load(root)
        var findings = Checker(project: project).check()
        PhaseTimer.mark("check")
        if let namesFile {
            let naming: Naming
            let bytes = try context.fileSystem.read(namesFile)
            do throws(BlockError) {
                let config = try NamingConfig.load(bytes, path: namesFile)
                naming = try BlockLibrary.embedded().naming(config)
            } catch {
                throw .usage(error.description)
            }
            findings += NamingCheck(project: project, naming: naming).findings()
            findings.sort { ($0.file, $0.range.lowerBound, $0.id) < ($1.file, $1.range.lowerBound, $1.id) }
        }
        let records = findings.map { finding in
            var record = FindingRecord(finding: finding, source: project.files[finding.file]?.source)
            record.finding.file = ProjectLoader.join(root, finding.file)
            return record
        }
        let colored = format == .text && context.console.colorsErrors
        context.console.out(format.render(records, tool: "check", colored: colored))
        context.keepUntilExit(project)
        PhaseTimer.mark("report")
        return findings.contains { $0.severity == .error } ? .findings : .success
    }
}
