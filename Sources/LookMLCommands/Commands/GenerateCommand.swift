import BlockGenerator

/// `lookml generate [--block B] [--names FILE] [--dialect D] [--out DIR] [--include X,Y] [--dry-run] [--check] [--force]`
struct GenerateCommand: Command {
    static let name = "generate"
    static let abstract = "Write the Braze message-engagement and user-behavior blocks for your naming and SQL dialect."
    static let help = CommandHelp(
        usage: "lookml generate [--block <block>] [--names <file>] [--dialect <dialect>] [--out <dir>] [--include <parts>] [--dry-run | --check] [--force]",
        options: [
            ("--block <block>", "message-engagement, user-behavior or all (default: all)."),
            ("--names <file>", "The naming config (YAML; see docs/naming.md). Default: every default name."),
            ("--dialect <dialect>", "snowflake or postgres; overrides the config's dialect (default: snowflake)."),
            ("--out <dir>", "Where the model, views/ and dashboards/ go (default: the current directory)."),
            ("--include <parts>", "Optional parts, comma-separated: content-cards, sms."),
            ("--dry-run", "Write nothing; print the plan and a diff of every file that would change."),
            ("--check", "Write nothing; list files that differ from what would be generated and exit 1 if any do."),
            ("--force", "Overwrite files that were edited since they were generated (or never generated)."),
        ],
        discussion: """
        Output is deterministic: the same blocks, config and options give the same bytes. The files written are
        recorded with their SHA-256 in DIR/.lookml-generate.json; a re-run updates the files it wrote and skips (and
        lists) any file edited since, unless --force. A bad config is reported with its line and column, and nothing
        is written. Exit codes: 0 done (or nothing differs with --check), 1 --check found differences, 2 usage,
        configuration or I/O error.
        """)

    enum Block: String, CaseIterable { case messageEngagement = "message-engagement", userBehavior = "user-behavior", all }

    let block: Block
    let namesPath: String?
    let dialect: WarehouseDialect?
    let outputDirectory: String
    let includes: [String]
    let dryRun: Bool
    let check: Bool
    let force: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        dryRun = arguments.flag("--dry-run")
        check = arguments.flag("--check")
        force = arguments.flag("--force")
        block = try arguments.option("--block", as: Block.self) ?? .all
        namesPath = try arguments.option("--names")
        dialect = try arguments.option("--dialect", as: WarehouseDialect.self)
        outputDirectory = try arguments.option("--out") ?? "."
        includes = (try arguments.option("--include") ?? "").split(separator: ",")
            .map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }.filter { !$0.isEmpty }
        let rest = try arguments.positionals()
        if !rest.isEmpty { throw .usage("unexpected argument '\(rest[0])' (generate takes options only)") }
        if dryRun && check { throw .usage("--dry-run and --check cannot be combined") }
        if outputDirectory.isEmpty { throw .usage("--out needs a directory") }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        // One writer per directory at a time: a second generate waits for the first, and says so.
        let directoryLock = dryRun || check ? nil : try context.fileSystem.lockDirectory(outputDirectory) {
            context.console.err("another lookml generate is writing '\(outputDirectory)'; waiting for it to finish\n")
        }
        defer { withExtendedLifetime(directoryLock) {} }
        let fileSystem = context.fileSystem
        // Everything is decided before anything is written.
        let library: BlockLibrary
        do throws(BlockError) { library = try BlockLibrary.embedded() } catch {
            throw .io("the embedded blocks are broken (a bug in this build): \(Self.describe(error))")
        }
        var config = NamingConfig()
        if let namesPath {
            let bytes = try fileSystem.read(namesPath)
            do throws(BlockError) { config = try NamingConfig.load(bytes, path: namesPath) } catch {
                throw .io("\(Self.describe(error)); nothing was written")
            }
        }
        if let dialect { config.dialect = dialect }
        let files: [GeneratedFile]
        do throws(BlockError) {
            let naming = try library.naming(config)
            for part in includes where !library.optionalBlocks.contains(part) {
                throw BlockError(path: "--include", message: "unknown part '\(part)' (choose from: \(library.optionalBlocks.joined(separator: ", ")))")
            }
            files = try library.generate(blocks: block == .all ? [] : [block.rawValue], naming: naming, include: Set(includes))
        } catch {
            throw error.path == "--include" ? .usage(error.message) : .io("\(Self.describe(error)); nothing was written")
        }

        if fileSystem.kind(of: outputDirectory) == false {
            throw .io("'\(outputDirectory)' is a file, not a directory")
        }
        let manifestPath = join(GenerationManifest.fileName)
        var previous: GenerationManifest?
        if fileSystem.kind(of: manifestPath) == false {
            let bytes = try fileSystem.read(manifestPath)
            do throws(BlockError) {
                previous = try GenerationManifest.load(bytes, path: manifestPath)
            } catch {
                throw .io("\(Self.describe(error)) (remove it to start afresh; then existing files count as edited); nothing was written")
            }
        }
        let plan = GenerationPlan.make(files: files, current: { path in
            guard fileSystem.kind(of: join(path)) == false else { return nil }
            return try? fileSystem.read(join(path))
        }, previous: previous, force: force)

        report(plan, context)
        if check { return plan.hasDrift ? .findings : .success }
        if dryRun { return .success }

        // Write: files first, then the manifest, also after a failed write, so the files already written stay the
        // generator's. A file not written keeps its old entry.
        var manifest = previous ?? GenerationManifest()
        for step in plan.steps where step.action == .unchanged { manifest.files[step.path] = plan.manifest.files[step.path] }
        for path in Array(manifest.files.keys) where plan.manifest.files[path] == nil { manifest.files[path] = nil }
        var failure: CommandError?
        for step in plan.writes {
            guard let file = step.file else { continue }
            do throws(CommandError) {
                let path = join(step.path)
                if let slash = path.lastIndex(of: "/") { try fileSystem.createDirectories(String(path[..<slash])) }
                try fileSystem.writeAtomically(path, Array(file.contents.utf8))
                manifest.files[step.path] = plan.manifest.files[step.path]
            } catch {
                failure = error
                break
            }
        }
        if let failure {
            try? writeManifest(manifest, fileSystem)
            throw failure
        }
        try writeManifest(manifest, fileSystem)
        return .success
    }

    private func writeManifest(_ manifest: GenerationManifest, _ fileSystem: any FileSystem) throws(CommandError) {
        let bytes = Array(manifest.rendered().utf8)
        let path = join(GenerationManifest.fileName)
        if (try? fileSystem.read(path)) == bytes { return }
        try fileSystem.createDirectories(outputDirectory)
        try fileSystem.writeAtomically(path, bytes)
    }

    /// Prints the plan: one line per file that is not unchanged (and diffs with --dry-run), then a summary.
    private func report(_ plan: GenerationPlan, _ context: CommandContext) {
        var output = ""
        for step in plan.steps where step.action != .unchanged {
            let verb = check ? (step.action == .create ? "missing" : step.action == .obsolete ? "obsolete" : "differs") : step.action.rawValue
            output += verb.padding(toLength: 10) + " " + join(step.path)
            if !step.reason.isEmpty { output += "  (\(step.reason)\(step.action == .skip ? "; --force overwrites" : ""))" }
            output += "\n"
        }
        if dryRun {
            for step in plan.steps where step.action != .unchanged && step.action != .obsolete && step.action != .skip {
                guard let file = step.file else { continue }
                let path = join(step.path)
                output += UnifiedDiff.make(old: step.current ?? "", new: file.contents,
                                           oldName: step.current == nil ? "/dev/null" : "a/\(path)", newName: "b/\(path)")
            }
        }
        context.console.out(output)
        let total = plan.steps.filter { $0.action != .obsolete }.count
        var parts: [String] = []
        let verbs: [(GenerationPlan.Action, String)] = check || dryRun
            ? [(.create, "to create"), (.update, "to update"), (.overwrite, "to overwrite"), (.unchanged, "unchanged"), (.skip, "edited (kept)"), (.obsolete, "obsolete")]
            : [(.create, "created"), (.update, "updated"), (.overwrite, "overwritten"), (.unchanged, "unchanged"), (.skip, "edited (kept)"), (.obsolete, "obsolete")]
        for (action, text) in verbs where plan.count(action) > 0 { parts.append("\(plan.count(action)) \(text)") }
        context.console.err("\(total) generated file\(total == 1 ? "" : "s") in \(outputDirectory): \(parts.joined(separator: ", "))\n")
    }

    private func join(_ path: String) -> String {
        outputDirectory == "." ? path : (outputDirectory.hasSuffix("/") ? outputDirectory + path : outputDirectory + "/" + path)
    }

    /// A BlockError as `path:line:col: message`.
    static func describe(_ error: BlockError) -> String {
        error.line > 0 ? "\(error.path):\(error.line):\(error.column): \(error.message)" : "\(error.path): \(error.message)"
    }
}
