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
    public let tree: SyntaxTree
    public var source: SourceFile { tree.source }

    public init(tree: SyntaxTree) { self.tree = tree }

    public func text(_ token: Token) -> String { tree.source.text(of: token) }

    public func fields(_ items: [Item]) -> [Field] {
        items.compactMap { if case .field(let field) = $0 { return field } else { return nil } }
    }

    public func key(_ field: Field) -> String { text(field.key) }

    /// A literal's or string's value (strings without quotes), or an expression's body.
    public func scalar(_ field: Field) -> ScalarValue? {
        switch field.value {
        case .literal(let token), .string(let token): return scalar(token)
        case .expression(let body, _): return ScalarValue(text: text(body), range: body.textRange, token: body)
        default: return nil
        }
    }

    /// A token's value; strings without their quotes.
    public func scalar(_ token: Token) -> ScalarValue {
        let range = token.textRange
        guard token.kind == .string, range.count >= 1 else { return ScalarValue(text: text(token), range: range, token: token) }
        let bytes = tree.source.bytes
        let start = range.lowerBound + 1
        let end = range.count >= 2 && bytes[range.upperBound - 1] == UInt8(ascii: "\"") ? range.upperBound - 1 : range.upperBound
        return ScalarValue(text: tree.source.text(start..<max(start, end)), range: start..<max(start, end), token: token)
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

    public var members: [Field] { reader.fields(block.items) }

    /// The last member with `key` (Looker keeps the last of a repeated key).
    public func member(_ key: String) -> Field? { members.last { reader.key($0) == key } }

    public func members(_ key: String) -> [Field] { members.filter { reader.key($0) == key } }

    public func scalar(_ key: String) -> ScalarValue? { member(key).flatMap(reader.scalar) }

    /// True when `key: yes` is set.
    public func isYes(_ key: String) -> Bool { scalar(key)?.text == "yes" }

    public func location(_ range: Range<Int>) -> SourceRange { SourceRange(file: file, range: range) }

    /// The range from the block's key to its closing brace.
    public var fullRange: Range<Int> { Int(field.key.textStart)..<Int(block.rightBrace.textEnd) }

    /// The nested blocks with `key` (e.g. `dimension`), with their names.
    func namedBlocks(_ key: String? = nil) -> [(key: String, name: ScalarValue, block: BlockSyntax)] {
        members.compactMap { member in
            let memberKey = reader.key(member)
            guard key == nil || memberKey == key, case .block(let inner) = member.value, let name = inner.name else { return nil }
            return (memberKey, reader.scalar(name), BlockSyntax(file: file, reader: reader, field: member, block: inner))
        }
    }
}

/// A field of a view, as written, with the members rules read most (found in one pass over the block).
public struct FieldSyntax: Sendable {
    public let view: String
    public let kind: FieldDefinition.Kind
    public let name: String
    public let nameRange: Range<Int>
    public let syntax: BlockSyntax
    /// `type:` as written.
    public let type: String?
    public let isHidden: Bool
    public let isPrimaryKey: Bool
    /// The entries of the field's `tags:` lists.
    public let tags: [TagSyntax]

    init(view: String, kind: FieldDefinition.Kind, name: String, nameRange: Range<Int>, syntax: BlockSyntax) {
        self.view = view
        self.kind = kind
        self.name = name
        self.nameRange = nameRange
        self.syntax = syntax
        let reader = syntax.reader
        var type: String?, hidden = false, primaryKey = false, tags: [TagSyntax] = []
        for member in syntax.members {
            switch reader.key(member) {
            case "type": type = reader.scalar(member)?.text
            case "hidden": hidden = reader.scalar(member)?.text == "yes"
            case "primary_key": primaryKey = reader.scalar(member)?.text == "yes"
            case "tags": tags += reader.listItems(member).map(TagSyntax.init)
            default: break
            }
        }
        self.type = type
        self.isHidden = hidden
        self.isPrimaryKey = primaryKey
        self.tags = tags
    }

    public var file: String { syntax.file }
    public var location: SourceRange { SourceRange(file: file, range: nameRange) }
}

/// A `view:` block or refinement.
public struct ViewSyntax: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let isRefinement: Bool
    public let syntax: BlockSyntax
    public let fields: [FieldSyntax]

    public var file: String { syntax.file }
    public var location: SourceRange { SourceRange(file: file, range: nameRange) }
}

/// A `join:` of an explore.
public struct JoinSyntax: Sendable {
    public let alias: String
    public let aliasRange: Range<Int>
    public let syntax: BlockSyntax
    /// The view behind the join: `from:`, else the join's name.
    public var view: String { syntax.scalar("from")?.text ?? alias }
    public var location: SourceRange { SourceRange(file: syntax.file, range: aliasRange) }
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
}

/// The views, fields, explores and joins of every LookML file, as syntax: what rules read besides the project model.
public struct ProjectSyntax: Sendable {
    public private(set) var views: [ViewSyntax] = []
    public private(set) var explores: [ExploreSyntax] = []
    /// Readers by path, for LookML files.
    public private(set) var readers: [String: SyntaxReader] = [:]
    private var fieldsByLocation: [SourceRange: FieldSyntax] = [:]
    private var viewsByLocation: [SourceRange: ViewSyntax] = [:]
    private var exploresByLocation: [SourceRange: ExploreSyntax] = [:]
    private var viewsByName: [String: [ViewSyntax]] = [:]

    public init(project: Project) {
        // Each file's views and explores on all cores, then the indexes in path order.
        let paths = project.paths
        let perFile = parallelMap(paths.count) { index in ProjectSyntax.read(project.files[paths[index]], path: paths[index]) }
        for (path, part) in zip(paths, perFile) {
            guard let part else { continue }
            readers[path] = part.reader
            for view in part.views {
                views.append(view)
                viewsByLocation[view.location] = view
                viewsByName[view.name, default: []].append(view)
                for field in view.fields { fieldsByLocation[field.location] = field }
            }
            for explore in part.explores {
                explores.append(explore)
                exploresByLocation[explore.location] = explore
            }
        }
    }

    /// The views and explores of one LookML file (nil for other files).
    private static func read(_ file: ProjectFile?, path: String) -> (reader: SyntaxReader, views: [ViewSyntax], explores: [ExploreSyntax])? {
        guard let tree = file?.tree else { return nil }
        let reader = SyntaxReader(tree: tree)
        var views: [ViewSyntax] = [], explores: [ExploreSyntax] = []
        for field in reader.fields(tree.document.items) {
            guard case .block(let block) = field.value, let nameToken = block.name else { continue }
            let key = reader.key(field)
            guard key == "view" || key == "explore" else { continue }
            let syntax = BlockSyntax(file: path, reader: reader, field: field, block: block)
            var name = reader.scalar(nameToken)
            let isRefinement = name.text.hasPrefix("+")
            if isRefinement { name.text.removeFirst(); name.range = name.range.lowerBound + 1..<name.range.upperBound }
            if key == "view" {
                let fields = syntax.namedBlocks().compactMap { entry -> FieldSyntax? in
                    guard let kind = FieldDefinition.Kind(rawValue: entry.key) else { return nil }
                    return FieldSyntax(view: name.text, kind: kind, name: entry.name.text, nameRange: entry.name.range, syntax: entry.block)
                }
                views.append(ViewSyntax(name: name.text, nameRange: name.range, isRefinement: isRefinement, syntax: syntax, fields: fields))
            } else {
                let joins = syntax.namedBlocks("join").map { JoinSyntax(alias: $0.name.text, aliasRange: $0.name.range, syntax: $0.block) }
                explores.append(ExploreSyntax(name: name.text, nameRange: name.range, isRefinement: isRefinement, syntax: syntax, joins: joins))
            }
        }
        return (reader, views, explores)
    }

    /// The syntax of a field the project model knows.
    public func field(_ definition: FieldDefinition) -> FieldSyntax? { fieldsByLocation[definition.location] }

    /// The syntax of a view definition.
    public func view(_ definition: ViewDefinition) -> ViewSyntax? { viewsByLocation[definition.location] }

    /// The syntax of an explore definition.
    public func explore(_ definition: ExploreDefinition) -> ExploreSyntax? { exploresByLocation[definition.location] }

    /// Every definition and refinement of a view name, in file order.
    public func views(named name: String) -> [ViewSyntax] { viewsByName[name] ?? [] }
}
