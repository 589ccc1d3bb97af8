import LookMLSyntax

/// Rewrites the layout of a LookML file into canonical form. It changes trivia only: every token's text is kept,
/// so the `lkml-json` of the output equals that of the input, and expression bodies are untouched inside.
///
/// The canonical layout: `options.indentWidth` spaces per level, `key: value`, one item per line, blocks opened
/// on their key's line and closed on their own, one blank line between top-level blocks, at most one blank line
/// kept elsewhere, lists on one line when they fit and hold no comment (one item per line otherwise), comments kept
/// where they were, no trailing spaces, one final line break, the file's own line-break style (LF or CRLF).
public struct Formatter: Sendable {
    public var options: FormatOptions

    public init(options: FormatOptions = FormatOptions()) { self.options = options }

    /// Errors that stop a file from being formatted.
    public enum Failure: Error, Equatable {
        /// The file has syntax errors; formatting it could move text the parser misplaced.
        case syntaxErrors(count: Int)
    }

    /// The formatted bytes of a parsed file.
    public func format(_ tree: SyntaxTree) throws(Failure) -> [UInt8] {
        let errors = tree.diagnostics.filter { $0.severity == .error }.count
        guard errors == 0 else { throw .syntaxErrors(count: errors) }
        var writer = FormatWriter(source: tree.source, options: options)
        writer.writeDocument(tree.document)
        return writer.output
    }

    /// Formats text (for tests and small inputs).
    public func format(_ text: String) throws(Failure) -> String {
        String(decoding: try format(SyntaxTree.parse(text)), as: UTF8.self)
    }
}
