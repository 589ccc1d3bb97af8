/// Searches a file's bytes for the next of a few bytes, sixteen bytes at a time: SQL, HTML and descriptions are
/// scanned for `${`, Liquid and links in every file of a project, and most of their bytes start nothing.
public enum ByteSearch {
    /// The index of the first byte in `range` of `bytes` that is `a`, `b`, `c` or `d`, or `range.upperBound` when
    /// there is none. Inlinable, so that callers' loops get it inline.
    @inlinable
    public static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                  ofAny a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Int {
        guard let base = bytes.baseAddress, range.lowerBound >= 0, range.upperBound <= bytes.count else { return range.upperBound }
        var index = range.lowerBound
        let end = range.upperBound
        let va = SIMD16<UInt8>(repeating: a), vb = SIMD16<UInt8>(repeating: b)
        let vc = SIMD16<UInt8>(repeating: c), vd = SIMD16<UInt8>(repeating: d)
        while index + 16 <= end {
            let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = (chunk .== va) .| (chunk .== vb) .| (chunk .== vc) .| (chunk .== vd)
            if any(hits) { break }
            index += 16
        }
        while index < end {
            let byte = base[index]
            if byte == a || byte == b || byte == c || byte == d { return index }
            index += 1
        }
        return end
    }
}
