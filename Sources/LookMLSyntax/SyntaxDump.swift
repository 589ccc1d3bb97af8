/// Machine- and human-readable views of a tree: `lookml parse --format json` and `--format tree`.
public struct SyntaxDump {
    public let tree: SyntaxTree

    public init(tree: SyntaxTree) { self.tree = tree }

    // MARK: JSON with positions

    /// The tree as JSON: every item with its kind, key, name, value and source range (line/column/offset).
    public func json() -> JSONValue {
        .object([
            ("path", .string(tree.source.path)),
            ("items", .array(tree.document.items.map(json))),
            ("diagnostics", .array(tree.diagnostics.map(json))),
        ])
    }

    private func range(_ range: Range<Int>) -> JSONValue {
        let start = tree.source.location(of: range.lowerBound)
        let end = tree.source.location(of: range.upperBound)
        return .object([
            ("start", .object([("line", .number(start.line)), ("column", .number(start.column)), ("offset", .number(start.offset))])),
            ("end", .object([("line", .number(end.line)), ("column", .number(end.column)), ("offset", .number(end.offset))])),
        ])
    }

    private func json(_ item: Item) -> JSONValue {
        switch item {
        case .field(let field):
            var pairs: [(String, JSONValue)] = [("kind", .string(kindName(field.value))), ("key", .string(tree.text(field.key)))]
            switch field.value {
            case .literal(let token), .string(let token):
                pairs.append(("value", .string(tree.text(token))))
            case .expression(let body, _):
                pairs.append(("value", .string(tree.text(body))))
            case .list(let list):
                pairs.append(("items", .array(list.items.map { item in
                    var itemPairs: [(String, JSONValue)] = [("value", .string(tree.text(item.value)))]
                    if let pair = item.pair { itemPairs.append(("pairValue", .string(tree.text(pair.value)))) }
                    itemPairs.append(("range", range(item.value.textRange)))
                    return .object(itemPairs)
                })))
            case .block(let block):
                if let name = block.name { pairs.append(("name", .string(tree.text(name)))) }
                pairs.append(("items", .array(block.items.map(json))))
            case .missing:
                break
            }
            let end = lastTokenEnd(of: field)
            pairs.append(("range", range(Int(field.key.textStart)..<end)))
            return .object(pairs)
        case .unexpected(let node):
            let start = Int(node.tokens.first?.textStart ?? 0)
            let end = Int(node.tokens.last?.textEnd ?? 0)
            return .object([("kind", .string("unexpected")), ("text", .string(tree.source.text(start..<max(start, end)))), ("range", range(start..<max(start, end)))])
        }
    }

    private func lastTokenEnd(of field: Field) -> Int {
        var end = Int(field.key.textEnd)
        field.forEachToken { token in if !token.isMissing { end = max(end, Int(token.textEnd)) } }
        return end
    }

    private func kindName(_ value: Value) -> String {
        switch value {
        case .literal: return "literal"
        case .string: return "string"
        case .expression: return "expression"
        case .list: return "list"
        case .block: return "block"
        case .missing: return "missing"
        }
    }

    private func json(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("id", .string(diagnostic.id.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("range", range(diagnostic.range)),
        ])
    }

    // MARK: Tree

    /// An indented outline of the tree with locations, e.g. `block view users @1:1`.
    public func outline() -> String {
        var output = ""
        for item in tree.document.items { outline(item, level: 0, into: &output) }
        return output
    }

    private func outline(_ item: Item, level: Int, into output: inout String) {
        let indent = String(repeating: "  ", count: level)
        switch item {
        case .field(let field):
            let at = tree.source.location(of: Int(field.key.textStart))
            let key = tree.text(field.key)
            switch field.value {
            case .block(let block):
                let name = block.name.map { " " + tree.text($0) } ?? ""
                output += "\(indent)block \(key)\(name) @\(at)\n"
                for child in block.items { outline(child, level: level + 1, into: &output) }
            case .list(let list):
                output += "\(indent)list \(key) [\(list.items.map { item in tree.text(item.value) + (item.pair.map { ": " + tree.text($0.value) } ?? "") }.joined(separator: ", "))] @\(at)\n"
            case .expression(let body, _):
                let text = tree.text(body)
                let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
                output += "\(indent)expression \(key) \(shown.replacingNewlines()) ;; @\(at)\n"
            case .literal(let token), .string(let token):
                output += "\(indent)pair \(key) \(tree.text(token)) @\(at)\n"
            case .missing:
                output += "\(indent)pair \(key) <missing> @\(at)\n"
            }
        case .unexpected(let node):
            let start = Int(node.tokens.first?.textStart ?? 0)
            output += "\(indent)unexpected \(node.tokens.count) token(s) @\(tree.source.location(of: start))\n"
        }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
