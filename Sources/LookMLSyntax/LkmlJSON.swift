/// Converts a document to exactly the structure the Python `lkml` library's `load()` returns, so that pipelines
/// built on it can use this tool instead.
///
/// The rules, as `lkml` applies them: every value is a string; quoted strings keep their escapes raw; expression
/// bodies are trimmed; repeatable keys (`dimension`, `include`, …) collect into a list under a plural key
/// (`dimensions`, `includes`, `filters__all`) placed where the key first appears; a block's name is added last as
/// `name` (replacing, in place, a `name:` the block sets itself); a non-repeatable key given twice keeps its first
/// position and the last value (reported as a warning, since `lkml` refuses it inside blocks).
public struct LkmlJSONConverter {
    public let tree: SyntaxTree
    public private(set) var diagnostics: [Diagnostic] = []
    private let bytes: [UInt8]

    public init(tree: SyntaxTree) {
        self.tree = tree
        self.bytes = tree.source.bytes
    }

    /// The `lkml` structure of the whole document, as JSON text.
    public mutating func json(indent: Int = 2, level: Int = 0) -> [UInt8] {
        var writer = JSONWriter(indent: indent, level: level)
        writeObject(tree.document.items, name: nil, to: &writer)
        return writer.bytes
    }

    private static let nameKey: ArraySlice<UInt8> = Array("name".utf8)[...]

    /// One output key of an object: the fields that land under it, in order.
    private struct Group {
        var key: ArraySlice<UInt8>
        var isPlural: Bool
        var fields: [Int]
    }

    private mutating func writeObject(_ items: [Item], name: Token?, to writer: inout JSONWriter) {
        // Group the fields by output key, in order of first appearance. Blocks have few distinct keys, so a linear
        // search over byte slices beats hashing strings.
        var groups: [Group] = []
        var fields: [Field] = []
        fields.reserveCapacity(items.count)
        for item in items {
            guard case .field(let field) = item else { continue }
            if case .missing = field.value { continue }
            let key = bytes[field.key.textRange]
            let isPlural = KeyCatalog.isRepeatableKey(key)
            fields.append(field)
            if let index = groups.firstIndex(where: { $0.key == key }) {
                if isPlural {
                    groups[index].fields.append(fields.count - 1)
                } else {
                    let message = SyntaxMessages.duplicateKey(String(decoding: key, as: UTF8.self))
                    diagnostics.append(Diagnostic(id: message.0, severity: message.1, message: message.2, range: field.key.textRange))
                    groups[index].fields = [fields.count - 1]
                }
            } else {
                groups.append(Group(key: key, isPlural: isPlural, fields: [fields.count - 1]))
            }
        }
        writer.beginObject()
        let nameKey = Self.nameKey
        var wroteName = false
        for group in groups {
            if group.isPlural {
                writer.key(bytes: KeyCatalog.pluralKeyBytes(for: group.key))
                writer.beginArray()
                for index in group.fields { writeValue(fields[index].value, to: &writer) }
                writer.endArray()
            } else if let name, group.key == nameKey {
                writer.key(bytes: group.key)
                writer.string(bytes: scalar(name))
                wroteName = true
            } else {
                writer.key(bytes: group.key)
                writeValue(fields[group.fields[0]].value, to: &writer)
            }
        }
        if let name, !wroteName {
            writer.key(bytes: nameKey)
            writer.string(bytes: scalar(name))
        }
        writer.endObject()
    }

    private mutating func writeValue(_ value: Value, to writer: inout JSONWriter) {
        switch value {
        case .literal(let token), .string(let token): writer.string(bytes: scalar(token))
        case .expression(let body, _): writer.string(bytes: bytes[body.textRange])
        case .missing: writer.null()
        case .list(let list):
            writer.beginArray()
            for item in list.items {
                if let pair = item.pair {
                    writer.beginObject()
                    writer.key(bytes: scalar(item.value))
                    writer.string(bytes: scalar(pair.value))
                    writer.endObject()
                } else {
                    writer.string(bytes: scalar(item.value))
                }
            }
            writer.endArray()
        case .block(let block):
            writeObject(block.items, name: block.name, to: &writer)
        }
    }

    /// A literal's text, or a string's text between its quotes (escapes kept raw, as `lkml` does).
    private func scalar(_ token: Token) -> ArraySlice<UInt8> {
        let range = token.textRange
        guard token.kind == .string, !token.isMissing, range.count >= 1 else { return bytes[range] }
        let start = range.lowerBound + 1
        var end = range.upperBound
        if end > start, bytes[end - 1] == UInt8(ascii: "\"") { end -= 1 }
        return bytes[start..<max(start, end)]
    }
}
