import LookMLProject
import SQLCompiler
import SQLDialect

/// `lookml validate [PATH] --dialect snowflake|postgres [--explores GLOB] [--format text|json|sarif|github|junit]`
struct ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Compile every explore to SQL and check it against a dialect, offline."
    static let help = CommandHelp(
        usage: "lookml validate [<path>] --dialect snowflake|postgres [--explores <glob>] [--format text|json|sarif|github|junit]",
        arguments: [("<path>", "The project root (default: the current directory).")],
        options: [
            ("--dialect <dialect>", "snowflake or postgres: the profile the SQL is checked against."),
            ("--explores <glob>", "Only explores whose name (or model/explore) matches, e.g. 'email_*' or 'engagement/*'."),
            ("--format <format>", "text (default), json, sarif (2.1.0), github (workflow annotations) or junit (XML)."),
        ],
        discussion: """
        Every explore is compiled with all its dimensions and measures (as 'lookml sql' prints it) and checked
        without a database. Findings point at file:line:col inside the LookML where the text was written, name the
        explore and the field, and give the dialect's equivalent:
          S001 unknown function (warning)        S002 wrong number of arguments
          S003 another dialect's function        S004 syntax the dialect lacks (x:path, ->>, COUNT(DISTINCT a, b),
          S005 another dialect's type                 COUNT(DISTINCT …) OVER, an unaliased subquery)
          S006 unbalanced parentheses            S007 unterminated string, identifier or ${
          S008 ${…} or @{…} that does not resolve, or a view that is not joined
          S009 integer division in a rate measure (warning, Postgres)
          S010 quoted identifier in the opposite case of the dialect's folding (warning)
          S011 LookML the compiler cannot translate (warning)
        Exit 0 when clean, 1 when anything is found, 2 on usage errors.
        """)

    let root: String
    let dialect: DialectProfile
    let explores: String?
    let format: ReportFormat

    init(arguments: inout Arguments) throws(CommandError) {
        format = try arguments.option("--format", as: ReportFormat.self) ?? .text
        let choices = DialectProfile.all.map(\.name).joined(separator: ", ")
        guard let dialectName = try arguments.option("--dialect") else { throw .usage("--dialect is required (choose from: \(choices))") }
        guard let dialect = DialectProfile.named(dialectName) else {
            throw .usage("'\(dialectName)' is not a valid value for --dialect (choose from: \(choices))")
        }
        self.dialect = dialect
        explores = try arguments.option("--explores")
        let paths = try arguments.positionals()
        guard paths.count <= 1 else { throw .usage("expected at most one path (the project root)") }
        root = paths.first ?? "."
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let project = try ProjectLoader(fileSystem: context.fileSystem).load(root)
        let compiler = SQLCompiler(project: project)
        let pattern = explores
        func selected(_ model: String, _ explore: String) -> Bool {
            guard let pattern else { return true }
            return globMatches(pattern, explore) || globMatches(pattern, "\(model)/\(explore)")
        }
        let matching = compiler.explores().filter { selected($0.model, $0.explore) }
        if matching.isEmpty {
            if let pattern { throw .usage("no explore matches '\(pattern)'") }
            context.console.err("lookml validate: no explores to validate\n")
        }
        let findings = SQLValidator(compiler: compiler, dialect: dialect).validate(include: selected)
        let records = findings.map { finding in
            var record = FindingRecord(finding: finding, source: project.files[finding.file]?.source)
            record.finding.file = ProjectLoader.join(root, finding.file)
            return record
        }
        let colored = format == .text && context.console.colorsErrors
        context.console.out(format.render(records, tool: "validate", colored: colored))
        return findings.isEmpty ? .success : .findings
    }
}
