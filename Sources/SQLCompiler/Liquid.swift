/// A value in a Liquid expression.
enum LiquidValue: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case none

    /// Liquid truthiness: only `nil` and `false` are false.
    var isTruthy: Bool {
        switch self {
        case .none, .bool(false): return false
        default: return true
        }
    }

    var text: String {
        switch self {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return ""
        }
    }
}

/// Evaluates the Liquid Looker allows in SQL: conditions of `{% if %}` / `{% elsif %}` / `{% unless %}` and the
/// values of `{{ }}`, with variables (`view.field._in_query`, `view.param._parameter_value`, `_user_attributes['x']`)
/// answered by `resolve`.
struct LiquidEvaluator {
    let resolve: (String) -> LiquidValue

    /// Splits a Liquid expression into words, quoted strings and operators.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var bracketDepth = 0
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil; if bracketDepth == 0 { flush() } }
                continue
            }
            switch character {
            case "'", "\"":
                if bracketDepth == 0 { flush() }
                current.append(character)
                quote = character
            case "[": bracketDepth += 1; current.append(character)
            case "]": bracketDepth -= 1; current.append(character)
            case " ", "\t", "\n", "\r":
                if bracketDepth == 0 { flush() } else { current.append(character) }
            case "=", "!", "<", ">":
                guard bracketDepth == 0 else { current.append(character); continue }
                flush()
                var op = String(character)
                if let next = characters.first, next == "=" || (character == "<" && next == ">") { op.append(next); characters.removeFirst() }
                tokens.append(op)
            default:
                current.append(character)
            }
        }
        flush()
        return tokens
    }

    func evaluate(_ condition: String) -> Bool {
        evaluate(Self.tokens(condition)[...])
    }

    /// `a and b or c`: Liquid groups from the right.
    private func evaluate(_ tokens: ArraySlice<String>) -> Bool {
        if let index = tokens.firstIndex(where: { $0 == "and" || $0 == "or" }) {
            let left = comparison(tokens[tokens.startIndex..<index])
            let right = evaluate(tokens[(index + 1)...])
            return tokens[index] == "and" ? left && right : left || right
        }
        return comparison(tokens)
    }

    private func comparison(_ tokens: ArraySlice<String>) -> Bool {
        let parts = Array(tokens)
        guard parts.count == 3 else { return parts.first.map { value($0).isTruthy } ?? false }
        let left = value(parts[0]), right = value(parts[2])
        switch parts[1] {
        case "==": return left == right || (left.text == right.text && left != .none && right != .none)
        case "!=", "<>": return !(left == right || (left.text == right.text && left != .none && right != .none))
        case "contains": return left.text.contains(right.text) && right != .none
        case "<", ">", "<=", ">=":
            guard case .number(let a) = number(left), case .number(let b) = number(right) else { return false }
            switch parts[1] {
            case "<": return a < b
            case ">": return a > b
            case "<=": return a <= b
            default: return a >= b
            }
        default: return false
        }
    }

    private func number(_ value: LiquidValue) -> LiquidValue {
        if case .string(let text) = value, let number = Double(text) { return .number(number) }
        return value
    }

    /// A literal or a variable.
    func value(_ token: String) -> LiquidValue {
        if token.count >= 2, let first = token.first, first == "'" || first == "\"", token.last == first {
            return .string(String(token.dropFirst().dropLast()))
        }
        if let number = Double(token) { return .number(number) }
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "nil", "null", "blank", "empty": return .none
        default: return resolve(token)
        }
    }

    /// The value of `{{ expression | filter … }}`, and the filters applied.
    func output(_ expression: String) -> (value: LiquidValue, filters: [String]) {
        let parts = expression.split(separator: "|").map { String($0).trimmingSpaces }
        guard let first = parts.first else { return (.none, []) }
        return (value(first), parts.dropFirst().map { $0.split(separator: ":").first.map(String.init)?.trimmingSpaces ?? $0 })
    }
}
