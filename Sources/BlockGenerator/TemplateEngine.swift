/// A value a template can read: text, a flag, a list, or an object with named members.
public indirect enum TemplateValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    /// Empty strings, `false`, empty lists and empty objects are false; everything else is true.
    var isTruthy: Bool {
        switch self {
        case .string(let text): return !text.isEmpty
        case .bool(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        }
    }

    /// A string built from optional text: absent becomes the empty string (false in conditions).
    public static func optional(_ text: String?) -> TemplateValue { .string(text ?? "") }
}

/// A small template language for LookML, SQL and YAML whose markers cannot be confused with LookML's `${…}` and
/// `@{…}`, nor Liquid's `{{ … }}` / `{% … %}`: everything the engine reads is between `[%` and `%]`.
///
/// ```
/// [% name %]                      the value at a dotted path (`view.name`), optionally through filters:
/// [% items | list %]              a LookML list: `[a, b]` on one line when it fits, one item per line otherwise
/// [% text | quote %]              a LookML string literal ("…" with \" and \\ escaped); `yaml` for YAML scalars
/// [% for x in path %]…[% end %]   repeats for each item; `loop.first`, `loop.last`, `loop.index` (from 1) inside
/// [% if cond %]…[% elif cond %]…[% else %]…[% end %]
///                                 cond is `path`, `not path`, `path == "text"` or `path != "text"`
/// [%# comment %]
/// ```
///
/// Layout rules, so templates read like their output: a line holding only a control directive (`for`, `if`, `elif`,
/// `else`, `end`, a comment) and spaces disappears with its line break; a multi-line value substituted into a line
/// continues at that line's indentation. Unknown paths, filters and unbalanced blocks are errors with line:column.
public struct Template: Sendable {
    public let path: String
    let nodes: [Node]

    /// Where the list filter wraps, as the formatter does.
    public static let maximumLineWidth = 100

    indirect enum Node: Sendable {
        case text(String)
        case value(Expression, filters: [String], line: Int, column: Int)
        case loop(variable: String, over: Expression, body: [Node], line: Int, column: Int)
        case conditional(branches: [(Condition, [Node])], otherwise: [Node])
    }

    struct Expression: Sendable {
        var path: [String]
        var line: Int
        var column: Int
    }

    enum Condition: Sendable {
        case truthy(Expression, negated: Bool)
        case equals(Expression, String, negated: Bool)
    }

    /// Parses a template.
    public init(_ text: String, path: String) throws(BlockError) {
        self.path = path
        var parser = TemplateParser(path: path, tokens: try TemplateLexer.tokens(text, path: path))
        nodes = try parser.parseNodes(until: [])
    }

    /// Renders the template with `context` as the top-level object.
    public func render(_ context: [String: TemplateValue]) throws(BlockError) -> String {
        var renderer = TemplateRenderer(path: path, scopes: [context])
        try renderer.render(nodes)
        return renderer.output
    }
}

// MARK: - Lexing

/// One piece of a template: literal text or a directive, with standalone-line trimming already applied.
enum TemplateToken {
    case text(String)
    case directive(String, line: Int, column: Int)
}

enum TemplateLexer {
    static let open = "[%", close = "%]"

    static func tokens(_ text: String, path: String) throws(BlockError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let isLast = index == lines.count - 1
            let line = String(rawLine)
            let pieces = try split(line, line: lineNumber, path: path)
            // A line holding only control directives and spaces vanishes with its line break.
            let isStandalone = pieces.contains { if case .directive = $0 { return true } else { return false } }
                && pieces.allSatisfy {
                    switch $0 {
                    case .text(let text): return text.allSatisfy { $0 == " " || $0 == "\t" }
                    case .directive(let body, _, _): return isControl(body)
                    }
                }
            if isStandalone {
                tokens += pieces.filter { if case .directive = $0 { return true } else { return false } }
                continue
            }
            tokens += pieces
            if !isLast { tokens.append(.text("\n")) }
        }
        return tokens
    }

    static func isControl(_ body: String) -> Bool {
        let word = body.split(separator: " ").first.map(String.init) ?? ""
        return ["for", "if", "elif", "else", "end"].contains(word) || body.hasPrefix("#")
    }

    private static func split(_ line: String, line number: Int, path: String) throws(BlockError) -> [TemplateToken] {
        var result: [TemplateToken] = []
        var rest = Substring(line)
        while let start = rest.firstRange(of: open) {
            if start.lowerBound > rest.startIndex { result.append(.text(String(rest[..<start.lowerBound]))) }
            let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
            guard let end = rest[start.upperBound...].firstRange(of: close) else {
                throw BlockError(path: path, line: number, column: column, message: "'[%' without a closing '%]' on the same line")
            }
            let body = rest[start.upperBound..<end.lowerBound].trimmingSpaces()
            result.append(.directive(body, line: number, column: column))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

// MARK: - Parsing

struct TemplateParser {
    let path: String
    let tokens: [TemplateToken]
    var index = 0

    init(path: String, tokens: [TemplateToken]) {
        self.path = path
        self.tokens = tokens
    }

    func error(_ line: Int, _ column: Int, _ message: String) -> BlockError {
        BlockError(path: path, line: line, column: column, message: message)
    }

    /// Parses nodes until a directive whose first word is in `terminators` (left unconsumed) or the end.
    mutating func parseNodes(until terminators: Set<String>) throws(BlockError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        while index < tokens.count {
            switch tokens[index] {
            case .text(let text):
                nodes.append(.text(text))
                index += 1
            case .directive(let body, let line, let column):
                let words = body.split(separator: " ").map(String.init)
                let keyword = words.first ?? ""
                if terminators.contains(keyword) { return nodes }
                index += 1
                if body.hasPrefix("#") { continue }
                switch keyword {
                case "for":
                    guard words.count == 4, words[2] == "in", isName(words[1]) else {
                        throw error(line, column, "expected '[% for NAME in PATH %]'")
                    }
                    let over = try expression(words[3], line: line, column: column)
                    let body = try parseNodes(until: ["end"])
                    try expectEnd(opened: "for", line: line, column: column)
                    nodes.append(.loop(variable: words[1], over: over, body: body, line: line, column: column))
                case "if":
                    var branches: [(Template.Condition, [Template.Node])] = []
                    var condition = try self.condition(Array(words.dropFirst()), line: line, column: column)
                    var otherwise: [Template.Node] = []
                    while true {
                        let body = try parseNodes(until: ["elif", "else", "end"])
                        branches.append((condition, body))
                        guard index < tokens.count, case .directive(let next, let nextLine, let nextColumn) = tokens[index] else {
                            throw error(line, column, "'[% if %]' is never closed with '[% end %]'")
                        }
                        let nextWords = next.split(separator: " ").map(String.init)
                        index += 1
                        if nextWords.first == "elif" {
                            condition = try self.condition(Array(nextWords.dropFirst()), line: nextLine, column: nextColumn)
                            continue
                        }
                        if nextWords.first == "else" {
                            guard nextWords.count == 1 else { throw self.error(nextLine, nextColumn, "'else' takes nothing") }
                            otherwise = try parseNodes(until: ["end"])
                            try expectEnd(opened: "if", line: line, column: column)
                        }
                        break
                    }
                    nodes.append(.conditional(branches: branches, otherwise: otherwise))
                case "end", "else", "elif":
                    throw error(line, column, "'\(keyword)' without an open '[% if %]' or '[% for %]'")
                default:
                    let parts = body.split(separator: "|").map { $0.trimmingSpaces() }
                    let expression = try self.expression(parts[0], line: line, column: column)
                    let filters = Array(parts.dropFirst())
                    for filter in filters where !TemplateRenderer.filters.contains(filter) {
                        throw error(line, column, "unknown filter '\(filter)' (known: \(TemplateRenderer.filters.sorted().joined(separator: ", ")))")
                    }
                    nodes.append(.value(expression, filters: filters, line: line, column: column))
                }
            }
        }
        return nodes
    }

    private mutating func expectEnd(opened: String, line: Int, column: Int) throws(BlockError) {
        guard index < tokens.count, case .directive(let body, _, _) = tokens[index], body == "end" else {
            throw error(line, column, "'[% \(opened) %]' is never closed with '[% end %]'")
        }
        index += 1
    }

    private func condition(_ words: [String], line: Int, column: Int) throws(BlockError) -> Template.Condition {
        if words.count == 2, words[0] == "not" {
            return .truthy(try expression(words[1], line: line, column: column), negated: true)
        }
        if words.count == 1 { return .truthy(try expression(words[0], line: line, column: column), negated: false) }
        if words.count == 3, words[1] == "==" || words[1] == "!=", words[2].count >= 2, words[2].hasPrefix("\""), words[2].hasSuffix("\"") {
            return .equals(try expression(words[0], line: line, column: column), String(words[2].dropFirst().dropLast()),
                           negated: words[1] == "!=")
        }
        throw error(line, column, "expected a condition: PATH, not PATH, PATH == \"text\" or PATH != \"text\"")
    }

    private func expression(_ text: String, line: Int, column: Int) throws(BlockError) -> Template.Expression {
        let path = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy(isName) else { throw error(line, column, "'\(text)' is not a name or dotted path") }
        return Template.Expression(path: path, line: line, column: column)
    }

    private func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

// MARK: - Rendering

struct TemplateRenderer {
    static let filters: Set<String> = ["list", "quote", "yaml"]

    let path: String
    var scopes: [[String: TemplateValue]]
    var output = ""

    init(path: String, scopes: [[String: TemplateValue]]) {
        self.path = path
        self.scopes = scopes
    }

    func error(_ line: Int, _ column: Int, _ message: String) -> BlockError {
        BlockError(path: path, line: line, column: column, message: message)
    }

    mutating func render(_ nodes: [Template.Node]) throws(BlockError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let expression, let filters, let line, let column):
                var value = try lookup(expression)
                for filter in filters { value = try apply(filter, to: value, line: line, column: column) }
                guard case .string(let text) = value else {
                    throw error(line, column, "'\(expression.path.joined(separator: "."))' is not text; use a filter or a loop")
                }
                insert(text)
            case .loop(let variable, let over, let body, let line, let column):
                guard case .list(let items) = try lookup(over) else {
                    throw error(line, column, "'\(over.path.joined(separator: "."))' is not a list")
                }
                for (offset, item) in items.enumerated() {
                    let loop: TemplateValue = ["first": .bool(offset == 0), "last": .bool(offset == items.count - 1),
                                               "index": .string(String(offset + 1))]
                    scopes.append([variable: item, "loop": loop])
                    try render(body)
                    scopes.removeLast()
                }
            case .conditional(let branches, let otherwise):
                var taken = false
                for (condition, body) in branches where try evaluate(condition) {
                    try render(body)
                    taken = true
                    break
                }
                if !taken { try render(otherwise) }
            }
        }
    }

    /// The current output line up to the cursor.
    private var currentLine: Substring {
        if let newline = output.lastIndex(of: "\n") { return output[output.index(after: newline)...] }
        return output[...]
    }

    /// Appends text; lines after the first continue at the current line's indentation (empty lines stay empty).
    private mutating func insert(_ text: String) {
        guard text.contains("\n") else { output += text; return }
        let indentation = String(currentLine.prefix { $0 == " " })
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { output += "\n" + (line.isEmpty ? "" : indentation) }
            output += line
            first = false
        }
    }

    private func evaluate(_ condition: Template.Condition) throws(BlockError) -> Bool {
        switch condition {
        case .truthy(let expression, let negated):
            return try lookup(expression).isTruthy != negated
        case .equals(let expression, let text, let negated):
            return (try lookup(expression) == .string(text)) != negated
        }
    }

    private func lookup(_ expression: Template.Expression) throws(BlockError) -> TemplateValue {
        let name = expression.path[0]
        guard var value = scopes.reversed().lazy.compactMap({ $0[name] }).first else {
            throw error(expression.line, expression.column, "unknown name '\(name)'")
        }
        for (depth, member) in expression.path.dropFirst().enumerated() {
            guard case .object(let members) = value, let next = members[member] else {
                let prefix = expression.path[...depth].joined(separator: ".")
                throw error(expression.line, expression.column, "'\(prefix)' has no member '\(member)'")
            }
            value = next
        }
        return value
    }

    private func apply(_ filter: String, to value: TemplateValue, line: Int, column: Int) throws(BlockError) -> TemplateValue {
        switch (filter, value) {
        case ("quote", .string(let text)):
            return .string(lookMLString(text))
        case ("yaml", .string(let text)):
            return .string(yamlString(text))
        case ("list", .list(let items)):
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw error(line, column, "'list' needs a list of text") }
                texts.append(text)
            }
            return .string(lookMLList(texts, after: currentLine))
        default:
            throw error(line, column, "filter '\(filter)' does not apply to this value")
        }
    }
}

/// A LookML string literal.
public func lookMLString(_ text: String) -> String {
    "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
}

/// A double-quoted YAML scalar.
public func yamlString(_ text: String) -> String {
    "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
}

/// A LookML list in the formatter's layout: on one line when it fits (by the width rule of `lookml fmt`), otherwise
/// one item per line, one level deeper than the line it starts on (lines after the first are relative to that line's
/// indentation, as substituted text is). `prefix` is the line up to the list (`    drill_fields: `).
public func lookMLList(_ items: [String], after prefix: Substring) -> String {
    if items.isEmpty { return "[]" }
    // The formatter measures from the column after the key's colon: 2 for the space and bracket, then 2, plus
    // each item's bytes + 2, plus one per comma.
    let column = prefix.hasSuffix(" ") ? prefix.utf8.count - 1 : prefix.utf8.count
    let width = 2 + (items.count - 1) + items.reduce(0) { $0 + $1.utf8.count + 2 }
    if column + 2 + width <= Template.maximumLineWidth { return "[" + items.joined(separator: ", ") + "]" }
    // Relative to the line's indentation, which substitution adds to every line after the first.
    return "[\n" + items.map { "  " + $0 }.joined(separator: ",\n") + "\n]"
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
