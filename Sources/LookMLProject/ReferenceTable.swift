import LookMLSyntax

/// The reference sites of one file, stored compactly: 28 bytes a site and no strings for names the file spells out.
///
/// A large project has millions of reference sites; as `Reference` values (strings, a path and a scope each) they
/// would take several times the project's bytes. A LookML site's name is the file's bytes at the site (and its
/// qualifier the bytes at the qualifier's range), so the table keeps ranges and makes the strings when read; other
/// names (a dashboard's YAML escapes) are kept once per file. `references` hands out `Reference` values.
public struct ReferenceTable: Sendable {
    private struct Entry: Sendable {
        var start: UInt32
        var length: UInt32
        /// Index into `names`, or `UInt32.max` when the name is the bytes at `start..<start + length`.
        var name: UInt32
        /// The qualifier's range in the file, or its index into `names` (see `flags`).
        var qualifierStart: UInt32
        var qualifierLength: UInt32
        var scope: UInt32
        var kind: UInt8
        var flags: UInt8
    }

    /// The kinds in the order of `kindIndex`, which is the one place that numbers them.
    private static let kinds = Reference.Kind.allCases.sorted { kindIndex($0) < kindIndex($1) }
    /// The number a site stores for its kind. A switch, not a dictionary: a `String`-backed enum hashes its raw value,
    /// and every site is stored with its kind.
    private static func kindIndex(_ kind: Reference.Kind) -> UInt8 {
        switch kind {
        case .view: return 0
        case .explore: return 1
        case .model: return 2
        case .constant: return 3
        case .connection: return 4
        case .table: return 5
        case .set: return 6
        case .field: return 7
        case .alias: return 8
        }
    }
    private static let definitionFlag: UInt8 = 1
    private static let certainFlag: UInt8 = 2
    private static let qualifierFlag: UInt8 = 4
    /// The qualifier is `names[qualifierStart]`, not the bytes at a range.
    private static let qualifierNamedFlag: UInt8 = 8
    private static let inBytes = UInt32.max

    /// The file the sites are in.
    public let path: String
    private let source: SourceFile
    private var entries: [Entry] = []
    private var names: [String] = []
    private var scopes: [Reference.Scope] = []
    private var nameIndex: [String: UInt32] = [:]
    private var scopeIndex: [Reference.Scope: UInt32] = [:]

    /// An empty table for the sites of `source`.
    public init(source: SourceFile) {
        self.path = source.path
        self.source = source
    }

    /// A table of the given sites (all in `source`).
    public init(source: SourceFile, references: [Reference]) {
        self.init(source: source)
        for reference in references { append(reference) }
        finish()
    }

    /// How many sites the table holds.
    public var count: Int { entries.count }

    /// Adds a site whose name is the file's bytes at `range`, and whose qualifier, if any, the bytes at
    /// `qualifierRange`.
    public mutating func appendSite(kind: Reference.Kind, range: Range<Int>, qualifierRange: Range<Int>? = nil,
                                    scope: Reference.Scope, isDefinition: Bool = false) {
        var flags = Self.certainFlag | (isDefinition ? Self.definitionFlag : 0)
        if qualifierRange != nil { flags |= Self.qualifierFlag }
        entries.append(Entry(start: UInt32(truncatingIfNeeded: range.lowerBound), length: UInt32(truncatingIfNeeded: range.count),
                             name: Self.inBytes, qualifierStart: UInt32(truncatingIfNeeded: qualifierRange?.lowerBound ?? 0),
                             qualifierLength: UInt32(truncatingIfNeeded: qualifierRange?.count ?? 0), scope: intern(scope),
                             kind: Self.kindIndex(kind), flags: flags))
    }

    /// Adds one site (in this table's file); its name is kept as a string only when the bytes at its range differ.
    public mutating func append(_ reference: Reference) {
        let range = reference.location.range
        let spelled = range.lowerBound >= 0 && range.upperBound <= source.bytes.count
            && reference.name.utf8.elementsEqual(source.bytes[range])
        var flags = (reference.isDefinition ? Self.definitionFlag : 0) | (reference.isCertain ? Self.certainFlag : 0)
        var qualifierIndex: UInt32 = 0
        if let qualifier = reference.qualifier {
            flags |= Self.qualifierFlag | Self.qualifierNamedFlag
            qualifierIndex = intern(qualifier)
        }
        entries.append(Entry(start: UInt32(truncatingIfNeeded: range.lowerBound), length: UInt32(truncatingIfNeeded: range.count),
                             name: spelled ? Self.inBytes : intern(reference.name), qualifierStart: qualifierIndex,
                             qualifierLength: 0, scope: intern(reference.scope), kind: Self.kindIndex(reference.kind), flags: flags))
    }

    /// Drops the lookup tables used while appending (call once the table is complete).
    public mutating func finish() {
        nameIndex = [:]
        scopeIndex = [:]
        // Exact capacity: a growing array keeps up to half its storage unused.
        entries = entries.withUnsafeBufferPointer { Array($0) }
    }

    /// The sites in the order they were added.
    public var references: [Reference] { entries.map(reference) }

    /// Calls `body` with each site that uses a name, in the order they were added, making one `Reference` at a time
    /// (no array of them).
    public func forEachUse(_ body: (Reference) -> Void) {
        for index in entries.indices where entries[index].flags & Self.definitionFlag == 0 { body(reference(entries[index])) }
    }

    /// The sites of one kind, in the order they were added (only those are made into `Reference` values).
    public func references(ofKind kind: Reference.Kind) -> [Reference] {
        let index = Self.kindIndex(kind)
        return entries.filter { $0.kind == index }.map(reference)
    }

    private func reference(_ entry: Entry) -> Reference {
        let path = self.path, source = self.source
        let range = Int(entry.start)..<Int(entry.start) + Int(entry.length)
        let name = entry.name == Self.inBytes ? source.text(range) : names[Int(entry.name)]
        var qualifier: String?, qualifierRange: Range<Int>?
        if entry.flags & Self.qualifierFlag != 0 {
            if entry.flags & Self.qualifierNamedFlag != 0 {
                qualifier = names[Int(entry.qualifierStart)]
            } else {
                qualifierRange = Int(entry.qualifierStart)..<Int(entry.qualifierStart) + Int(entry.qualifierLength)
                qualifier = source.text(qualifierRange!)
            }
        }
        var reference = Reference(kind: Self.kinds[Int(entry.kind)], name: name, qualifier: qualifier,
                                  location: SourceRange(file: path, range: range), scope: scopes[Int(entry.scope)],
                                  isDefinition: entry.flags & Self.definitionFlag != 0)
        reference.isCertain = entry.flags & Self.certainFlag != 0
        reference.qualifierRange = qualifierRange
        return reference
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
