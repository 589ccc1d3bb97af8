/// Layout choices of the formatter. The defaults are the canonical `lookml fmt` style.
public struct FormatOptions: Sendable, Equatable {
    /// Spaces per nesting level.
    public var indentWidth: Int
    /// A list is written on one line when it fits in this many columns and holds no comment; otherwise one
    /// item per line.
    public var maximumLineWidth: Int

    public init(indentWidth: Int = 2, maximumLineWidth: Int = 100) {
        self.indentWidth = indentWidth
        self.maximumLineWidth = maximumLineWidth
    }
}
