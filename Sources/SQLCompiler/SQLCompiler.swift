import LookMLProject
import SQLDialect

/// LookML → SQL for a project: every model's explores, their fields, and the SELECT Looker would send for a set of
/// fields, with a source map back to the LookML. Symmetric aggregates are not generated (see docs/sql.md).
public struct SQLCompiler: Sendable {
    public let project: Project
    let models: [String: ResolvedModel]

    public init(project: Project) {
        self.project = project
        var models: [String: ResolvedModel] = [:]
        for model in project.models where models[model.name] == nil {
            models[model.name] = ResolvedModel(project: project, model: model)
        }
        self.models = models
    }

    public var modelNames: [String] { models.keys.sorted() }

    /// Every explore that can be queried (not `extension: required`), by model name then definition order.
    public func explores() -> [(model: String, explore: String)] {
        modelNames.flatMap { name in
            let model = models[name]!
            return model.exploreOrder.filter { !(model.explores[$0]?.isExtension ?? true) }.map { (name, $0) }
        }
    }

    func resolved(model: String, explore: String) throws(CompileError) -> (ResolvedModel, ResolvedExplore) {
        guard let resolvedModel = models[model] else {
            throw .unknownModel(model, suggestion: nearestName(to: model, in: models.keys))
        }
        guard let resolvedExplore = resolvedModel.explores[explore] else {
            throw .unknownExplore(explore, model: model, suggestion: nearestName(to: explore, in: resolvedModel.explores.keys))
        }
        return (resolvedModel, resolvedExplore)
    }

    /// The dimensions (one per timeframe and interval), measures and filter fields an explore offers, respecting
    /// the explore's and its joins' `fields:`.
    public func fields(model: String, explore: String) throws(CompileError) -> ExploreFields {
        let (resolvedModel, resolvedExplore) = try resolved(model: model, explore: explore)
        var result = ExploreFields(model: model, explore: explore, dimensions: [], measures: [], filters: [])
        let allowed = FieldSelection(model: resolvedModel, explore: resolvedExplore)
        for (alias, viewName) in resolvedExplore.joinsAndBase {
            guard let view = resolvedModel.views[viewName] else { continue }
            for field in view.fields {
                for (name, _) in field.expandedNames where allowed.contains(alias: alias, name: name, group: field.name) {
                    let entry = ExploreFields.Field(name: "\(alias).\(name)", view: viewName, kind: field.kind, type: field.type,
                                                    isHidden: field.isHidden, location: field.location)
                    switch field.kind {
                    case .dimension, .dimension_group: result.dimensions.append(entry)
                    case .measure: result.measures.append(entry)
                    case .filter, .parameter: result.filters.append(entry)
                    }
                }
            }
        }
        return result
    }

    /// The SQL of a query on `model`/`explore` selecting `fields` (`alias.field`; default: every dimension and
    /// measure of the explore), in `dialect`.
    public func compile(model: String, explore: String, fields: [String]? = nil, dialect: DialectProfile,
                        options: CompileOptions = CompileOptions()) throws(CompileError) -> CompiledQuery {
        let (resolvedModel, resolvedExplore) = try resolved(model: model, explore: explore)
        let names: [String]
        if let fields {
            names = fields
        } else {
            let available = try self.fields(model: model, explore: explore)
            names = (available.dimensions + available.measures).map(\.name)
        }
        let state = CompilationState(model: resolvedModel, profile: dialect)
        let compiler = QueryCompiler(state: state, explore: resolvedExplore)
        var items: [SelectItem] = []
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            switch compiler.lookup(name) {
            case .success(let found):
                let column = dialect.fittingIdentifier(found.name)
                items.append(SelectItem(name: found.name, column: column, quotedColumn: dialect.quote(column), alias: found.alias,
                                        view: found.view, field: found.field, variant: found.variant))
            case .failure(let error):
                throw error
            }
        }
        let extra = options.filters.map { QueryFilter(field: $0.field, value: $0.value, location: nil, fieldLocation: nil) }
        let (statement, ranges) = compiler.selectStatement(items, extraFilters: extra, limit: options.limit)

        var full = SQLText()
        if !state.ctes.isEmpty {
            for (index, cte) in state.ctes.enumerated() {
                full.append(index == 0 ? "WITH " : ",\n")
                full.append("\(dialect.quoteIfNeeded(cte.name)) AS (\n")
                full.append(cte.body)
                full.append("\n)")
            }
            full.append("\n")
        }
        let prefix = full.string.utf8.count
        full.append(statement)

        var sql = ""
        var map = SourceMap()
        var offset = 0
        for fragment in full.fragments where !fragment.text.isEmpty {
            let count = fragment.text.utf8.count
            map.segments.append(SourceMap.Segment(output: offset..<offset + count, origin: fragment.origin, isVerbatim: fragment.isVerbatim, owner: fragment.owner))
            sql += fragment.text
            offset += count
        }
        let compiledFields = items.enumerated().map { index, item in
            CompiledField(name: item.name, column: item.column, kind: item.field.kind == .measure ? .measure : .dimension,
                          type: item.field.type, location: item.field.location,
                          outputRange: ranges[index].lowerBound + prefix..<ranges[index].upperBound + prefix)
        }
        return CompiledQuery(model: model, explore: explore, dialect: dialect.name, sql: sql + "\n", fields: compiledFields, sourceMap: map,
                             diagnostics: state.diagnostics, expressions: state.expressions)
    }
}

/// Which fields an explore exposes: its `fields:` list and each join's `fields:`.
struct FieldSelection {
    private var included: Set<String>?
    private var excluded: Set<String> = []
    private var joinAllowed: [String: Set<String>] = [:]

    init(model: ResolvedModel, explore: ResolvedExplore) {
        func expand(_ item: String, alias: String, view: ResolvedView?, depth: Int = 0) -> Set<String> {
            guard let view, depth < 10 else { return [] }
            if item == "*" || item == "ALL_FIELDS*" { return Set(view.fields.flatMap { field in field.expandedNames.map { "\(alias).\($0.name)" } + ["\(alias).\(field.name)"] }) }
            if item.hasSuffix("*") {
                let setName = String(item.dropLast())
                guard let set = view.block.blocks("set").last(where: { $0.name == setName }) else { return [] }
                return (set.list("fields") ?? []).reduce(into: Set<String>()) { result, member in
                    let parts = member.text.split(separator: ".").map(String.init)
                    let name = parts.last ?? member.text
                    result.formUnion(expand(name, alias: alias, view: view, depth: depth + 1))
                }
            }
            guard let (field, _) = view.field(named: item) else { return ["\(alias).\(item)"] }
            if field.kind == .dimension_group, item == field.name {
                return Set(field.expandedNames.map { "\(alias).\($0.name)" } + ["\(alias).\(item)"])
            }
            return ["\(alias).\(item)"]
        }
        for join in explore.joins {
            guard let items = join.block.list("fields") else { continue }
            let view = model.views[join.view]
            var allowed = Set<String>()
            for item in items {
                let parts = item.text.split(separator: ".").map(String.init)
                allowed.formUnion(expand(parts.last ?? item.text, alias: join.alias, view: view))
            }
            joinAllowed[join.alias] = allowed
        }
        guard let items = explore.block.list("fields") else { return }
        var included = Set<String>()
        let aliases = explore.aliases
        for item in items {
            var text = item.text
            let negated = text.hasPrefix("-")
            if negated { text.removeFirst() }
            if text == "ALL_FIELDS*" {
                for (alias, view) in aliases { included.formUnion(expand("*", alias: alias, view: model.views[view])) }
                continue
            }
            let parts = text.split(separator: ".").map(String.init)
            let alias = parts.count == 2 ? parts[0] : explore.baseAlias
            let names = expand(parts.last ?? text, alias: alias, view: aliases[alias].flatMap { model.views[$0] })
            if negated { excluded.formUnion(names) } else { included.formUnion(names) }
        }
        self.included = included
    }

    func contains(alias: String, name: String, group: String) -> Bool {
        let key = "\(alias).\(name)"
        if let allowed = joinAllowed[alias], !allowed.contains(key) { return false }
        if excluded.contains(key) { return false }
        if let included, !included.contains(key) { return false }
        return true
    }
}
