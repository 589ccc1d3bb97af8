import LookMLProject

/// What a piece of generated SQL belongs to in LookML: the field, join or explore parameter it was written for.
public enum SQLOwner: Sendable, Hashable, CustomStringConvertible {
    /// A field, named as the explore shows it (`alias.field`).
    case field(String)
    case join(String)
    case explore(String, parameter: String)
    case derivedTable(String)
    case view(String, parameter: String)

    public var description: String {
        switch self {
        case .field(let name): return "field '\(name)'"
        case .join(let alias): return "join '\(alias)'"
        case .explore(_, let parameter): return parameter
        case .derivedTable(let view): return "derived table '\(view)'"
        case .view(let view, let parameter): return "\(parameter) of view '\(view)'"
        }
    }
}

/// A run of SQL text and where it comes from. Verbatim fragments are LookML bytes copied unchanged, so every
/// offset inside maps to the same offset in the file; generated fragments map to the LookML that caused them.
public struct SQLFragment: Sendable {
    public var text: String
    public var origin: SourceRange?
    public var isVerbatim: Bool
    public var owner: SQLOwner?
}

/// SQL under construction: fragments that remember their origin.
struct SQLText: Sendable {
    var fragments: [SQLFragment] = []

    init() {}
    init(_ text: String, origin: SourceRange? = nil, owner: SQLOwner? = nil) {
        if !text.isEmpty { fragments = [SQLFragment(text: text, origin: origin, isVerbatim: false, owner: owner)] }
    }
    static func verbatim(_ text: String, origin: SourceRange, owner: SQLOwner?) -> SQLText {
        var result = SQLText()
        if !text.isEmpty { result.fragments = [SQLFragment(text: text, origin: origin, isVerbatim: true, owner: owner)] }
        return result
    }

    var string: String { fragments.map(\.text).joined() }
    var isEmpty: Bool { fragments.allSatisfy { $0.text.isEmpty } }

    mutating func append(_ other: SQLText) { fragments += other.fragments }
    mutating func append(_ text: String, origin: SourceRange? = nil, owner: SQLOwner? = nil) { append(SQLText(text, origin: origin, owner: owner)) }

    static func + (lhs: SQLText, rhs: SQLText) -> SQLText { var result = lhs; result.append(rhs); return result }

    /// The text without surrounding whitespace (fragments trimmed at both ends).
    var trimmed: SQLText {
        var result = self
        while let first = result.fragments.first, first.text.allSatisfy(\.isWhitespace) { result.fragments.removeFirst() }
        while let last = result.fragments.last, last.text.allSatisfy(\.isWhitespace) { result.fragments.removeLast() }
        if var first = result.fragments.first {
            let dropped = first.text.prefix { $0.isWhitespace }
            if !dropped.isEmpty {
                first.text.removeFirst(dropped.count)
                if first.isVerbatim, let origin = first.origin { first.origin = SourceRange(file: origin.file, range: origin.range.lowerBound + dropped.utf8.count..<origin.range.upperBound) }
                result.fragments[0] = first
            }
        }
        if var last = result.fragments.last {
            let dropped = last.text.reversed().prefix { $0.isWhitespace }
            if !dropped.isEmpty {
                last.text.removeLast(dropped.count)
                if last.isVerbatim, let origin = last.origin { last.origin = SourceRange(file: origin.file, range: origin.range.lowerBound..<origin.range.upperBound - String(dropped).utf8.count) }
                result.fragments[result.fragments.count - 1] = last
            }
        }
        return result
    }

    /// True when the text needs no parentheses to be used as an operand: a name, a number, a string, or one call.
    var isAtomic: Bool {
        let bytes = Array(string.utf8)
        guard !bytes.isEmpty else { return true }
        func isName(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E || byte == 0x24 || byte == 0x22 || byte >= 0x80
        }
        if bytes.allSatisfy(isName) { return true }
        if bytes.first == UInt8(ascii: "'"), bytes.last == UInt8(ascii: "'"), bytes.dropFirst().dropLast().allSatisfy({ $0 != UInt8(ascii: "'") }) { return true }
        // name(…) or (…) whose first parenthesis closes at the end.
        var index = 0
        while index < bytes.count, isName(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else { return false }
        var depth = 0
        var quote: UInt8?
        for position in index..<bytes.count {
            let byte = bytes[position]
            if let open = quote { if byte == open { quote = nil }; continue }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") { quote = byte; continue }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { depth -= 1; if depth == 0 && position != bytes.count - 1 { return false } }
        }
        return depth == 0
    }

    /// Without parentheses around the whole text, when one pair encloses all of it: for a function argument.
    var unwrapped: SQLText {
        guard fragments.count >= 3, fragments.first?.text == "(", fragments.last?.text == ")" else { return self }
        var depth = 0
        var quote: Character?
        let text = string
        for (index, character) in text.enumerated() {
            if let open = quote { if character == open { quote = nil }; continue }
            if character == "'" || character == "\"" { quote = character; continue }
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1; if depth == 0 && index != text.count - 1 { return self } }
        }
        var inner = self
        inner.fragments.removeFirst()
        inner.fragments.removeLast()
        return inner
    }

    /// Wrapped in parentheses unless atomic.
    func parenthesized(origin: SourceRange? = nil, owner: SQLOwner? = nil) -> SQLText {
        isAtomic ? self : SQLText("(", origin: origin, owner: owner) + self + SQLText(")", origin: origin, owner: owner)
    }
}

/// Where each byte range of compiled SQL comes from.
public struct SourceMap: Sendable {
    public struct Segment: Sendable {
        /// Byte range in the compiled SQL.
        public var output: Range<Int>
        public var origin: SourceRange?
        /// True when the output bytes are the origin's bytes, unchanged.
        public var isVerbatim: Bool
        public var owner: SQLOwner?
    }

    /// Segments in output order, not overlapping.
    public var segments: [Segment] = []

    /// The segment containing an output offset.
    public func segment(at offset: Int) -> Segment? {
        var low = 0, high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let segment = segments[middle]
            if offset < segment.output.lowerBound { high = middle - 1 } else if offset >= segment.output.upperBound { low = middle + 1 } else { return segment }
        }
        return nil
    }

    /// Where an output range was written in LookML: exact inside verbatim text, the causing LookML otherwise.
    public func location(of output: Range<Int>) -> (location: SourceRange, owner: SQLOwner?)? {
        guard let segment = segment(at: output.lowerBound), let origin = segment.origin else { return nil }
        guard segment.isVerbatim else { return (origin, segment.owner) }
        let start = origin.range.lowerBound + (output.lowerBound - segment.output.lowerBound)
        let end = origin.range.lowerBound + (min(output.upperBound, segment.output.upperBound) - segment.output.lowerBound)
        return (SourceRange(file: origin.file, range: start..<max(start, end)), segment.owner)
    }
}
