/// A recursive-descent parser over the grammar documented on `Document`.
///
/// It never throws and never stops early: an absent token becomes a zero-width *missing* token, text it cannot
/// place becomes an `UnexpectedNode`. Diagnostics are derived from those afterwards (`SyntaxValidator`).
/// Vocabulary: `at` looks, `eat` consumes a token already checked, `expect` consumes or synthesises a missing one.
struct Parser {
    /// Blocks and lists nested deeper than this are kept as unexpected text, with a diagnostic.
    static let maximumDepth = 64

    private var lexer: Lexer
    /// Look-ahead: at most three tokens, kept inline (no array traffic on the hot path).
    private var ahead0 = Token.missing(.endOfFile, at: 0)
    private var ahead1 = Token.missing(.endOfFile, at: 0)
    private var ahead2 = Token.missing(.endOfFile, at: 0)
    private var aheadCount = 0
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The items of every open block, innermost last. A block's items move into an array of exactly their count when
    /// it closes, so no array regrows (and is copied) while a file is parsed. Freed by `parseDocument`.
    private var itemStack: UnsafeMutablePointer<Item>
    private var itemStackCapacity = 64
    private var itemStackCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.lexer = Lexer(bytes: bytes)
        itemStack = .allocate(capacity: itemStackCapacity)
    }

    // MARK: Item stack

    private mutating func pushItem(_ item: Item) {
        if itemStackCount == itemStackCapacity {
            let grown = UnsafeMutablePointer<Item>.allocate(capacity: itemStackCapacity * 2)
            grown.moveInitialize(from: itemStack, count: itemStackCount)
            itemStack.deallocate()
            itemStack = grown
            itemStackCapacity *= 2
        }
        (itemStack + itemStackCount).initialize(to: item)
        itemStackCount += 1
    }

    /// Moves the items pushed since `mark` into an array.
    private mutating func popItems(from mark: Int) -> [Item] {
        let count = itemStackCount - mark
        guard count > 0 else { return [] }
        let source = itemStack + mark
        itemStackCount = mark
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: count)
            initialized = count
        }
    }

    // MARK: Token access

    /// The token `offset` places ahead (0...2), lexed in normal context.
    @inline(__always)
    private mutating func peek(_ offset: Int = 0, trailingComment: Bool = true) -> Token {
        while aheadCount <= offset {
            let token = lexer.next(trailingComment: aheadCount == offset ? trailingComment : true)
            switch aheadCount {
            case 0: ahead0 = token
            case 1: ahead1 = token
            default: ahead2 = token
            }
            aheadCount += 1
        }
        switch offset {
        case 0: return ahead0
        case 1: return ahead1
        default: return ahead2
        }
    }

    @inline(__always)
    private mutating func at(_ kind: TokenKind) -> Bool { peek().kind == kind }

    @discardableResult
    private mutating func eat() -> Token {
        let token = peek()
        ahead0 = ahead1
        ahead1 = ahead2
        aheadCount -= 1
        return token
    }

    private mutating func expect(_ kind: TokenKind) -> Token {
        if at(kind) { return eat() }
        sawProblem = true
        return .missing(kind, at: Int(peek().leadingStart))
    }

    /// True when the tree holds a missing token, an unexpected node or a lexer problem: only then does the
    /// diagnostics pass need to walk it.
    var sawProblem: Bool {
        get { parserSawProblem || lexer.sawProblem }
        set { parserSawProblem = newValue }
    }
    private var parserSawProblem = false

    private mutating func isExpressionKey(_ token: Token) -> Bool {
        knownKey(token).isExpressionKey
    }

    /// The number of a literal key token, looked up once: `startsField` and `parseField` both ask for the same key.
    private mutating func knownKey(_ token: Token) -> KnownKey {
        guard token.kind == .literal else { return .unknown }
        if token.textStart != lastKey.start || token.textEnd != lastKey.end {
            lastKey = (token.textStart, token.textEnd, KnownKey.of(bytes, token.textRange))
        }
        return lastKey.key
    }
    private var lastKey: (start: Int32, end: Int32, key: KnownKey) = (-1, -1, .unknown)
    /// The known keys of every field parsed so far.
    private(set) var keysPresent = KnownKeySet()

    // MARK: Productions

    /// document ← item* EOF
    /// Call once: it frees the parser's item stack.
    mutating func parseDocument() -> Document {
        while !at(.endOfFile) {
            let before = peek().textStart
            if at(.rightBrace) {
                sawProblem = true
                pushItem(.unexpected(UnexpectedNode(tokens: [eat()], reason: .unmatchedRightBrace)))
            } else {
                pushItem(parseItem(depth: 0))
            }
            assert(peek().textStart > before || at(.endOfFile), "parser made no progress")
        }
        let items = popItems(from: 0)
        itemStack.deallocate()
        return Document(items: items, endOfFile: eat())
    }

    /// Items up to (not including) a `}` or end of file.
    private mutating func parseItems(depth: Int) -> [Item] {
        let mark = itemStackCount
        while !at(.rightBrace), !at(.endOfFile) {
            let before = peek().textStart
            let item = parseItem(depth: depth)
            pushItem(item)
            assert(peek().textStart > before || at(.endOfFile) || at(.rightBrace), "parser made no progress")
        }
        return popItems(from: mark)
    }

    /// item ← field / unexpected
    private mutating func parseItem(depth: Int) -> Item {
        if at(.literal), startsField() { return .field(parseField(depth: depth)) }
        sawProblem = true
        // Gather everything up to the next plausible key, `}` or end of file; stray blocks go whole.
        var tokens: [Token] = []
        repeat {
            if at(.leftBrace) || at(.leftBracket) {
                tokens.append(contentsOf: skipBalanced())
            } else {
                tokens.append(eat())
            }
        } while !at(.rightBrace) && !at(.endOfFile) && !(at(.literal) && startsField())
        return .unexpected(UnexpectedNode(tokens: tokens, reason: .expectedKey))
    }

    /// True when the literal at the cursor starts a field: `key:`, or `key name {`, `key {`, `key [` with the
    /// colon forgotten.
    private mutating func startsField() -> Bool {
        let key = peek()
        let next = peek(1, trailingComment: !isExpressionKey(key))
        switch next.kind {
        case .colon, .leftBrace, .leftBracket: return true
        case .literal, .string: return peek(2).kind == .leftBrace
        default: return false
        }
    }

    /// field ← KEY ':' value
    private mutating func parseField(depth: Int) -> Field {
        let key = eat()
        let knownKey = knownKey(key)
        if knownKey != .unknown { keysPresent.insert(knownKey) }
        let colon = expect(.colon)
        if knownKey.isExpressionKey, !colon.isMissing {
            precondition(aheadCount == 0, "expression must be lexed before any look-ahead")
            let (body, terminator) = lexer.nextExpression()
            return Field(key: key, colon: colon, value: .expression(body: body, terminator: terminator), knownKey: knownKey)
        }
        return Field(key: key, colon: colon, value: parseValue(depth: depth), knownKey: knownKey)
    }

    /// value ← block / list / STRING / LITERAL
    private mutating func parseValue(depth: Int) -> Value {
        let token = peek()
        switch token.kind {
        case .leftBrace:
            return parseBlock(name: nil, depth: depth)
        case .leftBracket:
            if depth >= Parser.maximumDepth { return .block(tooDeep(name: nil)) }
            return .list(parseList())
        case .literal, .string:
            if peek(1).kind == .leftBrace { return parseBlock(name: eat(), depth: depth) }
            eat()
            return token.kind == .literal ? .literal(token) : .string(token)
        default:
            sawProblem = true
            return .missing(.missing(.literal, at: Int(token.leadingStart)))
        }
    }

    /// block ← name? '{' ':'? item* '}'
    private mutating func parseBlock(name: Token?, depth: Int) -> Value {
        if depth >= Parser.maximumDepth { return .block(tooDeep(name: name)) }
        let leftBrace = eat()
        let strayColon = at(.colon) ? eat() : nil
        if strayColon != nil { sawProblem = true }
        let items = parseItems(depth: depth + 1)
        let rightBrace = expect(.rightBrace)
        return .block(BlockValue(name: name, leftBrace: leftBrace, strayColon: strayColon, items: items, rightBrace: rightBrace))
    }

    /// list ← '[' (',' / listItem)* ']'
    private mutating func parseList() -> ListValue {
        let leftBracket = eat()
        var elements: [ListElement] = []
        loop: while true {
            let token = peek()
            switch token.kind {
            case .rightBracket, .endOfFile, .rightBrace, .leftBrace:
                break loop
            case .comma:
                elements.append(.comma(eat()))
            case .literal, .string:
                if case .item? = elements.last { sawProblem = true }  // two items without a comma
                let value = eat()
                if at(.colon) {
                    let colon = eat()
                    let pairValue: Token
                    if at(.literal) || at(.string) { pairValue = eat() } else {
                        sawProblem = true
                        pairValue = .missing(.literal, at: Int(peek().leadingStart))
                    }
                    elements.append(.item(ListItem(value: value, pair: (colon, pairValue))))
                } else {
                    elements.append(.item(ListItem(value: value, pair: nil)))
                }
            default:
                sawProblem = true
                elements.append(.unexpected(eat()))
            }
        }
        let rightBracket = expect(.rightBracket)
        return ListValue(leftBracket: leftBracket, elements: elements, rightBracket: rightBracket)
    }

    /// A block opened beyond `maximumDepth`: its balanced contents are kept as one unexpected item.
    private mutating func tooDeep(name: Token?) -> BlockValue {
        sawProblem = true
        let opening = peek()
        let tokens = skipBalanced()
        let node = UnexpectedNode(tokens: tokens, reason: .nestingTooDeep)
        return BlockValue(name: name, leftBrace: .missing(.leftBrace, at: Int(opening.leadingStart)), strayColon: nil,
                          items: [.unexpected(node)], rightBrace: .missing(.rightBrace, at: Int(opening.leadingStart)))
    }

    /// Consumes a balanced `{…}` or `[…]` region without recursion, still lexing expression bodies in context.
    private mutating func skipBalanced() -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        repeat {
            let token = peek()
            switch token.kind {
            case .endOfFile: return tokens
            case .leftBrace, .leftBracket: depth += 1
            case .rightBrace, .rightBracket: depth -= 1
            default: break
            }
            if token.kind == .literal, isExpressionKey(token), peek(1, trailingComment: false).kind == .colon {
                tokens.append(eat())
                tokens.append(eat())
                let (body, terminator) = lexer.nextExpression()
                tokens.append(body)
                tokens.append(terminator)
                continue
            }
            tokens.append(eat())
        } while depth > 0
        return tokens
    }
}
