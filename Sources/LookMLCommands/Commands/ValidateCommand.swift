import LookMLProject
import SQLCompiler
import SQLDialect
import Warehouse

/// `lookml validate [PATH] --dialect snowflake|postgres [--explores GLOB] [--format text|json|sarif|github|junit]`
struct ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Compile every explore to SQL and check it against a dialect, offline."
    static let help = CommandHelp(
        usage: "lookml validate [<path>] --dialect snowflake|postgres [--explores <glob>] [--format text|json|sarif|github|junit] [--database <url> | --live | --embedded] [--timeout <seconds>] [--jobs <n>]",
        arguments: [("<path>", "The project root (default: the current directory).")],
        options: [
            ("--dialect <dialect>", "snowflake or postgres: the profile the SQL is checked against."),
            ("--explores <glob>", "Only explores whose name (or model/explore) matches, e.g. 'email_*' or 'engagement/*'."),
            ("--format <format>", "text (default), json, sarif (2.1.0), github (workflow annotations) or junit (XML)."),
            ("--database <url>", "Also run every explore on this PostgreSQL (postgresql://user@host:port/db or key=value): live validation."),
            ("--live", "Live validation on the PostgreSQL the PG* environment variables name (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)."),
            ("--embedded", "Live validation on a throwaway embedded PostgreSQL (empty Currents tables are created), removed afterwards."),
            ("--timeout <seconds>", "Live: statement timeout of each query (default: 30)."),
            ("--jobs <n>", "Live: explores validated in parallel, one connection each (default: 4)."),
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
        Live validation (--database, --live, --embedded; the postgres dialect) then runs, per explore, one
        SELECT … LIMIT 0 with every dimension and measure inside a READ ONLY transaction with a statement timeout;
        when it fails, the fields are bisected until each failing one is isolated (L001, at the field's LookML
        line, with the database's message). A connection or password problem is one line and exit 2; no password
        is ever printed. A progress line is shown on a terminal, and a summary table at the end.
        Exit 0 when clean, 1 when anything is found, 2 on usage errors.
        """)

    let root: String
    let dialect: DialectProfile
    let explores: String?
    let format: ReportFormat
    /// Where live validation runs, if it does.
    enum LiveTarget { case url(String), environment, embedded }
    let live: LiveTarget?
    let timeout: Int
    let jobs: Int

    init(arguments: inout Arguments) throws(CommandError) {
        let database = try arguments.option("--database")
        let useEnvironment = arguments.flag("--live")
        let embedded = arguments.flag("--embedded")
        guard [database != nil, useEnvironment, embedded].filter({ $0 }).count <= 1 else {
            throw .usage("choose one of --database, --live and --embedded")
        }
        live = database.map(LiveTarget.url) ?? (useEnvironment ? .environment : (embedded ? .embedded : nil))
        func number(_ name: String, _ fallback: Int) throws(CommandError) -> Int {
            guard let text = try arguments.option(name) else { return fallback }
            guard let value = Int(text), value > 0 else { throw .usage("\(name) takes a positive whole number") }
            return value
        }
        timeout = try number("--timeout", 30)
        jobs = try number("--jobs", 4)
        format = try arguments.option("--format", as: ReportFormat.self) ?? .text
        let choices = DialectProfile.all.map(\.name).joined(separator: ", ")
        guard let dialectName = try arguments.option("--dialect") else { throw .usage("--dialect is required (choose from: \(choices))") }
        guard let dialect = DialectProfile.named(dialectName) else {
            throw .usage("'\(dialectName)' is not a valid value for --dialect (choose from: \(choices))")
        }
        self.dialect = dialect
        if live != nil, dialect.name != "postgres" { throw .usage("live validation runs on PostgreSQL: use --dialect postgres") }
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
        let validator = SQLValidator(compiler: compiler, dialect: dialect)
        var findings = SQLValidator.merge(parallelMap(matching.count) { validator.validate(model: matching[$0].model, explore: matching[$0].explore) })
        if let live {
            findings += try LiveValidation(target: live, timeout: timeout, jobs: jobs).run(compiler: compiler, explores: matching, context: context)
        }
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
