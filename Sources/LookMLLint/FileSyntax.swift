#if canImport(Glibc)
import Glibc
#endif
import LookMLProject
import LookMLSyntax

/// A value as written: text (strings without their quotes, expressions trimmed) and the range of that text.
public struct ScalarValue: Sendable {
    public var text: String
    public var range: Range<Int>
    /// The token, quotes included.
    public var token: Token
    public var isString: Bool { token.kind == .string }
}

/// Reads the fields, keys and values of one parsed file.
public struct SyntaxReader: Sendable {
    /// The tree, boxed: readers are copied into every block and field, and a box is one reference to count.
    /// The source is kept beside the tree: byte helpers run for every member of every block, and reaching the bytes
    /// through `tree` would copy the tree (three references to count) each time.
    private final class Storage: Sendable {
        let tree: SyntaxTree
        let source: SourceFile
        init(_ tree: SyntaxTree) {
            self.tree = tree
            source = tree.source
        }
    }
    private let storage: Storage
    public var tree: SyntaxTree { storage.tree }
    public var source: SourceFile { storage.source }

    public init(tree: SyntaxTree) { storage = Storage(tree) }

    public func text(_ token: Token) -> String { storage.source.text(of: token) }

    public func fields(_ items: [Item]) -> [Field] {
        items.compactMap { if case .field(let field) = $0 { return field } else { return nil } }
    }

    public func key(_ field: Field) -> String { text(field.key) }

    /// True when the field's key is `key`, compared byte for byte (no `String` is made).
    public func hasKey(_ field: Field, _ key: String) -> Bool {
        let range = field.key.textRange
        var key = key
        return range.count == key.utf8.count && key.withUTF8 { target in
            storage.source.bytes.withUnsafeBufferPointer { bytes in
                range.lowerBound >= 0 && range.upperBound <= bytes.count
                    && memcmp(bytes.baseAddress! + range.lowerBound, target.baseAddress!, range.count) == 0
            }
        }
    }

    /// The kind of field a member's key names (`dimension`, `measure`, …), or nil; by the key's number.
    public func fieldKind(_ member: Field) -> FieldDefinition.Kind? { FieldDefinition.Kind.of(member.knownKey) }

    /// True when the bytes of a range contain `${` (a substitution may be there).
    public func mayHoldSubstitution(_ range: Range<Int>) -> Bool {
        storage.source.bytes.withUnsafeBufferPointer { bytes in
            guard range.count >= 2, range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
            var index = range.lowerBound
            while true {
                index = ByteSearch.firstIndex(in: bytes, index..<range.upperBound - 1, ofAny: 0x24, 0x24, 0x24, 0x24)  // `$`
                if index >= range.upperBound - 1 { return false }
                if bytes[index + 1] == UInt8(ascii: "{") { return true }
                index += 1
            }
        }
    }

    /// A literal's or string's value (strings without quotes), or an expression's body.
    public func scalar(_ field: Field) -> ScalarValue? {
        switch field.value {
        case .literal(let token), .string(let token): return scalar(token)
        case .expression(let body, _): return ScalarValue(text: text(body), range: body.textRange, token: body)
        default: return nil
        }
    }

    /// The byte range of a token's value: inside a string's quotes, a literal's whole text (as `scalar` reads it,
    /// without making the text).
    public func unquotedRange(_ token: Token) -> Range<Int> { storage.source.unquotedRange(of: token) }

    /// A token's value; strings without their quotes.
    public func scalar(_ token: Token) -> ScalarValue {
        guard token.kind == .string, token.textRange.count >= 1 else { return ScalarValue(text: text(token), range: token.textRange, token: token) }
        let range = unquotedRange(token)
        return ScalarValue(text: storage.source.text(range), range: range, token: token)
    }

    /// The items of a list value (pairs by their first token).
    public func listItems(_ field: Field) -> [ScalarValue] {
        guard case .list(let list) = field.value else { return [] }
        return list.items.map { scalar($0.value) }
    }

    /// The byte range of everything a field spans, from its key to its last present token.
    public func range(of field: Field) -> Range<Int> {
        var end = Int(field.key.textEnd)
        field.forEachToken { if !$0.isMissing { end = max(end, Int($0.textEnd)) } }
        return Int(field.key.textStart)..<end
    }
}

/// A block (`view`, `dimension`, `explore`, `join`, …) with the reader of its file.
public struct BlockSyntax: Sendable {
    public let file: String
    public let reader: SyntaxReader
    /// The `key: name { … }` field that holds the block.
    public let field: Field
    public let block: BlockValue

    /// The last member with `key` (Looker keeps the last of a repeated key).
    public func member(_ key: String) -> Field? {
        for case .field(let member) in block.items.reversed() where reader.hasKey(member, key) { return member }
        return nil
    }

    public func members(_ key: String) -> [Field] {
        var result: [Field] = []
        for case .field(let member) in block.items where reader.hasKey(member, key) { result.append(member) }
        return result
    }

    public func scalar(_ key: String) -> ScalarValue? { member(key).flatMap(reader.scalar) }

    public func location(_ range: Range<Int>) -> SourceRange { SourceRange(file: file, range: range) }

    /// The nested named blocks with `key` (e.g. `join`), with their names.
    func namedBlocks(_ key: String) -> [(name: ScalarValue, block: BlockSyntax)] {
        var result: [(name: ScalarValue, block: BlockSyntax)] = []
        for index in block.items.indices {
            guard case .field(let member) = block.items[index] else { continue }
            guard case .block(let inner) = member.value, let name = inner.name, reader.hasKey(member, key) else { continue }
            result.append((reader.scalar(name), BlockSyntax(file: file, reader: reader, field: member, block: inner)))
        }
        return result
    }
}

/// A field of a view, as written: its summary (the members rules read most, found in one pass over the block) and
/// its block. A class: rules walk every field of every file, and passing a reference is cheaper than copying.
public final class FieldSyntax: Sendable {
    public let summary: FieldSummary
    public let syntax: BlockSyntax
    /// True when the field has a `tags:` member (a list or not).
    public let hasTags: Bool

    /// A field the project's definition collector already read (`definition`, from `ProjectFile.contents`): its
    /// members are read again only when it has tags, which the tag rules need as written.
    convenience init(view: String, definition: FieldDefinition, syntax: BlockSyntax) {
        if definition.hasTagsMember {
            self.init(view: view, kind: definition.kind, name: definition.name, nameRange: definition.location.range, syntax: syntax)
        } else {
            self.init(summary: FieldSummary(view: view, kind: definition.kind, name: definition.name, nameRange: definition.location.range,
                                            file: syntax.file, type: definition.type, isHidden: definition.hidden,
                                            isPrimaryKey: definition.isPrimaryKey, tags: []),
                      syntax: syntax, hasTags: false)
        }
    }

    private init(summary: FieldSummary, syntax: BlockSyntax, hasTags: Bool) {
        self.summary = summary
        self.syntax = syntax
        self.hasTags = hasTags
    }

    init(view: String, kind: FieldDefinition.Kind, name: String, nameRange: Range<Int>, syntax: BlockSyntax) {
        let reader = syntax.reader
        var type: String?, hidden = false, primaryKey = false, tags: [TagSyntax] = [], hasTags = false
        for index in syntax.block.items.indices {
            guard case .field(let member) = syntax.block.items[index] else { continue }
            // Most members are none of these: the key's length rules them out before any byte is compared.
            switch member.key.textRange.count {
            case 4:
                if reader.hasKey(member, "type") {
                    type = reader.scalar(member)?.text
                } else if reader.hasKey(member, "tags") {
                    tags += reader.listItems(member).map(TagSyntax.init)
                    hasTags = true
                }
            case 6 where reader.hasKey(member, "hidden"): hidden = reader.scalar(member)?.text == "yes"
            case 11 where reader.hasKey(member, "primary_key"): primaryKey = reader.scalar(member)?.text == "yes"
            default: break
            }
        }
        summary = FieldSummary(view: view, kind: kind, name: name, nameRange: nameRange, file: syntax.file, type: type,
                               isHidden: hidden, isPrimaryKey: primaryKey, tags: tags)
        self.syntax = syntax
        self.hasTags = hasTags
    }

    public var view: String { summary.view }
    public var kind: FieldDefinition.Kind { summary.kind }
    public var name: String { summary.name }
    public var type: String? { summary.type }
    public var isHidden: Bool { summary.isHidden }
    public var isPrimaryKey: Bool { summary.isPrimaryKey }
    public var tags: [TagSyntax] { summary.tags }
    public var effectiveType: String { summary.effectiveType }
    public var isDimension: Bool { summary.isDimension }
    public var file: String { syntax.file }
    public var location: SourceRange { summary.location }
}

/// A `view:` block or refinement.
public struct ViewSyntax: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let isRefinement: Bool
    public let syntax: BlockSyntax
    public let fields: [FieldSyntax]

    /// What project rules keep of the view once the file's tree is gone.
    let summary: ViewSummary

    /// The view members the summary keeps, besides fields.
    private static let extendsKey = KnownKey("extends"), extensionKey = KnownKey("extension"), sqlTableNameKey = KnownKey("sql_table_name")

    public var file: String { syntax.file }
    public var location: SourceRange { SourceRange(file: file, range: nameRange) }

    /// Reads the view's fields and the members its summary keeps in one pass over its members: this runs for every
    /// field of a project. `definition` is the same view as the project collected it, when known: its fields' members
    /// are then not read a second time.
    init(name: ScalarValue, isRefinement: Bool, syntax: BlockSyntax, definition: ViewDefinition?) {
        let reader = syntax.reader, file = syntax.file
        var fields: [FieldSyntax] = [], extends: [String] = [], extensionValue: ScalarValue?, sqlTableName: ScalarValue?
        let definitions = definition?.fields ?? []
        for index in syntax.block.items.indices {
            // Other members are skipped without binding their field.
            guard let known = syntax.block.items[index].fieldKnownKey,
                  FieldDefinition.Kind.of(known) != nil || known == Self.extendsKey || known == Self.extensionKey || known == Self.sqlTableNameKey,
                  case .field(let member) = syntax.block.items[index] else { continue }
            if case .block(let inner) = member.value, let fieldName = inner.name, let kind = reader.fieldKind(member) {
                let block = BlockSyntax(file: file, reader: reader, field: member, block: inner)
                // The collector keeps the same fields in the same order; the name's range confirms it.
                if fields.count < definitions.count, definitions[fields.count].location.range == reader.unquotedRange(fieldName) {
                    fields.append(FieldSyntax(view: name.text, definition: definitions[fields.count], syntax: block))
                } else {
                    let nameValue = reader.scalar(fieldName)
                    fields.append(FieldSyntax(view: name.text, kind: kind, name: nameValue.text, nameRange: nameValue.range, syntax: block))
                }
                continue
            }
            // The last of a repeated key wins, as `BlockSyntax.member` reads it; `extends:` lists add up.
            switch known {
            case Self.extendsKey: extends += reader.listItems(member).map(\.text)
            case Self.extensionKey: extensionValue = reader.scalar(member)
            case Self.sqlTableNameKey: sqlTableName = reader.scalar(member)
            default: break
            }
        }
        self.name = name.text
        nameRange = name.range
        self.isRefinement = isRefinement
        self.syntax = syntax
        self.fields = fields
        summary = ViewSummary(name: name.text, nameRange: name.range, isRefinement: isRefinement, file: file, fields: fields.map(\.summary),
                              extends: extends, isExtensionRequired: extensionValue?.text == "required", sqlTableName: sqlTableName)
    }
}

/// A `join:` of an explore.
public struct JoinSyntax: Sendable {
    public let alias: String
    public let aliasRange: Range<Int>
    public let syntax: BlockSyntax
    public var location: SourceRange { SourceRange(file: syntax.file, range: aliasRange) }

    var summary: JoinSummary {
        JoinSummary(alias: alias, aliasRange: aliasRange, file: syntax.file, from: syntax.scalar("from")?.text,
                    hasRelationship: syntax.member("relationship") != nil, relationship: syntax.scalar("relationship"))
    }
}

/// An `explore:` block or refinement.
public struct ExploreSyntax: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let isRefinement: Bool
    public let syntax: BlockSyntax
    public let joins: [JoinSyntax]

    public var file: String { syntax.file }
    public var location: SourceRange { SourceRange(file: file, range: nameRange) }

    var summary: ExploreSummary {
        ExploreSummary(name: name, nameRange: nameRange, isRefinement: isRefinement, file: file, joins: joins.map(\.summary))
    }
}

/// One parsed file as file rules see it: its tree, and its views and explores as syntax. Made while the file is
/// loaded and dropped after its rules ran, so a project's trees are never all in memory at once.
public struct FileSyntax: Sendable {
    public let file: ProjectFile
    /// The LookML tree; nil for YAML dashboards.
    public var tree: SyntaxTree? { reader?.tree }
    public let views: [ViewSyntax]
    public let explores: [ExploreSyntax]
    /// The fields of every view that have a `tags:` member, in file order: what the tag rules read.
    public let taggedFields: [FieldSyntax]

    public var path: String { file.path }
    /// The reader of a LookML file.
    public let reader: SyntaxReader?
    /// The top-level fields of a LookML file.
    public var topLevelFields: [Field] { reader.map { $0.fields($0.tree.document.items) } ?? [] }

    public init(file: ProjectFile, tree: SyntaxTree?) {
        self.file = file
        reader = tree.map(SyntaxReader.init)
        guard let tree, let reader else {
            views = []
            explores = []
            taggedFields = []
            return
        }
        let path = file.path
        var views: [ViewSyntax] = [], explores: [ExploreSyntax] = [], taggedFields: [FieldSyntax] = []
        // The views as the project collected them, in file order (see `ViewSyntax.init`).
        let definitions = file.contents.views
        for index in tree.document.items.indices {
            guard case .field(let field) = tree.document.items[index] else { continue }
            guard case .block(let block) = field.value, let nameToken = block.name else { continue }
            let isView = reader.hasKey(field, "view")
            guard isView || reader.hasKey(field, "explore") else { continue }
            let syntax = BlockSyntax(file: path, reader: reader, field: field, block: block)
            var name = reader.scalar(nameToken)
            let isRefinement = name.text.hasPrefix("+")
            if isRefinement { name.text.removeFirst(); name.range = name.range.lowerBound + 1..<name.range.upperBound }
            if isView {
                let definition = views.count < definitions.count && definitions[views.count].location.range == name.range
                    ? definitions[views.count] : nil
                let view = ViewSyntax(name: name, isRefinement: isRefinement, syntax: syntax, definition: definition)
                views.append(view)
                taggedFields += view.fields.filter(\.hasTags)
            } else {
                let joins = syntax.namedBlocks("join").map { JoinSyntax(alias: $0.name.text, aliasRange: $0.name.range, syntax: $0.block) }
                explores.append(ExploreSyntax(name: name.text, nameRange: name.range, isRefinement: isRefinement, syntax: syntax, joins: joins))
            }
        }
        self.views = views
        self.explores = explores
        self.taggedFields = taggedFields
    }

    /// What project rules keep of the file.
    public var summary: FileSummary {
        let fields = topLevelFields
        let reader = self.reader
        return FileSummary(
            path: path, views: views.map(\.summary), explores: explores.map(\.summary),
            definesMoreThanViews: reader.map { reader in fields.contains { reader.key($0) != "view" && reader.key($0) != "include" } } ?? true,
            includeLines: fields.compactMap { field in
                guard let reader, reader.key(field) == "include" else { return nil }
                return IncludeLine(range: reader.range(of: field), removal: FileSyntax.lineRemoval(of: field, reader: reader))
            })
    }

    /// The bytes of a field's whole line, line break included, when the field stands alone on it.
    static func lineRemoval(of field: Field, reader: SyntaxReader) -> Range<Int>? {
        let bytes = reader.source.bytes
        var start = Int(field.key.textStart), end = reader.range(of: field).upperBound
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\r") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 } else if end < bytes.count { return nil }
        return start..<end
    }
}
