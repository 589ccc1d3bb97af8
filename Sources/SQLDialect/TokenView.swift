/// The significant tokens of SQL text (no whitespace or comments) with their matching parentheses: what the
/// checker walks.
struct TokenView {
    let text: [UInt8]
    let tokens: [SQLToken]
    /// Indices into `tokens` of the significant tokens.
    let significant: [Int]
    /// For a significant `(` (by significant index), the significant index of its `)`, and the reverse.
    let match: [Int: Int]

    init(text: [UInt8], tokens: [SQLToken]) {
        self.text = text
        self.tokens = tokens
        significant = tokens.indices.filter { !tokens[$0].isTrivia }
        var match: [Int: Int] = [:]
        var stack: [Int] = []
        for (i, index) in significant.enumerated() {
            switch tokens[index].kind {
            case .leftParen: stack.append(i)
            case .rightParen:
                if let open = stack.popLast() { match[open] = i; match[i] = open }
            default: break
            }
        }
        self.match = match
    }

    func token(_ i: Int) -> SQLToken { tokens[significant[i]] }
    func text(_ i: Int) -> String { String(decoding: text[token(i).range], as: UTF8.self) }

    /// The top-level arguments between a `(` and its `)`, as significant-index ranges.
    func arguments(open: Int, close: Int) -> [Range<Int>] {
        guard close > open + 1 else { return [] }
        var result: [Range<Int>] = []
        var start = open + 1
        var i = open + 1
        while i < close {
            let kind = token(i).kind
            if kind == .leftParen, let end = match[i] { i = end + 1; continue }
            if kind == .comma { result.append(start..<i); start = i + 1 }
            i += 1
        }
        result.append(start..<close)
        return result
    }

    /// How many parentheses deep `i` is inside the group opened at `open`.
    func depth(of i: Int, inside open: Int) -> Int {
        var depth = 0
        for j in (open + 1)..<i {
            if token(j).kind == .leftParen { depth += 1 } else if token(j).kind == .rightParen { depth -= 1 }
        }
        return depth
    }

    /// Multi-word type names, longest first.
    static let multiWordTypes: [[String]] = [
        ["TIMESTAMP", "WITHOUT", "TIME", "ZONE"], ["TIMESTAMP", "WITH", "TIME", "ZONE"], ["TIME", "WITH", "TIME", "ZONE"],
        ["DOUBLE", "PRECISION"], ["CHARACTER", "VARYING"],
    ]

    /// The type name after `::` or `AS` at significant index `i`: its upper-case name, byte range and token indices.
    func typeName(after i: Int) -> (name: String, range: Range<Int>, indices: Range<Int>)? {
        guard i + 1 < significant.count, token(i + 1).kind == .word else { return nil }
        for words in Self.multiWordTypes where i + words.count < significant.count {
            let candidate = (0..<words.count).map { text(i + 1 + $0).uppercased() }
            if candidate == words {
                return (words.joined(separator: " "), token(i + 1).range.lowerBound..<token(i + words.count).range.upperBound, (i + 1)..<(i + 1 + words.count))
            }
        }
        return (text(i + 1).uppercased(), token(i + 1).range, (i + 1)..<(i + 2))
    }

    // MARK: - Operands of `/`

    /// Words that end an operand when walking away from an operator.
    static let boundaryWords: Set<String> = [
        "SELECT", "WHERE", "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "CASE", "END", "AS", "ON", "BY", "HAVING", "FROM", "IS",
        "IN", "LIKE", "BETWEEN", "DISTINCT", "OVER",
    ]

    /// The significant-index range of the operand left of the operator at `i` (`*`, `/`, `%` bind it together).
    func leftOperand(of i: Int) -> Range<Int> {
        var j = i - 1
        while j >= 0 {
            let kind = token(j).kind
            if kind == .rightParen, let open = match[j] {
                j = open - 1
                // A function name before the group belongs to it.
                if j >= 0, token(j).kind == .word, !Self.boundaryWords.contains(text(j).uppercased()) { j -= 1 }
                continue
            }
            if kind == .leftParen || kind == .comma || kind == .semicolon { break }
            if kind == .op, !["*", "/", "%", "::", "."].contains(text(j)) { break }
            if kind == .word, Self.boundaryWords.contains(text(j).uppercased()) { break }
            j -= 1
        }
        return (j + 1)..<i
    }

    /// The single term right of the operator at `i`: a literal, a name, a call or a parenthesised group, with `::type`.
    func rightOperand(of i: Int) -> Range<Int> {
        var j = i + 1
        guard j < significant.count else { return j..<j }
        if token(j).kind == .op, ["-", "+"].contains(text(j)) { j += 1 }
        guard j < significant.count else { return (i + 1)..<j }
        switch token(j).kind {
        case .leftParen:
            j = (match[j] ?? j) + 1
        case .word:
            j += 1
            while j + 1 < significant.count, token(j).kind == .dot { j += 2 }
            if j < significant.count, token(j).kind == .leftParen { j = (match[j] ?? j) + 1 }
        default:
            j += 1
        }
        while j + 1 < significant.count, token(j).kind == .op, text(j) == "::" { j += 2 }
        return (i + 1)..<min(j, significant.count)
    }

    enum NumericType { case integer, float, unknown }

    static let floatTypes: Set<String> = ["FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "REAL", "NUMERIC", "DECIMAL", "NUMBER", "DOUBLE PRECISION"]
    static let integerTypes: Set<String> = ["INTEGER", "INT", "BIGINT", "SMALLINT", "INT2", "INT4", "INT8"]
    static let floatFunctions: Set<String> = ["AVG", "PERCENTILE_CONT", "MEDIAN", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "SQRT", "EXP", "LN", "LOG", "POWER"]
    static let integerFunctions: Set<String> = ["COUNT", "COUNT_IF", "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE"]

    /// What an operand evaluates to, as far as can be told from its text.
    func numericType(_ range: Range<Int>) -> NumericType {
        guard !range.isEmpty else { return .unknown }
        // Anything fractional inside makes the whole operand fractional.
        for j in range {
            let token = token(j)
            if token.kind == .number, text(j).contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .float }
            if token.kind == .op, text(j) == "::", let type = typeName(after: j), Self.floatTypes.contains(type.name) { return .float }
            if token.kind == .word {
                let word = text(j).uppercased()
                if word == "AS", let type = typeName(after: j), Self.floatTypes.contains(type.name) { return .float }
                if Self.floatFunctions.contains(word), j + 1 < significant.count, self.token(j + 1).kind == .leftParen { return .float }
            }
        }
        var lower = range.lowerBound, upper = range.upperBound
        // Strip a `::integer` suffix and enclosing parentheses.
        if upper - lower >= 3, token(upper - 2).kind == .op, text(upper - 2) == "::" {
            return Self.integerTypes.contains(text(upper - 1).uppercased()) ? .integer : .unknown
        }
        while token(lower).kind == .leftParen, match[lower] == upper - 1 { lower += 1; upper -= 1; if lower >= upper { return .unknown } }
        // A sum or product of terms: integer when every term is.
        var terms: [Range<Int>] = []
        var start = lower, j = lower
        while j < upper {
            let kind = token(j).kind
            if kind == .leftParen, let end = match[j] { j = end + 1; continue }
            if kind == .op, ["+", "-", "*", "%"].contains(text(j)) { terms.append(start..<j); start = j + 1 }
            if kind == .op, text(j) == "/" { return .unknown }
            j += 1
        }
        terms.append(start..<upper)
        if terms.count > 1 {
            let types = terms.filter { !$0.isEmpty }.map(numericType)
            return types.allSatisfy { $0 == .integer } ? .integer : .unknown
        }
        // One term.
        if upper - lower == 1, token(lower).kind == .number { return .integer }
        if token(lower).kind == .word, lower + 1 < upper, token(lower + 1).kind == .leftParen, match[lower + 1] == upper - 1 {
            let name = text(lower).uppercased()
            if Self.integerFunctions.contains(name) { return .integer }
            if name == "NULLIF" || name == "COALESCE", let first = arguments(open: lower + 1, close: upper - 1).first { return numericType(first) }
            if name == "CAST", let argument = arguments(open: lower + 1, close: upper - 1).first,
               let asIndex = argument.last(where: { text($0).uppercased() == "AS" }), let type = typeName(after: asIndex) {
                return Self.integerTypes.contains(type.name) ? .integer : .unknown
            }
        }
        return .unknown
    }
}
