import LookMLSyntax

/// `lookml print PATH` — parse and print back: always the input, byte for byte.
struct PrintCommand: Command {
    static let name = "print"
    static let abstract = "Parse a LookML file and print it back from the tree, byte for byte."
    static let help = CommandHelp(
        usage: "lookml print <path>",
        arguments: [("<path>", "A LookML file, or - for standard input.")],
        discussion: "The output always equals the input. Syntax errors are reported on standard error and the exit code is 1.")

    let path: String

    init(arguments: inout Arguments) throws(CommandError) {
        let paths = try arguments.positionals()
        guard paths.count == 1 else { throw .usage("expected exactly one path") }
        path = paths[0]
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let bytes = path == "-" ? context.readStandardInput() : try context.fileSystem.read(path)
        let tree = SyntaxTree.parse(SourceFile(path: path == "-" ? "<stdin>" : path, bytes: bytes))
        context.console.outBytes(tree.printedBytes())
        context.report(tree.diagnostics, in: tree.source)
        return tree.hasErrors ? .findings : .success
    }
}
