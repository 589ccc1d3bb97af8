/// Machine- and human-readable views of a tree: `lookml parse --format json` and `--format tree`.
public struct SyntaxDump {
    public let tree: SyntaxTree

    public init(tree: SyntaxTree) { self.tree = tree }

    // MARK: JSON with positions

    /// The tree as JSON: every item with its kind, key, name, value and source range (line/column/offset),
    /// then the diagnostics.
    public func json(indent: Int = 2, level: Int = 0) -> [UInt8] {
        var writer = JSONWriter(indent: indent, level: level)
        writer.beginObject()
        writer.key("path")
        writer.string(tree.source.path)
        writer.key("items")
        writer.beginArray()
        for item in tree.document.items { write(item, to: &writer) }
        writer.endArray()
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in tree.diagnostics {
            writer.beginObject()
            writer.key("id")
            writer.string(diagnostic.id.rawValue)
            writer.key("severity")
            writer.string(diagnostic.severity.rawValue)
            writer.key("message")
            writer.string(diagnostic.message)
            writeRange(diagnostic.range, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    /// `"range": {"start": [line, column, offset], "end": [line, column, offset]}`.
    private func writeRange(_ range: Range<Int>, to writer: inout JSONWriter) {
        writer.key("range")
        writer.beginObject()
        for (name, offset) in [("start", range.lowerBound), ("end", range.upperBound)] {
            let location = tree.source.location(of: offset)
            writer.key(name)
            writer.beginObject()
            writer.key("line")
            writer.number(location.line)
            writer.key("column")
            writer.number(location.column)
            writer.key("offset")
            writer.number(location.offset)
            writer.endObject()
        }
        writer.endObject()
    }

    private func write(_ item: Item, to writer: inout JSONWriter) {
        let bytes = tree.source.bytes
        writer.beginObject()
        switch item {
        case .field(let field):
            writer.key("kind")
            writer.string(kindName(field.value))
            writer.key("key")
            writer.string(bytes: bytes[field.key.textRange])
            switch field.value {
            case .literal(let token), .string(let token):
                writer.key("value")
                writer.string(bytes: bytes[token.textRange])
            case .expression(let body, _):
                writer.key("value")
                writer.string(bytes: bytes[body.textRange])
            case .list(let list):
                writer.key("items")
                writer.beginArray()
                for listItem in list.items {
                    writer.beginObject()
                    writer.key("value")
                    writer.string(bytes: bytes[listItem.value.textRange])
                    if let pair = listItem.pair {
                        writer.key("pairValue")
                        writer.string(bytes: bytes[pair.value.textRange])
                    }
                    writeRange(listItem.value.textRange, to: &writer)
                    writer.endObject()
                }
                writer.endArray()
            case .block(let block):
                if let name = block.name {
                    writer.key("name")
                    writer.string(bytes: bytes[name.textRange])
                }
                writer.key("items")
                writer.beginArray()
                for child in block.items { write(child, to: &writer) }
                writer.endArray()
            case .missing:
                break
            }
            writeRange(Int(field.key.textStart)..<lastTokenEnd(of: field), to: &writer)
        case .unexpected(let node):
            let start = Int(node.tokens.first?.textStart ?? 0)
            let end = max(start, Int(node.tokens.last?.textEnd ?? 0))
            writer.key("kind")
            writer.string("unexpected")
            writer.key("text")
            writer.string(bytes: bytes[start..<end])
            writeRange(start..<end, to: &writer)
        }
        writer.endObject()
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
