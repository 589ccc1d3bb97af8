import Warehouse

// `lookml warehouse start|stop|status|url` — a throwaway PostgreSQL in a directory (default `.lookml/warehouse`).

private let directoryOption = ("--dir <dir>", "The warehouse directory (default: \(EmbeddedPostgres.defaultDirectory) under the current directory).")

private let layoutNote = """
    The warehouse directory (--dir; default \(EmbeddedPostgres.defaultDirectory) under the current directory)
    holds warehouse.state (port, superuser and its password; mode 0600), server.log and data/ (the cluster and
    its unix socket). As root the server runs as the 'postgres' user. Needs the Debian package
    '\(PostgresBinaries.debianPackage)' (or LOOKML_POSTGRES_BIN pointing at a directory with initdb and pg_ctl).
    """

extension WarehouseError {
    var commandError: CommandError { .io(message) }
}

/// `lookml warehouse` alone: lists the subcommands.
struct WarehouseCommand: Command {
    static let name = "warehouse"
    static let abstract = "Run a throwaway PostgreSQL warehouse (start, stop, status, url)."
    static let subcommands: [(String, String)] = [
        ("start", WarehouseStartCommand.abstract), ("stop", WarehouseStopCommand.abstract),
        ("status", WarehouseStatusCommand.abstract), ("url", WarehouseURLCommand.abstract),
    ]
    static let help = CommandHelp(
        usage: "lookml warehouse <subcommand> [--dir <dir>]",
        arguments: [("<subcommand>", subcommands.map(\.0).joined(separator: ", "))],
        discussion: "SUBCOMMANDS:\n" + subcommands.map { "  " + $0.0.padding(toLength: 10) + $0.1 }.joined(separator: "\n")
            + "\n\n  See 'lookml warehouse <subcommand> --help' for detailed help.\n\n" + layoutNote)

    init(arguments: inout Arguments) throws(CommandError) {
        let words = try arguments.positionals()
        let names = WarehouseCommand.subcommands.map(\.0).joined(separator: ", ")
        guard let word = words.first else { throw .usage("expected a subcommand: \(names)") }
        throw .usage("unknown subcommand '\(word)' (choose from: \(names))")
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode { .failure }
}

struct WarehouseStartCommand: Command {
    static let name = "warehouse start"
    static let abstract = "Create (initdb) and start the warehouse; print its connection URL."
    static let help = CommandHelp(
        usage: "lookml warehouse start [--dir <dir>] [--timeout <seconds>]",
        options: [directoryOption, ("--timeout <seconds>", "How long to wait for the server to accept connections (default: 60).")],
        discussion: """
            Prints the connection URL (unix socket, no password) on standard output. Starting a running warehouse
            only prints its URL; starting a stopped one keeps its data.

            \(layoutNote)

            EXIT CODES:
              0  the warehouse runs
              2  usage error, or the server could not be created or started
            """)

    let directory: String
    let timeout: Int

    init(arguments: inout Arguments) throws(CommandError) {
        directory = try arguments.option("--dir") ?? EmbeddedPostgres.defaultDirectory
        timeout = try seconds(arguments.option("--timeout"), option: "--timeout") ?? 60
        guard try arguments.positionals().isEmpty else { throw .usage("unexpected argument") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let warehouse = EmbeddedPostgres(directory: directory, environment: context.environment)
        if case .running(let state, _) = warehouse.status() {
            context.console.err("the warehouse in \(warehouse.directory) is already running on port \(state.port)\n")
            context.console.out(state.url + "\n")
            return .success
        }
        let started = ContinuousClock.now
        do throws(WarehouseError) {
            let state = try warehouse.start(timeout: .seconds(timeout))
            let elapsed = ContinuousClock.now - started
            context.console.err("started PostgreSQL in \(warehouse.directory) on port \(state.port) (\(formatSeconds(elapsed)))\n")
            context.console.out(state.url + "\n")
            return .success
        } catch {
            throw error.commandError
        }
    }
}

struct WarehouseStopCommand: Command {
    static let name = "warehouse stop"
    static let abstract = "Stop the warehouse (fast shutdown) and remove its directory."
    static let help = CommandHelp(
        usage: "lookml warehouse stop [--dir <dir>] [--keep]",
        options: [directoryOption, ("--keep", "Stop the server but keep the directory and its data.")],
        discussion: """
            Stopping a warehouse that does not run is not an error.

            EXIT CODES:
              0  the server is stopped (and the directory removed)
              2  usage error, or the server or directory could not be stopped or removed
            """)

    let directory: String
    let keep: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        directory = try arguments.option("--dir") ?? EmbeddedPostgres.defaultDirectory
        keep = arguments.flag("--keep")
        guard try arguments.positionals().isEmpty else { throw .usage("unexpected argument") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let warehouse = EmbeddedPostgres(directory: directory, environment: context.environment)
        let status = warehouse.status()
        do throws(WarehouseError) {
            if keep {
                try warehouse.stop()
                context.console.err(status == .notCreated ? "no warehouse in \(warehouse.directory)\n" : "stopped the warehouse in \(warehouse.directory)\n")
            } else {
                try warehouse.remove()
                context.console.err(status == .notCreated ? "no warehouse in \(warehouse.directory)\n" : "stopped and removed the warehouse in \(warehouse.directory)\n")
            }
            return .success
        } catch {
            throw error.commandError
        }
    }
}

struct WarehouseStatusCommand: Command {
    static let name = "warehouse status"
    static let abstract = "Tell whether the warehouse exists and runs."
    static let help = CommandHelp(
        usage: "lookml warehouse status [--dir <dir>]",
        options: [directoryOption],
        discussion: """
            EXIT CODES:
              0  the warehouse runs
              1  there is no warehouse, or it is stopped
              2  usage error
            """)

    let directory: String

    init(arguments: inout Arguments) throws(CommandError) {
        directory = try arguments.option("--dir") ?? EmbeddedPostgres.defaultDirectory
        guard try arguments.positionals().isEmpty else { throw .usage("unexpected argument") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let warehouse = EmbeddedPostgres(directory: directory, environment: context.environment)
        switch warehouse.status() {
        case .running(let state, let pid):
            context.console.out("running: \(warehouse.directory) (port \(state.port), pid \(pid))\n\(state.tcpParameters.maskedConnectionString)\n")
            return .success
        case .stopped:
            context.console.out("stopped: \(warehouse.directory) (start it with 'lookml warehouse start')\n")
            return .findings
        case .notCreated:
            context.console.out("no warehouse in \(warehouse.directory)\n")
            return .findings
        }
    }
}

struct WarehouseURLCommand: Command {
    static let name = "warehouse url"
    static let abstract = "Print the running warehouse's connection URL."
    static let help = CommandHelp(
        usage: "lookml warehouse url [--dir <dir>] [--tcp]",
        options: [directoryOption,
                  ("--tcp", "Print the TCP URL (127.0.0.1), which includes the superuser's password, instead of the unix-socket URL.")],
        discussion: """
            The default URL connects through the unix socket in the data directory and holds no password.

            EXIT CODES:
              0  printed the URL
              1  there is no running warehouse
              2  usage error
            """)

    let directory: String
    let tcp: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        directory = try arguments.option("--dir") ?? EmbeddedPostgres.defaultDirectory
        tcp = arguments.flag("--tcp")
        guard try arguments.positionals().isEmpty else { throw .usage("unexpected argument") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let warehouse = EmbeddedPostgres(directory: directory, environment: context.environment)
        do throws(WarehouseError) {
            let state = try warehouse.runningState()
            context.console.out((tcp ? state.tcpParameters.connectionURL : state.url) + "\n")
            return .success
        } catch {
            context.console.err("lookml warehouse url: \(error.message)\n")
            return .findings
        }
    }
}

/// A positive whole number of seconds, or a usage error.
func seconds(_ text: String?, option: String) throws(CommandError) -> Int? {
    guard let text else { return nil }
    guard let value = Int(text), value > 0 else { throw .usage("\(option) expects a positive number of seconds, got '\(text)'") }
    return value
}

/// `1.93 s`.
func formatSeconds(_ duration: Duration) -> String {
    let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    let hundredths = Int((milliseconds / 10).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
}
