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

    /// The bytes that can start something the scanner reads: `$`, `@`, `{` and `/`.
    private static let startBytes: [Bool] = (0..<256).map { [UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "{"), UInt8(ascii: "/")].contains(UInt8($0)) }

    /// The index of the first byte at or after `index` that can start something, or `bytes.endIndex`.
    private static func nextStart(_ bytes: ArraySlice<UInt8>, from index: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            startBytes.withUnsafeBufferPointer { table in
                var offset = index - bytes.startIndex
                while offset < buffer.count, !table[Int(buffer[offset])] { offset += 1 }
                return bytes.startIndex + offset
            }
        }
    }

    static func scan(_ bytes: ArraySlice<UInt8>) -> [Found] {
        var found: [Found] = []
        let base = bytes.startIndex
        var index = bytes.startIndex
        let end = bytes.endIndex
        func local(_ range: Range<Int>) -> Range<Int> { range.lowerBound - base..<range.upperBound - base }
        while true {
            // Most of an expression is plain SQL: jump to the next byte that can start something.
            index = nextStart(bytes, from: index)
            guard index < end else { break }
            let byte = bytes[index]
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@")), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") {
                let innerStart = index + 2
                guard let close = bytes[innerStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
                let inner = trimmed(bytes, innerStart..<close)
                if byte == UInt8(ascii: "@") {
                    if !inner.isEmpty { found.append(.constant(range: local(inner))) }
                } else if let dot = bytes[inner].firstIndex(of: UInt8(ascii: ".")) {
                    let qualifier = inner.lowerBound..<dot
                    let name = dot + 1..<inner.upperBound
                    if isName(bytes, qualifier), isName(bytes, name) {
                        if bytes[name].elementsEqual("SQL_TABLE_NAME".utf8) {
                            found.append(.tableOf(range: local(qualifier)))
                        } else {
                            found.append(.qualifiedField(qualifierRange: local(qualifier), range: local(name)))
                        }
                    }
                } else if isName(bytes, inner), !bytes[inner].elementsEqual("TABLE".utf8), !bytes[inner].elementsEqual("EXTENDED".utf8) {
                    found.append(.localField(range: local(inner)))
                }
                index = close + 1
            } else if byte == UInt8(ascii: "{"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%") {
                let closing: UInt8 = bytes[index + 1] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "%")
                var close = index + 2
                while close + 1 < end, !(bytes[close] == closing && bytes[close + 1] == UInt8(ascii: "}")) { close += 1 }
                found += liquidNames(bytes, index + 2..<min(close, end), base: base)
                index = min(close + 2, end)
            } else if byte == UInt8(ascii: "/"), matches(bytes, at: index, "/explore/") {
                let modelStart = index + 9
                var modelEnd = modelStart
                while modelEnd < end, isNameByte(bytes[modelEnd]) { modelEnd += 1 }
                if modelEnd < end, modelEnd > modelStart, bytes[modelEnd] == UInt8(ascii: "/") {
                    let exploreStart = modelEnd + 1
                    var exploreEnd = exploreStart
                    while exploreEnd < end, isNameByte(bytes[exploreEnd]) { exploreEnd += 1 }
                    if exploreEnd > exploreStart {
                        let modelRange = local(modelStart..<modelEnd), exploreRange = local(exploreStart..<exploreEnd)
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
                                found.append(.linkField(modelRange: modelRange, exploreRange: exploreRange, qualifierRange: local(start..<cursor),
                                                        range: local(nameStart..<nameEnd)))
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
    private static func liquidNames(_ bytes: ArraySlice<UInt8>, _ range: Range<Int>, base: Int) -> [Found] {
        var found: [Found] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isNameByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < range.upperBound, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
            // `first.second` (more parts are Liquid properties such as `._value`).
            guard let dot = bytes[start..<index].firstIndex(of: UInt8(ascii: ".")) else { continue }
            let secondEnd = bytes[dot + 1..<index].firstIndex(of: UInt8(ascii: ".")) ?? index
            let qualifier = start..<dot, name = dot + 1..<secondEnd
            guard !qualifier.isEmpty, !name.isEmpty, bytes[qualifier.lowerBound] != UInt8(ascii: "_"), bytes[name.lowerBound] != UInt8(ascii: "_"),
                  !(bytes[qualifier.lowerBound] >= 0x30 && bytes[qualifier.lowerBound] <= 0x39) else { continue }
            found.append(.qualifiedField(qualifierRange: qualifier.lowerBound - base..<qualifier.upperBound - base,
                                         range: name.lowerBound - base..<name.upperBound - base))
        }
        return found
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    private static func isName(_ bytes: ArraySlice<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && bytes[range].allSatisfy(isNameByte)
    }

    private static func matches(_ bytes: ArraySlice<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.endIndex else { return false }
        return text.withUTF8Buffer { buffer in (0..<count).allSatisfy { bytes[index + $0] == buffer[$0] } }
    }
}
