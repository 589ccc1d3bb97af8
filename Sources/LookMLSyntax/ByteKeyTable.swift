#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of keys, looked up by a range of a file's bytes: no `String` is made. Loading a project looks up
/// every key of every file (the parser numbers them, see `KnownKey`), so this is on the hottest path.
///
/// An open-addressing hash table, at most a quarter full: a key's slot comes from its length and three of its bytes
/// (first, middle, last), so a lookup reads four bytes, then compares the one or two candidates it lands on. A class
/// over raw memory: tables are static, and reading one costs no reference counting of its storage.
public final class ByteKeyTable<Value: Sendable>: @unchecked Sendable {
    /// One key: where its bytes start in `bytes`, its length (0 marks an empty slot) and where its value is.
    @usableFromInline struct Slot: Sendable {
        @usableFromInline let start: Int32
        @usableFromInline let length: Int32
        @usableFromInline let value: Int32
    }

    /// Every key's bytes, back to back.
    @usableFromInline let bytes: UnsafeMutableBufferPointer<UInt8>
    @usableFromInline let values: UnsafeMutableBufferPointer<Value>
    /// A power of two in size.
    @usableFromInline let slots: UnsafeMutableBufferPointer<Slot>
    /// The bits of a hash that pick a slot: `32 - log2(slots.count)` is how far a hash is shifted.
    @usableFromInline let shift: UInt32
    /// The length of the longest key: longer text is rejected before it is hashed.
    @usableFromInline let longest: Int

    public init(_ entries: [(key: String, value: Value)]) {
        // Later entries of the same key win, as a dictionary literal would have it; empty keys are never found.
        var unique: [String: Value] = [:]
        for entry in entries where !entry.key.isEmpty { unique[entry.key] = entry.value }
        let keys = unique.keys.sorted()
        var bits: UInt32 = 3
        while (1 << bits) < keys.count * 4 { bits += 1 }
        var slots = [Slot](repeating: Slot(start: 0, length: 0, value: 0), count: 1 << Int(bits))
        var bytes: [UInt8] = [], values: [Value] = []
        let shift = 32 - bits
        for key in keys {
            let utf8 = Array(key.utf8)
            var slot = utf8.withUnsafeBufferPointer { Self.slot(of: $0.baseAddress!, utf8.count, shift: shift) }
            while slots[slot].length != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(start: Int32(bytes.count), length: Int32(utf8.count), value: Int32(values.count))
            bytes += utf8
            values.append(unique[key]!)
        }
        self.bytes = .allocate(capacity: bytes.count)
        _ = self.bytes.initialize(from: bytes)
        self.values = .allocate(capacity: values.count)
        _ = self.values.initialize(from: values)
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        self.shift = shift
        longest = keys.map(\.utf8.count).max() ?? 0
    }

    deinit {
        bytes.deallocate()
        values.deinitialize()
        values.deallocate()
        slots.deallocate()
    }

    /// The first slot to try for the `length` bytes at `key` (length at least 1).
    @inlinable @inline(__always)
    static func slot(of key: UnsafePointer<UInt8>, _ length: Int, shift: UInt32) -> Int {
        let packed = UInt32(truncatingIfNeeded: length) << 24 | UInt32(key[0]) << 16 | UInt32(key[length >> 1]) << 8 | UInt32(key[length - 1])
        return Int((packed &* 0x9E37_79B1) >> shift)
    }

    /// The value of the key written at `range` of `text`, or nil when it is none of the keys. Inlinable, so that
    /// callers in other modules get it specialised for their value type.
    @inlinable
    public func value(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        let length = range.count
        guard length > 0, length <= longest, range.lowerBound >= 0, range.upperBound <= text.count,
              let key = text.baseAddress.map({ $0 + range.lowerBound }) else { return nil }
        var slot = Self.slot(of: key, length, shift: shift)
        while true {
            let entry = slots[slot]
            if entry.length == 0 { return nil }
            if Int(entry.length) == length, bytes[Int(entry.start)] == key[0], memcmp(bytes.baseAddress! + Int(entry.start), key, length) == 0 {
                return values[Int(entry.value)]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// True when the bytes at `range` of `text` are one of the keys.
    @inlinable
    public func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool { value(text, range) != nil }
}
