import LookMLProject
import LookMLSyntax

/// A value written in LookML: a string, a bare word or an expression body, with where it is written.
public struct LookMLScalar: Sendable {
    /// The text as written: inside the quotes for strings (escapes kept), the trimmed body for expressions.
    public var text: String
    public var location: SourceRange
    public var isString: Bool
    /// The value this one overrides through a refinement or `extends` (what `${EXTENDED}` stands for).
    public var overridden: [LookMLScalar] = []

    /// The string's content with `\"` and `\\` unescaped.
    public var value: String {
        guard isString, text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping { result.append(character); escaping = false } else if character == "\\" { escaping = true } else { result.append(character) }
        }
        return result
    }
}

/// An item of a list value: `view.field`, `"text"`, or a pair `view.field: "value"`.
public struct LookMLListItem: Sendable {
    public var text: String
    public var location: SourceRange
    public var pair: LookMLScalar?
}

public indirect enum LookMLValue: Sendable {
    case scalar(LookMLScalar)
    case list([LookMLListItem], location: SourceRange)
    case block(LookMLBlock)
}

public struct LookMLParameter: Sendable {
    public var key: String
    public var keyLocation: SourceRange
    public var value: LookMLValue

    /// The block's name, for named blocks (`dimension: id { }`).
    var blockName: String? {
        if case .block(let block) = value { return block.name }
        return nil
    }
}

/// A LookML block read into parameters: what the compiler works from. Refinements and `extends` are merged with
/// `merged(over:)`.
public struct LookMLBlock: Sendable {
    public var name: String?
    public var nameLocation: SourceRange?
    public var parameters: [LookMLParameter]

    public init(name: String?, nameLocation: SourceRange?, parameters: [LookMLParameter]) {
        self.name = name
        self.nameLocation = nameLocation
        self.parameters = parameters
    }

    /// Reads a syntax block of `file`.
    public init(_ block: BlockValue, name: String? = nil, nameLocation: SourceRange? = nil, in file: ProjectFile) {
        self.name = name
        self.nameLocation = nameLocation
        self.parameters = LookMLBlock.read(block.items, in: file)
    }

    static func read(_ items: [Item], in file: ProjectFile) -> [LookMLParameter] {
        let source = file.source
        func location(_ range: Range<Int>) -> SourceRange { SourceRange(file: file.path, range: range) }
        func unquoted(_ token: Token) -> (String, Range<Int>, Bool) {
            let range = token.textRange
            guard token.kind == .string, range.count >= 1 else { return (source.text(range), range, false) }
            let start = range.lowerBound + 1
            let end = max(start, range.count >= 2 && source.bytes[range.upperBound - 1] == UInt8(ascii: "\"") ? range.upperBound - 1 : range.upperBound)
            return (source.text(start..<end), start..<end, true)
        }
        var parameters: [LookMLParameter] = []
        for item in items {
            guard case .field(let field) = item else { continue }
            let key = source.text(of: field.key)
            let value: LookMLValue
            switch field.value {
            case .literal(let token), .string(let token):
                let (text, range, isString) = unquoted(token)
                value = .scalar(LookMLScalar(text: text, location: location(range), isString: isString))
            case .expression(let body, _):
                value = .scalar(LookMLScalar(text: source.text(of: body), location: location(body.textRange), isString: false))
            case .list(let list):
                let items = list.items.map { item -> LookMLListItem in
                    let (text, range, _) = unquoted(item.value)
                    let pair = item.pair.map { pair -> LookMLScalar in
                        let (pairText, pairRange, isString) = unquoted(pair.value)
                        return LookMLScalar(text: pairText, location: location(pairRange), isString: isString)
                    }
                    return LookMLListItem(text: text, location: location(range), pair: pair)
                }
                value = .list(items, location: location(list.leftBracket.textRange.lowerBound..<list.rightBracket.textRange.upperBound))
            case .block(let block):
                let name = block.name.map(unquoted)
                value = .block(LookMLBlock(block, name: name?.0, nameLocation: name.map { location($0.1) }, in: file))
            case .missing:
                continue
            }
            parameters.append(LookMLParameter(key: key, keyLocation: location(field.key.textRange), value: value))
        }
        return parameters
    }

    // MARK: - Reading

    /// The last scalar value of `key`.
    public func scalar(_ key: String) -> LookMLScalar? {
        for parameter in parameters.reversed() where parameter.key == key {
            if case .scalar(let scalar) = parameter.value { return scalar }
        }
        return nil
    }

    /// The text of the last scalar value of `key`.
    public func string(_ key: String) -> String? { scalar(key)?.value }

    /// The items of the last list value of `key`.
    public func list(_ key: String) -> [LookMLListItem]? {
        for parameter in parameters.reversed() where parameter.key == key {
            if case .list(let items, _) = parameter.value { return items }
        }
        return nil
    }

    /// Every block value of `key`, in order.
    public func blocks(_ key: String) -> [LookMLBlock] {
        parameters.compactMap { parameter in
            guard parameter.key == key, case .block(let block) = parameter.value else { return nil }
            return block
        }
    }

    public func block(_ key: String) -> LookMLBlock? { blocks(key).last }

    /// `yes` / `no` parameters.
    public func flag(_ key: String) -> Bool? { string(key).map { $0 == "yes" } }

    // MARK: - Merging

    /// This block laid over `base`: parameters with the same key (and, for named blocks, the same name) are
    /// replaced — blocks merge recursively, scalars keep what they replaced for `${EXTENDED}` — and new ones are
    /// appended in order.
    public func merged(over base: LookMLBlock) -> LookMLBlock {
        var result = base
        result.name = name ?? base.name
        result.nameLocation = base.nameLocation ?? nameLocation
        var index: [String: Int] = [:]
        for (position, parameter) in result.parameters.enumerated() { index[Self.identity(parameter)] = position }
        for parameter in parameters {
            let identity = Self.identity(parameter)
            guard let position = index[identity] else {
                index[identity] = result.parameters.count
                result.parameters.append(parameter)
                continue
            }
            let old = result.parameters[position]
            switch (old.value, parameter.value) {
            case (.block(let oldBlock), .block(let newBlock)):
                var mergedParameter = parameter
                mergedParameter.value = .block(newBlock.merged(over: oldBlock))
                mergedParameter.keyLocation = old.keyLocation
                result.parameters[position] = mergedParameter
            case (.scalar(let oldScalar), .scalar(var newScalar)):
                newScalar.overridden = [oldScalar]
                result.parameters[position] = LookMLParameter(key: parameter.key, keyLocation: parameter.keyLocation, value: .scalar(newScalar))
            default:
                result.parameters[position] = parameter
            }
        }
        return result
    }

    /// Keys that name blocks which may repeat: each name is its own parameter.
    static let repeatingKeys: Set<String> = [
        "dimension", "dimension_group", "measure", "filter", "parameter", "join", "column", "derived_column", "set",
        "link", "action", "allowed_value", "aggregate_table", "bind_filters", "access_filter", "query", "constant",
    ]

    private static func identity(_ parameter: LookMLParameter) -> String {
        if repeatingKeys.contains(parameter.key) {
            let name = parameter.blockName ?? ""
            // Fields share one namespace per view: a measure refining a dimension of the same name is unusual, but a
            // refinement that repeats `dimension: id` must land on the same field.
            return (FieldKind(rawValue: parameter.key) != nil ? "field" : parameter.key) + ":" + name
        }
        return parameter.key
    }
}

/// The kinds of field a view declares.
public enum FieldKind: String, Sendable, CaseIterable {
    case dimension, dimension_group, measure, filter, parameter
}
