import LookMLProject

/// `lookml rename KIND OLD NEW [PATH] [--dry-run] [--diff] [--rename-files]`
struct RenameCommand: Command {
    static let name = "rename"
    static let abstract = "Rename a view, explore, model, field, table, connection or constant everywhere it is referenced."
    static let help = CommandHelp(
        usage: "lookml rename <kind> <old> <new> [<path>] [--dry-run] [--diff] [--rename-files] [--force]",
        arguments: [
            ("<kind>", "view, explore, model, field (as view.field), table, connection or constant."),
            ("<old> <new>", "The current and the new name. For a field: view.field and the new field name."),
            ("<path>", "The project root (default: the current directory)."),
        ],
        options: [
            ("--dry-run", "Write nothing; print the plan (files and number of edits) and the diff."),
            ("--diff", "Write nothing; print the diff."),
            ("--rename-files", "Also rename OLD.view.lkml to NEW.view.lkml and fix the include lines that name it."),
            ("--force", "Write even when the rename would add findings to 'lookml check'."),
        ],
        discussion: """
        Every reference site is rewritten with byte-range edits: comments, spacing and quoting stay as they were,
        dashboards included. All files change together or none does. Renaming a view also renames the explores
        and joins named after it without from:/view_name: (their name is the view's). A model is its file, so
        renaming a model renames the file. Running the same rename twice says "nothing to rename".
        Exit 0 on success or nothing to do, 1 when the rename would add check findings, 2 on usage or I/O errors.
        """)

    let kind: Renamer.Kind
    let old: String
    let new: String
    let root: String
    let dryRun: Bool
    let diff: Bool
    let renameFiles: Bool
    let force: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        dryRun = arguments.flag("--dry-run")
        diff = arguments.flag("--diff")
        renameFiles = arguments.flag("--rename-files")
        force = arguments.flag("--force")
        let positionals = try arguments.positionals()
        guard positionals.count == 3 || positionals.count == 4 else { throw .usage("expected <kind> <old> <new> [<path>]") }
        guard let kind = Renamer.Kind(rawValue: positionals[0]) else {
            throw .usage("'\(positionals[0])' is not a kind to rename (choose from: \(Renamer.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.kind = kind
        old = positionals[1]
        new = positionals[2]
        root = positionals.count == 4 ? positionals[3] : "."
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let project = try ProjectLoader(fileSystem: context.fileSystem, retainingTrees: false).load(root)
        let plan: Renamer.Plan
        do throws(Renamer.Failure) {
            plan = try Renamer(project: project).plan(kind, from: old, to: new, renameFiles: renameFiles)
        } catch {
            throw .usage(error.description)
        }
        if plan.isEmpty {
            context.console.err("nothing to rename: no \(kind.rawValue) '\(old)' (it may already be '\(new)')\n")
            return .success
        }
        // The new content of every changed file, and the check findings before and after.
        var changed: [(path: String, old: [UInt8], new: [UInt8])] = []
        for (path, edits) in plan.edits.sorted(by: { $0.key < $1.key }) {
            guard let file = project.files[path] else { continue }
            changed.append((path, file.source.bytes, plan.apply(to: file.source.bytes, edits: edits)))
        }
        let moves = Dictionary(plan.moves.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first })
        // Only changed or moved files are parsed again.
        let newBytes = Dictionary(changed.map { ($0.path, $0.new) }, uniquingKeysWith: { first, _ in first })
        let renamedFiles: [ProjectFile] = project.paths.compactMap { path in
            guard let file = project.files[path] else { return nil }
            if newBytes[path] == nil, moves[path] == nil { return file }
            return ProjectFile(path: moves[path] ?? path, bytes: newBytes[path] ?? file.source.bytes, retainingTree: false)
        }
        let before = Checker(project: project).check().filter { $0.severity == .error }.count
        let afterFindings = Checker(project: Project(files: renamedFiles)).check().filter { $0.severity == .error }
        let summary = "rename \(kind.rawValue) '\(old)' → '\(new)': \(plan.editCount) edit\(plan.editCount == 1 ? "" : "s") in \(changed.count) file\(changed.count == 1 ? "" : "s")"
            + (plan.moves.isEmpty ? "" : ", \(plan.moves.count) file\(plan.moves.count == 1 ? "" : "s") moved")

        if dryRun || diff {
            if dryRun {
                context.console.out(summary + "\n")
                for (path, old, new) in changed { context.console.out("  \(path): \(plan.edits[path]?.count ?? 0) edit(s), \(old.count) → \(new.count) bytes\n") }
                for move in plan.moves { context.console.out("  move \(move.from) → \(move.to)\n") }
            }
            for (path, old, new) in changed {
                context.console.out(UnifiedDiff.make(old: String(decoding: old, as: UTF8.self), new: String(decoding: new, as: UTF8.self),
                                                     oldName: "a/\(path)", newName: "b/\(moves[path] ?? path)"))
            }
            return afterFindings.count > before ? .findings : .success
        }
        if afterFindings.count > before, !force {
            context.console.err("lookml rename: refusing: the rename would add \(afterFindings.count - before) check error(s), e.g.:\n")
            for finding in afterFindings.prefix(5) { context.console.err("  \(finding.file): \(finding.message) [\(finding.code)]\n") }
            context.console.err("Nothing was written. Use --force to write anyway.\n")
            return .findings
        }
        // Write every file; if one write fails, put back the ones already written.
        var written: [(path: String, old: [UInt8])] = []
        for (path, old, new) in changed {
            do throws(CommandError) {
                try context.fileSystem.writeAtomically(ProjectLoader.join(root, path), new)
                written.append((path, old))
            } catch {
                for (restorePath, bytes) in written.reversed() { try? context.fileSystem.writeAtomically(ProjectLoader.join(root, restorePath), bytes) }
                throw .io("\(error.description); no file was changed")
            }
        }
        for move in plan.moves {
            try context.fileSystem.move(ProjectLoader.join(root, move.from), to: ProjectLoader.join(root, move.to))
        }
        context.console.err(summary + "\n")
        return .success
    }
}
