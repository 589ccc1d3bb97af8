import LookMLSyntax

/// Finds the names inside SQL, HTML and string values: `${field}`, `${view.field}`, `${view.SQL_TABLE_NAME}`,
/// `@{CONSTANT}`, and Liquid references such as `{{ view.field._value }}`, `{% condition view.filter %}` or
/// `_filters['view.field']`; and Looker explore links `/explore/model/explore`.
enum SubstitutionScanner {
    /// A name found in text, by the byte offsets of its parts relative to the start of the text (the names are
    /// the text's bytes there; callers make strings only when they need them).
    enum Found: Equatable {
        /// `${field}`: a field of the current view.
        case localField(range: Range<Int>)
        /// `view.field` in `${}` or Liquid; the qualifier is a view or explore alias.
        case qualifiedField(qualifierRange: Range<Int>, range: Range<Int>)
        /// `${view.SQL_TABLE_NAME}`: the view.
        case tableOf(range: Range<Int>)
        case constant(range: Range<Int>)
        /// `/explore/model/explore` in a link.
        case exploreLink(modelRange: Range<Int>, exploreRange: Range<Int>)
        /// `view.field` in the query of an explore link (`?fields=view.field&f[view.field]=…`).
        case linkField(modelRange: Range<Int>, exploreRange: Range<Int>, qualifierRange: Range<Int>, range: Range<Int>)
    }

    /// Bytes that end a URL inside text.
    enum Lexer {
        static func isURLTerminator(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "{")
        }
    }

    @inline(__always) static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte >= 0x80
    }

    static func scan(_ bytes: ArraySlice<UInt8>) -> [Found] {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// The scan itself, over the text's bytes in place (offsets are relative to the text, as `Found` reports them).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Found] {
        var found: [Found] = []
        var index = 0
        let end = bytes.count
        func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
            var position = range.lowerBound
            while position < range.upperBound {
                if bytes[position] == byte { return position }
                position += 1
            }
            return nil
        }
        while true {
            // Most of an expression is plain SQL: jump to the next byte that can start something (`$`, `@`, `{`, `/`).
            index = ByteSearch.firstIndex(in: bytes, index..<end, ofAny: UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "{"), UInt8(ascii: "/"))
            guard index < end else { break }
            let byte = bytes[index]
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@")), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") {
                let innerStart = index + 2
                guard let close = firstIndex(of: UInt8(ascii: "}"), in: innerStart..<end) else { break }
                let inner = trimmed(bytes, innerStart..<close)
                if byte == UInt8(ascii: "@") {
                    if !inner.isEmpty { found.append(.constant(range: inner)) }
                } else if let dot = firstIndex(of: UInt8(ascii: "."), in: inner) {
                    let qualifier = inner.lowerBound..<dot
                    let name = dot + 1..<inner.upperBound
                    if isName(bytes, qualifier), isName(bytes, name) {
                        if matches(bytes, name, "SQL_TABLE_NAME") {
                            found.append(.tableOf(range: qualifier))
                        } else {
                            found.append(.qualifiedField(qualifierRange: qualifier, range: name))
                        }
                    }
                } else if isName(bytes, inner), !matches(bytes, inner, "TABLE"), !matches(bytes, inner, "EXTENDED") {
                    found.append(.localField(range: inner))
                }
                index = close + 1
            } else if byte == UInt8(ascii: "{"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%") {
                let closing: UInt8 = bytes[index + 1] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "%")
                var close = index + 2
                while close + 1 < end, !(bytes[close] == closing && bytes[close + 1] == UInt8(ascii: "}")) { close += 1 }
                liquidNames(bytes, index + 2..<min(close, end), into: &found)
                index = min(close + 2, end)
            } else if byte == UInt8(ascii: "/"), matches(bytes, index..<min(index + 9, end), "/explore/") {
                let modelStart = index + 9
                var modelEnd = modelStart
                while modelEnd < end, isNameByte(bytes[modelEnd]) { modelEnd += 1 }
                if modelEnd < end, modelEnd > modelStart, bytes[modelEnd] == UInt8(ascii: "/") {
                    let exploreStart = modelEnd + 1
                    var exploreEnd = exploreStart
                    while exploreEnd < end, isNameByte(bytes[exploreEnd]) { exploreEnd += 1 }
                    if exploreEnd > exploreStart {
                        let modelRange = modelStart..<modelEnd, exploreRange = exploreStart..<exploreEnd
                        found.append(.exploreLink(modelRange: modelRange, exploreRange: exploreRange))
                        // The query: every `view.field` up to the end of the URL.
                        var cursor = exploreEnd
                        if cursor < end, bytes[cursor] == UInt8(ascii: "?") {
                            while cursor < end, !Lexer.isURLTerminator(bytes[cursor]) {
                                guard isNameByte(bytes[cursor]) else { cursor += 1; continue }
                                let start = cursor
                                while cursor < end, isNameByte(bytes[cursor]) { cursor += 1 }
                                guard cursor + 1 < end, bytes[cursor] == UInt8(ascii: "."), isNameByte(bytes[cursor + 1]) else { continue }
                                let nameStart = cursor + 1
                                var nameEnd = nameStart
                                while nameEnd < end, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                                found.append(.linkField(modelRange: modelRange, exploreRange: exploreRange, qualifierRange: start..<cursor,
                                                        range: nameStart..<nameEnd))
                                cursor = nameEnd
                            }
                        }
                        index = max(index + 1, cursor)
                        continue
                    }
                }
                index = modelEnd
            } else {
                index += 1
            }
        }
        return found
    }

    /// `view.field` pairs inside a Liquid tag, skipping Liquid's own variables (`_filters`, `_user_attributes`, …),
    /// but looking inside their quoted keys (`_filters['view.field']`).
    private static func liquidNames(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into found: inout [Found]) {
        var index = range.lowerBound
        while index < range.upperBound {
            guard isNameByte(bytes[index]) else { index += 1; continue }
            let start = index
            var dot: Int?, secondEnd: Int?
            while index < range.upperBound, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
                if bytes[index] == UInt8(ascii: ".") {
                    if dot == nil { dot = index } else if secondEnd == nil { secondEnd = index }
                }
                index += 1
            }
            // `first.second` (more parts are Liquid properties such as `._value`).
            guard let dot else { continue }
            let qualifier = start..<dot, name = dot + 1..<(secondEnd ?? index)
            guard !qualifier.isEmpty, !name.isEmpty, bytes[qualifier.lowerBound] != UInt8(ascii: "_"), bytes[name.lowerBound] != UInt8(ascii: "_"),
                  !(bytes[qualifier.lowerBound] >= 0x30 && bytes[qualifier.lowerBound] <= 0x39) else { continue }
            found.append(.qualifiedField(qualifierRange: qualifier, range: name))
        }
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    private static func isName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        for index in range where !isNameByte(bytes[index]) { return false }
        return true
    }

    /// True when the bytes of `range` are exactly `text`.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard range.count == count, range.upperBound <= bytes.count else { return false }
        return text.withUTF8Buffer { expected in
            for offset in 0..<count where bytes[range.lowerBound + offset] != expected[offset] { return false }
            return true
        }
    }
}
