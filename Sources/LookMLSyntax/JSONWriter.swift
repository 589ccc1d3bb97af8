/// Writes JSON straight into bytes, for outputs too large to build as values first (`parse --format json`,
/// `lkml-json`). Keys come out in the order written, so the output is deterministic.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Spaces per level; 0 writes compact JSON.
    public let indent: Int
    private var level: Int
    /// Whether the container being written already holds a value (a comma is due before the next).
    private var hasValue: [Bool] = []
    /// A key was just written: the value follows on the same line.
    private var afterKey = false

    public init(indent: Int = 2, level: Int = 0) {
        self.indent = indent
        self.level = level
    }

    private mutating func beforeValue() {
        if afterKey { afterKey = false; return }
        guard !hasValue.isEmpty else { return }
        if hasValue[hasValue.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasValue[hasValue.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard indent > 0 else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        beforeValue()
        bytes.append(bracket)
        hasValue.append(false)
        level += 1
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        if hasValue.removeLast() { newline() }
        bytes.append(bracket)
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ key: String) {
        beforeValue()
        writeEscaped(Array(key.utf8)[...])
        keySeparator()
    }

    /// Writes an object key from raw UTF-8 bytes.
    public mutating func key(bytes key: ArraySlice<UInt8>) {
        beforeValue()
        writeEscaped(key)
        keySeparator()
    }

    private mutating func keySeparator() {
        bytes.append(UInt8(ascii: ":"))
        if indent > 0 { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        beforeValue()
        writeEscaped(Array(value.utf8)[...])
    }

    /// Writes a string value from raw UTF-8 bytes (invalid UTF-8 is replaced by U+FFFD).
    public mutating func string(bytes value: ArraySlice<UInt8>) {
        beforeValue()
        writeEscaped(value)
    }

    public mutating func number(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Copies already-serialised JSON as one value.
    public mutating func raw(_ json: [UInt8]) {
        beforeValue()
        bytes.append(contentsOf: json)
    }

    private mutating func writeEscaped(_ value: ArraySlice<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Valid UTF-8 goes out as it is; only quotes, backslashes and control characters are escaped. Text that is
        // not valid UTF-8 is decoded with replacement characters first.
        if value.contains(where: { $0 >= 0x80 }), UTF8Validation.firstInvalidOffset(in: Array(value)) != nil {
            let repaired = Array(String(decoding: value, as: UTF8.self).utf8)
            appendEscapedValidUTF8(repaired[...])
        } else {
            appendEscapedValidUTF8(value)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscapedValidUTF8(_ value: ArraySlice<UInt8>) {
        var runStart = value.startIndex
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            bytes.append(contentsOf: value[runStart..<index])
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: value[runStart..<index])
    }
}
