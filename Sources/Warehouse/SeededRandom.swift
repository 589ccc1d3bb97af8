/// A small deterministic random generator (SplitMix64) with the helpers the synthetic data needs. The same seed
/// gives the same numbers on every machine and Swift version (the standard library's `random(in:using:)` makes no
/// such promise, so it is not used).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one purpose (`derive("user", 17)`), so adding draws in one place does not shift
    /// every number after it.
    init(seed: UInt64, _ label: String, _ index: Int = 0) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = seed ^ hash ^ (UInt64(truncatingIfNeeded: index) &* 0x9e37_79b9_7f4a_7c15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An item chosen with the given weights.
    mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var target = unit() * total
        for (item, weight) in items {
            if target < weight { return item }
            target -= weight
        }
        return items[items.count - 1].0
    }

    /// `count` lower-case hex digits.
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        var bits = next()
        for index in 0..<count {
            if index > 0 && index % 16 == 0 { bits = next() }
            text.append(digits[Int(bits & 15)])
            bits >>= 4
        }
        return text
    }

    /// A UUID-shaped id (`8-4-4-4-12` hex digits).
    mutating func uuid() -> String {
        let digits = hex(32)
        let parts = [8, 4, 4, 4, 12]
        var result: [String] = []
        var index = digits.startIndex
        for length in parts {
            let end = digits.index(index, offsetBy: length)
            result.append(String(digits[index..<end]))
            index = end
        }
        return result.joined(separator: "-")
    }
}
