import LookMLSyntax

/// `lookml parse PATH… [--format json|lkml-json|tree|summary]`
struct ParseCommand: Command {
    enum OutputFormat: String, CaseIterable {
        case json
        case lkmlJSON = "lkml-json"
        case tree
        case summary
    }

    static let name = "parse"
    static let abstract = "Parse LookML files and print their syntax tree as JSON, lkml-compatible JSON or an outline."
    static let help = CommandHelp(
        usage: "lookml parse <path>... [--format json|lkml-json|tree|summary]",
        arguments: [("<path>", "LookML files, or directories walked for *.lkml (YAML dashboards are skipped).")],
        options: [("--format <format>", "json (default): the tree with line/column positions; lkml-json: exactly what the Python lkml library's load() returns; tree: an indented outline; summary: one line of totals (files, bytes, fields, errors), a syntax gate for CI.")],
        discussion: "One file prints that file's document; several print one JSON object keyed by path.\nSyntax errors go to standard error with file:line:col; the exit code is then 1.")

    let paths: [String]
    let format: OutputFormat

    init(arguments: inout Arguments) throws(CommandError) {
        format = try arguments.option("--format", as: OutputFormat.self) ?? .json
        paths = try arguments.positionals()
        if paths.isEmpty { throw .usage("expected at least one path") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let files = try SourceCollector(fileSystem: context.fileSystem).lookMLFiles(paths)
        let single = paths.count == 1 && context.fileSystem.kind(of: paths[0]) == false
        let format = self.format
        let reports = context.parseEach(files) { tree, report in
            let level = single ? 0 : 1
            switch format {
            case .json:
                report.output = SyntaxDump(tree: tree).json(indent: 2, level: level)
            case .lkmlJSON:
                var converter = LkmlJSONConverter(tree: tree)
                report.output = converter.json(indent: 2, level: level)
                return converter.diagnostics
            case .tree:
                report.output = Array(SyntaxDump(tree: tree).outline().utf8)
            case .summary:
                report.output = Array(String(tree.document.fieldCount).utf8)
            }
            return []
        }
        var exit = ExitCode.success
        var output: [UInt8] = []
        var totals = (bytes: 0, fields: 0, errors: 0, warnings: 0)
        for (index, report) in reports.enumerated() {
            if let failure = report.failure {
                context.console.err("lookml parse: error: \(failure)\n")
                exit = .failure
                continue
            }
            if !report.diagnostics.isEmpty { context.console.err(report.diagnostics) }
            if report.errors > 0, exit == .success { exit = .findings }
            totals.bytes += report.bytes
            totals.errors += report.errors
            totals.warnings += report.warnings
            switch format {
            case .summary:
                totals.fields += Int(String(decoding: report.output, as: UTF8.self)) ?? 0
            case .tree:
                if !single { output += Array("\(report.path):\n".utf8) }
                output += report.output
            case .json, .lkmlJSON:
                if single {
                    output += report.output
                } else {
                    var key = index == 0 ? "{\n  " : ",\n  "
                    JSONValue.writeString(report.path, to: &key)
                    output += Array((key + ": ").utf8)
                    output += report.output
                }
            }
        }
        switch format {
        case .summary:
            output = Array("\(files.count) files, \(totals.bytes) bytes, \(totals.fields) fields, \(totals.errors) errors, \(totals.warnings) warnings\n".utf8)
        case .tree:
            break
        case .json, .lkmlJSON:
            if !single { output += Array((files.isEmpty ? "{}" : "\n}").utf8) }
            output.append(UInt8(ascii: "\n"))
        }
        context.console.outBytes(output)
        return exit
    }
}
