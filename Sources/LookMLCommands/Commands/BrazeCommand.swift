import BrazeAction
import LookMLProject

/// `lookml braze payload --results FILE [PATH] [--key external_id|braze_id] [--label L] [--ndjson]`
struct BrazeCommand: Command {
    static let name = "braze"
    static let abstract = "Preview the /users/track requests the Braze Looker Action would send for a Look's results."
    static let help = CommandHelp(
        usage: "lookml braze payload --results <file> [<path>] [--key external_id|braze_id] [--label <label>] [--ndjson]",
        arguments: [("<path>", "The project root, whose braze_id / braze[attr] tags and field types are used (default: .).")],
        options: [
            ("--results <file>", "The Look's results as Looker exports them: CSV or JSON (json or json_detail), headers view.field."),
            ("--key <key>", "The unique key of each user object: external_id (default) or braze_id."),
            ("--label <label>", "The value added to the looker_export attribute (default: LOOKER_EXPORT)."),
            ("--ndjson", "Print one request body per line instead of a JSON array."),
        ],
        discussion: """
        Prints exactly the request bodies: {"attributes": [...]} in batches of 75 users, at most 100,000 rows, each
        user with the unique key, "_update_existing_only": true, the tagged attributes (yesno → boolean, number →
        number, date/time → ISO 8601, empty → null) and "looker_export": {"add": [label]}. Untagged columns are not
        sent. Pivoted results and a missing id column are errors; duplicate ids and rows beyond 100,000 are reported.
        Exit 0 when everything would be sent, 1 when something is refused or cut, 2 on usage or I/O errors.
        """)

    let results: String
    let root: String
    let key: PayloadBuilder.UniqueKey
    let label: String
    let ndjson: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        guard let results = try arguments.option("--results") else { throw .usage("--results <file> is required") }
        self.results = results
        key = try arguments.option("--key", as: PayloadBuilder.UniqueKey.self) ?? .external_id
        label = try arguments.option("--label") ?? "LOOKER_EXPORT"
        ndjson = arguments.flag("--ndjson")
        var positionals = try arguments.positionals()
        guard positionals.first == "payload" else { throw .usage("expected 'payload'") }
        positionals.removeFirst()
        guard positionals.count <= 1 else { throw .usage("expected at most one path") }
        root = positionals.first ?? "."
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let bytes = try context.fileSystem.read(results)
        let project = try ProjectLoader(fileSystem: context.fileSystem).load(root)
        var builder = PayloadBuilder(project: project)
        builder.key = key
        builder.label = label
        let payload: PayloadBuilder.Payload
        do throws(QueryResults.Failure) {
            let table = try QueryResults.read(bytes)
            do throws(PayloadBuilder.Failure) {
                payload = try builder.build(table)
            } catch {
                context.console.err("lookml braze: error: \(error.description)\n")
                return .findings
            }
        } catch {
            context.console.err("lookml braze: error: \(error.description)\n")
            return .findings
        }
        var output: [UInt8] = []
        if ndjson {
            for body in payload.bodies { output += body + [0x0A] }
        } else {
            output = Array("[".utf8)
            for (index, body) in payload.bodies.enumerated() { output += Array((index == 0 ? "\n  " : ",\n  ").utf8) + body }
            output += Array((payload.bodies.isEmpty ? "]\n" : "\n]\n").utf8)
        }
        context.console.outBytes(output)
        var summary = "\(payload.rowsSent) row\(payload.rowsSent == 1 ? "" : "s") in \(payload.bodies.count) request\(payload.bodies.count == 1 ? "" : "s")"
        summary += payload.attributeColumns.isEmpty ? ", no attributes" : ", attributes from \(payload.attributeColumns.joined(separator: ", "))"
        if !payload.ignoredColumns.isEmpty { summary += "; not sent (untagged): \(payload.ignoredColumns.joined(separator: ", "))" }
        context.console.err(summary + "\n")
        if payload.duplicateIDs > 0 {
            context.console.err("warning: \(payload.duplicateIDs) row\(payload.duplicateIDs == 1 ? " repeats" : "s repeat") an id already sent; Braze flags each user once\n")
        }
        if payload.rowsCut > 0 {
            context.console.err("error: \(payload.rowsCut) row\(payload.rowsCut == 1 ? "" : "s") beyond the action's limit of \(PayloadBuilder.maximumRows) would not be sent\n")
            return .findings
        }
        return .success
    }
}
