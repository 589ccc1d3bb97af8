/// Splits LookML SQL into plain text and the constructs Looker expands before the SQL is sent: `${…}`, `@{…}`,
/// Liquid `{{ … }}` and `{% … %}`. Looker expands them wherever they appear, inside SQL strings too, so this scan
/// ignores SQL quoting. Ranges are byte offsets into the scanned text.
public enum TemplatePiece: Sendable, Hashable {
    case text(Range<Int>)
    /// `${inner}`: the whole construct and the trimmed inner range.
    case substitution(whole: Range<Int>, inner: Range<Int>)
    case constant(whole: Range<Int>, inner: Range<Int>)
    case liquidOutput(whole: Range<Int>, inner: Range<Int>)
    case liquidTag(whole: Range<Int>, inner: Range<Int>)

    public var range: Range<Int> {
        switch self {
        case .text(let range): return range
        case .substitution(let whole, _), .constant(let whole, _), .liquidOutput(let whole, _), .liquidTag(let whole, _): return whole
        }
    }
}

public enum TemplateScanner {
    public static func pieces(_ text: String) -> [TemplatePiece] { pieces(Array(text.utf8)) }

    public static func pieces(_ bytes: [UInt8]) -> [TemplatePiece] {
        let lexer = SQLLexer(templates: true)
        var pieces: [TemplatePiece] = []
        var textStart = 0
        var index = 0
        while index < bytes.count {
            guard let (kind, end, terminated) = lexer.template(bytes, at: index), terminated else { index += 1; continue }
            if textStart < index { pieces.append(.text(textStart..<index)) }
            let closeLength = kind == .substitution || kind == .constant ? 1 : 2
            let inner = trimmed(bytes, (index + 2)..<(end - closeLength), liquid: kind == .liquidOutput || kind == .liquidTag)
            let whole = index..<end
            switch kind {
            case .substitution: pieces.append(.substitution(whole: whole, inner: inner))
            case .constant: pieces.append(.constant(whole: whole, inner: inner))
            case .liquidOutput: pieces.append(.liquidOutput(whole: whole, inner: inner))
            default: pieces.append(.liquidTag(whole: whole, inner: inner))
            }
            index = end
            textStart = end
        }
        if textStart < bytes.count { pieces.append(.text(textStart..<bytes.count)) }
        return pieces
    }

    /// Trims spaces, and Liquid's whitespace-control dashes (`{%- … -%}`).
    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>, liquid: Bool) -> Range<Int> {
        var lower = range.lowerBound, upper = max(range.lowerBound, range.upperBound)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if liquid, lower < upper, bytes[lower] == UInt8(ascii: "-") { lower += 1 }
        if liquid, upper > lower, bytes[upper - 1] == UInt8(ascii: "-") { upper -= 1 }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
