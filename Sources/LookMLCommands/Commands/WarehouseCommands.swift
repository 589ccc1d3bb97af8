import BlockGenerator
import Warehouse
#if canImport(Glibc)
import Glibc
#endif

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
    static let abstract = "Run a throwaway PostgreSQL warehouse with Currents tables (start, stop, status, url, ddl, seed)."
    static let subcommands: [(String, String)] = [
        ("start", WarehouseStartCommand.abstract), ("stop", WarehouseStopCommand.abstract),
        ("status", WarehouseStatusCommand.abstract), ("url", WarehouseURLCommand.abstract),
        ("ddl", WarehouseDDLCommand.abstract), ("seed", WarehouseSeedCommand.abstract),
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
                // The default directory's parent, `.lookml`, goes too when nothing else is in it.
                if warehouse.directory.hasSuffix("/.lookml/warehouse") { rmdir(String(warehouse.directory.dropLast("/warehouse".count))) }
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

// MARK: DDL and seed

/// The naming for `ddl` and `seed`: the `--names` file (if any) with `--dialect` and `--layout` applied.
private func warehouseNaming(_ context: CommandContext, names: String?, dialect: WarehouseDialect?, layout: Layout?) throws(CommandError) -> Naming {
    var config = NamingConfig()
    let bytes = try names.map { path throws(CommandError) in try context.fileSystem.read(path) }
    do throws(BlockError) {
        if let names, let bytes { config = try NamingConfig.load(bytes, path: names) }
        return try CurrentsDDL.naming(config: config, dialect: dialect, layout: layout, catalog: try CurrentsCatalog.embedded())
    } catch {
        throw .io(error.description)
    }
}

struct WarehouseDDLCommand: Command {
    static let name = "warehouse ddl"
    static let abstract = "Print CREATE TABLE for every Currents table."
    static let help = CommandHelp(
        usage: "lookml warehouse ddl [--dialect <dialect>] [--layout <layout>] [--names <file>]",
        options: [("--dialect <dialect>", "postgres or snowflake (default: the naming config's, else snowflake)."),
                  ("--layout <layout>", "shared or legacy (default: the naming config's, else shared)."),
                  ("--names <file>", "A naming config (docs/naming.md): schema, table and column names.")],
        discussion: """
            Column types: strings and JSON text are text / VARCHAR, TIME is an integer of epoch seconds (bigint /
            NUMBER(38,0)), floats double precision / FLOAT, booleans boolean / BOOLEAN. The event id is the primary key.

            EXIT CODES:
              0  printed the DDL
              2  usage error, or a naming config that could not be read or is invalid
            """)

    let dialect: WarehouseDialect?
    let layout: Layout?
    let names: String?

    init(arguments: inout Arguments) throws(CommandError) {
        dialect = try arguments.option("--dialect", as: WarehouseDialect.self)
        layout = try arguments.option("--layout", as: Layout.self)
        names = try arguments.option("--names")
        guard try arguments.positionals().isEmpty else { throw .usage("unexpected argument") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let naming = try warehouseNaming(context, names: names, dialect: dialect, layout: layout)
        context.console.out(CurrentsDDL(naming: naming).script())
        return .success
    }
}

struct WarehouseSeedCommand: Command {
    static let name = "warehouse seed"
    static let abstract = "Create the Currents tables and load deterministic synthetic data."
    static let help = CommandHelp(
        usage: "lookml warehouse seed [--users <n>] [--days <d>] [--seed <s>] [--start <date>] [--dir <dir> | --database <url>] [--layout <layout>] [--names <file>]",
        options: [("--users <n>", "How many users (default: 1000)."),
                  ("--days <d>", "How many days of events (default: 30)."),
                  ("--seed <s>", "The random seed; the same seed gives the same data (default: 1)."),
                  ("--start <date>", "The first day, YYYY-MM-DD in UTC (default: 2024-01-01)."),
                  directoryOption,
                  ("--database <url>", "Seed this PostgreSQL database instead of the embedded warehouse."),
                  ("--layout <layout>", "shared or legacy (default: the naming config's, else shared)."),
                  ("--names <file>", "A naming config (docs/naming.md): schema, table and column names.")],
        discussion: """
            Drops and recreates every Currents table, then loads events with COPY in one transaction. The data tells a
            coherent story: users install, return with decaying retention and buy in their own currency; campaigns and
            a Canvas send email, push, in-app, webhook, SMS and Content Cards whose deliveries, opens and clicks follow
            real sends; bounces and unsubscribes stop later email; control-group users convert less often.

            EXIT CODES:
              0  seeded
              2  usage error, no running warehouse, or the database refused the data
            """)

    let options: SyntheticOptions
    let directory: String
    let database: String?
    let layout: Layout?
    let names: String?

    init(arguments: inout Arguments) throws(CommandError) {
        func count(_ name: String, default value: Int) throws(CommandError) -> Int {
            guard let text = try arguments.option(name) else { return value }
            guard let number = Int(text), number > 0 else { throw .usage("\(name) expects a positive number, got '\(text)'") }
            return number
        }
        let users = try count("--users", default: 1000)
        let days = try count("--days", default: 30)
        var seed: UInt64 = 1
        if let text = try arguments.option("--seed") {
            guard let value = UInt64(text) else { throw .usage("--seed expects a non-negative number, got '\(text)'") }
            seed = value
        }
        var startEpoch = SyntheticOptions().startEpoch
        if let text = try arguments.option("--start") {
            guard let epoch = epochOfDate(text) else { throw .usage("--start expects a date YYYY-MM-DD, got '\(text)'") }
            startEpoch = epoch
        }
        options = SyntheticOptions(users: users, days: days, seed: seed, startEpoch: startEpoch)
        directory = try arguments.option("--dir") ?? EmbeddedPostgres.defaultDirectory
        database = try arguments.option("--database")
        layout = try arguments.option("--layout", as: Layout.self)
        names = try arguments.option("--names")
        guard try arguments.positionals().isEmpty else { throw .usage("unexpected argument") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let naming = try warehouseNaming(context, names: names, dialect: .postgres, layout: layout)
        let parameters: ConnectionParameters
        do throws(WarehouseError) {
            if let database {
                do throws(PostgresError) { parameters = try ConnectionParameters(url: database) } catch { throw WarehouseError(.connection, error.description) }
            } else {
                parameters = try EmbeddedPostgres(directory: directory, environment: context.environment).runningState().socketParameters
            }
        } catch {
            throw error.commandError
        }
        let seeder: CurrentsSeeder
        do throws(WarehouseError) { seeder = try CurrentsSeeder(naming: naming) } catch { throw error.commandError }
        let started = ContinuousClock.now
        do throws(PostgresError) {
            let connection = try PostgresConnection(parameters)
            let loaded = try seeder.seed(connection, options: options)
            let width = loaded.map(\.table.count).max() ?? 0
            var text = ""
            for table in loaded { text += table.table.padding(toLength: width) + "  " + String(table.rows) + "\n" }
            context.console.out(text)
            let total = loaded.reduce(0) { $0 + $1.rows }
            context.console.err("seeded \(total) rows into \(loaded.count) tables (\(options.users) users, \(options.days) days, seed \(options.seed)) "
                                + "in \(formatSeconds(ContinuousClock.now - started))\n")
            return .success
        } catch {
            throw .io(error.description)
        }
    }
}

/// Midnight UTC of a `YYYY-MM-DD` date as UNIX epoch seconds.
func epochOfDate(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
          (1...12).contains(month), (1...31).contains(day) else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return (era * 146_097 + doe - 719_468) * 86_400
}
