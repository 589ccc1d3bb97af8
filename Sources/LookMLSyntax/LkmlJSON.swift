/// Converts a document to exactly the structure the Python `lkml` library's `load()` returns, so that pipelines
/// built on it can use this tool instead.
///
/// The rules, as `lkml` applies them: every value is a string; quoted strings keep their escapes raw; expression
/// bodies are trimmed; repeatable keys (`dimension`, `include`, …) collect into a list under a plural key
/// (`dimensions`, `includes`, `filters__all`); a block's name is added last as `name`; a non-repeatable key given
/// twice keeps the last value (reported as a warning, since `lkml` refuses it inside blocks).
public struct LkmlJSONConverter {
    public let tree: SyntaxTree
    public private(set) var diagnostics: [Diagnostic] = []

    public init(tree: SyntaxTree) { self.tree = tree }

    /// The `lkml` structure of the whole document.
    public mutating func convert() -> JSONValue {
        object(from: tree.document.items)
    }

    private func text(_ token: Token) -> String { tree.source.text(of: token) }

    private func stringValue(_ token: Token) -> String {
        guard token.kind == .string, !token.isMissing else { return text(token) }
        let range = token.textRange
        let bytes = tree.source.bytes
        let start = range.lowerBound + 1
        var end = range.upperBound
        if end > start, bytes[end - 1] == UInt8(ascii: "\"") { end -= 1 }
        return tree.source.text(start..<max(start, end))
    }

    private mutating func object(from items: [Item]) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        var positions: [String: Int] = [:]
        for item in items {
            guard case .field(let field) = item else { continue }
            let key = text(field.key)
            guard let value = value(of: field.value) else { continue }
            if KeyCatalog.repeatableKeys.contains(key) {
                let plural = KeyCatalog.pluralKey(for: key)
                if let position = positions[plural], case .array(var values) = pairs[position].1 {
                    values.append(value)
                    pairs[position].1 = .array(values)
                } else {
                    positions[plural] = pairs.count
                    pairs.append((plural, .array([value])))
                }
            } else if let position = positions[key] {
                let message = SyntaxMessages.duplicateKey(key)
                diagnostics.append(Diagnostic(id: message.0, severity: message.1, message: message.2, range: field.key.textRange))
                pairs[position].1 = value
            } else {
                positions[key] = pairs.count
                pairs.append((key, value))
            }
        }
        return .object(pairs)
    }

    private mutating func value(of value: Value) -> JSONValue? {
        switch value {
        case .literal(let token): return .string(text(token))
        case .string(let token): return .string(stringValue(token))
        case .expression(let body, _): return .string(text(body))
        case .missing: return nil
        case .list(let list):
            return .array(list.items.map { item in
                if let pair = item.pair {
                    return .object([(scalar(item.value), .string(scalar(pair.value)))])
                }
                return .string(scalar(item.value))
            })
        case .block(let block):
            guard case .object(var pairs) = object(from: block.items) else { return nil }
            if let name = block.name {
                let nameValue = JSONValue.string(scalar(name))
                if let index = pairs.firstIndex(where: { $0.0 == "name" }) {
                    pairs[index].1 = nameValue
                } else {
                    pairs.append(("name", nameValue))
                }
            }
            return .object(pairs)
        }
    }

    private func scalar(_ token: Token) -> String {
        token.kind == .string ? stringValue(token) : text(token)
    }
}
