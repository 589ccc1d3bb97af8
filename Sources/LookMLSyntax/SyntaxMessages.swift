/// The catalog of syntax diagnostics: one place for every id, severity and wording, ordered by id.
/// Ids are stable: never renumber, only add.
public enum SyntaxMessages {
    /// An expression block (`sql:`, `html:`, …) without the `;;` that closes it.
    public static func unterminatedExpression(key: String, startLine: Int) -> (MessageID, Severity, String) {
        (MessageID("LKM-P001"), .error, "expected ';;' to close '\(key)' started at line \(startLine)")
    }
    /// A key without the `:` after it.
    public static func expectedColon(key: String) -> (MessageID, Severity, String) {
        (MessageID("LKM-P002"), .error, "expected ':' after '\(key)'")
    }
    /// `key:` with nothing usable after it.
    public static func expectedValue(key: String) -> (MessageID, Severity, String) {
        (MessageID("LKM-P003"), .error, "expected a value after '\(key):'")
    }
    /// A block never closed.
    public static func expectedRightBrace(block: String, openLine: Int) -> (MessageID, Severity, String) {
        (MessageID("LKM-P004"), .error, "expected '}' to close '\(block)' opened at line \(openLine)")
    }
    /// A list never closed.
    public static func expectedRightBracket(key: String, openLine: Int) -> (MessageID, Severity, String) {
        (MessageID("LKM-P005"), .error, "expected ']' to close the list of '\(key)' opened at line \(openLine)")
    }
    /// A string without its closing quote.
    public static let unterminatedString = (MessageID("LKM-P006"), Severity.error, "unterminated string: expected a closing '\"' on this line")
    /// Text where a `key:` should start.
    public static func expectedKey(found: String) -> (MessageID, Severity, String) {
        (MessageID("LKM-P007"), .error, "expected a 'key:' but found \(found)")
    }
    /// A `}` that closes nothing.
    public static let unmatchedRightBrace = (MessageID("LKM-P008"), Severity.error, "unexpected '}' with no block open")
    /// Looker's tolerated `:` after `{`.
    public static let strayColon = (MessageID("LKM-P009"), Severity.warning, "stray ':' after '{' (Looker ignores it; remove it)")
    /// Nesting beyond the parser's limit.
    public static let nestingTooDeep = (MessageID("LKM-P010"), Severity.error, "blocks and lists are nested more than \(Parser.maximumDepth) levels deep; the contents were not parsed")
    /// Bytes that are not LookML at all.
    public static func invalidCharacters(_ description: String) -> (MessageID, Severity, String) {
        (MessageID("LKM-P011"), .error, "invalid \(description) in LookML")
    }
    /// Something inside `[ ]` that is not a list item.
    public static func unexpectedInList(found: String) -> (MessageID, Severity, String) {
        (MessageID("LKM-P012"), .error, "unexpected \(found) in a list; items are names or strings separated by ','")
    }
    /// Two list items without a comma between them.
    public static let expectedComma = (MessageID("LKM-P013"), Severity.error, "expected ',' between list items")
    /// A pair inside a list with no value after its `:`.
    public static let expectedPairValue = (MessageID("LKM-P014"), Severity.error, "expected a value after ':' in the list")
    /// The file is not valid UTF-8.
    public static let invalidUTF8 = (MessageID("LKM-P015"), Severity.error, "the file is not valid UTF-8 (is it a binary file?)")
    /// More diagnostics than one file reports.
    public static func tooManyDiagnostics(hidden: Int) -> (MessageID, Severity, String) {
        (MessageID("LKM-P017"), .error, "\(hidden) more syntax errors in this file are not shown; fix the ones above first")
    }
    /// A non-repeatable key given twice in one block (the `lkml-json` output keeps the last).
    public static func duplicateKey(_ key: String) -> (MessageID, Severity, String) {
        (MessageID("LKM-P016"), .warning, "'\(key)' is set more than once in this block; the last value wins")
    }
}
