import LookMLSyntax

/// Where a name is written: a file of the project and the byte range of the name.
public struct SourceRange: Hashable, Sendable, Comparable {
    public var file: String
    public var range: Range<Int>

    public init(file: String, range: Range<Int>) {
        self.file = file
        self.range = range
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.file, lhs.range.lowerBound) < (rhs.file, rhs.range.lowerBound)
    }
}

/// A field of a view: dimension, dimension group, measure, filter or parameter.
public struct FieldDefinition: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case dimension, dimension_group, measure, filter, parameter
    }

    public var name: String
    public var kind: Kind
    public var type: String?
    public var location: SourceRange
    /// The names the field answers to: its own, or for a dimension group every `name_timeframe`
    /// (`created_date`) or `interval_name` (`days_enrolled`).
    public var expandedNames: [String] {
        get { groupNames ?? [name] }
        set { groupNames = newValue == [name] ? nil : newValue }
    }
    /// Adds the names the field answers to (see `expandedNames`) to a set, without making an array.
    public func insertExpandedNames(into names: inout Set<String>) {
        if let groupNames { names.formUnion(groupNames) } else { names.insert(name) }
    }
    public var tags: [String]
    /// True when any of the field's `tags:` lists (not only the last, which `tags` holds) has a Braze tag.
    public var hasBrazeTag = false
    /// True when the field sets `primary_key: yes`.
    public var isPrimaryKey = false
    public var hidden: Bool
    /// True when the field has a `tags:` member (a list or not).
    public var hasTagsMember = false
    /// The field's `sql:` body, when it has one (read from the file's bytes, not kept as a copy).
    public var sql: String? { sqlRange.map { source.text($0) } }
    /// The byte range of the `sql:` body in `location.file`.
    public var sqlRange: Range<Int>?
    /// A dimension group's expanded names; nil for other fields (they answer to their name alone), so a project's
    /// hundreds of thousands of fields hold no one-element arrays.
    private var groupNames: [String]?
    /// The file the field is written in, for `sql`.
    private let source: SourceFile

    public init(name: String, kind: Kind, type: String?, location: SourceRange, expandedNames: [String], tags: [String],
                hidden: Bool, sqlRange: Range<Int>?, source: SourceFile) {
        self.name = name
        self.kind = kind
        self.type = type
        self.location = location
        self.groupNames = expandedNames == [name] ? nil : expandedNames
        self.tags = tags
        self.hidden = hidden
        self.sqlRange = sqlRange
        self.source = source
    }
}

/// A `view:` block, or a refinement `view: +name`.
public struct ViewDefinition: Sendable {
    public var name: String
    public var isRefinement: Bool
    public var location: SourceRange
    public var extends: [String]
    public var extensionRequired: Bool
    public var fields: [FieldDefinition]
    public var sets: [String: [String]]
    public var sqlTableName: String?
    public var hasDerivedTable: Bool
}

/// A join of an explore: its alias (the join name) and the view it reads.
public struct JoinDefinition: Sendable {
    public var alias: String
    public var from: String?
    public var location: SourceRange
    /// The items of the join's `fields:`, when it has one.
    public var fields: [String]? = nil
    /// The view behind the alias: `from:` when given, else the join name.
    public var view: String { from ?? alias }
}

/// An `explore:` block, or a refinement `explore: +name`.
public struct ExploreDefinition: Sendable {
    public var name: String
    public var isRefinement: Bool
    public var location: SourceRange
    public var from: String?
    public var viewName: String?
    public var extends: [String]
    public var extensionRequired: Bool
    public var joins: [JoinDefinition]
    /// The items of the explore's `fields:`, when it has one.
    public var fields: [String]? = nil
    /// The view behind the explore's own alias: `from:`, else `view_name:`, else the explore's name.
    public var baseView: String { from ?? viewName ?? name }
}

/// A model: the `.model.lkml` file, its includes and connection.
public struct ModelDefinition: Sendable {
    public var name: String
    public var file: String
    public var connection: String?
    public var includes: [(pattern: String, location: SourceRange)]
}

/// A `constant:` from `manifest.lkml`.
public struct ConstantDefinition: Sendable {
    public var name: String
    public var value: String
    public var location: SourceRange
    /// Where the value is written (inside its quotes).
    public var valueLocation: SourceRange? = nil
}

/// A dashboard from a `.dashboard.lookml` file.
public struct DashboardDefinition: Sendable {
    public var name: String
    public var file: String
    public var location: SourceRange
}

extension FieldDefinition.Kind {
    private static let byKnownKey: [Self?] = KnownKey.table(allCases.map { (name: $0.rawValue, value: $0) }, fallback: nil)

    /// The kind a field's key declares (`dimension`, `measure`, …), if it is one, by the key's number.
    public static func of(_ key: KnownKey) -> Self? { byKnownKey[Int(key.rawValue)] }
}

extension FieldDefinition {
    /// A yes/no property of a field that questions about an explore's fields pick by (a value, not a key path: it is
    /// asked of every field of every tagged view of every model, and a key path is looked up at run time each time).
    public enum Flag: Hashable, Sendable {
        /// `hasBrazeTag`.
        case brazeTag
        /// `isPrimaryKey`.
        case primaryKey
        /// `hidden`.
        case hidden
    }

    /// Whether the field has `flag`.
    public func has(_ flag: Flag) -> Bool {
        switch flag {
        case .brazeTag: return hasBrazeTag
        case .primaryKey: return isPrimaryKey
        case .hidden: return hidden
        }
    }
}
