import LookMLSyntax

/// Adds and removes tags on a field's `tags:` list with the smallest byte change: one list item added or removed,
/// or one `tags:` line added, indented like its block, in the file's line-break style.
public struct TagEditor: Sendable {
    public let project: Project

    public init(project: Project) { self.project = project }

    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case unknownField(String, suggestion: String?)
        case ambiguous(String, places: [String])
        case notADimension(String, kind: String)
        case invalidAttribute(String, reason: String)
        case secondBrazeID(field: String, explore: String, existing: String)
        case invalidName(String)

        public var description: String {
            switch self {
            case .unknownField(let field, let suggestion):
                return "there is no field '\(field)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            case .ambiguous(let field, let places): return "'\(field)' is defined in several places (\(places.joined(separator: ", "))); tag it where it is defined once"
            case .notADimension(let field, let kind): return "'\(field)' is a \(kind); the Braze action reads tags on dimensions only"
            case .invalidAttribute(let name, let reason): return "'braze[\(name)]' is not a valid attribute tag: \(reason)"
            case .secondBrazeID(let field, let explore, let existing):
                return "explore '\(explore)' already has a braze_id field ('\(existing)'); tagging '\(field)' too would make the action use only the last one (use --force to tag anyway)"
            case .invalidName(let name): return "'\(name)' is not view.field"
            }
        }
    }

    /// A located field definition: its file and the block that holds its members.
    struct Target {
        var file: ProjectFile
        var tree: SyntaxTree
        var block: BlockValue
        var definition: FieldDefinition
    }

    /// The edits that add `tag` to `view.field` (empty when it is already there).
    public func add(_ tag: BrazeTag, to name: String, force: Bool = false) throws(Failure) -> Renamer.Plan {
        if case .attribute(let attribute) = tag, let reason = BrazeTag.problem(withAttribute: attribute) {
            throw .invalidAttribute(attribute, reason: reason)
        }
        let target = try locate(name)
        if target.definition.kind == .measure || target.definition.kind == .filter || target.definition.kind == .parameter {
            throw .notADimension(name, kind: target.definition.kind.rawValue)
        }
        if target.definition.tags.contains(tag.text) { return Renamer.Plan() }
        if tag == .id, !force {
            for (explore, existing) in brazeIDFields(sharingExploresWith: name) where existing != name {
                throw .secondBrazeID(field: name, explore: explore, existing: existing)
            }
        }
        var plan = Renamer.Plan()
        plan.edits[target.file.path] = [insertion(of: tag.text, into: target)]
        return plan
    }

    /// The edits that remove `tag` (a tag text) from `view.field` (empty when it is not there).
    public func remove(_ tag: String, from name: String) throws(Failure) -> Renamer.Plan {
        let target = try locate(name)
        let access = SyntaxAccess(tree: target.tree)
        guard let tagsField = access.first(.tags, in: target.block.items), let list = access.list(tagsField) else { return Renamer.Plan() }
        let items = list.items
        guard let index = items.firstIndex(where: { access.unquoted($0.value).text == tag }) else { return Renamer.Plan() }
        var plan = Renamer.Plan()
        let range: Range<Int>
        if items.count == 1 {
            // The last tag: drop the whole `tags:` line.
            range = lineRange(of: tagsField, in: target.tree)
        } else if index < items.count - 1 {
            range = Int(items[index].value.textStart)..<Int(items[index + 1].value.textStart)
        } else {
            range = Int(items[index - 1].value.textEnd)..<Int(items[index].value.textEnd)
        }
        plan.edits[target.file.path] = [Renamer.Edit(range: range, replacement: "")]
        return plan
    }

    /// Every field tagged `braze_id` in an explore that also shows `field` (`view.field`), by explore name, as
    /// `view.field`. An explore whose `fields:` leave `field` out, or the tagged field, does not count: the action
    /// only sees what a Look of the explore can select.
    func brazeIDFields(sharingExploresWith field: String) -> [(explore: String, field: String)] {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        var result: [(String, String)] = []
        for model in project.models {
            let scope = project.scope(of: model)
            for explore in scope.explores.keys.sorted() {
                guard let aliases = scope.aliases(ofExplore: explore), Set(aliases.values).contains(parts[0]),
                      let visible = scope.visibleFields(ofExplore: explore),
                      visible.contains(where: { aliases[$0.alias] == parts[0] && $0.field.name == parts[1] }) else { continue }
                var seen = Set<String>()
                for (alias, definition) in visible where definition.tags.contains("braze_id") {
                    let name = "\(aliases[alias]!).\(definition.name)"
                    if seen.insert(name).inserted { result.append(("\(model.name)/\(explore)", name)) }
                }
            }
        }
        return result
    }

    func locate(_ name: String) throws(Failure) -> Target {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .invalidName(name) }
        let viewName = String(parts[0]), fieldName = String(parts[1])
        var found: [Target] = []
        for definition in project.views where definition.name == viewName {
            guard let field = definition.fields.first(where: { $0.name == fieldName }),
                  let file = project.files[definition.location.file], let tree = file.tree,
                  let block = fieldBlock(in: tree, at: field.location.range) else { continue }
            found.append(Target(file: file, tree: tree, block: block, definition: field))
        }
        if found.isEmpty {
            let candidates = project.views.filter { $0.name == viewName }.flatMap(\.fields).map { "\(viewName).\($0.name)" }
            throw .unknownField(name, suggestion: nearestName(to: name, in: candidates.isEmpty ? project.views.flatMap { view in view.fields.map { "\(view.name).\($0.name)" } } : candidates))
        }
        if found.count > 1 {
            throw .ambiguous(name, places: found.map { "\($0.file.path):\($0.file.source.location(of: $0.definition.location.range.lowerBound).line)" })
        }
        return found[0]
    }

    /// The block of the field whose name token sits at `nameRange`.
    private func fieldBlock(in tree: SyntaxTree, at nameRange: Range<Int>) -> BlockValue? {
        func search(_ items: [Item]) -> BlockValue? {
            for item in items {
                guard case .field(let field) = item, case .block(let block) = field.value else { continue }
                if let name = block.name, name.textRange.lowerBound <= nameRange.lowerBound, name.textRange.upperBound >= nameRange.upperBound {
                    return block
                }
                if Int(block.leftBrace.textStart) < nameRange.lowerBound, Int(block.rightBrace.textEnd) >= nameRange.upperBound || block.rightBrace.isMissing,
                   let inner = search(block.items) {
                    return inner
                }
            }
            return nil
        }
        return search(tree.document.items)
    }

    /// The edit adding a tag: into an existing `tags:` list, or as a new `tags:` line.
    private func insertion(of tag: String, into target: Target) -> Renamer.Edit {
        let access = SyntaxAccess(tree: target.tree)
        let quoted = "\"\(tag)\""
        if let tagsField = access.first(.tags, in: target.block.items), let list = access.list(tagsField) {
            if let last = list.items.last {
                let end = Int((last.pair?.value ?? last.value).textEnd)
                return Renamer.Edit(range: end..<end, replacement: ", " + quoted)
            }
            let at = Int(list.leftBracket.textEnd)
            return Renamer.Edit(range: at..<at, replacement: quoted)
        }
        let bytes = target.tree.source.bytes
        let fields = access.fields(target.block.items)
        let line = "tags: [\(quoted)]"
        guard let last = fields.last else {
            let at = Int(target.block.leftBrace.textEnd)
            return Renamer.Edit(range: at..<at, replacement: " \(line) ")
        }
        var lastEnd = Int(last.key.textEnd)
        last.forEachToken { if !$0.isMissing { lastEnd = max(lastEnd, Int($0.textEnd)) } }
        // A block written on one line stays on one line.
        if !bytes[Int(target.block.leftBrace.textEnd)..<Int(target.block.rightBrace.textStart)].contains(UInt8(ascii: "\n")) {
            return Renamer.Edit(range: lastEnd..<lastEnd, replacement: " " + line)
        }
        // Otherwise a new line after the last member's line, indented like the first member.
        var lineEnd = lastEnd
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
        let first = fields[0].key
        var indentStart = Int(first.textStart)
        while indentStart > 0, bytes[indentStart - 1] == 0x20 || bytes[indentStart - 1] == 0x09 { indentStart -= 1 }
        let indent = String(decoding: bytes[indentStart..<Int(first.textStart)], as: UTF8.self)
        let newline = lineEnd < bytes.count && bytes[lineEnd] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        // When the first member shares the `{` line, indent one step more than the block's own line.
        let indentation = indentStart > 0 && (bytes[indentStart - 1] == UInt8(ascii: "\n")) ? indent : blockIndent(target, bytes) + "  "
        return Renamer.Edit(range: lineEnd..<lineEnd, replacement: newline + indentation + line)
    }

    private func blockIndent(_ target: Target, _ bytes: [UInt8]) -> String {
        var start = Int(target.block.leftBrace.textStart)
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The bytes of a field's whole line (with its line break) when it stands alone on it, else the field itself.
    private func lineRange(of field: Field, in tree: SyntaxTree) -> Range<Int> {
        let bytes = tree.source.bytes
        var start = Int(field.key.textStart)
        var end = start
        field.forEachToken { if !$0.isMissing { end = max(end, Int($0.trailingEnd)) } }
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
        if lineStart == 0 || bytes[lineStart - 1] == UInt8(ascii: "\n") {
            var lineEnd = end
            if lineEnd < bytes.count, bytes[lineEnd] == UInt8(ascii: "\r") { lineEnd += 1 }
            if lineEnd < bytes.count, bytes[lineEnd] == UInt8(ascii: "\n") {
                return lineStart..<lineEnd + 1
            }
        }
        while start > 0, bytes[start - 1] == 0x20 { start -= 1 }
        return start..<end
    }
}

extension TagEditor {
    /// Dimensions that hold the customer's own user id: named `external_id` / `external_user_id`, or reading the
    /// Currents column `EXTERNAL_USER_ID`, of a string type.
    public func externalIDFields() -> [String] {
        var names: [String] = []
        for view in project.views {
            for field in view.fields where field.kind == .dimension && (field.type ?? "string") == "string" {
                let sql = field.sql?.uppercased() ?? ""
                if ["external_id", "external_user_id"].contains(field.name) || sql.contains("EXTERNAL_USER_ID") {
                    names.append("\(view.name).\(field.name)")
                }
            }
        }
        return Array(Set(names)).sorted()
    }

    /// The Braze-tagged fields each explore shows (its and its joins' `fields:` honoured), as `model/explore` →
    /// [(field, tag, location)].
    public func taggedFieldsByExplore() -> [(explore: String, fields: [(field: String, tag: BrazeTag, location: SourceRange)])] {
        var result: [(String, [(String, BrazeTag, SourceRange)])] = []
        for model in project.models.sorted(by: { $0.name < $1.name }) {
            let scope = project.scope(of: model)
            for explore in scope.explores.keys.sorted() {
                guard let visible = scope.visibleFields(ofExplore: explore) else { continue }
                var fields: [(String, BrazeTag, SourceRange)] = []
                for (alias, field) in visible {
                    for text in field.tags { if let tag = BrazeTag(text) { fields.append(("\(alias).\(field.name)", tag, field.location)) } }
                }
                result.append(("\(model.name)/\(explore)", fields))
            }
        }
        return result
    }
}
