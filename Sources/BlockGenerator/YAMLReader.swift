import NameSuggestions
import YAMLSupport

/// Typed reading of a YAML document with errors that name the key and its position. Every mapping is read through
/// `MappingReader`, which records the keys it was asked for, so unknown keys can be reported (with a suggestion).
struct YAMLReader {
    let path: String

    func error(_ node: YAMLNode, _ message: String) -> BlockError {
        BlockError(path: path, at: node.start, message)
    }

    func error(_ scalar: YAMLScalar, _ message: String) -> BlockError {
        BlockError(path: path, at: scalar.start, message)
    }

    /// Loads the single document of a file; an empty file is an empty mapping.
    func document(_ bytes: [UInt8]) throws(BlockError) -> YAMLNode {
        do throws(YAMLError) {
            return try YAMLLoader.loadDocument(bytes) ?? .mapping([], start: YAMLMark(offset: 0, line: 1, column: 1))
        } catch {
            throw BlockError(path: path, at: error.mark, "invalid YAML: \(error.message)")
        }
    }

    func mapping(_ node: YAMLNode, _ what: String) throws(BlockError) -> MappingReader {
        if node.isNull { return MappingReader(reader: self, pairs: [], start: node.start) }
        guard let pairs = node.pairs else { throw error(node, "\(what) must be a mapping") }
        var seen: Set<String> = []
        for pair in pairs where !seen.insert(pair.key.value).inserted {
            throw error(pair.key, "key '\(pair.key.value)' appears twice")
        }
        return MappingReader(reader: self, pairs: pairs, start: node.start)
    }

    func sequence(_ node: YAMLNode, _ what: String) throws(BlockError) -> [YAMLNode] {
        if node.isNull { return [] }
        guard let items = node.items else { throw error(node, "\(what) must be a list") }
        return items
    }

    func string(_ node: YAMLNode, _ what: String) throws(BlockError) -> String {
        guard let scalar = node.scalar else { throw error(node, "\(what) must be a single value, not a list or mapping") }
        return scalar.value
    }

    func bool(_ node: YAMLNode, _ what: String) throws(BlockError) -> Bool {
        guard let value = node.bool else { throw error(node, "\(what) must be true or false") }
        return value
    }

    func int(_ node: YAMLNode, _ what: String) throws(BlockError) -> Int {
        guard let value = node.int else { throw error(node, "\(what) must be an integer") }
        return value
    }

    /// A mapping of names to single values (`views: {a: b}`), in file order, with each key's scalar.
    func stringMap(_ node: YAMLNode, _ what: String) throws(BlockError) -> [(key: YAMLScalar, value: YAMLScalar)] {
        var result: [(key: YAMLScalar, value: YAMLScalar)] = []
        let map = try mapping(node, what)
        for pair in map.pairs {
            guard let scalar = pair.value.scalar, !pair.value.isNull else {
                throw error(pair.value, "\(what) '\(pair.key.value)' must be a single name")
            }
            result.append((pair.key, scalar))
            map.used.insert(pair.key.value)
        }
        return result
    }
}

/// One mapping being read; remembers which keys were read so the rest can be reported as unknown.
final class MappingReader {
    let reader: YAMLReader
    let pairs: [(key: YAMLScalar, value: YAMLNode)]
    let start: YAMLMark
    var used: Set<String> = []

    init(reader: YAMLReader, pairs: [(key: YAMLScalar, value: YAMLNode)], start: YAMLMark) {
        self.reader = reader
        self.pairs = pairs
        self.start = start
    }

    /// The value of `key`, or nil when absent (a `null` value counts as absent).
    func optional(_ key: String) -> YAMLNode? {
        used.insert(key)
        guard let node = pairs.first(where: { $0.key.value == key })?.value, !node.isNull else { return nil }
        return node
    }

    func keyScalar(_ key: String) -> YAMLScalar? { pairs.first { $0.key.value == key }?.key }

    func required(_ key: String, in what: String) throws(BlockError) -> YAMLNode {
        guard let node = optional(key) else {
            throw BlockError(path: reader.path, at: start, "\(what) needs '\(key)'")
        }
        return node
    }

    func string(_ key: String, in what: String) throws(BlockError) -> String {
        try reader.string(try required(key, in: what), "'\(key)'")
    }

    func optionalString(_ key: String) throws(BlockError) -> String? {
        guard let node = optional(key) else { return nil }
        return try reader.string(node, "'\(key)'")
    }

    func optionalBool(_ key: String) throws(BlockError) -> Bool? {
        guard let node = optional(key) else { return nil }
        return try reader.bool(node, "'\(key)'")
    }

    /// Throws for the first key that was never asked for, suggesting the closest known key.
    func rejectUnknownKeys(in what: String) throws(BlockError) {
        for pair in pairs where !used.contains(pair.key.value) {
            let suggestion = used.min { editDistance($0, pair.key.value) < editDistance($1, pair.key.value) }
                .flatMap { editDistance($0, pair.key.value) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
            let known = used.sorted().joined(separator: ", ")
            throw BlockError(path: reader.path, at: pair.key.start,
                             "unknown key '\(pair.key.value)' in \(what)\(suggestion); known keys: \(known)")
        }
    }
}

/// The closest of `candidates` to `name` when it is close enough to be a likely typo.
func suggestion(for name: String, among candidates: some Sequence<String>) -> String {
    guard let best = candidates.min(by: { editDistance($0, name) < editDistance($1, name) }),
          editDistance(best, name) <= max(2, name.count / 4) else { return "" }
    return " (did you mean '\(best)'?)"
}
