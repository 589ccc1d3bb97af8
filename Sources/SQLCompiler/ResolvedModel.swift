import LookMLProject
import LookMLSyntax

/// A field of a resolved view: its merged parameters and the names it answers to.
public struct ResolvedField: Sendable {
    public var name: String
    public var kind: FieldKind
    public var block: LookMLBlock
    /// Where the field is first defined (its name).
    public var location: SourceRange

    public var type: String? { block.string("type") }
    public var isHidden: Bool { block.flag("hidden") ?? false }

    /// `type: duration` dimension groups.
    public var isDuration: Bool { kind == .dimension_group && type == "duration" }

    /// For a dimension group, its timeframes (or intervals for durations); empty for other fields.
    public var variants: [String] {
        guard kind == .dimension_group else { return [] }
        if isDuration {
            return block.list("intervals")?.map(\.text) ?? ["day", "hour", "minute", "month", "quarter", "second", "week", "year"]
        }
        return block.list("timeframes")?.map(\.text) ?? ["raw", "time", "date", "week", "month", "quarter", "year"]
    }

    /// The names the field answers to: its own, or `name_timeframe` / `intervals_name` for a dimension group.
    public var expandedNames: [(name: String, variant: String?)] {
        guard kind == .dimension_group else { return [(name, nil)] }
        return variants.map { isDuration ? ("\($0)s_\(name)", $0) : ("\(name)_\($0)", $0) }
    }
}

/// A view with its refinements and `extends` merged.
public struct ResolvedView: Sendable {
    public var name: String
    public var block: LookMLBlock
    /// Fields in definition order (ancestors' first).
    public var fields: [ResolvedField]
    /// Every name a field answers to → (index into `fields`, timeframe or interval).
    var lookup: [String: (index: Int, variant: String?)]
    public var location: SourceRange

    /// The field (and timeframe / interval) a name refers to.
    public func field(named name: String) -> (field: ResolvedField, variant: String?)? {
        lookup[name].map { (fields[$0.index], $0.variant) }
    }

    public var primaryKey: ResolvedField? {
        fields.first { $0.kind == .dimension && $0.block.flag("primary_key") == true }
    }

    /// All names a field answers to, for suggestions.
    public var fieldNames: [String] { Array(lookup.keys) }
}

/// A join of a resolved explore.
public struct ResolvedJoin: Sendable {
    public var alias: String
    public var view: String
    public var block: LookMLBlock
    public var location: SourceRange
}

/// An explore with its refinements and `extends` merged.
public struct ResolvedExplore: Sendable {
    public var name: String
    public var block: LookMLBlock
    /// The alias of the explore's base view (the explore's name, or `view_name:`).
    public var baseAlias: String
    public var baseView: String
    public var joins: [ResolvedJoin]
    public var location: SourceRange
    public var isExtension: Bool

    /// Alias → view for the base and every join.
    public var aliases: [String: String] {
        var result = [baseAlias: baseView]
        for join in joins { result[join.alias] = join.view }
        return result
    }

    public func join(_ alias: String) -> ResolvedJoin? { joins.first { $0.alias == alias } }
}

/// The views and explores one model sees, merged.
public struct ResolvedModel: Sendable {
    public let name: String
    public let scope: ModelScope
    public let views: [String: ResolvedView]
    public let explores: [String: ResolvedExplore]
    /// Explore names in definition order.
    public let exploreOrder: [String]
    public let constants: [String: ConstantDefinition]

    init(project: Project, model: ModelDefinition) {
        name = model.name
        let scope = project.scope(of: model)
        self.scope = scope
        var constants: [String: ConstantDefinition] = [:]
        for constant in project.constants where constants[constant.name] == nil { constants[constant.name] = constant }
        self.constants = constants

        // Top-level named blocks of each file this model sees, by the offsets where their names start: definitions
        // know where their name is written, and the blocks are read from the tree once per file.
        var blocksByFile: [String: [Int: BlockValue]] = [:]
        func block(name: String, location: SourceRange) -> LookMLBlock? {
            guard let file = project.files[location.file] else { return nil }
            if blocksByFile[location.file] == nil {
                var index: [Int: BlockValue] = [:]
                if let tree = file.tree {
                    for item in tree.document.items {
                        guard case .field(let field) = item, case .block(let block) = field.value, let token = block.name else { continue }
                        let start = token.textRange.lowerBound
                        // The name's text may start after a quote or a refinement's `+`.
                        for offset in start...min(start + 2, token.textRange.upperBound) where index[offset] == nil { index[offset] = block }
                    }
                }
                blocksByFile[location.file] = index
            }
            guard let syntax = blocksByFile[location.file]?[location.range.lowerBound] else { return nil }
            return LookMLBlock(syntax, name: name, nameLocation: location, in: file)
        }

        // Views: own definition and refinements first, then laid over the views it extends.
        var views: [String: ResolvedView] = [:]
        var visiting = Set<String>()
        func resolveView(_ name: String) -> ResolvedView? {
            if let known = views[name] { return known }
            guard let definitions = scope.views[name], visiting.insert(name).inserted else { return nil }
            defer { visiting.remove(name) }
            var own: LookMLBlock?
            var parents: [String] = []
            for definition in definitions {
                guard let next = block(name: name, location: definition.location) else { continue }
                own = own.map { next.merged(over: $0) } ?? next
                parents += definition.extends
            }
            guard var merged = own else { return nil }
            if let chain = ResolvedModel.chain(parents.compactMap { resolveView($0)?.block }) { merged = merged.merged(over: chain) }
            let resolved = ResolvedModel.view(name, block: merged, location: definitions[0].location)
            views[name] = resolved
            return resolved
        }
        for name in scope.views.keys.sorted() { _ = resolveView(name) }
        self.views = views

        // Explores, the same way.
        var explores: [String: ResolvedExplore] = [:]
        var exploreBlocks: [String: LookMLBlock] = [:]
        var visitingExplores = Set<String>()
        func exploreBlock(_ name: String) -> LookMLBlock? {
            if let known = exploreBlocks[name] { return known }
            guard let definitions = scope.explores[name], visitingExplores.insert(name).inserted else { return nil }
            defer { visitingExplores.remove(name) }
            let ordered = definitions.filter { !$0.isRefinement } + definitions.filter(\.isRefinement)
            var own: LookMLBlock?
            var parents: [String] = []
            for definition in ordered {
                guard let next = block(name: name, location: definition.location) else { continue }
                own = own.map { next.merged(over: $0) } ?? next
                parents += definition.extends
            }
            guard var merged = own else { return nil }
            if let chain = ResolvedModel.chain(parents.compactMap(exploreBlock)) { merged = merged.merged(over: chain) }
            merged.name = name
            exploreBlocks[name] = merged
            return merged
        }
        var order: [(String, SourceRange)] = []
        for (name, definitions) in scope.explores {
            guard let merged = exploreBlock(name) else { continue }
            let location = (definitions.first { !$0.isRefinement } ?? definitions[0]).location
            order.append((name, location))
            let from = merged.string("from"), viewName = merged.string("view_name")
            let baseAlias = from != nil ? name : (viewName ?? name)
            let baseView = from ?? viewName ?? name
            let joins = merged.blocks("join").map { join -> ResolvedJoin in
                let alias = join.name ?? ""
                return ResolvedJoin(alias: alias, view: join.string("from") ?? alias, block: join,
                                    location: join.nameLocation ?? location)
            }
            explores[name] = ResolvedExplore(name: name, block: merged, baseAlias: baseAlias, baseView: baseView, joins: joins,
                                             location: location, isExtension: merged.string("extension") == "required")
        }
        self.explores = explores
        exploreOrder = order.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Parents laid over each other in `extends` order (later ones win), without what is not inherited.
    static func chain(_ parents: [LookMLBlock]) -> LookMLBlock? {
        guard var chain = parents.first else { return nil }
        for parent in parents.dropFirst() { chain = parent.merged(over: chain) }
        chain.parameters.removeAll { $0.key == "extension" || $0.key == "extends" }
        return chain
    }

    static func view(_ name: String, block: LookMLBlock, location: SourceRange) -> ResolvedView {
        var fields: [ResolvedField] = []
        var lookup: [String: (index: Int, variant: String?)] = [:]
        for parameter in block.parameters {
            guard let kind = FieldKind(rawValue: parameter.key), case .block(let fieldBlock) = parameter.value, let fieldName = fieldBlock.name else { continue }
            let field = ResolvedField(name: fieldName, kind: kind, block: fieldBlock, location: fieldBlock.nameLocation ?? location)
            for (expanded, variant) in field.expandedNames where lookup[expanded] == nil {
                lookup[expanded] = (fields.count, variant)
            }
            // A dimension group also answers to its own name in `filters:` and Liquid.
            if kind == .dimension_group, lookup[fieldName] == nil { lookup[fieldName] = (fields.count, nil) }
            fields.append(field)
        }
        return ResolvedView(name: name, block: block, fields: fields, lookup: lookup, location: location)
    }
}
