/// The concrete syntax tree. Nodes hold tokens; tokens hold every byte, so walking a node's tokens in order
/// and printing their full text reproduces the source exactly.
///
/// Grammar (PEG; one parser method per rule):
/// ```
/// document     ← item* EOF
/// item         ← field / unexpected
/// field        ← KEY ':' value
/// value        ← EXPRESSION ';;'                 (when KEY takes an expression block)
///              / name? '{' ':'? item* '}'        (a block; Looker tolerates the stray ':')
///              / '[' listElement* ']'
///              / STRING / LITERAL
/// listElement  ← ',' / listItem
/// listItem     ← (LITERAL / STRING) (':' (STRING / LITERAL))?
/// name         ← LITERAL / STRING
/// ```
public struct Document: Sendable {
    public var items: [Item]
    public var endOfFile: Token
}

/// One entry of a block or of the document.
public enum Item: Sendable {
    case field(Field)
    case unexpected(UnexpectedNode)
}

/// Tokens the parser could not place, kept so that nothing is lost, with the reason.
public struct UnexpectedNode: Sendable {
    public enum Reason: Sendable {
        /// Text where a `key:` should start.
        case expectedKey
        /// A `}` with no block open.
        case unmatchedRightBrace
        /// A block or list nested deeper than the parser descends.
        case nestingTooDeep
    }

    public var tokens: [Token]
    public var reason: Reason
}

extension Item {
    /// A field item's key number; nil for unexpected items. Read in place: walks over every member of every block ask
    /// this first and bind the whole field (a copy, with its block or list retained) only for the keys they want.
    @inlinable
    public var fieldKnownKey: KnownKey? {
        if case .field(let field) = self { return field.knownKey }
        return nil
    }

    /// A field item's value when it is a literal, a string or an expression (the expression's body), read in place;
    /// nil for lists, blocks, missing values and unexpected items.
    @inlinable
    public var scalarValueToken: Token? {
        guard case .field(let field) = self else { return nil }
        return field.scalarValueToken
    }
}

extension Field {
    /// The value's token when it is a literal or a string, the body when it is an expression; nil for lists,
    /// blocks and missing values.
    @inlinable
    public var scalarValueToken: Token? {
        switch value {
        case .literal(let token), .string(let token): return token
        case .expression(let body, _): return body
        case .list, .block, .missing: return nil
        }
    }
}

/// `key: value` — the one shape of every LookML statement.
public struct Field: Sendable {
    public var key: Token
    public var colon: Token
    public var value: Value
    /// The key's number when it is one of `KnownKey.names` (looked up once, by the parser), else `.unknown`.
    public var knownKey: KnownKey = .unknown
}

/// What follows `key:`.
public enum Value: Sendable {
    /// A bare word: `yes`, `left_outer`, `2`, `view.field`.
    case literal(Token)
    /// A double-quoted string.
    case string(Token)
    /// An expression block: the trimmed body and the `;;` that closes it.
    case expression(body: Token, terminator: Token)
    case list(ListValue)
    /// Boxed: blocks are the largest payload, and keeping them out of line keeps every `Item` small to move.
    indirect case block(BlockValue)
    /// Nothing usable followed the colon; the token is a zero-width placeholder where the value belongs.
    case missing(Token)
}

/// `name { items }` or `{ items }`.
public struct BlockValue: Sendable {
    /// The block's name (`users`, `+users`), absent for anonymous blocks such as `derived_table: {`.
    public var name: Token?
    public var leftBrace: Token
    /// A `:` right after `{`, which Looker tolerates.
    public var strayColon: Token?
    public var items: [Item]
    public var rightBrace: Token
}

/// `[ elements ]`.
public struct ListValue: Sendable {
    public var leftBracket: Token
    public var elements: [ListElement]
    public var rightBracket: Token

    /// The items, without the commas.
    public var items: [ListItem] {
        elements.compactMap { if case .item(let item) = $0 { return item } else { return nil } }
    }
}

/// One element between the brackets of a list: an item, a comma, or a token that does not belong.
public enum ListElement: Sendable {
    case item(ListItem)
    case comma(Token)
    case unexpected(Token)
}

/// A list item: `view.field`, `"string"`, or a pair `view.field: "value"` as in `filters: [...]`.
public struct ListItem: Sendable {
    public var value: Token
    /// For pairs: the `:` and the value after it.
    public var pair: (colon: Token, value: Token)?
}

// MARK: - Counts

extension Document {
    /// The number of fields (`key: value` statements) in the document, nested ones included.
    public var fieldCount: Int { Document.count(items) }

    private static func count(_ items: [Item]) -> Int {
        var total = 0
        for item in items {
            guard case .field(let field) = item else { continue }
            total += 1
            if case .block(let block) = field.value { total += count(block.items) }
            if case .list(let list) = field.value { total += list.elements.reduce(0) { $0 + (isPair($1) ? 1 : 0) } }
        }
        return total
    }

    private static func isPair(_ element: ListElement) -> Bool {
        if case .item(let item) = element { return item.pair != nil }
        return false
    }
}

// MARK: - Token walks

extension Document {
    /// Calls `body` with every token of the document, in source order.
    public func forEachToken(_ body: (Token) -> Void) {
        for item in items { item.forEachToken(body) }
        body(endOfFile)
    }
}

extension Item {
    public func forEachToken(_ body: (Token) -> Void) {
        switch self {
        case .field(let field): field.forEachToken(body)
        case .unexpected(let node): node.tokens.forEach(body)
        }
    }
}

extension Field {
    public func forEachToken(_ body: (Token) -> Void) {
        body(key)
        body(colon)
        value.forEachToken(body)
    }
}

extension Value {
    public func forEachToken(_ body: (Token) -> Void) {
        switch self {
        case .literal(let token), .string(let token), .missing(let token): body(token)
        case .expression(let expressionBody, let terminator): body(expressionBody); body(terminator)
        case .list(let list): list.forEachToken(body)
        case .block(let block): block.forEachToken(body)
        }
    }

    /// The first token of the value.
    public var firstToken: Token {
        switch self {
        case .literal(let token), .string(let token), .missing(let token): return token
        case .expression(let expressionBody, _): return expressionBody
        case .list(let list): return list.leftBracket
        case .block(let block): return block.name ?? block.leftBrace
        }
    }
}

extension BlockValue {
    public func forEachToken(_ body: (Token) -> Void) {
        if let name { body(name) }
        body(leftBrace)
        if let strayColon { body(strayColon) }
        for item in items { item.forEachToken(body) }
        body(rightBrace)
    }
}

extension ListValue {
    public func forEachToken(_ body: (Token) -> Void) {
        body(leftBracket)
        for element in elements {
            switch element {
            case .item(let item):
                body(item.value)
                if let pair = item.pair { body(pair.colon); body(pair.value) }
            case .comma(let token), .unexpected(let token):
                body(token)
            }
        }
        body(rightBracket)
    }
}
