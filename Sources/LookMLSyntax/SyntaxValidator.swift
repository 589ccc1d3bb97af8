/// Turns missing tokens and unexpected nodes of a parsed document into diagnostics, so that the parser stays
/// free of reporting and one broken block never hides the problems in the rest of the file.
struct SyntaxValidator {
    /// Diagnostics reported per file; the rest are counted in one last diagnostic.
    static let maximumDiagnostics = 200

    let source: SourceFile
    private var diagnostics: [Diagnostic] = []

    init(source: SourceFile) { self.source = source }

    /// The diagnostics of a document. `walkTree` is false when the parser met nothing worth reporting, which
    /// spares clean files the walk; the UTF-8 check always runs.
    func diagnose(_ document: Document, walkTree: Bool = true) -> [Diagnostic] {
        var validator = self
        if let offset = UTF8Validation.firstInvalidOffset(in: source.bytes) {
            // A binary file: one clear error, not thousands of cascading ones.
            validator.report(SyntaxMessages.invalidUTF8, offset..<min(offset + 1, source.bytes.count))
            return validator.diagnostics
        }
        if walkTree { validator.visit(document.items) }
        var sorted = validator.diagnostics.sorted { $0.range.lowerBound < $1.range.lowerBound }
        if sorted.count > Self.maximumDiagnostics {
            let hidden = sorted.count - Self.maximumDiagnostics
            sorted.removeLast(hidden)
            let message = SyntaxMessages.tooManyDiagnostics(hidden: hidden)
            let at = sorted.last?.range ?? 0..<0
            sorted.append(Diagnostic(id: message.0, severity: message.1, message: message.2, range: at))
        }
        return sorted
    }

    private mutating func report(_ message: (MessageID, Severity, String), _ range: Range<Int>, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(id: message.0, severity: message.1, message: message.2, range: range, notes: notes))
    }

    private func line(of token: Token) -> Int { source.location(of: Int(token.textStart)).line }

    private mutating func visit(_ items: [Item]) {
        for item in items {
            switch item {
            case .field(let field): visit(field)
            case .unexpected(let node): visit(node)
            }
        }
    }

    private mutating func visit(_ node: UnexpectedNode) {
        guard let first = node.tokens.first(where: { !$0.isMissing }) else { return }
        switch node.reason {
        case .unmatchedRightBrace:
            report(SyntaxMessages.unmatchedRightBrace, first.textRange)
        case .nestingTooDeep:
            report(SyntaxMessages.nestingTooDeep, first.textRange)
        case .expectedKey:
            if first.kind == .unknown {
                report(SyntaxMessages.invalidCharacters(describeUnknown(first)), first.textRange)
            } else if first.kind == .literal {
                report(SyntaxMessages.expectedColon(key: source.text(of: first)), first.rangeAfterText)
            } else {
                report(SyntaxMessages.expectedKey(found: describe(first)), first.textRange)
            }
        }
        for token in node.tokens.dropFirst() where token.kind == .unknown {
            report(SyntaxMessages.invalidCharacters(describeUnknown(token)), token.textRange)
        }
        for token in node.tokens where token.kind == .string { checkString(token) }
    }

    private mutating func visit(_ field: Field) {
        // The key's text is only needed for messages: build it when something is reported.
        var key: String { source.text(of: field.key) }
        if field.colon.isMissing {
            report(SyntaxMessages.expectedColon(key: key), field.key.rangeAfterText)
        }
        switch field.value {
        case .literal:
            break
        case .string(let token):
            checkString(token)
        case .missing:
            if !field.colon.isMissing {
                report(SyntaxMessages.expectedValue(key: key), field.colon.rangeAfterText)
            }
        case .expression(_, let terminator):
            if terminator.isMissing {
                report(SyntaxMessages.unterminatedExpression(key: key, startLine: line(of: field.key)),
                       Int(terminator.textStart)..<Int(terminator.textStart),
                       notes: [Diagnostic.Note(message: "'\(key)' starts here", range: field.key.textRange)])
            }
        case .block(let block):
            visit(block, key: field.key)
        case .list(let list):
            visit(list, key: field.key)
        }
    }

    private mutating func visit(_ block: BlockValue, key keyToken: Token) {
        var key: String { source.text(of: keyToken) }
        if let name = block.name, name.kind == .string { checkString(name) }
        if let strayColon = block.strayColon { report(SyntaxMessages.strayColon, strayColon.textRange) }
        visit(block.items)
        if block.rightBrace.isMissing, !block.leftBrace.isMissing {
            let title = block.name.map { "\(key): \(source.text(of: $0))" } ?? key
            report(SyntaxMessages.expectedRightBrace(block: title, openLine: line(of: block.leftBrace)),
                   Int(block.rightBrace.textStart)..<Int(block.rightBrace.textStart),
                   notes: [Diagnostic.Note(message: "'\(title)' opens here", range: block.leftBrace.textRange)])
        }
    }

    private mutating func visit(_ list: ListValue, key keyToken: Token) {
        var key: String { source.text(of: keyToken) }
        var previousWasItem = false
        for element in list.elements {
            switch element {
            case .item(let item):
                if previousWasItem { report(SyntaxMessages.expectedComma, item.value.textRange) }
                checkString(item.value)
                if let pair = item.pair {
                    if pair.value.isMissing { report(SyntaxMessages.expectedPairValue, pair.colon.rangeAfterText) }
                    checkString(pair.value)
                }
                previousWasItem = true
            case .comma:
                previousWasItem = false
            case .unexpected(let token):
                if token.kind == .unknown {
                    report(SyntaxMessages.invalidCharacters(describeUnknown(token)), token.textRange)
                } else {
                    report(SyntaxMessages.unexpectedInList(found: describe(token)), token.textRange)
                }
                previousWasItem = false
            }
        }
        if list.rightBracket.isMissing {
            report(SyntaxMessages.expectedRightBracket(key: key, openLine: line(of: list.leftBracket)),
                   Int(list.rightBracket.textStart)..<Int(list.rightBracket.textStart),
                   notes: [Diagnostic.Note(message: "the list opens here", range: list.leftBracket.textRange)])
        }
    }

    /// Reports a string token that lacks its closing quote.
    private mutating func checkString(_ token: Token) {
        guard token.kind == .string, !token.isMissing else { return }
        let bytes = source.bytes
        let start = Int(token.textStart), end = Int(token.textEnd)
        var terminated = false
        if end - start >= 2, bytes[end - 1] == UInt8(ascii: "\"") {
            var backslashes = 0
            var index = end - 2
            while index > start, bytes[index] == UInt8(ascii: "\\") { backslashes += 1; index -= 1 }
            terminated = backslashes % 2 == 0
        }
        if !terminated { report(SyntaxMessages.unterminatedString, start..<start + 1) }
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .literal, .unknown: return "'\(source.text(of: token).prefix(40))'"
        case .string: return "a string"
        case .expression: return "an expression"
        default: return token.kind.displayName
        }
    }

    private func describeUnknown(_ token: Token) -> String {
        let bytes = source.bytes[token.textRange]
        if bytes.contains(0) { return "NUL byte" }
        if bytes.count == 1, bytes.first == UInt8(ascii: ";") { return "';' (expression blocks end with ';;')" }
        let hex = bytes.prefix(4).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return "control character \(hex)"
    }
}

/// A fast check that bytes are valid UTF-8.
enum UTF8Validation {
    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                // ASCII fast path: eight bytes at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let byte = buffer[index]
                if byte < 0x80 { index += 1; continue }
                let length: Int
                let minimum: UInt32
                if byte & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
                else if byte & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
                else if byte & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
                else { return index }
                guard index + length <= count else { return index }
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for offset in 1..<length {
                    let next = buffer[index + offset]
                    guard next & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
            return nil
        }
    }
}
