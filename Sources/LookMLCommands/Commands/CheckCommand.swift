import LookMLProject

/// `lookml check [PATH] [--format text|json|sarif|github|junit]`
struct CheckCommand: Command {
    static let name = "check"
    static let abstract = "Check that every name in a project resolves: views, fields, explores, models, sets, constants, dashboards."
    static let help = CommandHelp(
        usage: "lookml check [<path>] [--format text|json|sarif|github|junit]",
        arguments: [("<path>", "The project root (default: the current directory).")],
        options: [("--format <format>", "text (default), json, sarif (2.1.0), github (workflow annotations) or junit (XML).")],
        discussion: """
        Reports, with file:line:col, a stable id and a "did you mean" when a near name exists: references to unknown
        views, fields, explores, models, sets and constants (C001-C006); fields used through a view that is not joined
        in the explore (C007); duplicate views, explores and fields (C008, C009); extends cycles (C010); includes
        that match no file (C011, a warning); broken dashboards (C012); and syntax errors (P001...).
        Exit 1 when an error is found, 0 otherwise. Made for CI: see the README for a GitHub Actions step.
        """)

    let root: String
    let format: ReportFormat

    init(arguments: inout Arguments) throws(CommandError) {
        format = try arguments.option("--format", as: ReportFormat.self) ?? .text
        let paths = try arguments.positionals()
        guard paths.count <= 1 else { throw .usage("expected at most one path (the project root)") }
        root = paths.first ?? "."
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let project = try ProjectLoader(fileSystem: context.fileSystem, retainingTrees: false).load(root)
        let findings = Checker(project: project).check()
        let records = findings.map { finding in
            var record = FindingRecord(finding: finding, source: project.files[finding.file]?.source)
            record.finding.file = ProjectLoader.join(root, finding.file)
            return record
        }
        let colored = format == .text && context.console.colorsErrors
        context.console.out(format.render(records, tool: "check", colored: colored))
        return findings.contains { $0.severity == .error } ? .findings : .success
    }
}
