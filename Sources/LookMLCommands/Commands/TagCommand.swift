import LookMLProject
import LookMLSyntax

/// `lookml tag braze-id|braze-attr|remove|list …`
struct TagCommand: Command {
    static let name = "tag"
    static let abstract = "Tag dimensions for the Braze Looker Action (braze_id, braze[attr]), remove tags, or list them."
    static let help = CommandHelp(
        usage: """
        lookml tag braze-id <view.field> [<path>] [--force] [--dry-run]
               lookml tag braze-id --auto [<path>] [--dry-run]
               lookml tag braze-attr <view.field> <attr> [<path>] [--dry-run]
               lookml tag remove <view.field> <tag> [<path>] [--dry-run]
               lookml tag list [<path>] [--format text|json]
        """,
        arguments: [
            ("<view.field>", "The dimension to tag."),
            ("<attr>", "The Braze profile attribute the field sets (standard names such as first_name, or a custom one)."),
            ("<tag>", "The tag text to remove, e.g. braze_id or braze[first_name]."),
            ("<path>", "The project root (default: the current directory)."),
        ],
        options: [
            ("--auto", "With braze-id: tag every external user id dimension (external_id, external_user_id, EXTERNAL_USER_ID)."),
            ("--force", "Tag braze_id even when an explore already has another braze_id field."),
            ("--dry-run", "Write nothing; print the diff."),
            ("--format <format>", "With list: text (default) or json."),
        ],
        discussion: """
        The change is the smallest possible: one item added to the field's tags list, or one tags: line added,
        indented like its block (one-line blocks stay on one line; tabs and CRLF are kept). Running it again changes
        nothing. Refused, with nothing written: measures, missing or ambiguous fields, malformed attribute names, and
        a second braze_id in an explore that has one (unless --force).
        """)

    enum Action { case brazeID(String?), brazeAttribute(String, String), remove(String, String), list }

    let action: Action
    let root: String
    let force: Bool
    let dryRun: Bool
    let json: Bool

    init(arguments: inout Arguments) throws(CommandError) {
        force = arguments.flag("--force")
        dryRun = arguments.flag("--dry-run")
        let auto = arguments.flag("--auto")
        let format = try arguments.option("--format")
        guard format == nil || format == "text" || format == "json" else { throw .usage("--format takes text or json") }
        json = format == "json"
        var rest = try arguments.positionals()
        guard !rest.isEmpty else { throw .usage("expected braze-id, braze-attr, remove or list") }
        let verb = rest.removeFirst()
        func root(after count: Int) throws(CommandError) -> String {
            guard rest.count == count || rest.count == count + 1 else { throw .usage("wrong number of arguments for 'tag \(verb)'") }
            return rest.count == count + 1 ? rest[count] : "."
        }
        switch verb {
        case "braze-id":
            if auto {
                action = .brazeID(nil)
                self.root = try root(after: 0)
            } else {
                guard !rest.isEmpty else { throw .usage("expected <view.field> (or --auto)") }
                action = .brazeID(rest[0])
                self.root = try root(after: 1)
            }
        case "braze-attr":
            guard rest.count >= 2 else { throw .usage("expected <view.field> <attr>") }
            action = .brazeAttribute(rest[0], rest[1])
            self.root = try root(after: 2)
        case "remove":
            guard rest.count >= 2 else { throw .usage("expected <view.field> <tag>") }
            action = .remove(rest[0], rest[1])
            self.root = try root(after: 2)
        case "list":
            action = .list
            self.root = try root(after: 0)
        default:
            throw .usage("'\(verb)' is not a tag action (choose from: braze-id, braze-attr, remove, list)")
        }
    }

    func run(_ context: CommandContext) throws(CommandError) -> ExitCode {
        let project = try ProjectLoader(fileSystem: context.fileSystem, retainingTrees: false).load(root)
        let editor = TagEditor(project: project)
        var plans: [(String, Renamer.Plan)] = []
        do throws(TagEditor.Failure) {
            switch action {
            case .list:
                printList(editor, context)
                return .success
            case .brazeID(let field?):
                plans.append((field, try editor.add(.id, to: field, force: force)))
            case .brazeID(nil):
                let fields = editor.externalIDFields()
                if fields.isEmpty { context.console.err("no external user id dimension found\n") }
                for field in fields {
                    do throws(TagEditor.Failure) {
                        plans.append((field, try editor.add(.id, to: field, force: force)))
                    } catch {
                        context.console.err("skipped \(field): \(error.description)\n")
                    }
                }
            case .brazeAttribute(let field, let attribute):
                if let standard = BrazeTag.caseMismatch(attribute) {
                    context.console.err("warning: '\(attribute)' differs from the standard Braze field '\(standard)' only in case; it will be a custom attribute\n")
                }
                plans.append((field, try editor.add(.attribute(attribute), to: field)))
            case .remove(let field, let tag):
                plans.append((field, try editor.remove(tag, from: field)))
            }
        } catch {
            throw .usage(error.description)
        }
        // One plan per field; several fields in one file combine into one write.
        var edits: [String: [Renamer.Edit]] = [:]
        for (_, plan) in plans { for (path, fileEdits) in plan.edits { edits[path, default: []] += fileEdits } }
        if edits.isEmpty {
            context.console.err("nothing to change\n")
            return .success
        }
        for path in edits.keys.sorted() {
            guard let file = project.files[path] else { continue }
            let sorted = edits[path]!.sorted { $0.range.lowerBound < $1.range.lowerBound }
            let updated = Renamer.Plan().apply(to: file.source.bytes, edits: sorted)
            if dryRun {
                context.console.out(UnifiedDiff.make(old: file.source.text, new: String(decoding: updated, as: UTF8.self), oldName: "a/\(path)", newName: "b/\(path)"))
            } else {
                try context.fileSystem.writeAtomically(ProjectLoader.join(root, path), updated)
                context.console.err("tagged \(path)\n")
            }
        }
        return .success
    }

    private func printList(_ editor: TagEditor, _ context: CommandContext) {
        let explores = editor.taggedFieldsByExplore()
        if json {
            var writer = JSONWriter(indent: 2)
            writer.beginArray()
            for (explore, fields) in explores {
                writer.beginObject()
                writer.key("explore"); writer.string(explore)
                writer.key("fields"); writer.beginArray()
                for field in fields {
                    writer.beginObject()
                    writer.key("field"); writer.string(field.field)
                    writer.key("tag"); writer.string(field.tag.text)
                    writer.key("file"); writer.string(field.location.file)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
            context.console.out(String(decoding: writer.bytes, as: UTF8.self) + "\n")
            return
        }
        var output = ""
        for (explore, fields) in explores {
            let ids = fields.filter { $0.tag == .id }.count
            output += "\(explore)" + (ids == 0 ? "  (no braze_id: the action cannot run)" : (ids > 1 ? "  (\(ids) braze_id fields: only the last is used)" : "")) + "\n"
            for field in fields {
                let line = editor.project.files[field.location.file]?.source.location(of: field.location.range.lowerBound).line ?? 0
                output += "  \(field.field)  \(field.tag.text)  \(field.location.file):\(line)\n"
            }
        }
        context.console.out(output.isEmpty ? "no explores\n" : output)
    }
}
