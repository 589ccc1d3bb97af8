/// Splits LookML bytes into tokens on demand. The parser drives it: it asks for a normal token with `next`,
/// or, right after `sql:` and the other expression keys, for an expression body with `nextExpression`.
///
/// Every byte ends up in exactly one token's leading trivia, text or trailing trivia.
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.position = 0
    }

    // MARK: Byte classes

    @inline(__always) static func isHorizontalSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// Byte classes, as bits of `byteClasses`.
    private static let endsLiteralBit: UInt8 = 1, semicolonBit: UInt8 = 2, whitespaceBit: UInt8 = 4

    /// Per byte value, its classes: `endsLiteralBit` for bytes that end a bare literal (whitespace, `:{}[],"`,
    /// control characters), `semicolonBit` for `;` (a literal ends at `;;` only), `whitespaceBit` for whitespace. A
    /// table in memory that lives as long as the process: the lexer reads it for every byte of every name and every
    /// indentation, and a load beats any chain of tests.
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var classes: UInt8 = 0
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: ","), UInt8(ascii: "\""): classes = endsLiteralBit
            case UInt8(ascii: ";"): classes = semicolonBit
            default: if byte < 0x21 || byte == 0x7F { classes = endsLiteralBit }
            }
            if isWhitespace(byte) { classes |= whitespaceBit }
            table[value] = classes
        }
        return UnsafePointer(table)
    }()

    /// `byteClasses`, kept in the lexer itself, so the hot loops read no global.
    private let byteClass = Lexer.byteClasses

    @inline(__always) func endsLiteral(_ byte: UInt8) -> Bool { byteClass[Int(byte)] & Lexer.endsLiteralBit != 0 }

    /// True once the lexer has produced something a diagnostic must be written about (an unterminated string
    /// or expression, a control character); a clean file skips the diagnostics pass entirely.
    private(set) var sawProblem = false

    // MARK: Tokens

    /// Lexes the next token in normal context. When `trailingComment` is false, a `#` after the token on the
    /// same line is left for the next token (used for the `:` after an expression key, where `#` is SQL).
    mutating func next(trailingComment: Bool = true) -> Token {
        let leadingStart = position
        skipLeadingTrivia()
        let textStart = position
        let kind = lexTokenText()
        let textEnd = position
        skipTrailingTrivia(comment: trailingComment)
        return Token(kind: kind, leadingStart: leadingStart, textStart: textStart, textEnd: textEnd, trailingEnd: position)
    }

    /// Lexes an expression body and its `;;`. The body token's text is trimmed of surrounding whitespace,
    /// which becomes its trivia. The body runs to the first `;;`, as in Looker. Only when a line that plainly
    /// starts new LookML (`dimension: x {`, `sql:`) comes first is the body unterminated: then it stops before
    /// the first line holding only `}` (or before that LookML line), the terminator is a missing token, and the
    /// parser carries on from there, so one forgotten `;;` does not hide the rest of the file.
    mutating func nextExpression() -> (body: Token, terminator: Token) {
        let leadingStart = position
        let count = bytes.count
        var index = position
        var terminatorStart = -1
        var runawayLineStart = -1
        // The first line holding only `}`: where a runaway body most likely should have ended.
        var loneBraceLineStart = -1
        while index < count {
            // Most of a body is plain SQL: jump to the next `;` or line break.
            index = ByteSearch.firstIndex(in: bytes, index..<count, ofAny: UInt8(ascii: ";"), 0x0A, UInt8(ascii: ";"), 0x0A)
            guard index < count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") {
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: ";") { terminatorStart = index; break }
            } else if byte == 0x0A, index + 1 < count {
                if startsNewLookML(at: index + 1) {
                    runawayLineStart = loneBraceLineStart >= 0 ? loneBraceLineStart : index
                    break
                }
                if loneBraceLineStart < 0, isLoneRightBrace(lineStart: index + 1) { loneBraceLineStart = index }
            }
            index += 1
        }
        // Without `;;` before the end of the file, the body ends before its first lone `}` line, if any.
        if terminatorStart < 0, runawayLineStart < 0, loneBraceLineStart >= 0 { runawayLineStart = loneBraceLineStart }
        let bodyEnd = terminatorStart >= 0 ? terminatorStart : (runawayLineStart >= 0 ? runawayLineStart : count)
        var textStart = leadingStart
        while textStart < bodyEnd, Lexer.isWhitespace(bytes[textStart]) { textStart += 1 }
        var textEnd = bodyEnd
        while textEnd > textStart, Lexer.isWhitespace(bytes[textEnd - 1]) { textEnd -= 1 }
        if terminatorStart >= 0 {
            let body = Token(kind: .expression, leadingStart: leadingStart, textStart: textStart, textEnd: textEnd, trailingEnd: terminatorStart)
            position = terminatorStart + 2
            skipTrailingTrivia(comment: true)
            let terminator = Token(kind: .doubleSemicolon, leadingStart: terminatorStart, textStart: terminatorStart,
                                   textEnd: terminatorStart + 2, trailingEnd: position)
            return (body, terminator)
        }
        sawProblem = true
        // Unterminated: keep the whitespace after the body on its line as trailing trivia; the line break
        // belongs to whatever comes next.
        var trailingEnd = textEnd
        while trailingEnd < bodyEnd, Lexer.isHorizontalSpace(bytes[trailingEnd]) { trailingEnd += 1 }
        if bodyEnd == count { trailingEnd = count }
        position = trailingEnd
        let body = Token(kind: .expression, leadingStart: leadingStart, textStart: textStart, textEnd: textEnd, trailingEnd: trailingEnd)
        return (body, .missing(.doubleSemicolon, at: trailingEnd))
    }

    // MARK: Pieces

    private mutating func skipLeadingTrivia() {
        let count = bytes.count
        if position == 0, count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        while position < count {
            let byte = bytes[position]
            if byteClass[Int(byte)] & Lexer.whitespaceBit != 0 {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipTrailingTrivia(comment: Bool) {
        let count = bytes.count
        while position < count, Lexer.isHorizontalSpace(bytes[position]) { position += 1 }
        if comment, position < count, bytes[position] == UInt8(ascii: "#") { skipComment() }
    }

    private mutating func skipComment() {
        let count = bytes.count
        while position < count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
    }

    private mutating func lexTokenText() -> TokenKind {
        let count = bytes.count
        guard position < count else { return .endOfFile }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): position += 1; return .leftBrace
        case UInt8(ascii: "}"): position += 1; return .rightBrace
        case UInt8(ascii: "["): position += 1; return .leftBracket
        case UInt8(ascii: "]"): position += 1; return .rightBracket
        case UInt8(ascii: ","): position += 1; return .comma
        case UInt8(ascii: ":"): position += 1; return .colon
        case UInt8(ascii: "\""): lexString(); return .string
        case UInt8(ascii: ";"):
            if position + 1 < count, bytes[position + 1] == UInt8(ascii: ";") { position += 2; return .doubleSemicolon }
            position += 1
            sawProblem = true
            return .unknown
        default:
            if byte < 0x20 || byte == 0x7F {
                sawProblem = true
                // Control characters (NUL included) are never LookML; keep a run of them as one token.
                while position < count, bytes[position] < 0x20 || bytes[position] == 0x7F, !Lexer.isWhitespace(bytes[position]) {
                    position += 1
                }
                return .unknown
            }
            while position < count {
                let classes = byteClass[Int(bytes[position])]
                if classes & (Lexer.endsLiteralBit | Lexer.semicolonBit) != 0 {
                    if classes & Lexer.endsLiteralBit != 0 { break }
                    if position + 1 < count, bytes[position + 1] == UInt8(ascii: ";") { break }
                }
                position += 1
            }
            return .literal
        }
    }

    /// A string runs to the next unescaped `"`. An unterminated string stops at the end of its first line so
    /// that it does not swallow the rest of the file.
    private mutating func lexString() {
        let count = bytes.count
        let start = position
        position += 1
        while position < count {
            // Skip to the next quote or backslash, sixteen bytes at a time.
            position = ByteSearch.firstIndex(in: bytes, position..<count, ofAny: UInt8(ascii: "\""), UInt8(ascii: "\\"),
                                             UInt8(ascii: "\""), UInt8(ascii: "\\"))
            guard position < count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { position += 1; return }
            if position + 1 < count { position += 2; continue }
            position += 1
        }
        sawProblem = true
        var end = start + 1
        while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        position = end
    }

    /// True when the line starting at `lineStart` holds only `}` and whitespace.
    private func isLoneRightBrace(lineStart: Int) -> Bool {
        var index = lineStart
        let count = bytes.count
        while index < count, Lexer.isHorizontalSpace(bytes[index]) { index += 1 }
        guard index < count, bytes[index] == UInt8(ascii: "}") else { return false }
        index += 1
        while index < count, Lexer.isHorizontalSpace(bytes[index]) || bytes[index] == 0x0D { index += 1 }
        return index == count || bytes[index] == 0x0A
    }

    /// True when the line starting at `lineStart` begins (after indentation) with an expression key and `:`,
    /// or with `dimension:`/`measure:`/… `name {`: text that cannot be SQL, so a runaway expression ends before it.
    private func startsNewLookML(at lineStart: Int) -> Bool {
        let count = bytes.count
        var index = lineStart
        while index < count, Lexer.isHorizontalSpace(bytes[index]) { index += 1 }
        let keyStart = index
        while index < count {
            let byte = bytes[index]
            let isKeyByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            if !isKeyByte { break }
            index += 1
        }
        guard index > keyStart, index < count, bytes[index] == UInt8(ascii: ":") else { return false }
        if index + 1 < count, bytes[index + 1] == UInt8(ascii: ":") { return false }  // a `::` cast
        let keyRange = keyStart..<index
        if KeyCatalog.isExpressionKey(bytes, keyRange) { return true }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyRange]), as: UTF8.self)
        guard KeyCatalog.structuralKeys.contains(key) else { return false }
        // `dimension: name {` on one line.
        index += 1
        while index < count, Lexer.isHorizontalSpace(bytes[index]) { index += 1 }
        let nameStart = index
        while index < count, !endsLiteral(bytes[index]) { index += 1 }
        guard index > nameStart else { return false }
        while index < count, Lexer.isHorizontalSpace(bytes[index]) { index += 1 }
        return index < count && bytes[index] == UInt8(ascii: "{")
    }
}
