import LookMLSyntax

/// Walks a tree and writes each token with the spacing the canonical layout wants before it, carrying the
/// comments of the trivia along.
struct FormatWriter {
    /// What goes between the previous token and the next one.
    enum Spacing {
        case none
        case space
        /// A line break; `blankLine` says whether a blank line goes (or may stay) before the token.
        case lineBreak(blankLine: BlankLine)
    }

    enum BlankLine {
        case never
        case preserved
        case always
    }

    let source: SourceFile
    let options: FormatOptions
    private let lineBreak: [UInt8]
    private(set) var output: [UInt8] = []
    private var level = 0
    /// A comment ended the current line: the next token must start a new one.
    private var lineEndsInComment = false
    /// Bytes written since the last line break (for list width).
    private var column = 0

    init(source: SourceFile, options: FormatOptions) {
        self.source = source
        self.options = options
        self.lineBreak = FormatWriter.detectLineBreak(source.bytes)
        output.reserveCapacity(source.bytes.count + source.bytes.count / 8)
        if source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    private static func detectLineBreak(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return [0x0A] }
        return first > 0 && bytes[first - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    // MARK: Structure

    mutating func writeDocument(_ document: Document) {
        var previousWasBlock = false
        for (index, item) in document.items.enumerated() {
            let isBlock = item.isBlock
            let blank: BlankLine = index == 0 ? .never : ((isBlock || previousWasBlock) ? .always : .preserved)
            writeItem(item, spacing: index == 0 ? .lineBreak(blankLine: .never) : .lineBreak(blankLine: blank))
            previousWasBlock = isBlock
        }
        // Comments after the last item, then exactly one final line break.
        let summary = TriviaSummary(document.endOfFile.leadingTriviaRange, in: source)
        writeComments(summary.comments, blankLine: output.isEmpty ? .never : .preserved)
        if !output.isEmpty, !(output.count == 3 && output.starts(with: [0xEF, 0xBB, 0xBF])) {
            output.append(contentsOf: lineBreak)
        }
    }

    private mutating func writeItem(_ item: Item, spacing: Spacing) {
        switch item {
        case .field(let field):
            write(field.key, spacing)
            write(field.colon, .none)
            writeValue(field.value)
        case .unexpected(let node):
            // Only reached for files with warnings alone; keep the text as it was.
            for (index, token) in node.tokens.enumerated() { write(token, index == 0 ? spacing : .space) }
        }
    }

    private mutating func writeValue(_ value: Value) {
        switch value {
        case .literal(let token), .string(let token), .missing(let token):
            write(token, .space)
        case .expression(let body, let terminator):
            writeExpression(body: body, terminator: terminator)
        case .list(let list):
            writeList(list)
        case .block(let block):
            writeBlock(block)
        }
    }

    private mutating func writeBlock(_ block: BlockValue) {
        if let name = block.name { write(name, .space) }
        write(block.leftBrace, .space)
        if let strayColon = block.strayColon { write(strayColon, .none) }
        level += 1
        for (index, item) in block.items.enumerated() {
            writeItem(item, spacing: .lineBreak(blankLine: index == 0 ? .never : .preserved))
        }
        let closing = TriviaSummary(block.rightBrace.leadingTriviaRange, in: source)
        let isEmpty = block.items.isEmpty && closing.comments.isEmpty && !lineEndsInComment
        writeComments(closing.comments, blankLine: block.items.isEmpty ? .never : .preserved)
        level -= 1
        writeTokenText(block.rightBrace, isEmpty ? .none : .lineBreak(blankLine: .never))
    }

    private mutating func writeList(_ list: ListValue) {
        let oneLine = !containsComment(list) && column + 2 + oneLineWidth(list) <= options.maximumLineWidth
        write(list.leftBracket, .space)
        level += 1
        var previousWasItem = false
        for (index, element) in list.elements.enumerated() {
            switch element {
            case .item(let item):
                let spacing: Spacing = oneLine ? (index == 0 ? .none : .space) : .lineBreak(blankLine: .never)
                write(item.value, spacing)
                if let pair = item.pair {
                    write(pair.colon, .none)
                    write(pair.value, .space)
                }
                previousWasItem = true
            case .comma(let token), .unexpected(let token):
                let spacing: Spacing = previousWasItem ? .none : (oneLine ? (index == 0 ? .none : .space) : .lineBreak(blankLine: .never))
                write(token, spacing)
                previousWasItem = false
            }
        }
        level -= 1
        let closing = TriviaSummary(list.rightBracket.leadingTriviaRange, in: source)
        level += 1
        writeComments(closing.comments, blankLine: .never)
        level -= 1
        writeTokenText(list.rightBracket, oneLine ? .none : .lineBreak(blankLine: .never))
    }

    private mutating func writeExpression(body: Token, terminator: Token) {
        let leading = source.bytes[body.leadingTriviaRange]
        let bodyIsEmpty = body.textRange.isEmpty
        if bodyIsEmpty {
            space()
        } else if leading.contains(UInt8(ascii: "\n")) {
            // A body that starts on its own line keeps its own layout.
            output.append(contentsOf: leading)
            column = leading.count - (leading.lastIndex(of: UInt8(ascii: "\n")).map { $0 - leading.startIndex + 1 } ?? 0)
        } else {
            space()
        }
        appendText(body)
        let trailing = source.bytes[body.trailingTriviaRange]
        if !bodyIsEmpty {
            if trailing.contains(UInt8(ascii: "\n")) {
                output.append(contentsOf: trailing)
                column = trailing.count - (trailing.lastIndex(of: UInt8(ascii: "\n")).map { $0 - trailing.startIndex + 1 } ?? 0)
            } else {
                space()
            }
        }
        appendText(terminator)
        writeTrailingComment(terminator)
    }

    // MARK: Tokens

    /// Writes a token's leading comments, the spacing, its text and its trailing comment.
    private mutating func write(_ token: Token, _ spacing: Spacing) {
        let summary = TriviaSummary(token.leadingTriviaRange, in: source)
        var spacing = spacing
        if !summary.comments.isEmpty {
            var blank = BlankLine.never
            if case .lineBreak(let requested) = spacing { blank = requested }
            writeComments(summary.comments, blankLine: blank)
            // The blank line, if any, went before the comments; one stays between comment and token only when
            // the source had one.
            spacing = .lineBreak(blankLine: .preserved)
        }
        writeTokenText(token, spacing, lineBreaksBefore: summary.lineBreaksBeforeToken)
    }

    private mutating func writeTokenText(_ token: Token, _ spacing: Spacing, lineBreaksBefore: Int? = nil) {
        var spacing = spacing
        if lineEndsInComment {
            if case .lineBreak = spacing {} else { spacing = .lineBreak(blankLine: .never) }
        }
        switch spacing {
        case .none: break
        case .space: space()
        case .lineBreak(let blank):
            let breaks = lineBreaksBefore ?? TriviaSummary(token.leadingTriviaRange, in: source).lineBreaksBeforeToken
            newLine(blank: blank == .always || (blank == .preserved && breaks >= 2))
        }
        appendText(token)
        writeTrailingComment(token)
    }

    private mutating func writeTrailingComment(_ token: Token) {
        guard let comment = TriviaSummary.trailingComment(token.trailingTriviaRange, in: source) else { return }
        if !atLineStart { space() }
        append(comment)
        lineEndsInComment = true
    }

    /// Writes comments that stand on their own lines (or, with no line break before them, end the current line).
    private mutating func writeComments(_ comments: [TriviaSummary.Comment], blankLine: BlankLine) {
        for (index, comment) in comments.enumerated() {
            if comment.lineBreaksBefore == 0, !atLineStart, !lineEndsInComment {
                space()
            } else {
                let wantsBlank: Bool
                if index == 0 {
                    wantsBlank = blankLine == .always || (blankLine == .preserved && comment.lineBreaksBefore >= 2)
                } else {
                    wantsBlank = comment.lineBreaksBefore >= 2
                }
                newLine(blank: wantsBlank)
            }
            append(comment.text)
            lineEndsInComment = true
        }
    }

    // MARK: Output

    private var atLineStart: Bool { isStartOfFile || output.last == UInt8(ascii: "\n") }

    private mutating func newLine(blank: Bool) {
        lineEndsInComment = false
        if !isStartOfFile {
            if !atLineStart { output.append(contentsOf: lineBreak) }
            if blank { output.append(contentsOf: lineBreak) }
        }
        let indent = level * options.indentWidth
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        column = indent
    }

    private var isStartOfFile: Bool { output.isEmpty || (output.count == 3 && output.starts(with: [0xEF, 0xBB, 0xBF])) }

    private mutating func space() {
        guard !atLineStart else { return }
        output.append(UInt8(ascii: " "))
        column += 1
    }

    private mutating func appendText(_ token: Token) {
        let text = source.bytes[token.textRange]
        output.append(contentsOf: text)
        if let lastBreak = text.lastIndex(of: UInt8(ascii: "\n")) {
            column = text.endIndex - lastBreak - 1
        } else {
            column += text.count
        }
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
        column += text.utf8.count
    }

    // MARK: Lists

    private func containsComment(_ list: ListValue) -> Bool {
        var found = false
        var first = true
        list.forEachToken { token in
            if found { return }
            let leading = first ? token.textRange.lowerBound..<token.textRange.lowerBound : token.leadingTriviaRange
            first = false
            if source.bytes[leading].contains(UInt8(ascii: "#")) { found = true }
            if token.kind != .rightBracket, source.bytes[token.trailingTriviaRange].contains(UInt8(ascii: "#")) { found = true }
            if token.kind == .string, source.bytes[token.textRange].contains(UInt8(ascii: "\n")) { found = true }
        }
        return found
    }

    /// The width of `[a, b: "c"]` written on one line.
    private func oneLineWidth(_ list: ListValue) -> Int {
        var width = 2
        for element in list.elements {
            switch element {
            case .item(let item):
                width += item.value.textRange.count + 2
                if let pair = item.pair { width += pair.value.textRange.count + 2 }
            case .comma(let token), .unexpected(let token):
                width += token.textRange.count
            }
        }
        return width
    }
}

extension Item {
    var isBlock: Bool {
        if case .field(let field) = self, case .block = field.value { return true }
        return false
    }
}
