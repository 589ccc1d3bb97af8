/// The kinds of token the LookML lexer produces.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    /// A bare word: a key, a name, or an unquoted value (`yes`, `view.field`, `-view.*`, `+users`).
    case literal
    /// A double-quoted string, quotes included.
    case string
    /// The body of an expression block (`sql: … ;;`), trimmed of surrounding whitespace.
    case expression
    case colon
    case comma
    case leftBrace
    case rightBrace
    case leftBracket
    case rightBracket
    /// `;;`, which closes an expression block.
    case doubleSemicolon
    /// Bytes that cannot start any token (a lone `;`, a control character, invalid UTF-8).
    case unknown
    case endOfFile

    /// How the token kind is named in messages.
    public var displayName: String {
        switch self {
        case .literal: return "name"
        case .string: return "string"
        case .expression: return "expression"
        case .colon: return "':'"
        case .comma: return "','"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .doubleSemicolon: return "';;'"
        case .unknown: return "unexpected text"
        case .endOfFile: return "end of file"
        }
    }
}

/// One token: its kind and the byte ranges of its leading trivia, its text, and its trailing trivia.
///
/// Tokens own all text: concatenating `leadingTrivia + text + trailingTrivia` over every token of a file
/// gives back the file. Ranges are byte offsets into the `SourceFile`; a *missing* token (one the parser
/// expected but did not find) is zero-width.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    /// True when the parser synthesised this token because it was expected but absent.
    public var isMissing: Bool
    public var leadingStart: Int32
    public var textStart: Int32
    public var textEnd: Int32
    public var trailingEnd: Int32

    public init(kind: TokenKind, isMissing: Bool = false, leadingStart: Int, textStart: Int, textEnd: Int, trailingEnd: Int) {
        self.kind = kind
        self.isMissing = isMissing
        self.leadingStart = Int32(truncatingIfNeeded: leadingStart)
        self.textStart = Int32(truncatingIfNeeded: textStart)
        self.textEnd = Int32(truncatingIfNeeded: textEnd)
        self.trailingEnd = Int32(truncatingIfNeeded: trailingEnd)
    }

    /// A zero-width token of `kind` at `offset`, standing for text that should have been there.
    public static func missing(_ kind: TokenKind, at offset: Int) -> Token {
        Token(kind: kind, isMissing: true, leadingStart: offset, textStart: offset, textEnd: offset, trailingEnd: offset)
    }

    public var textRange: Range<Int> { Int(textStart)..<Int(textEnd) }
    public var leadingTriviaRange: Range<Int> { Int(leadingStart)..<Int(textStart) }
    public var trailingTriviaRange: Range<Int> { Int(textEnd)..<Int(trailingEnd) }
    /// The empty range right after the token's text: where a forgotten token belongs.
    public var rangeAfterText: Range<Int> { Int(textEnd)..<Int(textEnd) }
    /// Leading trivia, text and trailing trivia together.
    public var fullRange: Range<Int> { Int(leadingStart)..<Int(trailingEnd) }
}

/// One piece of trivia: text between tokens that carries no meaning to LookML.
public enum TriviaPiece: Hashable, Sendable {
    /// A run of spaces and tabs.
    case whitespace(String)
    /// `\n`, `\r\n` or a lone `\r`, with a count of consecutive identical terminators.
    case newlines(String)
    /// `# …` up to, not including, the end of the line.
    case comment(String)
    /// The UTF-8 byte-order mark at the very start of a file.
    case byteOrderMark

    /// The exact text of the piece.
    public var text: String {
        switch self {
        case .whitespace(let text), .newlines(let text), .comment(let text): return text
        case .byteOrderMark: return "\u{FEFF}"
        }
    }
}

extension SourceFile {
    /// The token's text.
    public func text(of token: Token) -> String { text(token.textRange) }

    /// Splits a trivia byte range into typed pieces.
    public func triviaPieces(_ range: Range<Int>) -> [TriviaPiece] {
        var pieces: [TriviaPiece] = []
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            let start = index
            if index == 0, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                pieces.append(.byteOrderMark)
                index = 3
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
                pieces.append(.whitespace(text(start..<index)))
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                while index < end, bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { index += 1 }
                pieces.append(.newlines(text(start..<index)))
            } else if byte == UInt8(ascii: "#") {
                while index < end, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
                pieces.append(.comment(text(start..<index)))
            } else {
                // Other whitespace the lexer accepts (form feed, vertical tab).
                index += 1
                pieces.append(.whitespace(text(start..<index)))
            }
        }
        return pieces
    }
}
