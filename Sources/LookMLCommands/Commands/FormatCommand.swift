import LookMLFormat
import LookMLSyntax

/// `lookml fmt [--check] [--diff] PATH…`
struct FormatCommand: Command {
    static let name = "fmt"
    static let abstract = "Format LookML files in the canonical layout (comments kept, expressions untouched)."
    static let help = CommandHelp(
        usage: "lookml fmt [--check] [--diff] <path>...",
        arguments: [("<path>", "LookML files, directories walked for *.lkml, or - to format standard input to standard output.")],
        options: [
            ("--check", "Write nothing; list the files that would change and exit 1 if any would."),
            ("--diff", "Write nothing; print a unified diff of what would change."),
        ],
        discussion: """
        Files are rewritten atomically and only when their bytes change. Formatting twice changes nothing, and the
        lkml-json of a file is the same before and after. Files with syntax errors are reported and left untouched.
        """)

    let paths: [String]
    let check: Bool
    let diff: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        check = arguments.flag("--check")
        diff = arguments.flag("--diff")
        paths = try arguments.positionals()
        if paths.isEmpty { throw .usage("expected at least one path (use . for the current directory)") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        if paths == ["-"] { return formatStandardInput(context) }
        let files = try SourceCollector(fileSystem: context.fileSystem).lookMLFiles(paths)
        let formatter = Formatter()
        let check = self.check, diff = self.diff
        let reports = context.parseEach(files) { tree, report in
            guard let formatted = try? formatter.format(tree) else {
                report.output = Array("error".utf8)
                return []
            }
            guard formatted != tree.source.bytes else { return [] }
            if diff {
                let path = tree.source.path
                report.output = Array(UnifiedDiff.make(old: tree.source.text, new: String(decoding: formatted, as: UTF8.self),
                                                 oldName: path.hasPrefix("/") ? path : "a/\(path)",
                                                 newName: path.hasPrefix("/") ? path : "b/\(path)").utf8)
            } else if check {
                report.output = Array("changed".utf8)
            } else {
                do throws(CommandError) {
                    try context.fileSystem.writeAtomically(tree.source.path, formatted)
                    report.output = Array("changed".utf8)
                } catch {
                    report.failure = error
                }
            }
            return []
        }
        var changed = 0, unchanged = 0, failed = 0
        var exit = ExitCode.success
        for report in reports {
            if !report.diagnostics.isEmpty { context.console.err(report.diagnostics) }
            if let failure = report.failure {
                context.console.err("lookml fmt: error: \(failure)\n")
                exit = .failure
                continue
            }
            if report.errors > 0 {
                failed += 1
                if exit == .success { exit = .findings }
                continue
            }
            if report.output.isEmpty { unchanged += 1; continue }
            changed += 1
            if diff { context.console.outBytes(report.output) } else if check { context.console.out(report.path + "\n") }
            if check, exit == .success { exit = .findings }
        }
        let verb = (check || diff) ? "would be reformatted" : "reformatted"
        var summary = "\(changed) file\(changed == 1 ? "" : "s") \(verb), \(unchanged) unchanged"
        if failed > 0 { summary += ", \(failed) with syntax errors (not formatted)" }
        context.console.err(summary + "\n")
        return exit
    }

    private func formatStandardInput(_ context: CommandContext) -> ExitCode {
        let tree = SyntaxTree.parse(SourceFile(path: "<stdin>", bytes: context.readStandardInput()))
        context.report(tree.diagnostics, in: tree.source)
        guard let formatted = try? Formatter().format(tree) else {
            context.console.outBytes(tree.source.bytes)
            return .findings
        }
        if check { return formatted == tree.source.bytes ? .success : .findings }
        context.console.outBytes(formatted)
        return .success
    }
}
