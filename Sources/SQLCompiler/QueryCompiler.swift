import LookMLProject
import SQLDialect

/// One selected column: the field behind it and the column name it gets.
struct SelectItem {
    /// `alias.field`.
    var name: String
    /// The column name (unquoted).
    var column: String
    /// The column name as written after `AS`.
    var quotedColumn: String
    var alias: String
    var view: ResolvedView
    var field: ResolvedField
    var variant: String?
}

/// A filter applied to the query: `always_filter` / `conditionally_filter` defaults, `explore_source` filters,
/// or filters given with the query.
struct QueryFilter {
    var field: String
    var value: String
    var location: SourceRange?
    var fieldLocation: SourceRange?
}

/// Compiles queries of one explore: the SELECT Looker would send for a set of fields.
final class QueryCompiler {
    let state: CompilationState
    let explore: ResolvedExplore
    let aliases: [String: String]

    /// `alias.field` names selected, with the group names of selected timeframes.
    var selected: Set<String> = []
    /// Filters in effect: the explore's defaults and any given.
    var filters: [QueryFilter] = []
    /// Aliases the SQL so far refers to: these need joins.
    var usedAliases: Set<String> = []
    /// Fields being expanded, to catch cycles.
    var visiting: [String] = []
    var constantStack: [String] = []

    init(state: CompilationState, explore: ResolvedExplore) {
        self.state = state
        self.explore = explore
        self.aliases = explore.aliases
    }

    func inQuery(_ key: String) -> Bool {
        selected.contains(key) || filters.contains { $0.field == key || groupName(of: $0.field) == key }
    }

    private func groupName(of key: String) -> String? {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 2, let view = aliases[parts[0]].flatMap({ state.model.views[$0] }), let (field, _) = view.field(named: parts[1]) else { return nil }
        return "\(parts[0]).\(field.name)"
    }

    // MARK: - Fields

    /// A selectable field by `alias.field`, or nil after reporting why not.
    func resolveSelectable(_ name: String, location: SourceRange, owner: SQLOwner) -> (name: String, alias: String, view: ResolvedView, field: ResolvedField, variant: String?)? {
        switch lookup(name) {
        case .success(let found): return found
        case .failure(let error):
            let suggestion: String?
            switch error {
            case .unknownField(_, _, let guess): suggestion = guess
            default: suggestion = nil
            }
            state.report(.unresolvedReference, error.description, at: location, owner: owner, suggestion: suggestion)
            return nil
        }
    }

    /// A field of the explore by `alias.field`.
    func lookup(_ name: String) -> Result<(name: String, alias: String, view: ResolvedView, field: ResolvedField, variant: String?), CompileError> {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let alias = parts.count == 2 ? (resolveQualifier(parts[0], context: nil) ?? parts[0]) : explore.baseAlias
        let fieldName = parts.last ?? name
        guard parts.count <= 2, let viewName = aliases[alias], let view = state.model.views[viewName],
              let (field, variant) = view.field(named: fieldName) else {
            let candidates = explore.joinsAndBase.flatMap { alias, view in
                (state.model.views[view]?.fields ?? []).filter { $0.kind != .filter && $0.kind != .parameter }.flatMap { $0.expandedNames.map { "\(alias).\($0.name)" } }
            }
            return .failure(.unknownField(name, explore: explore.name, suggestion: nearestName(to: name, in: candidates)))
        }
        if field.kind == .filter || field.kind == .parameter {
            return .failure(.notSelectable(name, kind: field.kind == .filter ? "filter field" : "parameter"))
        }
        if field.kind == .dimension_group, variant == nil {
            let candidates = field.expandedNames.map { "\(alias).\($0.name)" }
            return .failure(.unknownField(name, explore: explore.name, suggestion: candidates.first))
        }
        return .success(("\(alias).\(fieldName)", alias, view, field, variant))
    }

    // MARK: - The statement

    /// `SELECT … FROM … JOIN … WHERE … GROUP BY … HAVING …` for the items, and the range of each item's expression.
    func selectStatement(_ items: [SelectItem], extraFilters: [QueryFilter], limit: Int?) -> (text: SQLText, ranges: [Range<Int>]) {
        let profile = state.profile
        let exploreOwner = SQLOwner.explore(explore.name, parameter: "explore '\(explore.name)'")
        selected = Set(items.flatMap { [$0.name, "\($0.alias).\($0.field.name)"] })
        // A filter given with the query replaces the explore's default on the same field; an empty value filters nothing.
        let given = extraFilters.filter { !$0.value.trimmingSpaces.isEmpty }
        filters = defaultFilters().filter { filter in !given.contains { $0.field == filter.field } } + given
        usedAliases = [explore.baseAlias]

        // Columns first: they decide which joins are needed.
        var expressions: [SQLText] = []
        for item in items {
            visiting = [item.name]
            expressions.append(fieldSQL(alias: item.alias, view: item.view, field: item.field, variant: item.variant, forSelect: true))
            usedAliases.insert(item.alias)
        }
        visiting = []

        // WHERE and HAVING.
        var wheres: [SQLText] = [], havings: [SQLText] = []
        if let always = explore.block.scalar("sql_always_where") {
            wheres.append(expand(always, ExpansionContext(alias: nil, view: nil, owner: .explore(explore.name, parameter: "sql_always_where"))).trimmed)
        }
        for filter in filters {
            let owner = SQLOwner.explore(explore.name, parameter: "filter on '\(filter.field)'")
            let context = ExpansionContext(alias: explore.baseAlias, view: aliases[explore.baseAlias].flatMap { state.model.views[$0] }, owner: owner)
            guard let target = filterTarget(filter.field, location: filter.fieldLocation ?? filter.location ?? explore.location, context: context) else { continue }
            let expression = FilterExpression(profile: profile, origin: filter.location, owner: owner)
            guard let condition = expression.condition(filter.value, kind: target.kind, on: target.sql) else {
                state.report(.unsupported, "filter expression '\(filter.value)' is not understood offline; the filter is left out",
                             at: filter.location ?? explore.location, owner: owner)
                continue
            }
            if target.isMeasure { havings.append(condition) } else { wheres.append(condition) }
        }
        if let always = explore.block.scalar("sql_always_having") {
            havings.append(expand(always, ExpansionContext(alias: nil, view: nil, owner: .explore(explore.name, parameter: "sql_always_having"))).trimmed)
        }

        for always in explore.block.list("always_join") ?? [] where aliases[always.text] != nil { usedAliases.insert(always.text) }

        // Joins: every alias the SQL uses, with what their conditions use, in the explore's order.
        var joinClauses: [String: SQLText] = [:]
        var changed = true
        while changed {
            changed = false
            for join in explore.joins where usedAliases.contains(join.alias) && joinClauses[join.alias] == nil {
                joinClauses[join.alias] = joinClause(join)
                for required in join.block.list("required_joins") ?? [] where aliases[required.text] != nil {
                    usedAliases.insert(required.text)
                }
                changed = true
            }
        }

        // Assemble, keeping each column's range.
        var text = SQLText()
        var length = 0
        func emit(_ piece: SQLText) { text.append(piece); length += piece.string.utf8.count }
        func emit(_ piece: String, origin: SourceRange? = nil, owner: SQLOwner? = nil) { emit(SQLText(piece, origin: origin, owner: owner)) }
        var ranges: [Range<Int>] = []
        emit("SELECT\n")
        for (index, item) in items.enumerated() {
            let owner = SQLOwner.field(item.name)
            emit("    ", origin: item.field.location, owner: owner)
            let start = length
            emit(expressions[index])
            ranges.append(start..<length)
            emit(" AS \(item.quotedColumn)\(index + 1 < items.count ? "," : "")\n", origin: item.field.location, owner: owner)
        }
        let baseView = explore.baseView
        emit("FROM ", origin: explore.location, owner: exploreOwner)
        emit(tableExpression(baseView, location: explore.location, owner: exploreOwner))
        emit(" AS \(profile.quoteIfNeeded(explore.baseAlias))\n", origin: explore.location, owner: exploreOwner)
        for join in explore.joins {
            guard let clause = joinClauses[join.alias] else { continue }
            emit(clause)
            emit("\n")
        }
        if !wheres.isEmpty {
            emit("WHERE ", origin: explore.location, owner: exploreOwner)
            for (index, condition) in wheres.enumerated() {
                if index > 0 { emit(" AND ", origin: explore.location, owner: exploreOwner) }
                emit(wheres.count > 1 ? condition.parenthesized(origin: explore.location, owner: exploreOwner) : condition)
            }
            emit("\n")
        }
        let dimensionPositions = items.indices.filter { items[$0].field.kind != .measure }
        if !dimensionPositions.isEmpty {
            emit("GROUP BY \(dimensionPositions.map { String($0 + 1) }.joined(separator: ", "))\n", origin: explore.location, owner: exploreOwner)
        }
        if !havings.isEmpty {
            emit("HAVING ", origin: explore.location, owner: exploreOwner)
            for (index, condition) in havings.enumerated() {
                if index > 0 { emit(" AND ", origin: explore.location, owner: exploreOwner) }
                emit(havings.count > 1 ? condition.parenthesized(origin: explore.location, owner: exploreOwner) : condition)
            }
            emit("\n")
        }
        if let limit { emit("LIMIT \(limit)\n", origin: explore.location, owner: exploreOwner) }
        // No trailing newline inside a CTE.
        if var last = text.fragments.last, last.text.hasSuffix("\n") {
            last.text.removeLast()
            text.fragments[text.fragments.count - 1] = last
        }
        return (text, ranges)
    }

    /// `always_filter` and `conditionally_filter` defaults.
    private func defaultFilters() -> [QueryFilter] {
        var result: [QueryFilter] = []
        for key in ["always_filter", "conditionally_filter"] {
            for item in explore.block.block(key)?.list("filters") ?? [] {
                guard let value = item.pair else { continue }
                let parts = item.text.split(separator: ".").map(String.init)
                let field = parts.count == 2 ? "\(resolveQualifier(parts[0], context: nil) ?? parts[0]).\(parts[1])" : "\(explore.baseAlias).\(item.text)"
                result.append(QueryFilter(field: field, value: value.value, location: value.location, fieldLocation: item.location))
            }
        }
        return result
    }

    /// `LEFT JOIN table AS alias ON …` for a join.
    private func joinClause(_ join: ResolvedJoin) -> SQLText {
        let profile = state.profile
        let owner = SQLOwner.join(join.alias)
        let origin = join.location
        func text(_ value: String) -> SQLText { SQLText(value, origin: origin, owner: owner) }
        let type = join.block.string("type") ?? "left_outer"
        let keyword: String
        switch type {
        case "left_outer": keyword = "LEFT JOIN"
        case "inner": keyword = "INNER JOIN"
        case "full_outer": keyword = "FULL OUTER JOIN"
        case "cross": keyword = "CROSS JOIN"
        default:
            state.report(.unsupported, "join type '\(type)' is not one of left_outer, inner, full_outer, cross; compiled as left_outer",
                         at: join.block.scalar("type")?.location ?? origin, owner: owner)
            keyword = "LEFT JOIN"
        }
        var clause = text("\(keyword) ") + tableExpression(join.view, location: origin, owner: owner) + text(" AS \(profile.quoteIfNeeded(join.alias))")
        guard type != "cross" else { return clause }
        let context = ExpansionContext(alias: nil, view: nil, owner: owner)
        if let on = join.block.scalar("sql_on") {
            clause.append(text(" ON "))
            clause.append(expand(on, context).trimmed)
        } else if let foreignKey = join.block.scalar("foreign_key") {
            let parts = foreignKey.value.split(separator: ".").map(String.init)
            let keyAlias = parts.count == 2 ? parts[0] : explore.baseAlias
            let keyName = parts.last ?? foreignKey.value
            guard let joinedView = state.model.views[join.view], let primaryKey = joinedView.primaryKey else {
                state.report(.unsupported, "foreign_key needs a primary_key dimension in view '\(join.view)'", at: foreignKey.location, owner: owner)
                return clause + text(" ON 1=1")
            }
            let left = aliases[keyAlias] == nil ? nil : fieldReference(alias: keyAlias, name: keyName, location: foreignKey.location,
                                                                         context: ExpansionContext(alias: keyAlias, view: aliases[keyAlias].flatMap { state.model.views[$0] }, owner: owner))
            let right = fieldSQL(alias: join.alias, view: joinedView, field: primaryKey, variant: nil, forSelect: false).parenthesized(origin: origin, owner: owner)
            clause.append(text(" ON "))
            clause.append(left ?? .verbatim(foreignKey.text, origin: foreignKey.location, owner: owner))
            clause.append(text(" = "))
            clause.append(right)
        } else if let sql = join.block.scalar("sql") {
            // The legacy form: the whole join clause written out.
            return expand(sql, context).trimmed
        } else {
            state.report(.unsupported, "join '\(join.alias)' has neither sql_on nor foreign_key; compiled with ON 1=1", at: origin, owner: owner)
            clause.append(text(" ON 1=1"))
        }
        return clause
    }
}

extension ResolvedExplore {
    /// The base alias and each join alias with its view, in order.
    var joinsAndBase: [(alias: String, view: String)] {
        [(baseAlias, baseView)] + joins.map { ($0.alias, $0.view) }
    }
}
