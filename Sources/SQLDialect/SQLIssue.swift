/// A problem in SQL text found by `SQLChecker`: what, where (byte range in the checked text), and what to write
/// instead.
public struct SQLIssue: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A function no profile knows (maybe a user-defined function).
        case unknownFunction
        /// A known function called with the wrong number of arguments, or with parentheses it does not take.
        case wrongArity
        /// Another dialect's function.
        case unsupportedFunction
        /// Syntax the dialect lacks: an operator, `x:path`, `COUNT(DISTINCT a, b)`, `COUNT(DISTINCT …) OVER`, an
        /// unaliased subquery.
        case unsupportedSyntax
        /// A cast to another dialect's type.
        case unsupportedType
        /// A `(` without `)` or the reverse; the same for `[` `]`.
        case unbalancedParenthesis
        /// A string, quoted identifier, comment or `${…}` / Liquid construct that is not closed.
        case unterminated
        /// `integer / integer` where the dialect truncates.
        case integerDivision
        /// A quoted identifier in the opposite case of the dialect's folding (`"ID"` on Postgres).
        case caseSensitiveIdentifier
    }

    public var kind: Kind
    public var range: Range<Int>
    public var message: String
    /// What to write instead, in the dialect.
    public var hint: String?
    /// A direct replacement for the text at `range` (a "did you mean").
    public var replacement: String?

    public init(kind: Kind, range: Range<Int>, message: String, hint: String? = nil, replacement: String? = nil) {
        self.kind = kind
        self.range = range
        self.message = message
        self.hint = hint
        self.replacement = replacement
    }
}
