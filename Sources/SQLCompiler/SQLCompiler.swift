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
        let allowed = ExploreFieldSelection(model: resolvedModel, explore: resolvedExplore)
        for (alias, viewName) in resolvedExplore.joinsAndBase {
            guard let view = resolvedModel.views[viewName] else { continue }
            for field in view.fields {
                for (name, _) in field.expandedNames where allowed.contains(alias: alias, name: name) {
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

extension ExploreFieldSelection {
    /// The selection of a resolved explore: its merged `fields:` and its joins', over the model's merged views.
    init(model: ResolvedModel, explore: ResolvedExplore) {
        var joinFields: [String: [String]] = [:]
        for join in explore.joins {
            if let items = join.block.list("fields") { joinFields[join.alias] = items.map(\.text) }
        }
        self.init(exploreFields: explore.block.list("fields")?.map(\.text), joinFields: joinFields, baseAlias: explore.baseAlias,
                  aliases: explore.aliases) { name in
            guard let view = model.views[name] else { return nil }
            var sets: [String: [String]] = [:]
            for set in view.block.blocks("set") { if let setName = set.name { sets[setName] = set.list("fields")?.map(\.text) ?? [] } }
            var groups: [String: [String]] = [:]
            for field in view.fields where field.expandedNames.map(\.name) != [field.name] { groups[field.name] = field.expandedNames.map(\.name) }
            return ExploreFieldSelection.ViewFields(groups: groups, sets: sets)
        }
    }
}
