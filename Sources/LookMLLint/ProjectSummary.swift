import LookMLProject
import LookMLSyntax

/// What project rules read of a field: the members rules read most, without the syntax tree.
public struct FieldSummary: Sendable {
    public let view: String
    public let kind: FieldDefinition.Kind
    public let name: String
    public let nameRange: Range<Int>
    public let file: String
    /// `type:` as written.
    public let type: String?
    public let isHidden: Bool
    public let isPrimaryKey: Bool
    /// The entries of the field's `tags:` lists.
    public let tags: [TagSyntax]

    public init(view: String, kind: FieldDefinition.Kind, name: String, nameRange: Range<Int>, file: String, type: String?,
                isHidden: Bool, isPrimaryKey: Bool, tags: [TagSyntax]) {
        self.view = view
        self.kind = kind
        self.name = name
        self.nameRange = nameRange
        self.file = file
        self.type = type
        self.isHidden = isHidden
        self.isPrimaryKey = isPrimaryKey
        self.tags = tags
    }

    public var location: SourceRange { SourceRange(file: file, range: nameRange) }

    /// A range of the field's file.
    public func location(_ range: Range<Int>) -> SourceRange { SourceRange(file: file, range: range) }

    /// The dimension type for type checks: `type:`, else `string` for dimensions and `time` for dimension groups.
    public var effectiveType: String {
        if let type { return type }
        switch kind {
        case .dimension_group: return "time"
        case .measure: return "count"
        default: return "string"
        }
    }

    /// True for dimensions and dimension groups.
    public var isDimension: Bool { kind == .dimension || kind == .dimension_group }
}

/// What project rules read of a `view:` block or refinement.
public struct ViewSummary: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let isRefinement: Bool
    public let file: String
    public let fields: [FieldSummary]
    /// The views it extends.
    public let extends: [String]
    /// `extension: required`.
    public let isExtensionRequired: Bool
    public let sqlTableName: ScalarValue?

    public var location: SourceRange { SourceRange(file: file, range: nameRange) }
}

/// What project rules read of a `join:`.
public struct JoinSummary: Sendable {
    public let alias: String
    public let aliasRange: Range<Int>
    public let file: String
    public let from: String?
    /// True when the join sets `relationship:` at all.
    public let hasRelationship: Bool
    public let relationship: ScalarValue?

    /// The view behind the join: `from:`, else the join's name.
    public var view: String { from ?? alias }
    public var location: SourceRange { SourceRange(file: file, range: aliasRange) }
}

/// What project rules read of an `explore:` block or refinement.
public struct ExploreSummary: Sendable {
    public let name: String
    public let nameRange: Range<Int>
    public let isRefinement: Bool
    public let file: String
    public let joins: [JoinSummary]

    public var location: SourceRange { SourceRange(file: file, range: nameRange) }
}

/// A top-level `include:` of a file: the bytes of the field, and of its whole line when it stands alone on it.
public struct IncludeLine: Sendable {
    public let range: Range<Int>
    public let removal: Range<Int>?
}

/// What project rules read of one file, kept after its tree is dropped.
public struct FileSummary: Sendable {
    public let path: String
    public let views: [ViewSummary]
    public let explores: [ExploreSummary]
    /// True when the file has a top-level field other than `view:` and `include:` (an explore, a datagroup, …), and
    /// for dashboards.
    public let definesMoreThanViews: Bool
    public let includeLines: [IncludeLine]
}

/// The views, fields, explores and joins of every LookML file, as summaries: what project rules read besides the
/// project model.
public struct ProjectSummary: Sendable {
    public private(set) var views: [ViewSummary] = []
    public private(set) var explores: [ExploreSummary] = []
    /// Files by path.
    public private(set) var files: [String: FileSummary] = [:]
    private var viewsByName: [String: [ViewSummary]] = [:]

    /// Indexes the summaries of files (in path order).
    public init(files: [FileSummary]) {
        for file in files {
            self.files[file.path] = file
            views += file.views
            explores += file.explores
            for view in file.views { viewsByName[view.name, default: []].append(view) }
        }
    }

    // Lookups by location search the file's views (and a view's fields), which are in byte order: no index of
    // millions of fields to build or keep.

    /// The summary of a field the project model knows.
    public func field(_ definition: FieldDefinition) -> FieldSummary? {
        let location = definition.location
        guard let views = files[location.file]?.views,
              let view = Self.last(in: views, startingAtOrBefore: location.range.lowerBound, by: \.nameRange.lowerBound),
              let field = Self.last(in: views[view].fields, startingAtOrBefore: location.range.lowerBound, by: \.nameRange.lowerBound)
        else { return nil }
        let summary = views[view].fields[field]
        return summary.nameRange == location.range ? summary : nil
    }

    /// The summary of a view definition.
    public func view(_ definition: ViewDefinition) -> ViewSummary? {
        Self.named(at: definition.location, in: files[definition.location.file]?.views ?? [], by: \.nameRange)
    }

    /// The summary of an explore definition.
    public func explore(_ definition: ExploreDefinition) -> ExploreSummary? {
        Self.named(at: definition.location, in: files[definition.location.file]?.explores ?? [], by: \.nameRange)
    }

    /// The element (in byte order) whose name is exactly at `location`.
    private static func named<Element>(at location: SourceRange, in elements: [Element], by nameRange: (Element) -> Range<Int>) -> Element? {
        guard let index = last(in: elements, startingAtOrBefore: location.range.lowerBound, by: { nameRange($0).lowerBound }),
              nameRange(elements[index]) == location.range else { return nil }
        return elements[index]
    }

    /// Every definition and refinement of a view name, in file order.
    public func views(named name: String) -> [ViewSummary] { viewsByName[name] ?? [] }

    /// The index of the last element whose offset is at most `offset`, in elements sorted by offset.
    private static func last<Element>(in elements: [Element], startingAtOrBefore offset: Int, by key: (Element) -> Int) -> Int? {
        var low = 0, high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if key(elements[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }
}
