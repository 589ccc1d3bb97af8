import LookMLProject
import SQLDialect

/// Where a LookML SQL text is expanded: the alias `${TABLE}` stands for, the view `${field}` reads, and the owner
/// reported with whatever the text produces.
struct ExpansionContext {
    var alias: String?
    var view: ResolvedView?
    var owner: SQLOwner
}

/// One open Liquid block (`if`, `unless`, `case`, `comment`) while expanding.
private struct LiquidFrame {
    enum Kind { case conditional, caseBlock, comment }
    var kind: Kind
    var parentActive: Bool
    var active: Bool
    var taken: Bool
    var caseValue: LiquidValue = .none
}

extension QueryCompiler {
    /// Expands `${…}`, `@{…}` and Liquid in a LookML SQL text. Plain text is copied verbatim with its origin.
    func expand(_ scalar: LookMLScalar, _ context: ExpansionContext) -> SQLText {
        state.record(scalar, owner: context.owner)
        let bytes = Array(scalar.text.utf8)
        let base = scalar.location.range.lowerBound
        let file = scalar.location.file
        // Escaped strings (`\"`) and invalid UTF-8 do not map byte for byte; their pieces are attributed to the whole value.
        let exact = (!scalar.isString || !bytes.contains(UInt8(ascii: "\\"))) && bytes.count == scalar.location.range.count
        func location(_ range: Range<Int>) -> SourceRange {
            exact ? SourceRange(file: file, range: base + range.lowerBound..<base + range.upperBound) : scalar.location
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        var output = SQLText()
        var frames: [LiquidFrame] = []
        var conditions: [(filter: String, start: Int, location: SourceRange)] = []
        var active: Bool { frames.last?.active ?? true }
        let evaluator = liquidEvaluator(context)

        for piece in TemplateScanner.pieces(bytes) {
            switch piece {
            case .text(let range):
                guard active else { continue }
                let piece = text(range)
                output.append(exact ? .verbatim(piece, origin: location(range), owner: context.owner) : SQLText(piece, origin: scalar.location, owner: context.owner))
            case .substitution(let whole, let inner):
                guard active else { continue }
                output.append(substitution(text(inner), location: location(inner), whole: location(whole), raw: text(whole), context: context, overridden: scalar.overridden))
            case .constant(let whole, let inner):
                guard active else { continue }
                output.append(constant(text(inner), location: location(inner), raw: text(whole), context: context))
            case .liquidOutput(let whole, let inner):
                guard active else { continue }
                output.append(liquidOutput(text(inner), location: location(whole), evaluator: evaluator, context: context))
            case .liquidTag(let whole, let inner):
                let tag = text(inner)
                let name = tag.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                let argument = String(tag.dropFirst(name.count)).trimmingSpaces
                switch name {
                case "if", "unless":
                    let value = active && (evaluator.evaluate(argument) == (name == "if"))
                    frames.append(LiquidFrame(kind: .conditional, parentActive: active, active: value, taken: value))
                case "elsif":
                    guard var frame = frames.popLast() else { continue }
                    if frame.taken { frame.active = false } else {
                        frame.active = frame.parentActive && evaluator.evaluate(argument)
                        frame.taken = frame.active
                    }
                    frames.append(frame)
                case "else":
                    guard var frame = frames.popLast() else { continue }
                    frame.active = frame.parentActive && !frame.taken
                    frame.taken = true
                    frames.append(frame)
                case "case":
                    frames.append(LiquidFrame(kind: .caseBlock, parentActive: active, active: false, taken: false, caseValue: evaluator.value(argument)))
                case "when":
                    guard var frame = frames.popLast(), frame.kind == .caseBlock else { continue }
                    let candidates = LiquidEvaluator.tokens(argument).filter { $0 != "," && $0 != "or" }.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
                    let matches = !frame.taken && candidates.contains { evaluator.value($0).text == frame.caseValue.text }
                    frame.active = frame.parentActive && matches
                    frame.taken = frame.taken || matches
                    frames.append(frame)
                case "comment":
                    frames.append(LiquidFrame(kind: .comment, parentActive: active, active: false, taken: true))
                case "endif", "endunless", "endcase", "endcomment":
                    _ = frames.popLast()
                case "condition":
                    guard active else { continue }
                    conditions.append((argument, output.fragments.count, location(whole)))
                case "endcondition":
                    guard active, let open = conditions.popLast() else { continue }
                    var inner = SQLText()
                    inner.fragments = Array(output.fragments[open.start...])
                    output.fragments.removeSubrange(open.start...)
                    output.append(conditionSQL(filter: open.filter, expression: inner.trimmed, location: open.location, context: context))
                case "parameter":
                    guard active else { continue }
                    output.append(parameterReference(argument, location: location(whole), context: context))
                case "date_start", "date_end":
                    guard active else { continue }
                    output.append(SQLText("NULL", origin: location(whole), owner: context.owner))
                default:
                    // assign, capture, raw and the rest change nothing in the SQL.
                    break
                }
            }
        }
        for open in conditions {
            state.report(.unsupported, "{% condition \(open.filter) %} has no {% endcondition %}", at: open.location, owner: context.owner)
        }
        return output
    }

    // MARK: - ${…}

    private func substitution(_ inner: String, location: SourceRange, whole: SourceRange, raw: String, context: ExpansionContext,
                              overridden: [LookMLScalar]) -> SQLText {
        let unresolved = SQLText.verbatim(raw, origin: whole, owner: context.owner)
        switch inner {
        case "TABLE":
            guard let alias = context.alias else {
                state.report(.unsupported, "${TABLE} has no table here: use ${view.SQL_TABLE_NAME} or a table name", at: location, owner: context.owner)
                return unresolved
            }
            return SQLText(state.profile.quoteIfNeeded(alias), origin: whole, owner: context.owner)
        case "EXTENDED":
            guard let previous = overridden.first else {
                state.report(.unresolvedReference, "${EXTENDED} has nothing to extend: no earlier definition of this parameter", at: location, owner: context.owner)
                return SQLText()
            }
            return expand(previous, context)
        case "SQL_TABLE_NAME":
            guard let view = context.view else { return unresolved }
            return tableExpression(view.name, location: location, owner: context.owner)
        default:
            break
        }
        let parts = inner.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[1] == "SQL_TABLE_NAME" {
            let view = aliases[parts[0]] ?? parts[0]
            guard state.model.views[view] != nil else {
                let suggestion = nearestName(to: parts[0], in: state.model.views.keys)
                state.report(.unresolvedReference, "unknown view '\(parts[0])' in ${\(inner)}\(didYouMean(suggestion))", at: location, owner: context.owner,
                             suggestion: suggestion.map { "\($0).SQL_TABLE_NAME" })
                return unresolved
            }
            return tableExpression(view, location: location, owner: context.owner)
        }
        if parts.count == 2 {
            guard let alias = resolveQualifier(parts[0], context: context) else {
                let qualifierLocation = SourceRange(file: location.file, range: location.range.lowerBound..<location.range.lowerBound + parts[0].utf8.count)
                if state.model.views[parts[0]] != nil {
                    state.report(.notJoined, "'\(parts[0])' is not joined in explore '\(explore.name)'", at: qualifierLocation, owner: context.owner)
                } else {
                    let suggestion = nearestName(to: parts[0], in: Array(aliases.keys) + Array(state.model.views.keys))
                    state.report(.unresolvedReference, "unknown view '\(parts[0])' in ${\(inner)}\(didYouMean(suggestion))", at: qualifierLocation,
                                 owner: context.owner, suggestion: suggestion)
                }
                return unresolved
            }
            let nameLocation = SourceRange(file: location.file, range: location.range.upperBound - parts[1].utf8.count..<location.range.upperBound)
            return fieldReference(alias: alias, name: parts[1], location: nameLocation, context: context) ?? unresolved
        }
        guard parts.count == 1, !inner.isEmpty else {
            state.report(.unresolvedReference, "'${\(inner)}' is not a field reference", at: location, owner: context.owner)
            return unresolved
        }
        guard let alias = context.alias else {
            state.report(.unresolvedReference, "${\(inner)} names no view here: write ${view.\(inner)}", at: location, owner: context.owner)
            return unresolved
        }
        return fieldReference(alias: alias, name: inner, location: location, context: context) ?? unresolved
    }

    /// The alias a `view.` qualifier means in this explore: a join alias, or the current view's own name.
    func resolveQualifier(_ qualifier: String, context: ExpansionContext?) -> String? {
        if aliases[qualifier] != nil { return qualifier }
        if let context, let view = context.view, view.name == qualifier, let alias = context.alias { return alias }
        // A view joined once under another alias.
        let matches = aliases.filter { $0.value == qualifier }
        return matches.count == 1 ? matches.first?.key : nil
    }

    /// `${alias.field}` or `${field}`: the field's SQL, parenthesised unless atomic.
    func fieldReference(alias: String, name: String, location: SourceRange, context: ExpansionContext) -> SQLText? {
        guard let viewName = aliases[alias] ?? (alias == context.alias ? context.view?.name : nil), let view = state.model.views[viewName] else {
            state.report(.unresolvedReference, "unknown view for '\(alias)'", at: location, owner: context.owner)
            return nil
        }
        guard let (field, variant) = view.field(named: name) else {
            let suggestion = nearestName(to: name, in: view.fieldNames)
            state.report(.unresolvedReference, "unknown field '\(name)' in view '\(viewName)'\(didYouMean(suggestion))", at: location, owner: context.owner, suggestion: suggestion)
            return nil
        }
        let key = "\(alias).\(name)"
        guard !visiting.contains(key) else {
            state.report(.cycle, "'\(key)' refers to itself: \((visiting + [key]).joined(separator: " → "))", at: location, owner: context.owner)
            return nil
        }
        visiting.append(key)
        defer { visiting.removeLast() }
        usedAliases.insert(alias)
        return fieldSQL(alias: alias, view: view, field: field, variant: variant, forSelect: false).parenthesized(origin: location, owner: context.owner)
    }

    // MARK: - @{…}

    private func constant(_ name: String, location: SourceRange, raw: String, context: ExpansionContext) -> SQLText {
        guard let constant = state.model.constants[name] else {
            let suggestion = nearestName(to: name, in: state.model.constants.keys)
            state.report(.unresolvedReference, "unknown constant '@{\(name)}'\(didYouMean(suggestion))", at: location, owner: context.owner, suggestion: suggestion)
            return .verbatim(raw, origin: location, owner: context.owner)
        }
        // The constant's value, expanded where it is written (it may hold Liquid or other constants).
        let valueLocation = constant.valueLocation ?? constant.location
        let scalar = LookMLScalar(text: constant.value, location: valueLocation, isString: true)
        guard !constantStack.contains(name) else {
            state.report(.cycle, "constant '@{\(name)}' refers to itself", at: location, owner: context.owner)
            return SQLText()
        }
        constantStack.append(name)
        defer { constantStack.removeLast() }
        return expand(scalar, context)
    }

    // MARK: - Liquid

    private func liquidEvaluator(_ context: ExpansionContext) -> LiquidEvaluator {
        LiquidEvaluator { [unowned self] path in self.liquidVariable(path, context: context) }
    }

    /// The value of a Liquid variable in a condition.
    func liquidVariable(_ path: String, context: ExpansionContext) -> LiquidValue {
        if path.hasPrefix("_filters[") {
            let key = bracketKey(path)
            return filterValue(forKey: key, context: context).map(LiquidValue.string) ?? .none
        }
        switch path {
        case "_dialect._name": return .string(state.profile.name)
        case "_model._name": return .string(state.model.name)
        case "_explore._name": return .string(explore.name)
        case "_view._name": return context.view.map { .string($0.name) } ?? .none
        case "_query._query_timezone": return .string("UTC")
        default: break
        }
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 3, let alias = resolveQualifier(parts[0], context: context) else { return .none }
        let key = "\(alias).\(parts[1])"
        switch parts[2] {
        case "_in_query": return .bool(inQuery(key))
        case "_is_selected": return .bool(selected.contains(key))
        case "_is_filtered": return .bool(filters.contains { $0.field == key })
        case "_parameter_value":
            guard let text = parameterText(alias: alias, name: parts[1]) else { return .none }
            return .string(text)
        default: return .none
        }
    }

    private func bracketKey(_ path: String) -> String {
        guard let open = path.firstIndex(of: "["), let close = path.lastIndex(of: "]"), open < close else { return "" }
        var key = String(path[path.index(after: open)..<close]).trimmingSpaces
        if key.count >= 2, let first = key.first, first == "'" || first == "\"" { key = String(key.dropFirst().dropLast()) }
        return key
    }

    private func filterValue(forKey key: String, context: ExpansionContext) -> String? {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 2, let alias = resolveQualifier(parts[0], context: context) else { return nil }
        return filters.last { $0.field == "\(alias).\(parts[1])" }?.value
    }

    /// `{{ … }}`: parameter values, `_sql`, user attributes, names; anything that needs a live query is NULL.
    private func liquidOutput(_ expression: String, location: SourceRange, evaluator: LiquidEvaluator, context: ExpansionContext) -> SQLText {
        let (_, filters) = evaluator.output(expression)
        let subject = expression.split(separator: "|").first.map { String($0).trimmingSpaces } ?? ""
        func generated(_ text: String) -> SQLText {
            let quoted = filters.contains("sql_quote") ? FilterExpression(profile: state.profile, origin: location, owner: context.owner).literal(text) : text
            return SQLText(quoted, origin: location, owner: context.owner)
        }
        if subject.hasPrefix("_user_attributes[") { return generated(bracketKey(subject)) }
        if subject.hasPrefix("_filters[") { return generated(filterValue(forKey: bracketKey(subject), context: context) ?? "") }
        let parts = subject.split(separator: ".").map(String.init)
        if parts.count == 3, let alias = resolveQualifier(parts[0], context: context) {
            switch parts[2] {
            case "_sql":
                return fieldReference(alias: alias, name: parts[1], location: location, context: context) ?? SQLText()
            case "_parameter_value":
                if let view = aliases[alias].flatMap({ state.model.views[$0] }), let (field, _) = view.field(named: parts[1]) {
                    return parameterValue(field, location: location, owner: context.owner)
                }
                return generated("")
            case "_name":
                return generated("\(alias).\(parts[1])")
            default:
                return SQLText("NULL", origin: location, owner: context.owner)
            }
        }
        let value = evaluator.value(subject)
        if case .none = value {
            if parts.count == 2, parts[1] == "_name" { return generated("") }
            return SQLText("NULL", origin: location, owner: context.owner)
        }
        return generated(value.text)
    }

    /// `{% parameter name %}`.
    private func parameterReference(_ name: String, location: SourceRange, context: ExpansionContext) -> SQLText {
        guard let (_, _, field) = liquidField(name, context: context) else {
            state.report(.unresolvedReference, "unknown parameter '\(name)' in {% parameter %}", at: location, owner: context.owner)
            return SQLText("NULL", origin: location, owner: context.owner)
        }
        return parameterValue(field, location: location, owner: context.owner)
    }

    /// A field named in Liquid (`view.field`, or `field` of the current view): the key filters and `_in_query` use
    /// (`alias.field`), its view and the field.
    func liquidField(_ name: String, context: ExpansionContext) -> (key: String, view: ResolvedView, field: ResolvedField)? {
        let parts = name.split(separator: ".").map(String.init)
        let fieldName = parts.last ?? name
        let alias: String
        let view: ResolvedView
        if parts.count == 2 {
            if let found = resolveQualifier(parts[0], context: context), let resolved = (aliases[found] ?? (found == context.alias ? context.view?.name : nil)).flatMap({ state.model.views[$0] }) {
                (alias, view) = (found, resolved)
            } else if let resolved = state.model.views[parts[0]] {
                (alias, view) = (parts[0], resolved)
            } else {
                return nil
            }
        } else if parts.count == 1, let current = context.view {
            (alias, view) = (context.alias ?? resolveQualifier(current.name, context: nil) ?? current.name, current)
        } else {
            return nil
        }
        guard let (field, _) = view.field(named: fieldName) else { return nil }
        return ("\(alias).\(fieldName)", view, field)
    }

    /// `{% condition filter %} expression {% endcondition %}`: the filter's default applied to the expression,
    /// or `1=1` when nothing filters it.
    private func conditionSQL(filter: String, expression: SQLText, location: SourceRange, context: ExpansionContext) -> SQLText {
        let always = SQLText("1=1", origin: location, owner: context.owner)
        guard let (key, _, field) = liquidField(filter, context: context) else {
            state.report(.unresolvedReference, "unknown filter '\(filter)' in {% condition %}", at: location, owner: context.owner)
            return always
        }
        let value = filters.last { $0.field == key }.map { ($0.value, $0.location) }
            ?? field.block.scalar("default_value").map { ($0.value, $0.location) }
        guard let (text, valueLocation) = value else { return always }
        let kind = filterKind(field)
        guard let condition = FilterExpression(profile: state.profile, origin: valueLocation ?? location, owner: context.owner)
            .condition(text, kind: kind, on: expression) else {
            state.report(.unsupported, "filter expression '\(text)' is not understood offline; compiled as 1=1", at: valueLocation ?? location, owner: context.owner)
            return always
        }
        return condition
    }

    func didYouMean(_ suggestion: String?) -> String { suggestion.map { "; did you mean '\($0)'?" } ?? "" }
}
