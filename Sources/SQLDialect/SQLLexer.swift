/// One token of SQL text: its kind and byte range in the text it was read from.
public struct SQLToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case whitespace
        /// `-- …` to the end of the line.
        case lineComment
        /// `/* … */`.
        case blockComment
        /// An identifier or keyword: letters, digits, `_`, `$`.
        case word
        /// `"Name"`.
        case quotedIdentifier
        /// `'text'`, `E'text'`, `$$text$$`.
        case string
        case number
        /// `+`, `::`, `->>`, `||`, `:` and the rest.
        case op
        case leftParen, rightParen, leftBracket, rightBracket, comma, dot, semicolon
        /// LookML `${…}`.
        case substitution
        /// LookML `@{…}`.
        case constant
        /// Liquid `{{ … }}`.
        case liquidOutput
        /// Liquid `{% … %}`.
        case liquidTag
        /// A byte that starts no token.
        case unknown
    }

    public var kind: Kind
    public var range: Range<Int>
    /// False for a string, quoted identifier, comment or template construct whose closing delimiter is missing.
    public var terminated: Bool

    public init(kind: Kind, range: Range<Int>, terminated: Bool = true) {
        self.kind = kind
        self.range = range
        self.terminated = terminated
    }

    /// True for whitespace and comments.
    public var isTrivia: Bool { kind == .whitespace || kind == .lineComment || kind == .blockComment }
}

/// Splits SQL into tokens, keeping byte offsets. With `templates`, LookML's `${…}`, `@{…}` and Liquid
/// `{{ … }}` / `{% … %}` are single tokens, also inside strings and quoted identifiers, because Looker expands
/// them before the SQL is read.
public struct SQLLexer: Sendable {
    public var templates: Bool
    /// `\'` escapes a quote in a string (Snowflake).
    public var backslashEscapes: Bool

    public init(templates: Bool = true, backslashEscapes: Bool = false) {
        self.templates = templates
        self.backslashEscapes = backslashEscapes
    }

    public init(profile: DialectProfile, templates: Bool = true) {
        self.init(templates: templates, backslashEscapes: profile.backslashEscapesInStrings)
    }

    /// Operators, longest first within each leading byte.
    static let operators: [[UInt8]] = [
        "->>", "#>>", "!~*", "::", "->", "#>", "||", "<=", ">=", "<>", "!=", "=>", "@>", "<@", "!~", "~*",
        ":", "+", "-", "*", "/", "%", "=", "<", ">", "^", "&", "|", "?", "#", "!", "@", "~",
    ].map { Array($0.utf8) }

    public func tokenize(_ text: String) -> [SQLToken] { tokenize(Array(text.utf8)) }

    public func tokenize(_ bytes: [UInt8]) -> [SQLToken] {
        var tokens: [SQLToken] = []
        var index = 0
        let end = bytes.count
        func at(_ offset: Int) -> UInt8 { offset < end ? bytes[offset] : 0 }

        while index < end {
            let start = index
            let byte = bytes[index]
            if templates, let (kind, close, terminated) = template(bytes, at: index) {
                tokens.append(SQLToken(kind: kind, range: start..<close, terminated: terminated))
                index = close
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                while index < end, Self.isSpace(bytes[index]) { index += 1 }
                tokens.append(SQLToken(kind: .whitespace, range: start..<index))
            case UInt8(ascii: "-") where at(index + 1) == UInt8(ascii: "-"):
                while index < end, bytes[index] != 0x0A { index += 1 }
                tokens.append(SQLToken(kind: .lineComment, range: start..<index))
            case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "*"):
                index += 2
                var terminated = false
                while index < end {
                    if bytes[index] == UInt8(ascii: "*"), at(index + 1) == UInt8(ascii: "/") { index += 2; terminated = true; break }
                    index += 1
                }
                tokens.append(SQLToken(kind: .blockComment, range: start..<index, terminated: terminated))
            case UInt8(ascii: "'"):
                let (close, terminated) = quoted(bytes, from: index, quote: byte, backslash: backslashEscapes)
                tokens.append(SQLToken(kind: .string, range: start..<close, terminated: terminated))
                index = close
            case UInt8(ascii: "E") where at(index + 1) == UInt8(ascii: "'"), UInt8(ascii: "e") where at(index + 1) == UInt8(ascii: "'"):
                let (close, terminated) = quoted(bytes, from: index + 1, quote: UInt8(ascii: "'"), backslash: true)
                tokens.append(SQLToken(kind: .string, range: start..<close, terminated: terminated))
                index = close
            case UInt8(ascii: "\""):
                let (close, terminated) = quoted(bytes, from: index, quote: byte, backslash: false)
                tokens.append(SQLToken(kind: .quotedIdentifier, range: start..<close, terminated: terminated))
                index = close
            case UInt8(ascii: "$") where at(index + 1) == UInt8(ascii: "$") || Self.isWordStart(at(index + 1)) && dollarTagEnd(bytes, from: index) != nil:
                // Dollar-quoted string: $$…$$ or $tag$…$tag$.
                let tagEnd = at(index + 1) == UInt8(ascii: "$") ? index + 2 : dollarTagEnd(bytes, from: index)!
                let tag = Array(bytes[index..<tagEnd])
                var cursor = tagEnd
                var terminated = false
                while cursor < end {
                    if bytes[cursor] == UInt8(ascii: "$"), cursor + tag.count <= end, Array(bytes[cursor..<cursor + tag.count]) == tag {
                        cursor += tag.count
                        terminated = true
                        break
                    }
                    cursor += 1
                }
                tokens.append(SQLToken(kind: .string, range: start..<cursor, terminated: terminated))
                index = cursor
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                index = numberEnd(bytes, from: index)
                tokens.append(SQLToken(kind: .number, range: start..<index))
            case UInt8(ascii: ".") where Self.isDigit(at(index + 1)) && !(tokens.last.map { $0.kind == .word || $0.kind == .quotedIdentifier || $0.kind == .rightParen } ?? false):
                index = numberEnd(bytes, from: index)
                tokens.append(SQLToken(kind: .number, range: start..<index))
            case UInt8(ascii: "("): index += 1; tokens.append(SQLToken(kind: .leftParen, range: start..<index))
            case UInt8(ascii: ")"): index += 1; tokens.append(SQLToken(kind: .rightParen, range: start..<index))
            case UInt8(ascii: "["): index += 1; tokens.append(SQLToken(kind: .leftBracket, range: start..<index))
            case UInt8(ascii: "]"): index += 1; tokens.append(SQLToken(kind: .rightBracket, range: start..<index))
            case UInt8(ascii: ","): index += 1; tokens.append(SQLToken(kind: .comma, range: start..<index))
            case UInt8(ascii: "."): index += 1; tokens.append(SQLToken(kind: .dot, range: start..<index))
            case UInt8(ascii: ";"): index += 1; tokens.append(SQLToken(kind: .semicolon, range: start..<index))
            default:
                if Self.isWordStart(byte) || byte == UInt8(ascii: "$") {
                    index += 1
                    while index < end, Self.isWordByte(bytes[index]) { index += 1 }
                    tokens.append(SQLToken(kind: .word, range: start..<index))
                } else if let op = Self.operators.first(where: { matches(bytes, at: index, $0) }) {
                    index += op.count
                    tokens.append(SQLToken(kind: .op, range: start..<index))
                } else {
                    index += 1
                    tokens.append(SQLToken(kind: .unknown, range: start..<index))
                }
            }
        }
        return tokens
    }

    // MARK: - Pieces

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
    }
    static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$") }

    private func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The end of `$tag$` starting at `index`, when it is one.
    private func dollarTagEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        var cursor = index + 1
        while cursor < bytes.count, Self.isWordStart(bytes[cursor]) || Self.isDigit(bytes[cursor]) { cursor += 1 }
        return cursor < bytes.count && bytes[cursor] == UInt8(ascii: "$") && cursor > index + 1 ? cursor + 1 : nil
    }

    private func numberEnd(_ bytes: [UInt8], from index: Int) -> Int {
        var cursor = index
        while cursor < bytes.count, Self.isDigit(bytes[cursor]) { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "."), !(cursor + 1 < bytes.count && bytes[cursor + 1] == UInt8(ascii: ".")) {
            cursor += 1
            while cursor < bytes.count, Self.isDigit(bytes[cursor]) { cursor += 1 }
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "e") || bytes[cursor] == UInt8(ascii: "E") {
            var exponent = cursor + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") { exponent += 1 }
            if exponent < bytes.count, Self.isDigit(bytes[exponent]) {
                cursor = exponent
                while cursor < bytes.count, Self.isDigit(bytes[cursor]) { cursor += 1 }
            }
        }
        return cursor
    }

    /// The end of a quoted string or identifier that starts at `index`; doubled quotes (and, for strings in some
    /// dialects, backslashes) escape. Template constructs inside are skipped whole.
    private func quoted(_ bytes: [UInt8], from index: Int, quote: UInt8, backslash: Bool) -> (Int, Bool) {
        var cursor = index + 1
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if templates, let (_, close, terminated) = template(bytes, at: cursor), terminated {
                cursor = close
                continue
            }
            if backslash, byte == UInt8(ascii: "\\") { cursor += 2; continue }
            if byte == quote {
                if cursor + 1 < bytes.count, bytes[cursor + 1] == quote { cursor += 2; continue }
                return (cursor + 1, true)
            }
            cursor += 1
        }
        return (bytes.count, false)
    }

    /// A template construct starting at `index`: its kind, end, and whether it is closed.
    func template(_ bytes: [UInt8], at index: Int) -> (SQLToken.Kind, Int, Bool)? {
        guard index + 1 < bytes.count else { return nil }
        let first = bytes[index], second = bytes[index + 1]
        let kind: SQLToken.Kind
        let closing: [UInt8]
        switch (first, second) {
        case (UInt8(ascii: "$"), UInt8(ascii: "{")): kind = .substitution; closing = [UInt8(ascii: "}")]
        case (UInt8(ascii: "@"), UInt8(ascii: "{")): kind = .constant; closing = [UInt8(ascii: "}")]
        case (UInt8(ascii: "{"), UInt8(ascii: "{")): kind = .liquidOutput; closing = [UInt8(ascii: "}"), UInt8(ascii: "}")]
        case (UInt8(ascii: "{"), UInt8(ascii: "%")): kind = .liquidTag; closing = [UInt8(ascii: "%"), UInt8(ascii: "}")]
        default: return nil
        }
        var cursor = index + 2
        while cursor < bytes.count {
            if matches(bytes, at: cursor, closing) { return (kind, cursor + closing.count, true) }
            // A substitution never spans lines; a runaway one stops at the line's end.
            if kind == .substitution || kind == .constant, bytes[cursor] == 0x0A { return (kind, cursor, false) }
            cursor += 1
        }
        return (kind, bytes.count, false)
    }
}
