import LookMLSyntax

/// What the formatter keeps of a token's leading trivia: the comments, and how many line breaks came before
/// each comment and before the token itself. Spaces are dropped; the formatter decides them.
struct TriviaSummary {
    struct Comment {
        var text: String
        /// Line breaks between the previous content and this comment (0: it shares the line).
        var lineBreaksBefore: Int
    }

    var comments: [Comment] = []
    /// Line breaks between the last comment (or the previous token) and the token.
    var lineBreaksBeforeToken = 0

    init(_ range: Range<Int>, in source: SourceFile) {
        let bytes = source.bytes
        var lineBreaks = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            // `\n`, `\r\n` and a lone `\r` each end a line, as they end a comment in the lexer: counting only `\n`
            // made a comment after a lone `\r` look like it shared the previous line (found by the fuzzer).
            let isLoneCarriageReturn = byte == UInt8(ascii: "\r") && (index + 1 >= range.upperBound || bytes[index + 1] != UInt8(ascii: "\n"))
            if byte == UInt8(ascii: "\n") || isLoneCarriageReturn {
                lineBreaks += 1
            } else if byte == UInt8(ascii: "#") {
                let start = index
                while index < range.upperBound, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
                comments.append(Comment(text: TriviaSummary.trimmingTrailingSpace(source.text(start..<index)), lineBreaksBefore: lineBreaks))
                lineBreaks = 0
                continue
            }
            index += 1
        }
        lineBreaksBeforeToken = lineBreaks
    }

    /// The comment in a trailing-trivia range, if any.
    static func trailingComment(_ range: Range<Int>, in source: SourceFile) -> String? {
        guard let start = source.bytes[range].firstIndex(of: UInt8(ascii: "#")) else { return nil }
        var end = range.upperBound
        while end > start, source.bytes[end - 1] == UInt8(ascii: "\r") || source.bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        return trimmingTrailingSpace(source.text(start..<end))
    }

    private static func trimmingTrailingSpace(_ text: String) -> String {
        var scalars = Substring(text)
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
