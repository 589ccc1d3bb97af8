import CYAML

/// A YAML syntax error with its position.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var mark: YAMLMark

    public var description: String { "\(mark): \(message)" }
}

/// Loads YAML with libyaml's event parser into `YAMLNode` trees that keep the byte position of every scalar.
/// Aliases are resolved to copies of their anchored nodes; a document nested deeper than 512 levels is refused.
public enum YAMLLoader {
    static let maximumDepth = 512

    /// Every document in the stream.
    public static func load(_ bytes: [UInt8]) throws(YAMLError) -> [YAMLNode] {
        let lineStarts = computeLineStarts(bytes)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "cannot initialise the YAML parser", mark: YAMLMark(offset: 0, line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        var copy = bytes
        if copy.isEmpty { copy = [0] }
        return try copy.withUnsafeMutableBufferPointer { buffer throws(YAMLError) -> [YAMLNode] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
            var builder = Builder(bytes: bytes, lineStarts: lineStarts)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
                    let context = parser.context.map { " " + String(cString: $0) } ?? ""
                    throw YAMLError(message: problem + context, mark: builder.mark(parser.problem_mark))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.handle(event)
            }
            return builder.documents
        }
    }

    /// Loads a single-document file (an empty file gives nil).
    public static func loadDocument(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        try load(bytes).first
    }

    /// Line starts as libyaml counts lines: `\r\n`, a lone `\r`, `\n`, and the Unicode breaks NEL, LS and PS.
    static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                starts.append(index)
            } else if byte == 0x0A {
                index += 1
                starts.append(index)
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                index += 2
                starts.append(index)
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                index += 3
                starts.append(index)
            } else {
                index += 1
            }
        }
        return starts
    }

    /// Turns the event stream into trees.
    private struct Builder {
        enum Frame {
            case sequence([YAMLNode], YAMLMark, anchor: String?)
            case mapping([(key: YAMLScalar, value: YAMLNode)], pendingKey: YAMLScalar?, YAMLMark, anchor: String?)
        }

        let bytes: [UInt8]
        let lineStarts: [Int]
        var stack: [Frame] = []
        var anchors: [String: YAMLNode] = [:]
        var documents: [YAMLNode] = []

        /// libyaml counts lines and columns from 0 and columns in characters; offsets are computed in bytes.
        func mark(_ mark: yaml_mark_t) -> YAMLMark {
            let line = min(Int(mark.line), lineStarts.count - 1)
            var offset = lineStarts[line]
            var column = 0
            let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
            while column < Int(mark.column), offset < lineEnd {
                offset += 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                column += 1
            }
            return YAMLMark(offset: offset, line: line + 1, column: Int(mark.column) + 1)
        }

        mutating func handle(_ event: yaml_event_t) throws(YAMLError) {
            let start = mark(event.start_mark)
            switch event.type {
            case YAML_SEQUENCE_START_EVENT:
                try push(.sequence([], start, anchor: anchorName(event.data.sequence_start.anchor)), at: start)
            case YAML_MAPPING_START_EVENT:
                try push(.mapping([], pendingKey: nil, start, anchor: anchorName(event.data.mapping_start.anchor)), at: start)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                switch frame {
                case .sequence(let items, let mark, let anchor):
                    try add(.sequence(items, start: mark), anchor: anchor, at: start)
                case .mapping(let pairs, _, let mark, let anchor):
                    try add(.mapping(pairs, start: mark), anchor: anchor, at: start)
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
                let style: YAMLScalar.Style
                switch data.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let scalar = YAMLScalar(value: value, style: style, start: start, end: mark(event.end_mark))
                try add(.scalar(scalar), anchor: anchorName(data.anchor), at: start)
            case YAML_ALIAS_EVENT:
                let name = anchorName(event.data.alias.anchor) ?? ""
                guard let node = anchors[name] else { throw YAMLError(message: "unknown alias '*\(name)'", mark: start) }
                try add(node, anchor: nil, at: start)
            default:
                break
            }
        }

        private func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        private mutating func push(_ frame: Frame, at mark: YAMLMark) throws(YAMLError) {
            guard stack.count < YAMLLoader.maximumDepth else {
                throw YAMLError(message: "nesting deeper than \(YAMLLoader.maximumDepth) levels", mark: mark)
            }
            stack.append(frame)
        }

        private mutating func add(_ node: YAMLNode, anchor: String?, at mark: YAMLMark) throws(YAMLError) {
            if let anchor { anchors[anchor] = node }
            guard let top = stack.popLast() else {
                documents.append(node)
                return
            }
            switch top {
            case .sequence(var items, let start, let anchor):
                items.append(node)
                stack.append(.sequence(items, start, anchor: anchor))
            case .mapping(var pairs, let pendingKey, let start, let anchor):
                if let pendingKey {
                    pairs.append((pendingKey, node))
                    stack.append(.mapping(pairs, pendingKey: nil, start, anchor: anchor))
                } else {
                    guard case .scalar(let key) = node else {
                        throw YAMLError(message: "only scalar mapping keys are supported", mark: mark)
                    }
                    stack.append(.mapping(pairs, pendingKey: key, start, anchor: anchor))
                }
            }
        }
    }
}
