/// Finds the names inside SQL, HTML and string values: `${field}`, `${view.field}`, `${view.SQL_TABLE_NAME}`,
/// `@{CONSTANT}`, and Liquid references such as `{{ view.field._value }}`, `{% condition view.filter %}` or
/// `_filters['view.field']`; and Looker explore links `/explore/model/explore`.
enum SubstitutionScanner {
    /// A name found in text, with byte offsets relative to the start of the text.
    enum Found: Equatable {
        /// `${field}`: a field of the current view.
        case localField(name: String, range: Range<Int>)
        /// `view.field` in `${}` or Liquid; `qualifier` is a view or explore alias.
        case qualifiedField(qualifier: String, qualifierRange: Range<Int>, name: String, range: Range<Int>)
        /// `${view.SQL_TABLE_NAME}`.
        case tableOf(view: String, range: Range<Int>)
        case constant(name: String, range: Range<Int>)
        /// `/explore/model/explore` in a link.
        case exploreLink(model: String, modelRange: Range<Int>, explore: String, exploreRange: Range<Int>)
        /// `view.field` in the query of an explore link (`?fields=view.field&f[view.field]=…`).
        case linkField(model: String, explore: String, qualifier: String, qualifierRange: Range<Int>, name: String, range: Range<Int>)
    }

    static let specialSubstitutions: Set<String> = ["TABLE", "EXTENDED"]

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
        var found: [Found] = []
        let base = bytes.startIndex
        var index = bytes.startIndex
        let end = bytes.endIndex
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while index < end {
            let byte = bytes[index]
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@")), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") {
                let innerStart = index + 2
                guard let close = bytes[innerStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
                let inner = trimmed(bytes, innerStart..<close)
                if byte == UInt8(ascii: "@") {
                    if !inner.isEmpty { found.append(.constant(name: string(inner), range: inner.lowerBound - base..<inner.upperBound - base)) }
                } else if let dot = bytes[inner].firstIndex(of: UInt8(ascii: ".")) {
                    let qualifier = inner.lowerBound..<dot
                    let name = dot + 1..<inner.upperBound
                    if isName(bytes, qualifier), isName(bytes, name) {
                        let fieldName = string(name)
                        if fieldName == "SQL_TABLE_NAME" {
                            found.append(.tableOf(view: string(qualifier), range: qualifier.lowerBound - base..<qualifier.upperBound - base))
                        } else {
                            found.append(.qualifiedField(qualifier: string(qualifier), qualifierRange: qualifier.lowerBound - base..<qualifier.upperBound - base,
                                                         name: fieldName, range: name.lowerBound - base..<name.upperBound - base))
                        }
                    }
                } else if isName(bytes, inner), !specialSubstitutions.contains(string(inner)) {
                    found.append(.localField(name: string(inner), range: inner.lowerBound - base..<inner.upperBound - base))
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
                        let model = string(modelStart..<modelEnd), explore = string(exploreStart..<exploreEnd)
                        found.append(.exploreLink(model: model, modelRange: modelStart - base..<modelEnd - base,
                                                  explore: explore, exploreRange: exploreStart - base..<exploreEnd - base))
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
                                found.append(.linkField(model: model, explore: explore, qualifier: string(start..<cursor), qualifierRange: start - base..<cursor - base,
                                                        name: string(nameStart..<nameEnd), range: nameStart - base..<nameEnd - base))
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
            let parts = bytes[start..<index].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard parts.count >= 2, let first = parts.first, let second = parts.dropFirst().first,
                  !first.isEmpty, !second.isEmpty, first.first != UInt8(ascii: "_"), second.first != UInt8(ascii: "_"),
                  !(first.first! >= 0x30 && first.first! <= 0x39) else { continue }
            let qualifier = first.startIndex..<first.endIndex
            let name = second.startIndex..<second.endIndex
            found.append(.qualifiedField(qualifier: String(decoding: first, as: UTF8.self), qualifierRange: qualifier.lowerBound - base..<qualifier.upperBound - base,
                                         name: String(decoding: second, as: UTF8.self), range: name.lowerBound - base..<name.upperBound - base))
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
