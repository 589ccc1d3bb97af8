import NameSuggestions
/// Checks SQL text against a dialect profile without a database: functions and their arity, casts, operators,
/// JSON access, `COUNT(DISTINCT …)` forms, subquery aliases, quoted-identifier case, balance, integer division.
public struct SQLChecker: Sendable {
    public let profile: DialectProfile

    public init(profile: DialectProfile) { self.profile = profile }

    // MARK: - Balance

    /// Unclosed strings, quoted identifiers, comments and template constructs, and unbalanced `(` `)` / `[` `]`.
    /// Template constructs (`${…}`, Liquid) count as one token each.
    public func balanceIssues(_ text: [UInt8], templates: Bool = true) -> [SQLIssue] {
        let tokens = SQLLexer(profile: profile, templates: templates).tokenize(text)
        var issues: [SQLIssue] = []
        var stack: [SQLToken] = []
        for token in tokens {
            switch token.kind {
            case .string, .quotedIdentifier, .blockComment, .substitution, .constant, .liquidOutput, .liquidTag:
                guard !token.terminated else { continue }
                let what: String
                switch token.kind {
                case .string: what = "string"
                case .quotedIdentifier: what = "quoted identifier"
                case .blockComment: what = "comment"
                case .substitution: what = "'${'"
                case .constant: what = "'@{'"
                default: what = "Liquid tag"
                }
                let closer = token.kind == .string ? "'" : token.kind == .quotedIdentifier ? "\"" : token.kind == .blockComment ? "*/"
                    : token.kind == .liquidOutput ? "}}" : token.kind == .liquidTag ? "%}" : "}"
                issues.append(SQLIssue(kind: .unterminated, range: token.range.lowerBound..<min(token.range.lowerBound + 1, token.range.upperBound),
                                       message: "unterminated \(what): no closing \(closer)", hint: nil))
            case .leftParen, .leftBracket:
                stack.append(token)
            case .rightParen, .rightBracket:
                let opener: SQLToken.Kind = token.kind == .rightParen ? .leftParen : .leftBracket
                if let last = stack.last, last.kind == opener {
                    stack.removeLast()
                } else if let index = stack.lastIndex(where: { $0.kind == opener }) {
                    // The tokens above the matching opener were never closed.
                    for unclosed in stack[(index + 1)...] { issues.append(unclosedIssue(unclosed)) }
                    stack.removeSubrange(index...)
                } else {
                    let symbol = token.kind == .rightParen ? ")" : "]"
                    issues.append(SQLIssue(kind: .unbalancedParenthesis, range: token.range, message: "unbalanced parentheses: '\(symbol)' closes nothing"))
                }
            default:
                break
            }
        }
        issues += stack.map(unclosedIssue)
        return issues.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func unclosedIssue(_ token: SQLToken) -> SQLIssue {
        let symbol = token.kind == .leftParen ? "(" : "["
        return SQLIssue(kind: .unbalancedParenthesis, range: token.range, message: "unbalanced parentheses: '\(symbol)' is never closed")
    }

    // MARK: - Dialect

    /// Quoted names that `text` defines with `AS "name"`: references to them are not case mistakes.
    public func quotedAliases(in text: [UInt8]) -> Set<String> {
        quotedAliases(TokenView(text: text, tokens: SQLLexer(profile: profile, templates: true).tokenize(text)))
    }

    private func quotedAliases(_ view: TokenView) -> Set<String> {
        var names = Set<String>()
        for i in view.significant.indices.dropFirst() where view.token(i).kind == .quotedIdentifier && view.text(i - 1).uppercased() == "AS" {
            names.insert(view.text(i))
        }
        return names
    }

    /// Everything in `text` the dialect does not accept. `aliases` are quoted names defined elsewhere in the query
    /// (`AS "n"`), which may be referred to in any case.
    public func dialectIssues(_ text: [UInt8], aliases: Set<String> = []) -> [SQLIssue] {
        let view = TokenView(text: text, tokens: SQLLexer(profile: profile, templates: true).tokenize(text))
        var issues: [SQLIssue] = []
        var typeTokens = Set<Int>()
        var bracketDepth = 0
        let others = DialectProfile.all.filter { $0.name != profile.name }
        let aliases = aliases.union(quotedAliases(view))

        for i in view.significant.indices {
            let token = view.token(i)
            switch token.kind {
            case .leftBracket: bracketDepth += 1
            case .rightBracket: bracketDepth = max(0, bracketDepth - 1)
            case .word where !typeTokens.contains(i):
                if let call = functionCall(at: i, view) {
                    issues += check(call, view, others: others, typeTokens: &typeTokens)
                }
            case .op:
                let op = view.text(i)
                if op == "::" {
                    if let type = view.typeName(after: i) {
                        typeTokens.formUnion(type.indices)
                        if let issue = checkType(type.name, range: type.range, others: others) { issues.append(issue) }
                    }
                } else if let hint = profile.unsupportedOperators[op] {
                    issues.append(SQLIssue(kind: .unsupportedSyntax, range: token.range,
                                           message: "operator '\(op)' is not \(profile.displayName) SQL", hint: hint))
                } else if op == ":", !profile.jsonPathColon, bracketDepth == 0, i > 0, i + 1 < view.significant.count,
                          [.word, .quotedIdentifier, .rightParen, .rightBracket].contains(view.token(i - 1).kind),
                          [.word, .quotedIdentifier].contains(view.token(i + 1).kind) {
                    let end = view.token(i + 1).range.upperBound
                    issues.append(SQLIssue(kind: .unsupportedSyntax, range: token.range.lowerBound..<end,
                                           message: "'x:\(view.text(i + 1))' JSON path access is Snowflake syntax, not \(profile.displayName)",
                                           hint: profile.jsonPathHint.isEmpty ? nil : profile.jsonPathHint))
                }
            case .leftParen:
                if let issue = unaliasedSubquery(at: i, view) { issues.append(issue) }
            case .quotedIdentifier:
                if !aliases.contains(view.text(i)), let issue = quotedCase(at: i, view) { issues.append(issue) }
            default:
                break
            }
        }
        return issues
    }

    /// A function call at significant token `i`: the name is followed by `(`, is not qualified, and is not a keyword.
    private func functionCall(at i: Int, _ view: TokenView) -> FunctionCall? {
        guard i + 1 < view.significant.count, view.token(i + 1).kind == .leftParen, let close = view.match[i + 1] else { return nil }
        let name = view.text(i).uppercased()
        if profile.nonFunctionKeywords.contains(name) { return nil }
        if i > 0 {
            let previous = view.token(i - 1)
            if previous.kind == .dot { return nil }
            if previous.kind == .word, ["INTO", "TABLE", "VIEW", "FUNCTION", "PROCEDURE", "EXISTS"].contains(view.text(i - 1).uppercased()) { return nil }
        }
        // `WITH name (a, b) AS (…)`: a column list, not a call.
        if close + 2 < view.significant.count, view.text(close + 1).uppercased() == "AS", view.token(close + 2).kind == .leftParen { return nil }
        return FunctionCall(name: name, nameIndex: i, open: i + 1, close: close, arguments: view.arguments(open: i + 1, close: close))
    }

    private func check(_ call: FunctionCall, _ view: TokenView, others: [DialectProfile], typeTokens: inout Set<Int>) -> [SQLIssue] {
        let range = view.token(call.nameIndex).range
        let written = view.text(call.nameIndex)
        var issues: [SQLIssue] = []
        let startsWithDistinct = call.arguments.first.map { !$0.isEmpty && view.text($0.lowerBound).uppercased() == "DISTINCT" } ?? false

        if call.name == "CAST" || call.name == "TRY_CAST", let argument = call.arguments.first,
           let asIndex = argument.first(where: { view.text($0).uppercased() == "AS" && view.depth(of: $0, inside: call.open) == 0 }),
           let type = view.typeName(after: asIndex) {
            typeTokens.formUnion(type.indices)
            if let issue = checkType(type.name, range: type.range, others: others) { issues.append(issue) }
        }

        guard let signature = profile.function(call.name) else {
            if let other = others.first(where: { $0.function(call.name) != nil }) {
                issues.append(SQLIssue(kind: .unsupportedFunction, range: range,
                                       message: "\(written) is a \(other.displayName) function, not \(profile.displayName)",
                                       hint: profile.equivalents[call.name]))
            } else {
                let suggestion = nearest(call.name, in: profile.functions.keys)
                issues.append(SQLIssue(kind: .unknownFunction, range: range,
                                       message: "unknown function \(written) in \(profile.displayName)\(suggestion.map { "; did you mean \($0)?" } ?? "")",
                                       replacement: suggestion))
            }
            return issues
        }
        if !signature.takesParentheses {
            issues.append(SQLIssue(kind: .wrongArity, range: range.lowerBound..<view.token(call.close).range.upperBound,
                                   message: "\(written) takes no parentheses in \(profile.displayName)", hint: signature.hint, replacement: written))
            return issues
        }
        let count = call.arguments.count
        let namedArguments = call.arguments.contains { argument in argument.contains { view.text($0) == "=>" } }
        if call.name == "COUNT", count > 1, startsWithDistinct, !profile.multiColumnCountDistinct {
            issues.append(SQLIssue(kind: .unsupportedSyntax, range: range.lowerBound..<view.token(call.close).range.upperBound,
                                   message: "COUNT(DISTINCT a, b) with \(count) expressions is not \(profile.displayName) SQL",
                                   hint: profile.multiColumnCountDistinctHint))
        } else if !namedArguments, !signature.accepts(count) {
            issues.append(SQLIssue(kind: .wrongArity, range: range,
                                   message: "\(written) takes \(signature.arityDescription) argument\(signature.maximum == 1 && signature.minimum == 1 ? "" : "s") in \(profile.displayName), not \(count)",
                                   hint: signature.hint))
        }
        if startsWithDistinct, signature.category == .aggregate, !profile.distinctWindowAggregates,
           call.close + 1 < view.significant.count, view.text(call.close + 1).uppercased() == "OVER" {
            issues.append(SQLIssue(kind: .unsupportedSyntax, range: range.lowerBound..<view.token(call.close + 1).range.upperBound,
                                   message: "\(written)(DISTINCT …) OVER (…) is not \(profile.displayName) SQL: DISTINCT is not allowed in window aggregates",
                                   hint: profile.distinctWindowAggregatesHint))
        }
        return issues
    }

    private func checkType(_ name: String, range: Range<Int>, others: [DialectProfile]) -> SQLIssue? {
        if profile.types.contains(name) { return nil }
        if let hint = profile.typeEquivalents[name] {
            return SQLIssue(kind: .unsupportedType, range: range, message: "\(profile.displayName) has no \(name) type", hint: hint)
        }
        if let other = others.first(where: { $0.types.contains(name) }) {
            return SQLIssue(kind: .unsupportedType, range: range, message: "\(name) is a \(other.displayName) type, not \(profile.displayName)")
        }
        return nil
    }

    /// `FROM (SELECT …)` or `JOIN (SELECT …)` with no alias after the `)`.
    private func unaliasedSubquery(at i: Int, _ view: TokenView) -> SQLIssue? {
        guard profile.subqueryAliasRequired, i > 0, i + 1 < view.significant.count, let close = view.match[i],
              ["FROM", "JOIN", "LATERAL"].contains(view.text(i - 1).uppercased()),
              ["SELECT", "WITH"].contains(view.text(i + 1).uppercased()) else { return nil }
        let clauseWords: Set<String> = ["WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "QUALIFY", "WINDOW", "UNION", "INTERSECT", "EXCEPT",
                                        "MINUS", "JOIN", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "NATURAL", "ON", "USING", "OFFSET", "FETCH"]
        if close + 1 < view.significant.count {
            let next = view.token(close + 1)
            if next.kind == .quotedIdentifier { return nil }
            if next.kind == .word, !clauseWords.contains(view.text(close + 1).uppercased()) { return nil }
        }
        return SQLIssue(kind: .unsupportedSyntax, range: view.token(i).range,
                        message: "a subquery in FROM needs an alias in \(profile.displayName)", hint: "(SELECT …) AS name")
    }

    /// `"ID"` on Postgres (folds to lower case) or `"id"` on Snowflake (folds to upper case), except new aliases (`AS "x"`).
    private func quotedCase(at i: Int, _ view: TokenView) -> SQLIssue? {
        if i > 0, view.text(i - 1).uppercased() == "AS" { return nil }
        let text = view.text(i)
        let inner = text.dropFirst().dropLast()
        let letters = inner.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII }
        guard !letters.isEmpty else { return nil }
        let opposite = profile.identifierCase == .lower ? letters.allSatisfy { $0.properties.isUppercase } : letters.allSatisfy { $0.properties.isLowercase }
        guard opposite else { return nil }
        let folded = profile.fold(String(inner))
        return SQLIssue(kind: .caseSensitiveIdentifier, range: view.token(i).range,
                        message: "quoted \(text) is case-sensitive: \(profile.displayName) folds unquoted names to \(profile.identifierCase.rawValue) case, so it matches only a column created as \(text)",
                        hint: "\(folded) (unquoted) for a column created without quotes", replacement: folded)
    }

    // MARK: - Integer division

    /// `a / b` inside `ranges` (everywhere when nil) where both sides are integers and the dialect truncates
    /// (`COUNT(…) / COUNT(…)` on Postgres).
    public func integerDivisions(_ text: [UInt8], within ranges: [Range<Int>]? = nil) -> [SQLIssue] {
        guard profile.integerDivisionTruncates else { return [] }
        let view = TokenView(text: text, tokens: SQLLexer(profile: profile, templates: true).tokenize(text))
        var issues: [SQLIssue] = []
        for i in view.significant.indices where view.token(i).kind == .op && view.text(i) == "/" {
            if let ranges, !ranges.contains(where: { $0.contains(view.token(i).range.lowerBound) }) { continue }
            let left = view.leftOperand(of: i), right = view.rightOperand(of: i)
            guard !left.isEmpty, !right.isEmpty, view.numericType(left) == .integer, view.numericType(right) == .integer else { continue }
            let numerator = String(decoding: text[view.token(left.lowerBound).range.lowerBound..<view.token(left.upperBound - 1).range.upperBound], as: UTF8.self)
            issues.append(SQLIssue(kind: .integerDivision, range: view.token(i).range,
                                   message: "integer division: \(profile.displayName) truncates an integer divided by an integer (a rate of 0.4 becomes 0)",
                                   hint: DialectProfile.fill(profile.floatCast, ["x": numerator.count <= 40 ? numerator : "numerator"]) + " / …, or 1.0 * …"))
        }
        return issues
    }

    // MARK: - Helpers

    private func nearest<S: Sequence>(_ name: String, in candidates: S) -> String? where S.Element == String {
        nearestName(to: name, in: candidates, limit: max(1, min(2, name.count / 4)))
    }
}

struct FunctionCall {
    var name: String
    var nameIndex: Int
    var open: Int
    var close: Int
    /// Significant-token index ranges of the top-level arguments (empty for `f()`).
    var arguments: [Range<Int>]
}
