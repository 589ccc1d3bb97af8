import LookMLProject
import LookMLSyntax
import SQLCompiler
import SQLDialect

/// `lookml sql MODEL/EXPLORE [PATH] [--fields a,b] [--dialect D] [--limit N]`
struct SQLCommand: Command {
    static let name = "sql"
    static let abstract = "Print the SQL Looker would send for an explore and a set of fields."
    static let help = CommandHelp(
        usage: "lookml sql <model>/<explore> [<path>] [--fields <a,b>] [--dialect snowflake|postgres] [--limit <n>]",
        arguments: [
            ("<model>/<explore>", "The explore to query, in its model."),
            ("<path>", "The project root (default: the current directory)."),
        ],
        options: [
            ("--fields <a,b>", "Fields to select, as alias.field, comma-separated (default: every dimension and measure)."),
            ("--dialect <dialect>", "snowflake (default) or postgres."),
            ("--limit <n>", "End the query with LIMIT n."),
        ],
        discussion: """
        Compiles the explore as Looker would: dimensions and every timeframe of dimension groups, measures (count,
        count_distinct, sum, average, min, max, median, percentile, list, number over other measures, filters:),
        the joins the fields need, sql_table_name, derived tables (SQL and explore_source) as CTEs, ${TABLE},
        ${field}, ${view.field}, ${view.SQL_TABLE_NAME}, @{constants}, Liquid ({% condition %} with the filter's
        default or 1=1, {% parameter %} with its default value, _in_query), sql_always_where and always_filter
        defaults, GROUP BY. Symmetric aggregates are not generated (see docs/sql.md).
        What could not be compiled is reported on standard error as file:line:col warnings.
        Exit 0 on success; 2 for an unknown model, explore or field (with a suggestion), or a usage error.
        """)

    let model: String
    let explore: String
    let root: String
    let fields: [String]?
    let dialect: DialectProfile
    let limit: Int?

    init(arguments: inout Arguments) throws(CommandError) {
        let fieldList = try arguments.option("--fields")
        let dialectName = try arguments.option("--dialect") ?? "snowflake"
        guard let dialect = DialectProfile.named(dialectName) else {
            throw .usage("'\(dialectName)' is not a valid value for --dialect (choose from: \(DialectProfile.all.map(\.name).joined(separator: ", ")))")
        }
        self.dialect = dialect
        if let text = try arguments.option("--limit") {
            guard let value = Int(text), value >= 0 else { throw .usage("--limit needs a whole number, not '\(text)'") }
            limit = value
        } else {
            limit = nil
        }
        fields = fieldList.map { $0.split(separator: ",").map { String($0).trimmingCharactersInSet() }.filter { !$0.isEmpty } }
        let positionals = try arguments.positionals()
        guard (1...2).contains(positionals.count) else { throw .usage("expected <model>/<explore> [<path>]") }
        let parts = positionals[0].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .usage("expected <model>/<explore>, not '\(positionals[0])'")
        }
        model = parts[0]
        explore = parts[1]
        root = positionals.count == 2 ? positionals[1] : "."
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let project = try ProjectLoader(fileSystem: context.fileSystem).load(root)
        let compiler = SQLCompiler(project: project)
        let query: CompiledQuery
        do throws(CompileError) {
            query = try compiler.compile(model: model, explore: explore, fields: fields, dialect: dialect, options: CompileOptions(limit: limit))
        } catch {
            throw .usage(error.description)
        }
        context.console.out(query.sql)
        for diagnostic in query.diagnostics {
            let location = project.files[diagnostic.location.file].map { $0.source.location(of: diagnostic.location.range.lowerBound).description } ?? "1:1"
            context.console.err("\(ProjectLoader.join(root, diagnostic.location.file)):\(location): warning: \(diagnostic.message)\n")
        }
        return .success
    }
}

extension String {
    func trimmingCharactersInSet() -> String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }
}
