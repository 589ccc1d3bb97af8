/// The reference sites of one file, stored compactly: 24 bytes a site, with each distinct name and scope kept once.
///
/// A large project has millions of reference sites; as `Reference` values (strings, a path and a scope each) they
/// would take several times the project's bytes. The table hands out `Reference` values when read.
public struct ReferenceTable: Sendable {
    private struct Entry: Sendable {
        var start: UInt32
        var length: UInt32
        var name: UInt32
        /// Index + 1 into `names`; 0 for none.
        var qualifier: UInt32
        var scope: UInt32
        var kind: UInt8
        var flags: UInt8
    }

    private static let kinds = Array(Reference.Kind.allCases)
    private static let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, UInt8($0)) })
    private static let definitionFlag: UInt8 = 1
    private static let certainFlag: UInt8 = 2

    /// The file the sites are in.
    public let path: String
    private var entries: [Entry] = []
    private var names: [String] = []
    private var scopes: [Reference.Scope] = []
    private var nameIndex: [String: UInt32] = [:]
    private var scopeIndex: [Reference.Scope: UInt32] = [:]

    public init(path: String) { self.path = path }

    /// A table of the given sites (all in `path`).
    public init(path: String, references: [Reference]) {
        self.init(path: path)
        for reference in references { append(reference) }
        finish()
    }

    /// How many sites the table holds.
    public var count: Int { entries.count }

    /// Adds one site (in this table's file).
    public mutating func append(kind: Reference.Kind, name: String, qualifier: String?, range: Range<Int>,
                                scope: Reference.Scope, isDefinition: Bool, isCertain: Bool = true) {
        let kindIndex = Self.kindIndex[kind]!
        entries.append(Entry(start: UInt32(truncatingIfNeeded: range.lowerBound), length: UInt32(truncatingIfNeeded: range.count),
                             name: intern(name), qualifier: qualifier.map { intern($0) + 1 } ?? 0, scope: intern(scope),
                             kind: kindIndex,
                             flags: (isDefinition ? Self.definitionFlag : 0) | (isCertain ? Self.certainFlag : 0)))
    }

    /// Adds one site.
    public mutating func append(_ reference: Reference) {
        append(kind: reference.kind, name: reference.name, qualifier: reference.qualifier, range: reference.location.range,
               scope: reference.scope, isDefinition: reference.isDefinition, isCertain: reference.isCertain)
    }

    /// Drops the lookup tables used while appending (call once the table is complete).
    public mutating func finish() {
        nameIndex = [:]
        scopeIndex = [:]
        // Exact capacity: a growing array keeps up to half its storage unused.
        entries = entries.withUnsafeBufferPointer { Array($0) }
        names = names.withUnsafeBufferPointer { Array($0) }
    }

    /// The sites in the order they were added.
    public var references: [Reference] {
        let path = self.path
        return entries.map { entry in
            var reference = Reference(kind: Self.kinds[Int(entry.kind)], name: names[Int(entry.name)],
                                      qualifier: entry.qualifier == 0 ? nil : names[Int(entry.qualifier) - 1],
                                      location: SourceRange(file: path, range: Int(entry.start)..<Int(entry.start) + Int(entry.length)),
                                      scope: scopes[Int(entry.scope)], isDefinition: entry.flags & Self.definitionFlag != 0)
            reference.isCertain = entry.flags & Self.certainFlag != 0
            return reference
        }
    }

    private mutating func intern(_ name: String) -> UInt32 {
        if let index = nameIndex[name] { return index }
        let index = UInt32(names.count)
        names.append(name)
        nameIndex[name] = index
        return index
    }

    private mutating func intern(_ scope: Reference.Scope) -> UInt32 {
        // Sites come in runs of one scope (a view's fields, an explore's joins): check the last one before hashing.
        if let last = scopes.indices.last, scopes[last] == scope { return UInt32(last) }
        if let index = scopeIndex[scope] { return index }
        let index = UInt32(scopes.count)
        scopes.append(scope)
        scopeIndex[scope] = index
        return index
    }
}
