import LookMLProject

/// The `lookml` command line: finds the subcommand, handles `--help` and `--version`, runs it, and maps errors
/// to exit codes.
public enum LookMLTool {
    public static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them.
    public static let commands: [CommandEntry] = [
        CommandEntry(QuickstartCommand.self),
        CommandEntry(ParseCommand.self),
        CommandEntry(PrintCommand.self),
        CommandEntry(FormatCommand.self),
        CommandEntry(GenerateCommand.self),
        CommandEntry(CheckCommand.self),
        CommandEntry(LintCommand.self),
        CommandEntry(RenameCommand.self),
        CommandEntry(SQLCommand.self),
        CommandEntry(ValidateCommand.self),
        CommandEntry(TagCommand.self),
        CommandEntry(BrazeCommand.self),
        CommandEntry(WarehouseCommand.self),
        CommandEntry(WarehouseStartCommand.self),
        CommandEntry(WarehouseStopCommand.self),
        CommandEntry(WarehouseStatusCommand.self),
        CommandEntry(WarehouseURLCommand.self),
        CommandEntry(WarehouseDDLCommand.self),
        CommandEntry(WarehouseSeedCommand.self),
    ]

    static let exitCodes = """
    EXIT CODES:
      0  success, nothing found
      1  findings: syntax errors, files that would change, check or lint findings
      2  usage error, or a file that could not be read or written
    """

    static var overview: String {
        var text = """
        OVERVIEW: lookml — parse, format, check and generate LookML for Braze Currents blocks.

        USAGE: lookml <subcommand> [options]

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:

        """
        for command in commands {
            text += "  " + command.name.padding(toLength: 22) + "  " + command.abstract + "\n"
        }
        text += "\n  See 'lookml help <subcommand>' for detailed help.\n\n" + exitCodes + "\n"
        return text
    }

    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        // A two-word command (`warehouse start`) is selected by its two words.
        var arguments = arguments
        if arguments.count > 1, commands.contains(where: { $0.name == arguments[0] + " " + arguments[1] }) {
            arguments.replaceSubrange(0...1, with: [arguments[0] + " " + arguments[1]])
        }
        if arguments.count > 2, arguments[0] == "help", commands.contains(where: { $0.name == arguments[1] + " " + arguments[2] }) {
            arguments.replaceSubrange(1...2, with: [arguments[1] + " " + arguments[2]])
        }
        guard let first = arguments.first else {
            context.console.err(overview)
            return ExitCode.failure.rawValue
        }
        switch first {
        case "-h", "--help":
            context.console.out(overview)
            return ExitCode.success.rawValue
        case "--version", "version":
            context.console.out("lookml \(version)\n")
            return ExitCode.success.rawValue
        case "help":
            guard arguments.count > 1 else { context.console.out(overview); return ExitCode.success.rawValue }
            guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                context.console.err("lookml: error: unknown subcommand '\(arguments[1])'\n")
                return ExitCode.failure.rawValue
            }
            context.console.out(command.helpText)
            return ExitCode.success.rawValue
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let names = commands.map(\.name)
            let suggestion = names.min { editDistance($0, first) < editDistance($1, first) }
                .flatMap { editDistance($0, first) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
            context.console.err("lookml: error: unknown subcommand '\(first)'\(suggestion)\nSee 'lookml --help'.\n")
            return ExitCode.failure.rawValue
        }
        var rest = Arguments(Array(arguments.dropFirst()))
        if rest.flag("-h", "--help") {
            context.console.out(command.helpText)
            return ExitCode.success.rawValue
        }
        switch command.execute(rest, context) {
        case .success(let code):
            return code.rawValue
        case .failure(let error):
            switch error {
            case .usage(let message):
                context.console.err("lookml \(command.name): error: \(message)\nSee 'lookml \(command.name) --help'.\n")
            case .io(let message):
                context.console.err("lookml \(command.name): error: \(message)\n")
            }
            return error.exitCode.rawValue
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
