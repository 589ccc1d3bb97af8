import BlockGenerator
import LookMLProject
import LookMLSyntax
import SQLCompiler
import Warehouse

/// The live half of `lookml validate`: connects (a URL, the PG* variables, or a throwaway embedded server with the
/// Currents tables), runs every explore through `LiveValidator`, shows progress and a summary, and turns each
/// failing field into a finding (L001) at its LookML location.
struct LiveValidation {
    let target: ValidateCommand.LiveTarget
    let timeout: Int
    let jobs: Int

    static let failure = ("LKM-L001", Severity.error)

    func run(compiler: SQLCompiler, explores: [(model: String, explore: String)], context: CommandContext) throws(CommandError) -> [Finding] {
        switch target {
        case .url(let url):
            let parameters: ConnectionParameters
            do throws(PostgresError) { parameters = try ConnectionParameters(url: url) } catch { throw .io(error.description) }
            return try validate(compiler, explores, parameters, context)
        case .environment:
            return try validate(compiler, explores, ConnectionParameters(environment: context.environment), context)
        case .embedded:
            let warehouse: EmbeddedPostgres
            let state: WarehouseState
            do throws(WarehouseError) {
                warehouse = try EmbeddedPostgres.temporary(environment: context.environment)
                do throws(WarehouseError) { state = try warehouse.start() } catch { try? warehouse.remove(); throw error }
            } catch {
                throw .io(error.description)
            }
            defer { try? warehouse.remove() }
            // Empty Currents tables, so that explores over them can be planned.
            var config = NamingConfig()
            config.dialect = .postgres
            let naming: Naming
            do throws(BlockError) { naming = try BlockLibrary.embedded().naming(config) } catch { throw .io(error.description) }
            do throws(PostgresError) {
                let connection = try PostgresConnection(state.socketParameters)
                defer { connection.close() }
                try connection.execute(CurrentsDDL(naming: naming).script(dropFirst: true))
            } catch {
                throw .io(error.description)
            }
            return try validate(compiler, explores, state.socketParameters, context)
        }
    }

    private func validate(_ compiler: SQLCompiler, _ explores: [(model: String, explore: String)], _ parameters: ConnectionParameters,
                          _ context: CommandContext) throws(CommandError) -> [Finding] {
        let console = context.console
        // Ctrl-C cancels the running queries; only on a terminal, where a person can press it.
        let interrupter = console.errorIsTerminal ? QueryInterrupter() : nil
        let validator = LiveValidator(compiler: compiler, profile: .postgres, statementTimeout: .seconds(Int64(timeout)), jobs: jobs) { () throws(PostgresError) in
            try PostgresConnection(parameters)
        }
        let results: [LiveValidator.ExploreResult]
        do throws(PostgresError) {
            results = try validator.validate(explores, interrupter: interrupter) { done, total, failing in
                if console.errorIsTerminal { console.err("\r\(done)/\(total) explores validated live, \(failing) with failures") }
            }
            if console.errorIsTerminal { console.err("\n") }
        } catch {
            throw .io(error.description)
        }
        var table = Table(["explore", "fields", "queries", "ms", "result"])
        var findings: [Finding] = []
        for result in results {
            table.add(["\(result.model)/\(result.explore)", String(result.fields), String(result.queries), QuickstartCommand.ms(result.milliseconds),
                       result.error ?? (result.failures.isEmpty ? "ok" : "\(result.failures.count) failing field(s)")])
            for failure in result.failures {
                findings.append(Finding(id: Self.failure.0, severity: Self.failure.1,
                                        message: "\(result.model)/\(result.explore): \(failure.field): \(failure.message)",
                                        file: failure.location.file, range: failure.location.range))
            }
            if let error = result.error, let location = compiler.project.explores.first(where: { $0.definition.name == result.explore })?.definition.location {
                findings.append(Finding(id: Self.failure.0, severity: Self.failure.1, message: "\(result.model)/\(result.explore): \(error)",
                                        file: location.file, range: location.range))
            }
        }
        console.err(table.render())
        if interrupter?.interrupted == true { throw .io("interrupted: the running queries were cancelled") }
        return findings
    }
}
