/// `lookml rename`: every reference site of a name, rewritten with byte-range edits on the lossless sources, so
/// nothing else in any file changes.
///
/// Renaming a view renames what *is* that view by name: its definitions and refinements, `extends`, `from:`,
/// `view_name:`, `${view.SQL_TABLE_NAME}`, `${view.field}` in views, and the explores and joins that are named after
/// it without `from:`/`view_name:` (their name is the view's), with every reference through them (field lists,
/// `sql_on`, dashboards, links). Explores and joins that read the view through `from:` keep their own names.
public struct Renamer: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case view, explore, model, field, table, connection, constant
    }

    /// A replacement of a byte range of one file.
    public struct Edit: Hashable, Sendable {
        public var range: Range<Int>
        public var replacement: String
    }

    /// Everything a rename changes.
    public struct Plan: Sendable {
        /// Edits per project-relative path, sorted, non-overlapping.
        public var edits: [String: [Edit]] = [:]
        /// Files to move (project-relative paths).
        public var moves: [(from: String, to: String)] = []
        public var isEmpty: Bool { edits.isEmpty && moves.isEmpty }
        public init() {}
        public var editCount: Int { edits.values.reduce(0) { $0 + $1.count } }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case invalidName(String, reason: String)
        case unknown(kind: String, name: String, suggestion: String?)
        case alreadyExists(kind: String, name: String)
        case unsupported(String)

        public var description: String {
            switch self {
            case .invalidName(let name, let reason): return "'\(name)' is not a valid name: \(reason)"
            case .unknown(let kind, let name, let suggestion):
                return "there is no \(kind) '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            case .alreadyExists(let kind, let name): return "a \(kind) named '\(name)' already exists"
            case .unsupported(let message): return message
            }
        }
    }

    public let project: Project

    public init(project: Project) { self.project = project }

    /// The edits renaming `old` to `new`. A `field` is named `view.field`; `new` may be given as `field` or
    /// `view.field`. Returns an empty plan when `old` is gone and `new` exists (the rename was already made).
    public func plan(_ kind: Kind, from old: String, to new: String, renameFiles: Bool = false) throws(Failure) -> Plan {
        var plan = Plan()
        var edits: [String: Set<Edit>] = [:]
        func edit(_ location: SourceRange, _ replacement: String) { edits[location.file, default: []].insert(Edit(range: location.range, replacement: replacement)) }

        switch kind {
        case .view:
            try validate(new, pattern: .lookMLName)
            let names = Set(project.views.map(\.name))
            guard try exists(old, new, in: names, kind: "view") else { return plan }
            let implicit = implicitAliases(of: old)
            for reference in project.references {
                switch reference.kind {
                case .view where reference.name == old:
                    edit(reference.location, new)
                case .alias where reference.name == old:
                    if case .view = reference.scope { edit(reference.location, new) } else if aliasIsImplicitView(reference, implicit) { edit(reference.location, new) }
                case .explore where reference.name == old && implicit.explores.contains(old):
                    edit(reference.location, new)
                default: break
                }
            }
            if renameFiles { moveFile(named: old, to: new, suffix: ".view.lkml", plan: &plan, edit: edit) }
        case .explore:
            try validate(new, pattern: .lookMLName)
            let names = Set(project.explores.map(\.definition.name))
            guard try exists(old, new, in: names, kind: "explore") else { return plan }
            if project.explores.contains(where: { $0.definition.name == old && !$0.definition.isRefinement && $0.definition.from == nil && $0.definition.viewName == nil }) {
                throw .unsupported("explore '\(old)' reads view '\(old)' through its name; rename the view (which renames the explore with it), or add 'from: \(old)' to the explore first")
            }
            for reference in project.references where reference.name == old {
                switch (reference.kind, reference.scope) {
                case (.explore, _): edit(reference.location, new)
                case (.alias, .explore(let explore)) where explore == old: edit(reference.location, new)
                case (.alias, .dashboard(_, let explore?)) where explore == old: edit(reference.location, new)
                default: break
                }
            }
        case .model:
            try validate(new, pattern: .lookMLName)
            let names = Set(project.models.map(\.name))
            guard try exists(old, new, in: names, kind: "model") else { return plan }
            for reference in project.references(ofKind: .model) where reference.name == old { edit(reference.location, new) }
            if let model = project.models.first(where: { $0.name == old }) {
                let folder = model.file.split(separator: "/").dropLast().joined(separator: "/")
                plan.moves.append((model.file, (folder.isEmpty ? "" : folder + "/") + new + ".model.lkml"))
            }
        case .field:
            let parts = old.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .invalidName(old, reason: "a field is named view.field") }
            let view = String(parts[0]), field = String(parts[1])
            let newParts = new.split(separator: ".", omittingEmptySubsequences: false)
            if newParts.count == 2, newParts[0] != parts[0] { throw .unsupported("a rename keeps the field in its view; use 'lookml rename field \(old) \(newParts[1])'") }
            let newField = String(newParts.last ?? "")
            try validate(newField, pattern: .lookMLName)
            try renameField(view: view, from: field, to: newField, edit: edit)
        case .table:
            try validate(new, pattern: .tableName)
            var found = false
            let tables = project.references(ofKind: .table)
            for reference in tables {
                if let range = tableNameRange(of: old, in: reference) {
                    found = true
                    edit(SourceRange(file: reference.location.file, range: range), new)
                }
            }
            if !found {
                if tables.contains(where: { tableNameRange(of: new, in: $0) != nil }) { return plan }
                throw .unknown(kind: "table", name: old, suggestion: nearestName(to: old, in: tables.map(\.name)))
            }
        case .connection:
            try validate(new, pattern: .connection)
            let connections = project.references(ofKind: .connection)
            guard try exists(old, new, in: Set(connections.map(\.name)), kind: "connection") else { return plan }
            for reference in connections where reference.name == old { edit(reference.location, new) }
        case .constant:
            try validate(new, pattern: .constant)
            let names = Set(project.constants.map(\.name))
            guard try exists(old, new, in: names, kind: "constant") else { return plan }
            for reference in project.references where reference.kind == .constant && reference.name == old { edit(reference.location, new) }
        }
        plan.edits = edits.mapValues { $0.sorted { $0.range.lowerBound < $1.range.lowerBound } }
        return plan
    }

    // MARK: Names

    enum NamePattern { case lookMLName, tableName, connection, constant }

    private func validate(_ name: String, pattern: NamePattern) throws(Failure) {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { throw .invalidName(name, reason: "it is empty") }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        switch pattern {
        case .lookMLName:
            guard isLower(first) || first == 0x5F, bytes.allSatisfy({ isLower($0) || isDigit($0) || $0 == 0x5F }) else {
                throw .invalidName(name, reason: "LookML names use lower-case letters, digits and '_', and do not start with a digit")
            }
        case .constant:
            guard isLower(first) || isUpper(first) || first == 0x5F, bytes.allSatisfy({ isLower($0) || isUpper($0) || isDigit($0) || $0 == 0x5F }) else {
                throw .invalidName(name, reason: "constant names use letters, digits and '_'")
            }
        case .tableName:
            guard bytes.allSatisfy({ isLower($0) || isUpper($0) || isDigit($0) || $0 == 0x5F || $0 == 0x2E || $0 == 0x24 }) else {
                throw .invalidName(name, reason: "table names use letters, digits, '_', '$' and '.'")
            }
        case .connection:
            guard !bytes.contains(where: { $0 == 0x22 || $0 < 0x20 }) else { throw .invalidName(name, reason: "it contains a quote or a control character") }
        }
    }

    /// True when `old` exists and `new` does not; false (nothing to do) when the rename was already made.
    private func exists(_ old: String, _ new: String, in names: Set<String>, kind: String) throws(Failure) -> Bool {
        if !names.contains(old) {
            if names.contains(new) { return false }
            throw .unknown(kind: kind, name: old, suggestion: nearestName(to: old, in: names))
        }
        if names.contains(new) { throw .alreadyExists(kind: kind, name: new) }
        return true
    }

    // MARK: Views

    /// Explores and joins whose name is the view's own (no `from:`/`view_name:`).
    private func implicitAliases(of view: String) -> (explores: Set<String>, joins: Set<String>) {
        var explores = Set<String>(), joins = Set<String>()
        for (explore, _) in project.explores {
            if !explore.isRefinement, explore.name == view, explore.from == nil, explore.viewName == nil { explores.insert(view) }
            for join in explore.joins where join.alias == view && join.from == nil { joins.insert(explore.name) }
        }
        return (explores, joins)
    }

    /// True when an alias reference names the view implicitly: an explore named after it without `from:`, or a
    /// join named after it without `from:` in that explore.
    private func aliasIsImplicitView(_ reference: Reference, _ implicit: (explores: Set<String>, joins: Set<String>)) -> Bool {
        let explore: String?
        switch reference.scope {
        case .explore(let name): explore = name
        case .dashboard(_, let name): explore = name
        default: explore = nil
        }
        guard let explore else { return false }
        if explore == reference.name { return implicit.explores.contains(explore) }
        return implicit.joins.contains(explore) || refinedJoinIsImplicit(explore: explore, alias: reference.name)
    }

    private func refinedJoinIsImplicit(explore: String, alias: String) -> Bool {
        project.explores.contains { $0.definition.name == explore && $0.definition.joins.contains { $0.alias == alias && $0.from == nil } }
    }

    private func moveFile(named old: String, to new: String, suffix: String, plan: inout Plan, edit: (SourceRange, String) -> Void) {
        for path in project.paths where path.hasSuffix("/" + old + suffix) || path == old + suffix {
            let moved = String(path.dropLast((old + suffix).count)) + new + suffix
            plan.moves.append((path, moved))
        }
        // Include lines that name the file.
        let stems = [old + suffix, old + String(suffix.dropLast(".lkml".count))]
        for (file, includes) in project.includes {
            for include in includes {
                for stem in stems where include.pattern.hasSuffix("/" + stem) || include.pattern == stem {
                    let start = include.location.range.upperBound - stem.utf8.count
                    edit(SourceRange(file: file, range: start..<start + old.utf8.count), new)
                    break
                }
            }
        }
    }

    // MARK: Fields

    private func renameField(view: String, from old: String, to new: String, edit: (SourceRange, String) -> Void) throws(Failure) {
        let definitions = project.views.filter { $0.name == view }
        guard !definitions.isEmpty else {
            throw .unknown(kind: "view", name: view, suggestion: nearestName(to: view, in: Set(project.views.map(\.name))))
        }
        let fields = definitions.flatMap(\.fields)
        guard let field = fields.first(where: { $0.name == old }) else {
            if fields.contains(where: { $0.name == new }) { return }
            throw .unknown(kind: "field", name: "\(view).\(old)", suggestion: nearestName(to: old, in: Set(fields.map(\.name))).map { "\(view).\($0)" })
        }
        if fields.contains(where: { $0.name == new }) { throw .alreadyExists(kind: "field", name: "\(view).\(new)") }
        // How a reference name maps to the renamed name: the field itself, or one of a dimension group's fields.
        func renamed(_ name: String) -> (range: Range<Int>, text: String)? {
            if name == old { return (0..<old.utf8.count, new) }
            guard field.kind == .dimension_group, field.expandedNames.contains(name) else { return nil }
            if name.hasPrefix(old + "_") { return (0..<old.utf8.count, new) }
            if name.hasSuffix("_" + old) { let start = name.utf8.count - old.utf8.count; return (start..<name.utf8.count, new) }
            return nil
        }
        // The views whose fields include the renamed one: the view and every view extending it.
        var family: Set<String> = [view]
        var grew = true
        while grew {
            grew = false
            for definition in project.views where !family.contains(definition.name) && definition.extends.contains(where: family.contains) {
                family.insert(definition.name)
                grew = true
            }
        }
        var scopeCache: [String: ModelScope] = [:]
        func scopes(for file: String) -> [ModelScope] {
            project.models(including: file).map { model in
                if let known = scopeCache[model.name] { return known }
                let scope = project.scope(of: model)
                scopeCache[model.name] = scope
                return scope
            }
        }
        for reference in project.references where reference.kind == .field {
            guard let change = renamed(reference.name) else { continue }
            let target: String?
            switch reference.scope {
            case .view(let current):
                if let qualifier = reference.qualifier {
                    if project.views.contains(where: { $0.name == qualifier }) { target = qualifier } else {
                        target = scopes(for: reference.location.file).lazy.compactMap { $0.anyExploreAliases[qualifier] }.first
                    }
                } else {
                    target = current
                }
            case .explore(let explore):
                target = scopes(for: reference.location.file).lazy.compactMap { scope -> String? in
                    guard let aliases = scope.aliases(ofExplore: explore) else { return nil }
                    return reference.qualifier.map { aliases[$0] } ?? scope.baseAliases[explore].flatMap { aliases[$0] }
                }.first ?? nil
            case .dashboard(let model, let explore):
                guard let model, let explore, let qualifier = reference.qualifier,
                      let definition = project.models.first(where: { $0.name == model }) else { target = nil; break }
                target = project.scope(of: definition).aliases(ofExplore: explore)?[qualifier]
            case .file:
                target = nil
            }
            guard let target, family.contains(target) else { continue }
            let start = reference.location.range.lowerBound
            edit(SourceRange(file: reference.location.file, range: start + change.range.lowerBound..<start + change.range.upperBound), change.text)
        }
    }

    // MARK: Tables

    /// The range of `table` in a `sql_table_name`, matching the whole name or its last dotted part (case-insensitive,
    /// as warehouses fold unquoted names).
    private func tableNameRange(of table: String, in reference: Reference) -> Range<Int>? {
        let name = reference.name
        if name.lowercased() == table.lowercased() { return reference.location.range }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let last = name[name.index(after: dot)...]
        guard last.lowercased() == table.lowercased() else { return nil }
        let start = reference.location.range.lowerBound + name[..<name.index(after: dot)].utf8.count
        return start..<start + last.utf8.count
    }
}

extension Renamer.Plan {
    /// Applies the edits of one file to its bytes.
    public func apply(to bytes: [UInt8], edits: [Renamer.Edit]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in edits where edit.range.lowerBound >= cursor {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return output
    }
}
