import BlockGenerator
import Foundation
import LookMLProject
import SQLCompiler
import SQLDialect
import Warehouse

/// `lookml quickstart [DIR]` — the whole job on built-in defaults: generate both blocks for Postgres, start an
/// embedded Postgres, create and seed the Currents tables, validate every explore live, run every dashboard tile,
/// stop the server.
struct QuickstartCommand: Command {
    static let name = "quickstart"
    static let abstract = "Generate both blocks for Postgres, seed an embedded warehouse, validate every explore and run every tile."
    static let help = CommandHelp(
        usage: "lookml quickstart [<dir>] [--users <n>] [--days <n>] [--seed <n>] [--jobs <n>] [--timeout <seconds>]",
        arguments: [("<dir>", "Where the blocks are generated (default: ./braze-looker). A re-run updates the files the generator owns.")],
        options: [
            ("--users <n>", "Synthetic users to seed (default: 1000)."),
            ("--days <n>", "Days of synthetic events (default: 30)."),
            ("--seed <n>", "Random seed of the synthetic data (default: 1)."),
            ("--jobs <n>", "Explores validated in parallel, one connection each (default: 4)."),
            ("--timeout <seconds>", "Statement timeout of every query (default: 30)."),
        ],
        discussion: """
        Needs PostgreSQL 15's server binaries (Debian: apt-get install -y postgresql-15). The warehouse lives in a
        temporary directory and is removed at the end, also on failure or Ctrl-C. Prints one table of explores
        (fields, queries, ms) and one of dashboard tiles (rows, ms).
        Exit 0 when every explore validates and every tile runs, 1 otherwise, 2 on usage errors or a missing server.
        """)

    let directory: String
    let users: Int
    let days: Int
    let seed: UInt64
    let jobs: Int
    let timeout: Int

    init(arguments: inout Arguments) throws(CommandError) {
        func number(_ name: String, _ fallback: Int) throws(CommandError) -> Int {
            guard let text = try arguments.option(name) else { return fallback }
            guard let value = Int(text), value > 0 else { throw .usage("\(name) takes a positive whole number") }
            return value
        }
        users = try number("--users", 1000)
        days = try number("--days", 30)
        seed = UInt64(try number("--seed", 1))
        jobs = try number("--jobs", 4)
        timeout = try number("--timeout", 30)
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 else { throw .usage("expected at most one directory") }
        directory = positionals.first ?? "braze-looker"
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let console = context.console
        let started = DispatchTime.now()
        func step(_ text: String) { console.err("== \(text)\n") }

        step("generating both blocks for Postgres into \(directory)")
        let generated = LookMLTool.run(["generate", "--dialect", "postgres", "--out", directory], context: context)
        guard generated != ExitCode.failure.rawValue else { return .failure }

        var config = NamingConfig()
        config.dialect = .postgres
        let naming: Naming
        do throws(BlockError) { naming = try BlockLibrary.embedded().naming(config) } catch { throw .io(error.description) }

        step("starting an embedded PostgreSQL")
        let warehouse: EmbeddedPostgres
        let state: WarehouseState
        do throws(WarehouseError) {
            warehouse = try EmbeddedPostgres.temporary(environment: context.environment)
            do throws(WarehouseError) { state = try warehouse.start() } catch {
                try? warehouse.remove()
                throw error
            }
        } catch {
            throw .io(error.description)
        }
        defer {
            step("stopping the warehouse")
            try? warehouse.remove()
        }
        // Ctrl-C cancels the running queries; only on a terminal, where a person can press it.
        let interrupter = console.errorIsTerminal ? QueryInterrupter() : nil
        let parameters = state.socketParameters
        let connect: @Sendable () throws(PostgresError) -> PostgresConnection = { () throws(PostgresError) in try PostgresConnection(parameters) }

        step("creating and seeding the Currents tables (\(users) users, \(days) days)")
        let seeder: CurrentsSeeder
        do throws(WarehouseError) { seeder = try CurrentsSeeder(naming: naming) } catch { throw .io(error.description) }
        do throws(PostgresError) {
            let connection = try connect()
            defer { connection.close() }
            // The data ends today, so that the dashboards' relative date filters ("last 30 days") find it.
            let today = Int(Date().timeIntervalSince1970) / 86_400 * 86_400
            let options = SyntheticOptions(users: users, days: days, seed: seed, startEpoch: today - days * 86_400)
            let loaded = try seeder.seed(connection, options: options)
            console.err("   \(loaded.reduce(0) { $0 + $1.rows }) rows in \(loaded.count) tables\n")
        } catch {
            throw .io(error.description)
        }

        let project = try ProjectLoader(fileSystem: context.fileSystem).load(directory)
        let compiler = SQLCompiler(project: project)
        let explores = compiler.explores()
        step("validating \(explores.count) explores live")
        let validator = LiveValidator(compiler: compiler, profile: .postgres, statementTimeout: .seconds(Int64(timeout)), jobs: jobs, connect: connect)
        let results: [LiveValidator.ExploreResult]
        do throws(PostgresError) {
            results = try validator.validate(explores, interrupter: interrupter) { done, total, failing in
                if console.errorIsTerminal { console.err("\r   \(done)/\(total) explores, \(failing) with failures") }
            }
            if console.errorIsTerminal { console.err("\n") }
        } catch {
            throw .io(error.description)
        }

        if interrupter?.interrupted == true { throw .io("interrupted: the running queries were cancelled and the warehouse removed") }
        let runner = DashboardRunner(compiler: compiler, profile: .postgres)
        let tiles = runner.tiles()
        step("running \(tiles.count) dashboard tiles")
        var tileResults: [DashboardRunner.TileResult] = []
        do throws(PostgresError) {
            let connection = try connect()
            defer { connection.close() }
            for tile in tiles { tileResults.append(runner.run(tile, on: connection)) }
        } catch {
            throw .io(error.description)
        }

        var output = Table(["explore", "fields", "queries", "ms", "result"])
        for result in results {
            output.add(["\(result.model)/\(result.explore)", String(result.fields), String(result.queries), Self.ms(result.milliseconds),
                        result.error ?? (result.failures.isEmpty ? "ok" : "\(result.failures.count) failing field(s)")])
        }
        var tileTable = Table(["dashboard/tile", "rows", "ms", "result"])
        for result in tileResults {
            tileTable.add(["\(result.tile.dashboard)/\(result.tile.name)", String(result.rows), Self.ms(result.milliseconds), result.error ?? "ok"])
        }
        console.out(output.render() + "\n" + tileTable.render())
        var failures = ""
        for result in results {
            for failure in result.failures {
                let line = project.files[failure.location.file]?.source.location(of: failure.location.range.lowerBound).line ?? 0
                failures += "\(directory)/\(failure.location.file):\(line): error: \(result.explore): \(failure.field): \(failure.message)\n"
            }
        }
        console.err(failures)
        let badExplores = results.filter { !$0.isClean }.count
        let badTiles = tileResults.filter { $0.error != nil }.count
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        console.err("\(results.count) explores validated (\(badExplores) with problems), \(tileResults.count) tiles run (\(badTiles) failed) in \(String(format: "%.1f", seconds)) s\n")
        return badExplores + badTiles == 0 ? .success : .findings
    }

    static func ms(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// A plain text table with aligned columns.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in index == row.count - 1 ? cell : cell.padding(toLength: widths[index]) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
