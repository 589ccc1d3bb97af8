#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of keys, looked up by a range of a file's bytes: no `String` is made and nothing is hashed. Loading
/// and linting a project look up every key of every file, so this is on their hottest path.
///
/// The keys are stored back to back, grouped by byte length; a lookup compares the first byte of each key of the
/// right length before comparing the rest.
public struct ByteKeyTable<Value: Sendable>: Sendable {
    /// Every key's bytes, the keys of one length together, shortest first.
    @usableFromInline let bytes: [UInt8]
    /// The values, in the order of the keys in `bytes`.
    @usableFromInline let values: [Value]
    /// Per byte length: where its keys start in `bytes` and in `values`, and how many there are.
    @usableFromInline let groups: [(byteStart: Int, valueStart: Int, count: Int)]
    /// The first bytes of the keys, as a 256-bit set: most bytes looked up start no key and are rejected here.
    @usableFromInline let firstBytes: (UInt64, UInt64, UInt64, UInt64)

    public init(_ entries: [(key: String, value: Value)]) {
        let sorted = entries.filter { !$0.key.isEmpty }.sorted { ($0.key.utf8.count, $0.key) < ($1.key.utf8.count, $1.key) }
        let longest = sorted.last?.key.utf8.count ?? 0
        var bytes: [UInt8] = [], values: [Value] = []
        var groups = [(byteStart: Int, valueStart: Int, count: Int)](repeating: (0, 0, 0), count: longest + 1)
        for entry in sorted {
            let length = entry.key.utf8.count
            if groups[length].count == 0 { groups[length] = (bytes.count, values.count, 0) }
            groups[length].count += 1
            bytes += entry.key.utf8
            values.append(entry.value)
        }
        self.bytes = bytes
        self.values = values
        self.groups = groups
        var words: [UInt64] = [0, 0, 0, 0]
        for entry in sorted { let first = entry.key.utf8.first!; words[Int(first >> 6)] |= 1 << UInt64(first & 63) }
        firstBytes = (words[0], words[1], words[2], words[3])
    }

    /// True when some key starts with `byte`.
    @inlinable
    func mayStart(with byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = firstBytes.0
        case 1: word = firstBytes.1
        case 2: word = firstBytes.2
        default: word = firstBytes.3
        }
        return (word >> UInt64(byte & 63)) & 1 == 1
    }

    /// The value of the key written at `range` of `text`, or nil when it is none of the keys. Inlinable, so that
    /// callers in other modules get it specialised for their value type.
    @inlinable
    public func value(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        let length = range.count
        guard length > 0, length < groups.count, range.lowerBound >= 0, range.upperBound <= text.count,
              let key = text.baseAddress.map({ $0 + range.lowerBound }), mayStart(with: key[0]) else { return nil }
        let group = groups[length]
        guard group.count > 0 else { return nil }
        let found: Int? = bytes.withUnsafeBufferPointer { table in
            let base = table.baseAddress! + group.byteStart
            for index in 0..<group.count where base[index * length] == key[0] && memcmp(base + index * length, key, length) == 0 {
                return index
            }
            return nil
        }
        return found.map { values[group.valueStart + $0] }
    }

    /// True when the bytes at `range` of `text` are one of the keys.
    @inlinable
    public func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool { value(text, range) != nil }
}
