import LookMLProject
import SQLDialect

/// Looker filter expressions (`"-NULL"`, `"a,b"`, `">=5"`, `"7 days"`, `"before 2024-01-01"`) turned into SQL
/// conditions over a field's expression. Used for measure `filters:`, `always_filter` / `conditionally_filter`
/// defaults, and `{% condition %}` with a default value.
struct FilterExpression {
    enum Kind { case string, number, date, yesno }

    let profile: DialectProfile
    /// Where the filter value is written, for the generated SQL.
    let origin: SourceRange?
    let owner: SQLOwner?

    /// The condition, or nil when the expression is not understood.
    func condition(_ value: String, kind: Kind, on expression: SQLText) -> SQLText? {
        let operand = expression.parenthesized(origin: origin, owner: owner)
        let trimmed = value.trimmingSpaces
        switch trimmed.uppercased() {
        case "NULL": return operand + generated(" IS NULL")
        case "-NULL", "NOT NULL": return operand + generated(" IS NOT NULL")
        default: break
        }
        switch kind {
        case .string: return stringCondition(trimmed, operand)
        case .number: return numberCondition(trimmed, operand)
        case .date: return dateCondition(trimmed, operand)
        case .yesno:
            switch trimmed.lowercased() {
            case "yes", "true": return operand
            case "no", "false": return generated("NOT COALESCE(") + expression + generated(", \(profile.falseLiteral))")
            default: return nil
            }
        }
    }

    private func generated(_ text: String) -> SQLText { SQLText(text, origin: origin, owner: owner) }

    // MARK: - Strings

    private func stringCondition(_ value: String, _ operand: SQLText) -> SQLText? {
        var positives: [SQLText] = [], equals: [String] = [], negatives: [SQLText] = []
        for rawTerm in splitTerms(value) {
            var term = rawTerm
            let negated = term.hasPrefix("-")
            if negated { term.removeFirst() }
            let unescaped = unescape(term)
            let condition: SQLText
            let wildcard = containsUnescaped(term, "%")
            if term == "EMPTY" {
                condition = negated ? generated("(") + operand + generated(" IS NOT NULL AND ") + operand + generated(" <> '')")
                    : generated("(") + operand + generated(" IS NULL OR ") + operand + generated(" = '')")
                if negated { negatives.append(condition) } else { positives.append(condition) }
                continue
            }
            if term == "NULL" {
                if negated { negatives.append(operand + generated(" IS NOT NULL")) } else { positives.append(operand + generated(" IS NULL")) }
                continue
            }
            if wildcard {
                condition = operand + generated(negated ? " NOT LIKE \(literal(unescaped))" : " LIKE \(literal(unescaped))")
                if negated { negatives.append(generated("(") + condition + generated(" OR ") + operand + generated(" IS NULL)")) } else { positives.append(condition) }
            } else if negated {
                negatives.append(generated("(") + operand + generated(" <> \(literal(unescaped)) OR ") + operand + generated(" IS NULL)"))
            } else {
                equals.append(unescaped)
            }
        }
        if equals.count == 1 { positives.insert(operand + generated(" = \(literal(equals[0]))"), at: 0) }
        if equals.count > 1 { positives.insert(operand + generated(" IN (\(equals.map(literal).joined(separator: ", ")))"), at: 0) }
        return combine(positives: positives, negatives: negatives)
    }

    private func combine(positives: [SQLText], negatives: [SQLText]) -> SQLText? {
        var parts: [SQLText] = []
        if positives.count == 1 { parts.append(positives[0]) }
        if positives.count > 1 { parts.append(generated("(") + joined(positives, " OR ") + generated(")")) }
        parts += negatives
        guard !parts.isEmpty else { return nil }
        return parts.count == 1 ? parts[0] : joined(parts, " AND ")
    }

    private func joined(_ parts: [SQLText], _ separator: String) -> SQLText {
        var result = SQLText()
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(generated(separator)) }
            result.append(part)
        }
        return result
    }

    /// A SQL string literal.
    func literal(_ text: String) -> String {
        var escaped = text.replacingAll("'", with: "''")
        if profile.backslashEscapesInStrings { escaped = escaped.replacingAll("\\", with: "\\\\") }
        return "'" + escaped + "'"
    }

    /// Terms separated by commas; `^,` is a literal comma.
    private func splitTerms(_ value: String) -> [String] {
        var terms: [String] = [], current = ""
        var escaping = false
        for character in value {
            if escaping { current.append("^"); current.append(character); escaping = false; continue }
            if character == "^" { escaping = true; continue }
            if character == "," { terms.append(current.trimmingSpaces); current = ""; continue }
            current.append(character)
        }
        terms.append(current.trimmingSpaces)
        return terms.filter { !$0.isEmpty }
    }

    private func unescape(_ term: String) -> String {
        var result = "", escaping = false
        for character in term {
            if escaping { result.append(character); escaping = false } else if character == "^" { escaping = true } else { result.append(character) }
        }
        return result
    }

    private func containsUnescaped(_ term: String, _ target: Character) -> Bool {
        var escaping = false
        for character in term {
            if escaping { escaping = false; continue }
            if character == "^" { escaping = true; continue }
            if character == target { return true }
        }
        return false
    }

    // MARK: - Numbers

    private func numberCondition(_ value: String, _ operand: SQLText) -> SQLText? {
        // Ranges: [1,5], (1,5), [1,5), (1,5]
        if let first = value.first, first == "[" || first == "(", let last = value.last, last == "]" || last == ")" {
            let bounds = value.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard bounds.count == 2 else { return nil }
            var parts: [SQLText] = []
            if !bounds[0].isEmpty { guard isNumber(bounds[0]) else { return nil }; parts.append(operand + generated(first == "[" ? " >= \(bounds[0])" : " > \(bounds[0])")) }
            if !bounds[1].isEmpty { guard isNumber(bounds[1]) else { return nil }; parts.append(operand + generated(last == "]" ? " <= \(bounds[1])" : " < \(bounds[1])")) }
            return parts.isEmpty ? nil : joined(parts, " AND ")
        }
        // A AND B
        let conjunction = value.components(separatedByWord: "AND")
        if conjunction.count > 1 {
            var parts: [SQLText] = []
            for part in conjunction { guard let condition = numberTerm(part.trimmingSpaces, operand) else { return nil }; parts.append(condition) }
            return joined(parts, " AND ")
        }
        var positives: [SQLText] = [], equals: [String] = [], negatives: [SQLText] = []
        for term in value.split(separator: ",").map({ String($0).trimmingSpaces }) where !term.isEmpty {
            if isNumber(term) { equals.append(term); continue }
            if term.uppercased().hasPrefix("NOT ") || term.hasPrefix("!=") {
                let number = term.uppercased().hasPrefix("NOT ") ? String(term.dropFirst(4)).trimmingSpaces : String(term.dropFirst(2)).trimmingSpaces
                guard isNumber(number) else { return nil }
                negatives.append(generated("(") + operand + generated(" <> \(number) OR ") + operand + generated(" IS NULL)"))
                continue
            }
            guard let condition = numberTerm(term, operand) else { return nil }
            positives.append(condition)
        }
        if equals.count == 1 { positives.insert(operand + generated(" = \(equals[0])"), at: 0) }
        if equals.count > 1 { positives.insert(operand + generated(" IN (\(equals.joined(separator: ", ")))"), at: 0) }
        return combine(positives: positives, negatives: negatives)
    }

    private func numberTerm(_ term: String, _ operand: SQLText) -> SQLText? {
        for op in [">=", "<=", "!=", "<>", ">", "<", "="] where term.hasPrefix(op) {
            let number = String(term.dropFirst(op.count)).trimmingSpaces
            guard isNumber(number) else { return nil }
            return operand + generated(" \(op == "!=" ? "<>" : op) \(number)")
        }
        return isNumber(term) ? operand + generated(" = \(term)") : nil
    }

    private func isNumber(_ text: String) -> Bool {
        !text.isEmpty && Double(text) != nil && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }
    }

    // MARK: - Dates

    static let units = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"]

    private func unit(_ word: String) -> String? {
        var word = word.lowercased()
        if word.hasSuffix("s") { word.removeLast() }
        return Self.units.contains(word) ? word : nil
    }

    /// `DATE_TRUNC(unit, now)` plus `n` units.
    private func relative(_ n: Int, _ unit: String) -> String {
        add(n, unit, to: DialectProfile.fill(profile.dateTrunc, ["unit": unit, "x": profile.now]))
    }

    private func add(_ n: Int, _ unit: String, to expression: String) -> String {
        if n == 0 { return expression }
        let (amount, realUnit) = unit == "quarter" ? (n * 3, "month") : (n, unit)
        return DialectProfile.fill(profile.dateAdd, ["unit": realUnit, "n": String(amount), "x": expression])
    }

    private func range(_ operand: SQLText, from start: String, to end: String) -> SQLText {
        generated("(") + operand + generated(" >= \(start) AND ") + operand + generated(" < \(end))")
    }

    /// An absolute date or time: `2024-01-31`, `2024/01/31`, `2024-01-31 12:30`, `2024-01`, `2024`; with the unit it spans.
    private func absolute(_ text: String) -> (literal: String, unit: String)? {
        let normalized = text.replacingAll("/", with: "-")
        let parts = normalized.split(separator: " ")
        guard let datePart = parts.first else { return nil }
        let dateFields = datePart.split(separator: "-")
        guard dateFields.allSatisfy({ $0.allSatisfy(\.isNumber) }), let year = dateFields.first, year.count == 4 else { return nil }
        let literal: (String) -> String = { DialectProfile.fill(self.profile.timestampLiteral, ["value": $0]) }
        switch (dateFields.count, parts.count) {
        case (1, 1): return (literal("\(year)-01-01"), "year")
        case (2, 1): return (literal("\(year)-\(dateFields[1])-01"), "month")
        case (3, 1): return (literal(String(datePart)), "day")
        case (3, 2):
            let time = parts[1]
            guard time.allSatisfy({ $0.isNumber || $0 == ":" }) else { return nil }
            let colons = time.filter { $0 == ":" }.count
            let full = colons == 0 ? "\(time):00:00" : colons == 1 ? "\(time):00" : String(time)
            return (literal("\(datePart) \(full)"), colons == 0 ? "hour" : colons == 1 ? "minute" : "second")
        default: return nil
        }
    }

    /// A point in time: absolute, `now`, `today`, `N units ago`, `N units from now`.
    private func point(_ text: String) -> String? {
        if let (literal, _) = absolute(text) { return literal }
        let words = text.lowercased().split(separator: " ").map(String.init)
        switch words {
        case ["now"]: return profile.now
        case ["today"]: return relative(0, "day")
        case ["yesterday"]: return relative(-1, "day")
        case ["tomorrow"]: return relative(1, "day")
        default: break
        }
        if words.count == 3, let n = Int(words[0]), let unit = unit(words[1]), words[2] == "ago" { return relative(-n, unit) }
        if words.count == 4, let n = Int(words[0]), let unit = unit(words[1]), words[2] == "from", words[3] == "now" { return relative(n, unit) }
        return nil
    }

    private func dateCondition(_ value: String, _ operand: SQLText) -> SQLText? {
        let lower = value.lowercased()
        let words = lower.split(separator: " ").map(String.init)
        if let (literal, unit) = absolute(value) { return range(operand, from: literal, to: add(1, unit, to: literal)) }
        if words.first == "before", let point = point(words.dropFirst().joined(separator: " ")) { return operand + generated(" < \(point)") }
        if words.first == "after", let point = point(words.dropFirst().joined(separator: " ")) { return operand + generated(" >= \(point)") }
        if let to = words.firstIndex(of: "to"), let start = point(words[..<to].joined(separator: " ")), let end = point(words[(to + 1)...].joined(separator: " ")) {
            return range(operand, from: start, to: end)
        }
        switch words {
        case ["today"]: return range(operand, from: relative(0, "day"), to: relative(1, "day"))
        case ["yesterday"]: return range(operand, from: relative(-1, "day"), to: relative(0, "day"))
        case ["tomorrow"]: return range(operand, from: relative(1, "day"), to: relative(2, "day"))
        default: break
        }
        // this week / last month / next quarter
        if words.count == 2, let unit = unit(words[1]) {
            switch words[0] {
            case "this": return range(operand, from: relative(0, unit), to: relative(1, unit))
            case "last", "previous": return range(operand, from: relative(-1, unit), to: relative(0, unit))
            case "next": return range(operand, from: relative(1, unit), to: relative(2, unit))
            default: break
            }
        }
        // N units / last N units (including the current one), N units ago [for M units]
        var rest = words
        if rest.first == "last" { rest.removeFirst() }
        if rest.count == 2, let n = Int(rest[0]), n > 0, let unit = unit(rest[1]) {
            return range(operand, from: relative(-(n - 1), unit), to: relative(1, unit))
        }
        if rest.count >= 3, let n = Int(rest[0]), let unit = unit(rest[1]), rest[2] == "ago" {
            if rest.count == 3 { return range(operand, from: relative(-n, unit), to: relative(-n + 1, unit)) }
            if rest.count == 6, rest[3] == "for", let m = Int(rest[4]), let forUnit = self.unit(rest[5]) {
                let start = relative(-n, unit)
                return range(operand, from: start, to: add(m, forUnit, to: start))
            }
        }
        if words.count == 3, words[0] == "next", let n = Int(words[1]), let unit = unit(words[2]) {
            return range(operand, from: relative(1, unit), to: relative(n + 1, unit))
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target), characters = Array(self)
        guard !pattern.isEmpty, characters.count >= pattern.count else { return self }
        var result = ""
        var index = 0
        while index < characters.count {
            if index + pattern.count <= characters.count, Array(characters[index..<index + pattern.count]) == pattern {
                result += replacement
                index += pattern.count
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    /// Split around a whole word, case-insensitively (`>5 AND <10` → `>5`, `<10`).
    func components(separatedByWord word: String) -> [String] {
        let words = split(separator: " ", omittingEmptySubsequences: true)
        var parts: [String] = [], current: [Substring] = []
        for piece in words {
            if piece.uppercased() == word { parts.append(current.joined(separator: " ")); current = [] } else { current.append(piece) }
        }
        parts.append(current.joined(separator: " "))
        return parts
    }
}
