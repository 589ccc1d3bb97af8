/// A parsed LookML file: the source, its lossless tree and the syntax diagnostics.
public struct SyntaxTree: Sendable, CustomStringConvertible {
    public let source: SourceFile
    public let document: Document
    public let diagnostics: [Diagnostic]
    /// The known keys the file's fields use, at any depth (unknown keys are not recorded).
    public let keysPresent: KnownKeySet

    /// Parses a file. Never throws: problems are reported in `diagnostics` and the tree keeps every byte.
    public static func parse(_ source: SourceFile) -> SyntaxTree {
        let (document, sawProblem, keysPresent) = source.bytes.withUnsafeBufferPointer { buffer -> (Document, Bool, KnownKeySet) in
            var parser = Parser(bytes: buffer)
            let document = parser.parseDocument()
            return (document, parser.sawProblem, parser.keysPresent)
        }
        let diagnostics = SyntaxValidator(source: source).diagnose(document, walkTree: sawProblem)
        return SyntaxTree(source: source, document: document, diagnostics: diagnostics, keysPresent: keysPresent)
    }

    /// Parses text (for tests and small inputs).
    public static func parse(_ text: String, path: String = "<input>") -> SyntaxTree {
        parse(SourceFile(path: path, text: text))
    }

    /// True when a diagnostic of error severity was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The text of a token.
    public func text(_ token: Token) -> String { source.text(of: token) }

    /// The tree printed back: every token's trivia and text, in order. Always equal to the source bytes.
    public func printedBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(source.bytes.count)
        source.bytes.withUnsafeBufferPointer { bytes in
            document.forEachToken { token in
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[token.fullRange]))
            }
        }
        return output
    }

    public var description: String { String(decoding: printedBytes(), as: UTF8.self) }
}
