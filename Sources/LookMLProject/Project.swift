import LookMLSyntax

/// A loaded LookML project: its files, definitions, includes per model and the reference index.
public struct Project: Sendable {
    /// Files by path relative to the root, and the paths in sorted order.
    public let files: [String: ProjectFile]
    public let paths: [String]
    public let views: [ViewDefinition]
    public let explores: [(definition: ExploreDefinition, file: String)]
    public let models: [ModelDefinition]
    public let constants: [ConstantDefinition]
    public let dashboards: [DashboardDefinition]
    /// Every reference site, in file and byte order (read from the files, not copied; files loaded without their
    /// references parse again, so commands that read them more than once load with references kept).
    public var references: some Sequence<Reference> {
        paths.lazy.flatMap { self.files[$0]?.references ?? [] }
    }
    /// `include:` lines per file (every file may include others).
    public let includes: [String: [(pattern: String, location: SourceRange)]]
    public let resolver: IncludeResolver
    /// What each file's `include:` patterns match, resolved once (file → pattern → resolution).
    private let resolvedIncludes: [String: [String: IncludeResolver.Resolution]]
    /// What an `include:` pattern of a file matches (resolved when the project was built).
    public func resolve(include pattern: String, from file: String) -> IncludeResolver.Resolution {
        resolvedIncludes[file]?[pattern] ?? resolver.resolve(pattern, from: file)
    }
    /// The reference sites of one file, in byte order.
    public func references(inFile path: String) -> [Reference] { files[path]?.references ?? [] }
    /// Every reference site of one kind, in file and byte order (files read on all cores).
    public func references(ofKind kind: Reference.Kind) -> [Reference] {
        let paths = self.paths, files = self.files
        return parallelMap(paths.count) { files[paths[$0]]?.references(ofKind: kind) ?? [] }.flatMap { $0 }
    }
    /// The files each model sees (its own first), and the models that see each file.
    private let modelFiles: [String: [String]]
    private let filesToModels: [String: [String]]
    /// What each model sees, computed once.
    private let modelScopes: [String: ModelScope]

    /// Builds the project from parsed files (paths relative to the root).
    public init(files: [ProjectFile]) {
        var byPath: [String: ProjectFile] = [:]
        byPath.reserveCapacity(files.count)
        for file in files { byPath[file.path] = file }
        self.files = byPath
        paths = byPath.keys.sorted()
        resolver = IncludeResolver(paths: paths)
        var views: [ViewDefinition] = [], explores: [(ExploreDefinition, String)] = [], models: [ModelDefinition] = []
        var constants: [ConstantDefinition] = [], dashboards: [DashboardDefinition] = []
        var includes: [String: [(pattern: String, location: SourceRange)]] = [:]
        for path in paths {
            let file = byPath[path]!
            let contents = file.contents
            views += contents.views
            explores += contents.explores.map { ($0, path) }
            constants += contents.constants
            dashboards += contents.dashboards
            if !contents.includes.isEmpty { includes[path] = contents.includes }
            if let name = file.modelName {
                models.append(ModelDefinition(name: name, file: path, connection: contents.connection, includes: contents.includes))
            }
        }
        self.views = views
        self.explores = explores
        self.models = models
        self.constants = constants
        self.dashboards = dashboards
        self.includes = includes
        // Every include resolved once, on all cores; then each model's files.
        let including = includes.keys.sorted()
        let resolutions = parallelMap(including.count) { [includes, resolver] index in
            var byPattern: [String: IncludeResolver.Resolution] = [:]
            for include in includes[including[index]]! where byPattern[include.pattern] == nil {
                byPattern[include.pattern] = resolver.resolve(include.pattern, from: including[index])
            }
            return byPattern
        }
        let resolvedIncludes = Dictionary(uniqueKeysWithValues: zip(including, resolutions))
        self.resolvedIncludes = resolvedIncludes
        var modelFiles: [String: [String]] = [:], filesToModels: [String: [String]] = [:]
        let filesOfModels = parallelMap(models.count) { [includes, resolver, models] index in
            Project.includedFiles(from: models[index].file, includes: includes, resolver: resolver, resolved: resolvedIncludes)
        }
        for (model, files) in zip(models, filesOfModels) {
            modelFiles[model.name] = files
            for file in files { filesToModels[file, default: []].append(model.name) }
        }
        self.modelFiles = modelFiles
        self.filesToModels = filesToModels
        // One scope per model name (the first model of a name wins), built on all cores.
        var seenNames = Set<String>()
        let distinct = models.filter { seenNames.insert($0.name).inserted }
        let scopes = parallelMap(distinct.count) { [modelFiles, byPath] index in
            ModelScope(model: distinct[index], files: modelFiles[distinct[index].name] ?? [], filesByPath: byPath)
        }
        self.modelScopes = Dictionary(uniqueKeysWithValues: zip(distinct.map(\.name), scopes))
    }

    /// The files a model sees: its own file and, transitively, everything its files include, in include order.
    public func includedFiles(of model: ModelDefinition) -> [String] {
        modelFiles[model.name] ?? Project.includedFiles(from: model.file, includes: includes, resolver: resolver, resolved: resolvedIncludes)
    }

    private static func includedFiles(from root: String, includes: [String: [(pattern: String, location: SourceRange)]],
                                      resolver: IncludeResolver, resolved: [String: [String: IncludeResolver.Resolution]]) -> [String] {
        var seen: Set<String> = [root]
        var ordered = [root]
        var next = 0
        while next < ordered.count {
            let file = ordered[next]
            next += 1
            for include in includes[file] ?? [] {
                guard case .files(let matches) = resolved[file]?[include.pattern] ?? resolver.resolve(include.pattern, from: file) else { continue }
                for match in matches where seen.insert(match).inserted { ordered.append(match) }
            }
        }
        return ordered
    }

    /// What one model sees, with views merged across refinements and `extends`.
    public func scope(of model: ModelDefinition) -> ModelScope {
        if let scope = modelScopes[model.name], scope.model.file == model.file { return scope }
        return ModelScope(project: self, model: model, files: includedFiles(of: model))
    }

    /// The models whose includes reach `file`.
    public func models(including file: String) -> [ModelDefinition] {
        let names = Set(filesToModels[file] ?? [])
        return models.filter { names.contains($0.name) }
    }
}

/// The views and explores visible in one model.
public struct ModelScope: Sendable {
    public let model: ModelDefinition
    public let files: Set<String>
    /// Definitions by name: the base definition(s) first, then refinements in include order.
    public let views: [String: [ViewDefinition]]
    public let explores: [String: [ExploreDefinition]]
    private let fieldNames: [String: Set<String>]
    private let setNames: [String: Set<String>]
    private let aliasMaps: [String: [String: String]]
    /// Every alias of every explore in the model and the view behind it (the first explore, by name, wins).
    public let anyExploreAliases: [String: String]
    /// The alias of each explore's own view: `view_name:` when given, else the explore's name.
    public let baseAliases: [String: String]

    init(project: Project, model: ModelDefinition, files: [String]) {
        self.init(model: model, files: files, filesByPath: project.files)
    }

    init(model: ModelDefinition, files: [String], filesByPath: [String: ProjectFile]) {
        self.model = model
        self.files = Set(files)
        let order = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var views: [String: [ViewDefinition]] = [:]
        for file in files { for view in filesByPath[file]?.contents.views ?? [] { views[view.name, default: []].append(view) } }
        for name in views.keys {
            views[name]!.sort { ($0.isRefinement ? 1 : 0, order[$0.location.file]!, $0.location.range.lowerBound) <
                                ($1.isRefinement ? 1 : 0, order[$1.location.file]!, $1.location.range.lowerBound) }
        }
        var explores: [String: [ExploreDefinition]] = [:]
        for file in files { for explore in filesByPath[file]?.contents.explores ?? [] { explores[explore.name, default: []].append(explore) } }
        self.views = views
        self.explores = explores
        // Fields of a view: its definitions' and, through `extends`, its ancestors' (cycles cut).
        var fieldNames: [String: Set<String>] = [:], setNames: [String: Set<String>] = [:]
        func collect(_ name: String, _ visiting: inout Set<String>) -> (Set<String>, Set<String>) {
            if let known = fieldNames[name] { return (known, setNames[name] ?? []) }
            guard visiting.insert(name).inserted, let definitions = views[name] else { return ([], []) }
            var fields = Set<String>(), sets = Set<String>()
            // Sized up front: wide views have hundreds of fields, and growing a set rehashes it each time.
            fields.reserveCapacity(definitions.reduce(0) { $0 + $1.fields.count })
            for definition in definitions {
                for field in definition.fields { field.insertExpandedNames(into: &fields) }
                sets.formUnion(definition.sets.keys)
                for parent in definition.extends {
                    let (parentFields, parentSets) = collect(parent, &visiting)
                    fields.formUnion(parentFields)
                    sets.formUnion(parentSets)
                }
            }
            visiting.remove(name)
            fieldNames[name] = fields
            setNames[name] = sets
            return (fields, sets)
        }
        for name in views.keys {
            var visiting = Set<String>()
            _ = collect(name, &visiting)
        }
        self.fieldNames = fieldNames
        self.setNames = setNames
        var aliasMaps: [String: [String: String]] = [:]
        var anyExploreAliases: [String: String] = [:]
        for name in explores.keys.sorted() {
            var visiting = Set<String>()
            guard let map = ModelScope.aliases(ofExplore: name, explores: explores, visiting: &visiting) else { continue }
            aliasMaps[name] = map
            for (alias, view) in map where anyExploreAliases[alias] == nil { anyExploreAliases[alias] = view }
        }
        self.aliasMaps = aliasMaps
        self.anyExploreAliases = anyExploreAliases
        baseAliases = explores.mapValues { definitions in definitions.lazy.compactMap(\.viewName).first ?? definitions[0].name }
    }

    /// The field definitions of a view: its own, its refinements', and through `extends` its ancestors' (a field
    /// redefined lower down hides the inherited one).
    public func fieldDefinitions(ofView view: String) -> [FieldDefinition] {
        fieldDefinitions(ofView: view, where: nil)
    }

    /// `fieldDefinitions(ofView:)` for the fields that satisfy `include`, found without merging the others (an
    /// ancestor's field is still hidden by a redefinition of its name, picked or not).
    public func fieldDefinitions(ofView view: String, where include: ((FieldDefinition) -> Bool)?) -> [FieldDefinition] {
        var visiting = Set<String>()
        func collect(_ name: String) -> [FieldDefinition] {
            guard visiting.insert(name).inserted, let definitions = views[name] else { return [] }
            var own: [FieldDefinition]
            if let include {
                own = definitions.flatMap { $0.fields.filter(include) }
            } else {
                own = definitions.count == 1 ? definitions[0].fields : definitions.flatMap(\.fields)
            }
            let parents = definitions.flatMap(\.extends)
            guard !parents.isEmpty else { return own }
            var ownNames: Set<String>?
            for parent in parents {
                let inherited = collect(parent)
                guard !inherited.isEmpty else { continue }
                let names = ownNames ?? Set(definitions.lazy.flatMap(\.fields).map(\.name))
                ownNames = names
                own += inherited.filter { !names.contains($0.name) }
            }
            return own
        }
        return collect(view)
    }

    /// The sets of a view: its definitions' (a later one of the same name wins) and, through `extends`, its
    /// ancestors' that it does not redefine.
    public func setDefinitions(ofView view: String) -> [String: [String]] {
        var visiting = Set<String>()
        func collect(_ name: String) -> [String: [String]] {
            guard visiting.insert(name).inserted, let definitions = views[name] else { return [:] }
            var own: [String: [String]] = [:]
            for definition in definitions { own.merge(definition.sets) { _, later in later } }
            for parent in definitions.flatMap(\.extends) { own.merge(collect(parent)) { mine, _ in mine } }
            return own
        }
        return collect(view)
    }

    /// Which fields an explore exposes, from its and its joins' `fields:` (refinements and `extends` applied as
    /// Looker merges them: a later list replaces an earlier one); nil for an unknown explore.
    public func fieldSelection(ofExplore name: String) -> ExploreFieldSelection? {
        fieldSelection(ofExplore: name, memo: FieldDefinitionMemo(self))
    }

    /// `fieldSelection(ofExplore:)`, reading views' fields through `memo`; with `onlyAliases`, answering for those
    /// aliases only.
    public func fieldSelection(ofExplore name: String, memo: FieldDefinitionMemo, onlyAliases: Set<String>? = nil) -> ExploreFieldSelection? {
        guard let aliases = aliases(ofExplore: name) else { return nil }
        var visiting = Set<String>()
        func lists(_ name: String) -> (explore: [String]?, joins: [String: [String]]) {
            guard let definitions = explores[name], visiting.insert(name).inserted else { return (nil, [:]) }
            let ordered = definitions.filter { !$0.isRefinement } + definitions.filter(\.isRefinement)
            var result: (explore: [String]?, joins: [String: [String]]) = (nil, [:])
            for parent in ordered.flatMap(\.extends) {
                let inherited = lists(parent)
                result.explore = inherited.explore ?? result.explore
                result.joins.merge(inherited.joins) { _, later in later }
            }
            for definition in ordered {
                result.explore = definition.fields ?? result.explore
                for join in definition.joins { if let fields = join.fields { result.joins[join.alias] = fields } }
            }
            return result
        }
        let (exploreFields, joinFields) = lists(name)
        guard exploreFields != nil || !joinFields.isEmpty else { return ExploreFieldSelection() }
        return ExploreFieldSelection(exploreFields: exploreFields, joinFields: joinFields, baseAlias: baseAliases[name] ?? name,
                                     aliases: aliases, onlyAliases: onlyAliases, view: memo.viewFields)
    }

    /// The fields an explore shows, alias by alias (sorted), each with the alias it is shown under; nil for an
    /// unknown explore.
    /// `including` picks fields before visibility is worked out (cheaper than filtering the result).
    public func visibleFields(ofExplore name: String, including: (FieldDefinition) -> Bool = { _ in true })
        -> [(alias: String, field: FieldDefinition)]? {
        let memo = FieldDefinitionMemo(self)
        return visibleFields(ofExplore: name, memo: memo) { memo.fieldDefinitions(ofView: $0).filter(including) }
    }

    /// `visibleFields(ofExplore:including:)` for the fields with a flag (`.brazeTag`). Asking about several
    /// explores of one scope, pass one `memo`: each view's flagged fields are then found once. With `views`, the
    /// views known to hold every flagged field (with those extending them), the others are not looked at.
    public func visibleFields(ofExplore name: String, flagged flag: FieldDefinition.Flag,
                              memo: FieldDefinitionMemo, among views: Set<String>? = nil) -> [(alias: String, field: FieldDefinition)]? {
        visibleFields(ofExplore: name, memo: memo) { view in
            guard views?.contains(view) ?? true else { return [] }
            return memo.fieldDefinitions(ofView: view, flagged: flag)
        }
    }

    private func visibleFields(ofExplore name: String, memo: FieldDefinitionMemo, candidates fields: (String) -> [FieldDefinition])
        -> [(alias: String, field: FieldDefinition)]? {
        guard let aliases = aliases(ofExplore: name) else { return nil }
        var candidates: [(String, FieldDefinition)] = []
        for alias in aliases.keys.sorted() {
            for field in fields(aliases[alias]!) { candidates.append((alias, field)) }
        }
        // Working out what `fields:` leaves out is the costly part: only when some field is a candidate.
        guard !candidates.isEmpty,
              let selection = fieldSelection(ofExplore: name, memo: memo, onlyAliases: Set(candidates.map(\.0))) else { return [] }
        return candidates.filter { selection.shows(alias: $0.0, field: $0.1) }
    }

    /// The field names of a view (dimension groups expanded), or nil for an unknown view.
    public func fields(ofView view: String) -> Set<String>? { fieldNames[view] }
    public func sets(ofView view: String) -> Set<String>? { setNames[view] }

    /// The aliases of an explore and the view behind each: the explore's own name and its joins, with the joins
    /// of explores it extends.
    public func aliases(ofExplore name: String) -> [String: String]? { aliasMaps[name] }

    private static func aliases(ofExplore name: String, explores: [String: [ExploreDefinition]], visiting: inout Set<String>) -> [String: String]? {
        guard let definitions = explores[name], visiting.insert(name).inserted else { return nil }
        var result: [String: String] = [:]
        let base = definitions.first { !$0.isRefinement } ?? definitions[0]
        for parent in base.extends {
            for (alias, view) in aliases(ofExplore: parent, explores: explores, visiting: &visiting) ?? [:] { result[alias] = view }
        }
        // The explore's own alias: `view_name:` when given (fields are `view_name.field`), else the explore's name;
        // the view behind it: `from:`, else `view_name:`, else the explore's name.
        let aliasName = definitions.lazy.compactMap(\.viewName).first ?? name
        result[aliasName] = definitions.lazy.compactMap { $0.from ?? $0.viewName }.first ?? (result[aliasName] ?? name)
        for definition in definitions {
            for join in definition.joins { result[join.alias] = join.view }
        }
        return result
    }
}

/// A view's merged fields, and what `ExploreFieldSelection` needs of it, remembered for a run of questions about one
/// scope: explores of a model join the same views over and over. Not shared between threads.
public final class FieldDefinitionMemo {
    private let scope: ModelScope
    private var definitions: [String: [FieldDefinition]] = [:]
    private var flaggedDefinitions: [FieldDefinition.Flag: [String: [FieldDefinition]]] = [:]
    private var selectionFields: [String: ExploreFieldSelection.ViewFields?] = [:]

    public init(_ scope: ModelScope) { self.scope = scope }

    /// `ModelScope.fieldDefinitions(ofView:)`, merged once per view.
    public func fieldDefinitions(ofView view: String) -> [FieldDefinition] {
        if let known = definitions[view] { return known }
        let merged = scope.fieldDefinitions(ofView: view)
        definitions[view] = merged
        return merged
    }

    /// The merged fields of a view that satisfy `include`: filtered from the view's merged fields when they are known,
    /// else merged for those fields alone (wide views have hundreds of fields a question does not need).
    private func mergedFields(ofView view: String, where include: @escaping (FieldDefinition) -> Bool) -> [FieldDefinition] {
        definitions[view].map { $0.filter(include) } ?? scope.fieldDefinitions(ofView: view, where: include)
    }

    /// The merged fields of a view that have a flag, found once per view and flag.
    public func fieldDefinitions(ofView view: String, flagged flag: FieldDefinition.Flag) -> [FieldDefinition] {
        if let known = flaggedDefinitions[flag]?[view] { return known }
        let flagged = mergedFields(ofView: view) { $0.has(flag) }
        flaggedDefinitions[flag, default: [:]][view] = flagged
        return flagged
    }

    /// The dimension groups and sets of a view, or nil for a view the scope does not know.
    func viewFields(_ view: String) -> ExploreFieldSelection.ViewFields? {
        if let known = selectionFields[view] { return known }
        var found: ExploreFieldSelection.ViewFields?
        if scope.views[view] != nil {
            var groups: [String: [String]] = [:]
            for field in mergedFields(ofView: view, where: { $0.kind == .dimension_group }) { groups[field.name] = field.expandedNames }
            found = ExploreFieldSelection.ViewFields(groups: groups, sets: scope.setDefinitions(ofView: view))
        }
        selectionFields[view] = found
        return found
    }
}
