import LookMLSyntax

/// `lookml parse PATH… [--format json|lkml-json|tree]`
struct ParseCommand: Command {
    enum OutputFormat: String, CaseIterable {
        case json
        case lkmlJSON = "lkml-json"
        case tree
    }

    static let name = "parse"
    static let abstract = "Parse LookML files and print their syntax tree as JSON, lkml-compatible JSON or an outline."
    static let help = CommandHelp(
        usage: "lookml parse <path>... [--format json|lkml-json|tree]",
        arguments: [("<path>", "LookML files, or directories walked for *.lkml (YAML dashboards are skipped).")],
        options: [("--format <format>", "json (default): the tree with line/column positions; lkml-json: exactly what the Python lkml library's load() returns; tree: an indented outline.")],
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
        // Parse and render each file on all cores; print in order.
        let rendered = parallelMap(files.count) { index -> (ParsedFiles.Outcome, String, [Diagnostic]) in
            let outcome = ParsedFiles.parse([files[index]], fileSystem: context.fileSystem)[0]
            guard case .parsed(let tree) = outcome else { return (outcome, "", []) }
            let level = single ? 0 : 1
            switch format {
            case .json:
                var text = ""
                SyntaxDump(tree: tree).json().write(to: &text, indent: 2, level: level)
                return (outcome, text, [])
            case .lkmlJSON:
                var converter = LkmlJSONConverter(tree: tree)
                var text = ""
                converter.convert().write(to: &text, indent: 2, level: level)
                return (outcome, text, converter.diagnostics)
            case .tree:
                return (outcome, SyntaxDump(tree: tree).outline(), [])
            }
        }
        var exit = ExitCode.success
        var output = ""
        for (index, (outcome, text, extra)) in rendered.enumerated() {
            switch outcome {
            case .unreadable(let error):
                context.console.err("lookml parse: error: \(error)\n")
                exit = .failure
                continue
            case .parsed(let tree):
                context.report((tree.diagnostics + extra).sorted { $0.range.lowerBound < $1.range.lowerBound }, in: tree.source)
                if tree.hasErrors, exit == .success { exit = .findings }
            }
            switch format {
            case .tree:
                output += single ? text : "\(files[index]):\n\(text)"
            case .json, .lkmlJSON:
                if single {
                    output += text
                } else {
                    output += index == 0 ? "{\n  " : ",\n  "
                    JSONValue.writeString(files[index], to: &output)
                    output += ": " + text
                }
            }
        }
        if format != .tree {
            if !single { output += files.isEmpty ? "{}" : "\n}" }
            output += "\n"
        }
        context.console.out(output)
        return exit
    }
}
