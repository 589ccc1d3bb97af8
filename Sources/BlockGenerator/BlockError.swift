import YAMLSupport

/// An error in a block spec, a template, the catalog or a naming config, with the file and position it points at.
/// Rendered like a compiler diagnostic: `names.yaml:3:10: error: unknown key 'tabels' (did you mean 'tables'?)`.
public struct BlockError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line and column; 0 when the error is about the whole file.
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public init(path: String, at mark: YAMLMark, _ message: String) {
        self.init(path: path, line: mark.line, column: mark.column, message: message)
    }

    /// `path:line:col: error: message`.
    public var description: String {
        line > 0 ? "\(path):\(line):\(column): error: \(message)" : "\(path): error: \(message)"
    }
}
