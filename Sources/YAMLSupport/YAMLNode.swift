/// A position in a YAML file: byte offset, 1-based line and 1-based column (in Unicode scalars).
public struct YAMLMark: Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A scalar with its exact source position, so that edits can replace just its bytes.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public var value: String
    public var style: Style
    /// Where the scalar's text starts and ends in the file (quotes included for quoted styles).
    public var start: YAMLMark
    public var end: YAMLMark

    public init(value: String, style: Style, start: YAMLMark, end: YAMLMark) {
        self.value = value
        self.style = style
        self.start = start
        self.end = end
    }

    /// The byte range of the scalar's source text.
    public var range: Range<Int> { start.offset..<max(start.offset, end.offset) }
}

/// A YAML node: a scalar, a sequence, or a mapping whose keys are scalars (in file order).
public indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], start: YAMLMark)
    case mapping([(key: YAMLScalar, value: YAMLNode)], start: YAMLMark)

    /// Where the node starts.
    public var start: YAMLMark {
        switch self {
        case .scalar(let scalar): return scalar.start
        case .sequence(_, let start), .mapping(_, let start): return start
        }
    }

    /// The value for `key` in a mapping (the last one when a key repeats).
    public subscript(key: String) -> YAMLNode? {
        pairs?.last { $0.key.value == key }?.value
    }

    /// The scalar's value, for scalars.
    public var string: String? {
        if case .scalar(let scalar) = self { return scalar.value }
        return nil
    }

    /// The scalar, for scalars.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The items, for sequences.
    public var items: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The key/value pairs, for mappings.
    public var pairs: [(key: YAMLScalar, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// A YAML 1.1 boolean (`true`, `false`, `yes`, `no`, `on`, `off`), for plain scalars.
    public var bool: Bool? {
        guard case .scalar(let scalar) = self else { return nil }
        switch scalar.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// An integer, for scalars.
    public var int: Int? { string.flatMap { Int($0) } }

    /// True for `~`, `null` and the empty plain scalar.
    public var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.value)
    }

    /// Calls `body` with every scalar below this node (mapping keys included), in file order.
    public func forEachScalar(_ body: (YAMLScalar) -> Void) {
        switch self {
        case .scalar(let scalar): body(scalar)
        case .sequence(let items, _): items.forEach { $0.forEachScalar(body) }
        case .mapping(let pairs, _):
            for pair in pairs {
                body(pair.key)
                pair.value.forEachScalar(body)
            }
        }
    }
}
