import Synchronization
/// What a command needs from the outside world; tests substitute every part.
public struct CommandContext: Sendable {
    public var console: Console
    public var fileSystem: any FileSystem
    public var environment: [String: String]
    /// Reads all of standard input (for `-` as a path).
    public var readStandardInput: @Sendable () -> [UInt8]
    /// True when the process ends right after the command (the `lookml` executable): a loaded project is then left
    /// for the operating system to reclaim with the process, instead of freeing its millions of objects one by one
    /// (a third of a second on a 20,000-file project). False in tests and other long-lived hosts.
    public var exitsAfterRun: Bool

    public init(console: Console, fileSystem: any FileSystem, environment: [String: String] = [:],
                readStandardInput: @escaping @Sendable () -> [UInt8] = { [] }, exitsAfterRun: Bool = false) {
        self.console = console
        self.fileSystem = fileSystem
        self.environment = environment
        self.readStandardInput = readStandardInput
        self.exitsAfterRun = exitsAfterRun
    }

    /// Keeps `value` alive until the process exits when `exitsAfterRun` (see there); otherwise does nothing.
    func keepUntilExit(_ value: some Sendable) {
        guard exitsAfterRun else { return }
        ProcessLifetime.kept.withLock { $0.append(value) }
    }
}

/// Values kept until the process exits (see `CommandContext.exitsAfterRun`).
private enum ProcessLifetime {
    static let kept = Mutex<[any Sendable]>([])
}

/// The text `--help` shows for a command, laid out as OVERVIEW / USAGE / ARGUMENTS / OPTIONS.
public struct CommandHelp: Sendable {
    public var usage: String
    public var arguments: [(String, String)]
    public var options: [(String, String)]
    /// Extra paragraphs after the options (exit codes, examples).
    public var discussion: String

    public init(usage: String, arguments: [(String, String)] = [], options: [(String, String)] = [], discussion: String = "") {
        self.usage = usage
        self.arguments = arguments
        self.options = options
        self.discussion = discussion
    }
}

/// One subcommand of `lookml`.
public protocol Command: SendableMetatype {
    /// The word that selects the command (`fmt`).
    static var name: String { get }
    /// One line for the command list.
    static var abstract: String { get }
    static var help: CommandHelp { get }
    /// Reads the command's arguments; throws `.usage` for anything it does not understand.
    init(arguments: inout Arguments) throws(CommandError)
    func run(_ context: CommandContext) throws(CommandError) -> ExitCode
}

extension Command {
    /// Reads the arguments and runs the command, with errors as values.
    static func execute(_ arguments: Arguments, _ context: CommandContext) -> Result<ExitCode, CommandError> {
        do throws(CommandError) {
            var arguments = arguments
            let command = try Self(arguments: &arguments)
            return .success(try command.run(context))
        } catch {
            return .failure(error)
        }
    }

    /// The full `--help` text.
    public static var helpText: String {
        var text = "OVERVIEW: \(abstract)\n\nUSAGE: \(help.usage)\n"
        func section(_ title: String, _ rows: [(String, String)]) {
            guard !rows.isEmpty else { return }
            text += "\n\(title):\n"
            let width = min(28, rows.map(\.0.count).max() ?? 0)
            for (name, description) in rows {
                let padding = name.count < width ? String(repeating: " ", count: width - name.count) : "\n" + String(repeating: " ", count: width + 2)
                text += "  \(name)\(padding)  \(description)\n"
            }
        }
        section("ARGUMENTS", help.arguments)
        section("OPTIONS", help.options + [("-h, --help", "Show help information.")])
        if !help.discussion.isEmpty { text += "\n" + help.discussion + "\n" }
        return text
    }
}

/// A command's name, texts and entry point, without its type: what the dispatcher lists and runs.
public struct CommandEntry: Sendable {
    public let name: String
    public let abstract: String
    public let helpText: String
    let execute: @Sendable (Arguments, CommandContext) -> Result<ExitCode, CommandError>

    init<C: Command>(_ type: C.Type) {
        name = C.name
        abstract = C.abstract
        helpText = C.helpText
        execute = { arguments, context in C.execute(arguments, context) }
    }
}
