#if canImport(Glibc)
import Glibc
#endif
import LookMLProject
import LookMLSyntax

/// A `# lookml-lint: …` comment that turns rules off for part of a file:
///
/// - `# lookml-lint: disable=LK101,views.primary_key - reason` at the end of a line: that line; on a line of its own:
///   the rest of the enclosing block (the rest of the file at the top level; in YAML, the lines indented at least as
///   deeply);
/// - `# lookml-lint: disable-next-line=LK101 - reason`: the next line that is not blank;
/// - `# lookml-lint: disable-file=LK101 - reason`: the whole file.
///
/// Codes or dotted names, separated by commas, or `all`. The reason after ` - ` is optional.
public struct SuppressionDirective: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case disable
        case disableNextLine = "disable-next-line"
        case disableFile = "disable-file"
    }

    public var kind: Kind
    /// Rule codes, or `all`.
    public var codes: [String]
    public var reason: String?
    public var file: String
    /// The comment.
    public var commentRange: Range<Int>
    /// The bytes whose findings it suppresses (a finding is covered when it starts inside).
    public var coveredRange: Range<Int>

    public func covers(_ finding: LintFinding) -> Bool {
        finding.file == file && coveredRange.contains(finding.range.lowerBound) && (codes.contains("all") || codes.contains(finding.code))
    }
}

/// A comment that starts like a directive but cannot be read.
public struct MalformedSuppression: Hashable, Sendable {
    public var file: String
    public var range: Range<Int>
    public var message: String
}

/// Finds the directives of every file of a project.
public struct SuppressionScanner {
    public let rules: [RuleDescription]

    public init(rules: [RuleDescription]) { self.rules = rules }

    /// A comment: where it is, its text from `#`, and whether code precedes it on its line.
    struct Comment {
        var range: Range<Int>
        var text: String
        var ownLine: Bool
        /// Where the enclosing scope ends (block, YAML indentation, or end of file).
        var scopeEnd: Int
    }

    /// The directives of one file, given its tree (nil for dashboards).
    public func scan(_ file: ProjectFile, tree: SyntaxTree?) -> (directives: [SuppressionDirective], malformed: [MalformedSuppression]) {
        // Most files hold no directive: skip the walk unless the marker's bytes are there.
        guard Self.mentionsMarker(file.source.bytes) else { return ([], []) }
        var directives: [SuppressionDirective] = [], malformed: [MalformedSuppression] = []
        let comments = file.kind == .dashboard ? yamlComments(file.source) : tree.map(lookMLComments) ?? []
        for comment in comments {
            switch parse(comment, in: file.source, path: file.path) {
            case .none: break
            case .directive(let directive)?: directives.append(directive)
            case .malformed(let message)?: malformed.append(MalformedSuppression(file: file.path, range: comment.range, message: message))
            }
        }
        return (directives, malformed)
    }

    /// True when `lookml-lint` (any case) occurs in the bytes.
    static func mentionsMarker(_ bytes: [UInt8]) -> Bool {
        // Every file is searched, so jump from `-` to `-` with memchr and compare around it.
        let marker = Array("lookml-lint".utf8)
        let dash = 6
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= marker.count else { return false }
            var from = dash
            let last = buffer.count - (marker.count - dash)
            while from <= last, let found = memchr(base + from, Int32(UInt8(ascii: "-")), last - from + 1) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let start = position - dash
                if (0..<marker.count).allSatisfy({ buffer[start + $0] | 0x20 == marker[$0] | 0x20 }) { return true }
                from = position + 1
            }
            return false
        }
    }

    enum Parsed {
        case directive(SuppressionDirective)
        case malformed(String)
    }

    /// Reads one comment; nil when it is not meant for the linter.
    func parse(_ comment: Comment, in source: SourceFile, path: String) -> Parsed? {
        var body = Substring(comment.text.dropFirst())  // the `#`
        body = body.drop { $0 == " " || $0 == "\t" }
        guard body.lowercased().hasPrefix("lookml-lint") else { return nil }
        body = body.dropFirst("lookml-lint".count)
        guard body.first == ":" else { return .malformed("expected ':' after 'lookml-lint'") }
        body = body.dropFirst().drop { $0 == " " || $0 == "\t" }
        let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let equals = body.firstIndex(of: "=") else {
            let word = body.prefix { $0 != " " }
            if Kind(rawValue: String(word)) != nil { return .malformed("expected '=' and rule codes after '\(word)'") }
            return .malformed("unknown directive '\(word)'; use \(kinds)")
        }
        let word = body[..<equals].trimmingSpaces
        guard let kind = Kind(rawValue: word) else {
            let suggestion = nearestName(to: word, in: Kind.allCases.map(\.rawValue))
            return .malformed("unknown directive '\(word)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; use \(kinds)"))
        }
        var rest = body[body.index(after: equals)...]
        var reason: String?
        if let dash = rest.firstIndex(of: "-") {
            let text = rest[rest.index(after: dash)...].trimmingSpaces
            guard !text.isEmpty else { return .malformed("expected a reason after '-'") }
            reason = text
            rest = rest[..<dash]
        }
        var codes: [String] = []
        for item in rest.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingSpaces
            guard !name.isEmpty else { return .malformed(codes.isEmpty && rest.trimmingSpaces.isEmpty ? "expected rule codes after '='" : "empty rule code in the list") }
            if name.contains(" ") { return .malformed("expected ',' between rule codes in '\(name)'") }
            if name == "all" { codes.append("all"); continue }
            guard let rule = RuleRegistry.lookup(name, in: rules) else {
                let suggestion = nearestName(to: name, in: rules.map(\.code) + rules.map(\.name))
                return .malformed("unknown rule '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            }
            codes.append(rule.code)
        }
        let covered: Range<Int>
        let bytes = source.bytes
        switch kind {
        case .disableFile:
            covered = 0..<bytes.count + 1
        case .disableNextLine:
            let line = source.location(of: comment.range.lowerBound).line
            var target = line + 1
            let lineCount = source.lineStarts.count
            while target <= lineCount {
                if !source.lineText(target).trimmingSpaces.isEmpty { break }
                target += 1
            }
            covered = lineRange(target, in: source)
        case .disable:
            if comment.ownLine {
                covered = comment.range.upperBound..<max(comment.range.upperBound, comment.scopeEnd)
            } else {
                covered = lineRange(source.location(of: comment.range.lowerBound).line, in: source)
            }
        }
        return .directive(SuppressionDirective(kind: kind, codes: codes, reason: reason, file: path, commentRange: comment.range, coveredRange: covered))
    }

    typealias Kind = SuppressionDirective.Kind

    /// The bytes of a line, its line break included.
    private func lineRange(_ line: Int, in source: SourceFile) -> Range<Int> {
        let lineStarts = source.lineStarts
        guard line >= 1, line <= lineStarts.count else { return source.bytes.count..<source.bytes.count }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : source.bytes.count + 1
        return start..<end
    }

    /// The comments of a LookML file (trivia only: a `#` inside SQL is SQL), with their enclosing block's end.
    func lookMLComments(_ tree: SyntaxTree) -> [Comment] {
        let source = tree.source
        var comments: [Comment] = []
        var blockEnds: [Int] = []
        func visitTrivia(_ range: Range<Int>) {
            guard source.bytes[range].contains(UInt8(ascii: "#")) else { return }
            var offset = range.lowerBound
            for piece in source.triviaPieces(range) {
                let length = piece.text.utf8.count
                if case .comment(let text) = piece {
                    var lineStart = offset
                    while lineStart > 0, source.bytes[lineStart - 1] != UInt8(ascii: "\n"), source.bytes[lineStart - 1] != UInt8(ascii: "\r") { lineStart -= 1 }
                    let ownLine = source.bytes[lineStart..<offset].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
                    comments.append(Comment(range: offset..<offset + length, text: text, ownLine: ownLine, scopeEnd: blockEnds.last ?? source.bytes.count + 1))
                }
                offset += length
            }
        }
        func visit(_ token: Token) {
            visitTrivia(token.leadingTriviaRange)
            visitTrivia(token.trailingTriviaRange)
        }
        func walk(_ items: [Item]) {
            for item in items {
                switch item {
                case .unexpected(let node): node.tokens.forEach(visit)
                case .field(let field):
                    visit(field.key)
                    visit(field.colon)
                    if case .block(let block) = field.value {
                        if let name = block.name { visit(name) }
                        visit(block.leftBrace)
                        if let colon = block.strayColon { visit(colon) }
                        blockEnds.append(Int(block.rightBrace.textStart))
                        walk(block.items)
                        // Trivia before `}` belongs to the block; after it, to the outer scope.
                        visitTrivia(block.rightBrace.leadingTriviaRange)
                        blockEnds.removeLast()
                        visitTrivia(block.rightBrace.trailingTriviaRange)
                    } else {
                        field.value.forEachToken(visit)
                    }
                }
            }
        }
        walk(tree.document.items)
        visit(tree.document.endOfFile)
        return comments
    }

    /// The comments of a YAML file: `#` at the start of a line or after a space, outside quotes. A comment on its own
    /// line scopes the lines below it that are indented at least as deeply.
    func yamlComments(_ source: SourceFile) -> [Comment] {
        let bytes = source.bytes
        var comments: [Comment] = []
        let lineStarts = source.lineStarts
        for (index, start) in lineStarts.enumerated() {
            var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
            while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            var quote: UInt8?
            var position = start
            while position < end {
                let byte = bytes[position]
                if let open = quote {
                    if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { position += 2; continue }
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    if position == start || [0x20, 0x09, UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "-")].contains(bytes[position - 1]) { quote = byte }
                } else if byte == UInt8(ascii: "#"), position == start || bytes[position - 1] == 0x20 || bytes[position - 1] == 0x09 {
                    let indent = bytes[start..<position].prefix { $0 == 0x20 || $0 == 0x09 }.count
                    let ownLine = start + indent == position
                    comments.append(Comment(range: position..<end, text: source.text(position..<end), ownLine: ownLine,
                                            scopeEnd: ownLine ? yamlScopeEnd(after: index, indent: indent, in: source) : end))
                    break
                }
                position += 1
            }
        }
        return comments
    }

    /// Where the lines indented at least `indent` deep below line `index` (0-based) end.
    private func yamlScopeEnd(after index: Int, indent: Int, in source: SourceFile) -> Int {
        var line = index + 1
        let lineStarts = source.lineStarts
        while line < lineStarts.count {
            let text = source.lineText(line + 1)
            let trimmed = text.trimmingSpaces
            let depth = text.prefix { $0 == " " || $0 == "\t" }.count
            if !trimmed.isEmpty, !trimmed.hasPrefix("#"), depth < indent { return lineStarts[line] }
            line += 1
        }
        return source.bytes.count + 1
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let characters = Array(self)
        var lower = 0, upper = characters.count
        while lower < upper, characters[lower] == " " || characters[lower] == "\t" { lower += 1 }
        while upper > lower, characters[upper - 1] == " " || characters[upper - 1] == "\t" { upper -= 1 }
        return String(characters[lower..<upper])
    }
}
