import LookMLProject
import SQLDialect

extension QueryCompiler {
    /// The SQL of a field in an alias: a dimension's expression, a timeframe or interval of a dimension group, or a
    /// measure's aggregate. `forSelect` turns yes/no fields into `'Yes'` / `'No'` as Looker shows them.
    func fieldSQL(alias: String, view: ResolvedView, field: ResolvedField, variant: String?, forSelect: Bool) -> SQLText {
        let owner = SQLOwner.field("\(alias).\(field.name)")
        let context = ExpansionContext(alias: alias, view: view, owner: owner)
        let origin = field.location
        switch field.kind {
        case .dimension:
            var expression: SQLText
            if let sql = field.block.scalar("sql") {
                expression = expand(sql, context).trimmed.unwrapped
            } else if field.type == "location", let latitude = field.block.scalar("sql_latitude"), let longitude = field.block.scalar("sql_longitude") {
                expression = location(expand(latitude, context).trimmed, expand(longitude, context).trimmed, origin: origin, owner: owner)
            } else if let cases = field.block.block("case") {
                expression = caseDimension(cases, context: context, origin: origin)
            } else {
                expression = SQLText("\(state.profile.quoteIfNeeded(alias)).\(field.name)", origin: origin, owner: owner)
            }
            if field.type == "tier" { expression = tier(field, expression, owner: owner) }
            if forSelect, field.type == "yesno" {
                expression = SQLText("CASE WHEN ", origin: origin, owner: owner) + expression + SQLText(" THEN 'Yes' ELSE 'No' END", origin: origin, owner: owner)
            }
            return expression
        case .dimension_group:
            if field.isDuration { return duration(alias: alias, view: view, field: field, interval: variant ?? "day", context: context) }
            let raw = timestamp(field, field.block.scalar("sql"), context: context)
            guard let timeframe = variant, timeframe != "raw" else { return raw }
            return timeframeSQL(timeframe, raw, field: field, owner: owner)
        case .measure:
            return measure(alias: alias, view: view, field: field, context: context, forSelect: forSelect)
        case .filter:
            state.report(.unsupported, "filter field '\(field.name)' has no SQL value: use {% condition \(view.name).\(field.name) %} … {% endcondition %}", at: origin, owner: owner)
            return SQLText("NULL", origin: origin, owner: owner)
        case .parameter:
            return parameterValue(field, location: origin, owner: owner)
        }
    }

    /// A dimension group's raw timestamp: its `sql` converted from its `datatype`.
    func timestamp(_ field: ResolvedField, _ sql: LookMLScalar?, datatype: String? = nil, context: ExpansionContext) -> SQLText {
        let origin = field.location
        let expression = sql.map { expand($0, context).trimmed }
            ?? SQLText("\(state.profile.quoteIfNeeded(context.alias ?? "")).\(field.name)", origin: origin, owner: context.owner)
        let type = datatype ?? field.block.string("datatype") ?? "timestamp"
        guard let template = state.profile.datatypes[type] else {
            state.report(.unsupported, "datatype '\(type)' is not known for \(state.profile.displayName); read as a timestamp",
                         at: field.block.scalar("datatype")?.location ?? origin, owner: context.owner)
            return expression
        }
        return fill(template, ["x": expression], origin: origin, owner: context.owner)
    }

    private func timeframeSQL(_ timeframe: String, _ raw: SQLText, field: ResolvedField, owner: SQLOwner) -> SQLText {
        let origin = field.location
        var value = raw
        if timeframe.hasPrefix("fiscal_"), let offset = field.block.string("fiscal_month_offset").flatMap(Int.init), offset != 0 {
            value = fill(state.profile.dateAdd, ["unit": SQLText("month"), "n": SQLText(String(offset)), "x": raw], origin: origin, owner: owner)
        }
        if let template = state.profile.timeframes[timeframe] {
            return fill(template, ["x": value], origin: origin, owner: owner)
        }
        for family in ["hour", "minute", "second"] where timeframe.hasPrefix(family) {
            if let n = Int(timeframe.dropFirst(family.count)), n > 0, let template = state.profile.timeframes[family + "N"] {
                return fill(template, ["x": value, "n": SQLText(String(n))], origin: origin, owner: owner)
            }
        }
        state.report(.unsupported, "timeframe '\(timeframe)' has no \(state.profile.displayName) SQL in the profile; compiled as NULL",
                     at: field.block.list("timeframes")?.first { $0.text == timeframe }?.location ?? origin, owner: owner)
        return SQLText("NULL", origin: origin, owner: owner)
    }

    private func duration(alias: String, view: ResolvedView, field: ResolvedField, interval: String, context: ExpansionContext) -> SQLText {
        let origin = field.location
        guard let startSQL = field.block.scalar("sql_start"), let endSQL = field.block.scalar("sql_end") else {
            state.report(.unsupported, "duration dimension group '\(field.name)' needs sql_start and sql_end", at: origin, owner: context.owner)
            return SQLText("NULL", origin: origin, owner: context.owner)
        }
        let datatype = field.block.string("datatype")
        let start = timestamp(field, startSQL, datatype: datatype, context: context)
        let end = timestamp(field, endSQL, datatype: datatype, context: context)
        guard let template = state.profile.durations[interval] else {
            state.report(.unsupported, "interval '\(interval)' has no \(state.profile.displayName) SQL in the profile; compiled as NULL",
                         at: field.block.list("intervals")?.first { $0.text == interval }?.location ?? origin, owner: context.owner)
            return SQLText("NULL", origin: origin, owner: context.owner)
        }
        return fill(template, ["start": start, "end": end], origin: origin, owner: context.owner)
    }

    /// `type: location`: `latitude,longitude` as text, NULL unless both are set.
    private func location(_ latitude: SQLText, _ longitude: SQLText, origin: SourceRange, owner: SQLOwner) -> SQLText {
        func text(_ value: String) -> SQLText { SQLText(value, origin: origin, owner: owner) }
        let lat = latitude.parenthesized(origin: origin, owner: owner), lng = longitude.parenthesized(origin: origin, owner: owner)
        let latitudeText = text("CAST(") + latitude.unwrapped + text(" AS VARCHAR)")
        let longitudeText = text("CAST(") + longitude.unwrapped + text(" AS VARCHAR)")
        let joined = fill(state.profile.concatenation, ["a": fill(state.profile.concatenation, ["a": latitudeText, "b": text("','")], origin: origin, owner: owner),
                                                        "b": longitudeText], origin: origin, owner: owner)
        return text("CASE WHEN ") + lat + text(" IS NOT NULL AND ") + lng + text(" IS NOT NULL THEN ") + joined + text(" END")
    }

    /// `case: { when: { sql: … ;; label: "…" } else: "…" }`: the label of the first condition that holds.
    private func caseDimension(_ cases: LookMLBlock, context: ExpansionContext, origin: SourceRange) -> SQLText {
        let literal = FilterExpression(profile: state.profile, origin: origin, owner: context.owner)
        func text(_ value: String, _ at: SourceRange? = nil) -> SQLText { SQLText(value, origin: at ?? origin, owner: context.owner) }
        var result = text("CASE")
        for when in cases.blocks("when") {
            guard let condition = when.scalar("sql") else { continue }
            let label = when.scalar("label")
            result.append(text(" WHEN "))
            result.append(expand(condition, context).trimmed)
            result.append(text(" THEN \(literal.literal(label?.value ?? ""))", label?.location))
        }
        if let otherwise = cases.scalar("else") { result.append(text(" ELSE \(literal.literal(otherwise.value))", otherwise.location)) }
        result.append(text(" END"))
        return result
    }

    /// `type: tier`: the bucket each value falls in, as `T01 [0,10)` style labels.
    private func tier(_ field: ResolvedField, _ expression: SQLText, owner: SQLOwner) -> SQLText {
        let origin = field.location
        let tiers = field.block.list("tiers")?.compactMap { Double($0.text) } ?? []
        guard !tiers.isEmpty else { return expression }
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        var result = SQLText("CASE", origin: origin, owner: owner)
        let operand = expression.parenthesized(origin: origin, owner: owner)
        result.append(SQLText(" WHEN ", origin: origin, owner: owner) + operand + SQLText(" < \(number(tiers[0])) THEN '00 below \(number(tiers[0]))'", origin: origin, owner: owner))
        for (index, low) in tiers.enumerated() {
            let label = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            if index + 1 < tiers.count {
                let high = tiers[index + 1]
                result.append(SQLText(" WHEN ", origin: origin, owner: owner) + operand + SQLText(" >= \(number(low)) AND ", origin: origin, owner: owner)
                              + operand + SQLText(" < \(number(high)) THEN '\(label) \(number(low)) to \(number(high))'", origin: origin, owner: owner))
            } else {
                result.append(SQLText(" WHEN ", origin: origin, owner: owner) + operand + SQLText(" >= \(number(low)) THEN '\(label) \(number(low)) or above'", origin: origin, owner: owner))
            }
        }
        result.append(" ELSE 'Undefined' END", origin: origin, owner: owner)
        return result
    }

    // MARK: - Measures

    private func measure(alias: String, view: ResolvedView, field: ResolvedField, context: ExpansionContext, forSelect: Bool) -> SQLText {
        let origin = field.location, owner = context.owner
        func text(_ value: String) -> SQLText { SQLText(value, origin: origin, owner: owner) }
        let type = field.type ?? "string"  // Looker's default measure type
        let condition = measureFilters(alias: alias, view: view, field: field, context: context)
        let sql = field.block.scalar("sql").map { expand($0, context).trimmed.unwrapped }
        func value() -> SQLText {
            guard let sql else {
                state.report(.unsupported, "measure '\(field.name)' of type \(type) needs sql", at: origin, owner: owner)
                return text("NULL")
            }
            return sql
        }
        /// The value, only where the measure's filters hold.
        func filtered(_ value: SQLText, otherwise: String = "NULL") -> SQLText {
            guard let condition else { return value }
            return text("CASE WHEN ") + condition + text(" THEN ") + value + text(" ELSE \(otherwise) END")
        }
        switch type {
        case "count":
            if alias != explore.baseAlias, let key = view.primaryKey {
                let keySQL = fieldSQL(alias: alias, view: view, field: key, variant: nil, forSelect: false)
                return text("COUNT(DISTINCT ") + filtered(keySQL) + text(")")
            }
            guard condition != nil else { return text("COUNT(*)") }
            return text("COUNT(") + filtered(text("1")) + text(")")
        case "count_distinct":
            return text("COUNT(DISTINCT ") + filtered(value()) + text(")")
        case "sum", "sum_distinct":
            return text("COALESCE(SUM(") + filtered(value()) + text("), 0)")
        case "average", "average_distinct":
            return text("AVG(") + filtered(value()) + text(")")
        case "min":
            return text("MIN(") + filtered(value()) + text(")")
        case "max":
            return text("MAX(") + filtered(value()) + text(")")
        case "median", "median_distinct":
            return fill(state.profile.median, ["x": filtered(value())], origin: origin, owner: owner)
        case "percentile", "percentile_distinct":
            let percentile = Double(field.block.string("percentile") ?? "50") ?? 50
            let p = percentile / 100
            return fill(state.profile.percentile, ["p": text(p == p.rounded() ? String(Int(p)) : String(p)), "x": filtered(value())], origin: origin, owner: owner)
        case "list":
            guard let listField = field.block.string("list_field"), let (dimension, variant) = view.field(named: listField) else {
                state.report(.unsupported, "measure '\(field.name)' of type list needs a list_field naming a dimension of view '\(view.name)'",
                             at: field.block.scalar("list_field")?.location ?? origin, owner: owner)
                return text("NULL")
            }
            let dimensionSQL = fieldSQL(alias: alias, view: view, field: dimension, variant: variant, forSelect: false)
            return fill(state.profile.list, ["x": filtered(dimensionSQL)], origin: origin, owner: owner)
        case "number", "string", "date", "time", "yesno", "date_time":
            var expression = value()
            if forSelect, type == "yesno" { expression = text("CASE WHEN ") + expression + text(" THEN 'Yes' ELSE 'No' END") }
            return expression
        default:
            state.report(.unsupported, "measure type '\(type)' is computed by Looker after the query; compiled from its sql only",
                         at: field.block.scalar("type")?.location ?? origin, owner: owner)
            return sql ?? text("NULL")
        }
    }

    /// A measure's `filters:` as one condition (AND), or nil.
    private func measureFilters(alias: String, view: ResolvedView, field: ResolvedField, context: ExpansionContext) -> SQLText? {
        var pairs: [(field: String, fieldLocation: SourceRange, value: LookMLScalar)] = []
        for item in field.block.list("filters") ?? [] {
            if let value = item.pair { pairs.append((item.text, item.location, value)) }
        }
        // The older block form: filters: { field: x value: "y" }
        for block in field.block.blocks("filters") {
            if let name = block.scalar("field"), let value = block.scalar("value") { pairs.append((name.text, name.location, value)) }
        }
        var conditions: [SQLText] = []
        for pair in pairs {
            guard let target = filterTarget(pair.field, location: pair.fieldLocation, context: context) else { continue }
            let expression = FilterExpression(profile: state.profile, origin: pair.value.location, owner: context.owner)
            guard let condition = expression.condition(pair.value.value, kind: target.kind, on: target.sql) else {
                state.report(.unsupported, "filter expression '\(pair.value.value)' is not understood offline; the filter is left out",
                             at: pair.value.location, owner: context.owner)
                continue
            }
            conditions.append(condition)
        }
        guard !conditions.isEmpty else { return nil }
        var result = conditions[0]
        for condition in conditions.dropFirst() { result.append(" AND ", origin: field.location, owner: context.owner); result.append(condition) }
        return result
    }

    /// The SQL a filter on `name` (`view.field` or `field`) applies to, and how to read its values.
    func filterTarget(_ name: String, location: SourceRange, context: ExpansionContext) -> (sql: SQLText, kind: FilterExpression.Kind, isMeasure: Bool, alias: String)? {
        let parts = name.split(separator: ".").map(String.init)
        let alias = parts.count == 2 ? resolveQualifier(parts[0], context: context) : context.alias
        let fieldName = parts.last ?? name
        guard let alias, let view = (aliases[alias] ?? (alias == context.alias ? context.view?.name : nil)).flatMap({ state.model.views[$0] }) else {
            if parts.count == 2, state.model.views[parts[0]] != nil {
                state.report(.notJoined, "'\(parts[0])' is not joined in explore '\(explore.name)'", at: location, owner: context.owner)
            } else {
                let suggestion = nearestName(to: parts.count == 2 ? parts[0] : name, in: aliases.keys)
                state.report(.unresolvedReference, "unknown view '\(parts.count == 2 ? parts[0] : name)' in '\(name)'\(didYouMean(suggestion))", at: location,
                             owner: context.owner, suggestion: suggestion)
            }
            return nil
        }
        guard let (field, variant) = view.field(named: fieldName) else {
            let suggestion = nearestName(to: fieldName, in: view.fieldNames)
            state.report(.unresolvedReference, "unknown field '\(fieldName)' in view '\(view.name)'\(didYouMean(suggestion))", at: location,
                         owner: context.owner, suggestion: suggestion)
            return nil
        }
        usedAliases.insert(alias)
        let kind = filterKind(field)
        // Time filters apply to the raw timestamp, whatever timeframe names them.
        if field.kind == .dimension_group, !field.isDuration {
            let owner = SQLOwner.field("\(alias).\(field.name)")
            let raw = timestamp(field, field.block.scalar("sql"), context: ExpansionContext(alias: alias, view: view, owner: owner))
            return (raw, .date, false, alias)
        }
        let key = "\(alias).\(fieldName)"
        guard !visiting.contains(key) else { return nil }
        visiting.append(key)
        defer { visiting.removeLast() }
        let sql = fieldSQL(alias: alias, view: view, field: field, variant: variant, forSelect: false)
        return (sql, kind, field.kind == .measure, alias)
    }

    func filterKind(_ field: ResolvedField) -> FilterExpression.Kind {
        if field.kind == .dimension_group { return field.isDuration ? .number : .date }
        switch field.type {
        case "number", "count", "count_distinct", "sum", "average", "min", "max", "median", "percentile", "sum_distinct", "average_distinct", "int": return .number
        case "yesno": return .yesno
        case "date", "date_time", "time", "date_date", "date_time_of_day": return .date
        default: return field.kind == .measure ? .number : .string
        }
    }

    // MARK: - Parameters

    /// The text `{% parameter %}` inserts: the default value (or the first allowed value), quoted for strings.
    func parameterText(alias: String, name: String) -> String? {
        guard let view = aliases[alias].flatMap({ state.model.views[$0] }), let (field, _) = view.field(named: name) else { return nil }
        return parameterDefault(field).map { raw, _ in parameterQuoted(field, raw) }
    }

    private func parameterDefault(_ field: ResolvedField) -> (String, LookMLScalar)? {
        if let value = field.block.scalar("default_value") { return (value.value, value) }
        if let first = field.block.blocks("allowed_value").first, let value = first.scalar("value") { return (value.value, value) }
        return nil
    }

    private func parameterQuoted(_ field: ResolvedField, _ raw: String) -> String {
        switch field.type ?? "string" {
        case "unquoted", "number", "yesno": return raw
        default: return FilterExpression(profile: state.profile, origin: nil, owner: nil).literal(raw)
        }
    }

    func parameterValue(_ field: ResolvedField, location: SourceRange, owner: SQLOwner) -> SQLText {
        guard let (raw, scalar) = parameterDefault(field) else {
            // Nothing chosen and nothing to default to: the user picks a value in the explore. A stand-in keeps the
            // SQL readable and checkable: the parameter's name where SQL text goes, NULL where a value goes.
            return SQLText(field.type == "unquoted" ? field.name : "NULL", origin: location, owner: owner)
        }
        let text = parameterQuoted(field, raw)
        // An unquoted value is SQL written in LookML: keep it verbatim so findings point inside it.
        if text == scalar.text { return .verbatim(text, origin: scalar.location, owner: owner) }
        return SQLText(text, origin: scalar.location, owner: owner)
    }

    // MARK: - Tables

    /// What `FROM` and `${view.SQL_TABLE_NAME}` read for a view: its derived table's CTE, its `sql_table_name`, or its name.
    func tableExpression(_ viewName: String, location: SourceRange, owner: SQLOwner) -> SQLText {
        guard let view = state.model.views[viewName] else {
            state.report(.unresolvedReference, "unknown view '\(viewName)'", at: location, owner: owner)
            return SQLText(viewName, origin: location, owner: owner)
        }
        let profile = state.profile
        if let derived = view.block.block("derived_table") {
            let name = profile.quoteIfNeeded(view.name)
            let registered = state.registerCTE(view.name) { derivedTableBody(view, derived) }
            if !registered { state.report(.cycle, "derived table '\(view.name)' depends on itself", at: view.location, owner: owner) }
            return SQLText(name, origin: view.location, owner: .derivedTable(view.name))
        }
        if let table = view.block.scalar("sql_table_name") {
            return expand(table, ExpansionContext(alias: nil, view: view, owner: .view(view.name, parameter: "sql_table_name"))).trimmed
        }
        return SQLText(profile.quoteIfNeeded(view.name), origin: view.location, owner: .view(view.name, parameter: "name"))
    }

    private func derivedTableBody(_ view: ResolvedView, _ derived: LookMLBlock) -> SQLText {
        let owner = SQLOwner.derivedTable(view.name)
        if let sql = derived.scalar("sql") {
            return expand(sql, ExpansionContext(alias: nil, view: view, owner: owner)).trimmed
        }
        if let source = derived.block("explore_source") {
            return nativeDerivedTable(view, source)
        }
        state.report(.unsupported, "derived table of view '\(view.name)' has neither sql nor explore_source", at: view.location, owner: owner)
        return SQLText("SELECT NULL", origin: view.location, owner: owner)
    }

    /// `explore_source: e { column: c { field: v.f } filters: [...] }`: the explore's query, one column per `column`.
    private func nativeDerivedTable(_ view: ResolvedView, _ source: LookMLBlock) -> SQLText {
        let owner = SQLOwner.derivedTable(view.name)
        let location = source.nameLocation ?? view.location
        guard let exploreName = source.name, let sourceExplore = state.model.explores[exploreName] else {
            let suggestion = nearestName(to: source.name ?? "", in: state.model.explores.keys)
            state.report(.unresolvedReference, "unknown explore '\(source.name ?? "")' in explore_source\(didYouMean(suggestion))", at: location, owner: owner, suggestion: suggestion)
            return SQLText("SELECT NULL", origin: location, owner: owner)
        }
        let compiler = QueryCompiler(state: state, explore: sourceExplore)
        var columns: [SelectItem] = []
        for column in source.blocks("column") {
            guard let name = column.name else { continue }
            let fieldScalar = column.scalar("field")
            let fieldName = fieldScalar?.value ?? "\(sourceExplore.baseAlias).\(name)"
            let fieldLocation = fieldScalar?.location ?? column.nameLocation ?? location
            guard let resolved = compiler.resolveSelectable(fieldName, location: fieldLocation, owner: owner) else { continue }
            columns.append(SelectItem(name: resolved.name, column: name, quotedColumn: state.profile.quoteIfNeeded(name), alias: resolved.alias,
                                      view: resolved.view, field: resolved.field, variant: resolved.variant))
        }
        guard !columns.isEmpty else {
            state.report(.unsupported, "explore_source '\(exploreName)' selects no column", at: location, owner: owner)
            return SQLText("SELECT NULL", origin: location, owner: owner)
        }
        var filters: [QueryFilter] = []
        for item in source.list("filters") ?? [] {
            if let value = item.pair { filters.append(QueryFilter(field: item.text, value: value.value, location: value.location, fieldLocation: item.location)) }
        }
        return compiler.selectStatement(columns, extraFilters: filters, limit: nil).text
    }

    // MARK: - Templates

    /// A profile template with its placeholders replaced by SQL; the template's own text is attributed to `origin`.
    func fill(_ template: String, _ values: [String: SQLText], origin: SourceRange, owner: SQLOwner) -> SQLText {
        var result = SQLText()
        var literal = ""
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == "{", let close = template[index...].firstIndex(of: "}"),
               let value = values[String(template[template.index(after: index)..<close])] {
                result.append(literal, origin: origin, owner: owner)
                literal = ""
                let before = index > template.startIndex ? template[template.index(before: index)] : " "
                let after = template.index(after: close) < template.endIndex ? template[template.index(after: close)] : " "
                // Bare operands of a larger expression get parentheses; arguments of a call do not need them.
                let isArgument = (before == "(" || before == " " && template[..<index].hasSuffix(", ")) && (after == ")" || after == ",")
                result.append(isArgument || value.isAtomic ? value : value.parenthesized(origin: origin, owner: owner))
                index = template.index(after: close)
            } else {
                literal.append(template[index])
                index = template.index(after: index)
            }
        }
        result.append(literal, origin: origin, owner: owner)
        return result
    }
}
