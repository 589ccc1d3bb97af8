#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The bytes of one LookML file and the table that maps byte offsets to lines and columns.
///
/// Every token and diagnostic refers to a `SourceFile` by byte offset; line and column are derived on demand,
/// so the lexer never pays for them. The line table itself is made the first time it is needed: most files of a
/// large project are never reported on, and their tables would cost time and memory for nothing.
public final class SourceFile: Sendable {
    /// The path the file was read from, as the user named it (used in diagnostics).
    public let path: String
    /// The file's bytes, unchanged.
    public let bytes: [UInt8]
    private let lineTable = Mutex<LineStarts?>(nil)

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Byte offset of the first byte of every line; `lineStarts[0] == 0`. Made on first use (read it into a local
    /// before a loop: each read takes a lock).
    public var lineStarts: LineStarts {
        lineTable.withLock { table in
            if let table { return table }
            let made = LineStarts(of: bytes)
            table = made
            return made
        }
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The byte range of a token's value: inside a string's quotes (an unterminated string has only its opening
    /// quote removed), a literal's or expression body's whole text.
    @inlinable
    public func unquotedRange(of token: Token) -> Range<Int> {
        let range = token.textRange
        guard token.kind == .string, range.count >= 1 else { return range }
        let start = range.lowerBound + 1
        let end = range.count >= 2 && bytes[range.upperBound - 1] == UInt8(ascii: "\"") ? range.upperBound - 1 : range.upperBound
        return start..<max(start, end)
    }

    /// The text of a byte range, decoded as UTF-8 (invalid sequences become U+FFFD).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The whole file as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Line (1-based) and column (1-based, counted in Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let lineStarts = self.lineStarts
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            if bytes[index] & 0b1100_0000 != 0b1000_0000 { column += 1 }
            index += 1
        }
        // A continuation byte counted above belongs to the scalar that started before it.
        if clamped < bytes.count, clamped > lineStarts[low], bytes[clamped] & 0b1100_0000 == 0b1000_0000 {
            column -= 1
        }
        return SourceLocation(offset: clamped, line: low + 1, column: column)
    }

    /// The text of line `line` (1-based) without its line terminator.
    public func lineText(_ line: Int) -> String {
        let lineStarts = self.lineStarts
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return text(start..<end)
    }
}

/// The byte offsets where a file's lines start, kept as 32-bit numbers (a large project has tens of millions of
/// lines; offsets, like token positions, are below 2^32) and read as `Int`s.
public struct LineStarts: RandomAccessCollection, Sendable {
    fileprivate let offsets: [UInt32]

    /// The line starts of `bytes`: 0, and the offset after every line feed.
    init(of bytes: [UInt8]) {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(UInt32(truncatingIfNeeded: index + 1))
                offset = index + 1
            }
        }
        offsets = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count }
    public subscript(position: Int) -> Int { Int(offsets[position]) }
}

/// A position in a source file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Byte offset from the start of the file.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (a tab counts as one).
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}
