import LookMLProject
import LookMLSyntax
import YAMLSupport

/// Answers several rules share, on top of `LintContext`.
extension LintContext {
    /// The fields of a view across the whole project: every definition and refinement of the name, then through
    /// `extends` its ancestors' (a field redefined lower down hides the inherited one). For rules that look at a view
    /// on its own, whichever model includes it.
    public func projectFields(ofView name: String) -> [FieldSummary] {
        var visiting = Set<String>()
        func collect(_ name: String) -> [FieldSummary] {
            guard visiting.insert(name).inserted else { return [] }
            let definitions = summary.views(named: name)
            var own = definitions.flatMap(\.fields)
            let ownNames = Set(own.map(\.name))
            for parent in definitions.flatMap(\.extends) { own += collect(parent).filter { !ownNames.contains($0.name) } }
            return own
        }
        return collect(name)
    }

    /// True when the view (refinements and ancestors included, project-wide) has a `primary_key: yes` field.
    public func hasPrimaryKeyAnywhere(_ view: String) -> Bool {
        // A key of the view's own is never hidden; without `extends` there is nothing else to look at.
        let definitions = summary.views(named: view)
        if definitions.contains(where: { $0.fields.contains(where: \.isPrimaryKey) }) { return true }
        if definitions.allSatisfy({ $0.extends.isEmpty }) { return false }
        return projectFields(ofView: view).contains { $0.isPrimaryKey }
    }

    /// Base views (not refinements), in file order.
    public var baseViews: [ViewSummary] { summary.views.filter { !$0.isRefinement } }

    /// Every field tagged with a Braze tag that an explore shows, as `alias.field`: fields its or its joins'
    /// `fields:` leave out are not in any of its Looks, so the action never sees them.
    public func brazeFields(of use: ExploreUse) -> [BrazeField] {
        brazeFieldsByExplore[Self.brazeKey(use)] ?? Self.collectBrazeFields(of: use, summary: summary)
    }

    static func brazeKey(_ use: ExploreUse) -> String { "\(use.modelName)/\(use.name)" }

    static func collectBrazeFields(of use: ExploreUse, summary: ProjectSummary, memo: FieldDefinitionMemo? = nil,
                                   brazeViews: Set<String>? = nil) -> [BrazeField] {
        var result: [BrazeField] = []
        for (alias, definition) in use.scope.visibleFields(ofExplore: use.name, flagged: .brazeTag, memo: memo ?? FieldDefinitionMemo(use.scope),
                                                           among: brazeViews) ?? [] {
            guard let field = summary.field(definition) else { continue }
            for tag in field.tags where tag.brazeTag != nil {
                result.append(BrazeField(alias: alias, field: field, tag: tag))
            }
        }
        return result
    }

    /// Every dashboard element that names a model and an explore, with the explore's aliases.
    public var dashboardQueries: [DashboardQuery] {
        var result: [DashboardQuery] = []
        let scopesByModel = Dictionary(scopes.map { ($0.model.name, $0) }, uniquingKeysWith: { first, _ in first })
        for path in project.paths {
            guard let root = project.files[path]?.yaml else { continue }
            for dashboard in root.items ?? [root] {
                for element in dashboard["elements"]?.items ?? [] {
                    guard let model = element["model"]?.string, let explore = element["explore"]?.string,
                          let scope = scopesByModel[model], let aliases = scope.aliases(ofExplore: explore) else { continue }
                    result.append(DashboardQuery(file: path, element: element, scope: scope, explore: explore, aliases: aliases))
                }
            }
        }
        return result
    }
}

/// Whether views have a primary key as a model sees them, remembered: many explores join the same views.
struct PrimaryKeyMemo {
    let context: LintContext
    private var known: [String: Bool] = [:]

    init(_ context: LintContext) { self.context = context }

    mutating func hasPrimaryKey(_ view: String, in scope: ModelScope) -> Bool {
        let key = scope.model.name + "\u{0}" + view
        if let answer = known[key] { return answer }
        let answer = context.hasPrimaryKey(view, in: scope)
        known[key] = answer
        return answer
    }
}

/// A Braze-tagged field as an explore shows it.
public struct BrazeField: Sendable {
    public let alias: String
    public let field: FieldSummary
    public let tag: TagSyntax
    public var qualifiedName: String { "\(alias).\(field.name)" }
}

/// A dashboard element that queries an explore.
public struct DashboardQuery {
    public let file: String
    public let element: YAMLNode
    public let scope: ModelScope
    public let explore: String
    public let aliases: [String: String]
}

/// One entry of a `tags:` list, as written.
public struct TagSyntax: Sendable {
    public var value: ScalarValue
    public var text: String { value.text }
    public var isQuoted: Bool { value.isString }
    public var brazeTag: BrazeTag? { BrazeTag(text) }
}

/// The `${qualifier.name}` substitutions in a range of bytes (an expression's), with the range of each qualifier
/// (absolute offsets).
func qualifiedSubstitutions(in range: Range<Int>, bytes: [UInt8]) -> [(qualifier: String, name: String, range: Range<Int>)] {
    var result: [(String, String, Range<Int>)] = []
    var index = range.lowerBound
    let end = range.upperBound
    func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }
    while index + 1 < end {
        guard bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{") else { index += 1; continue }
        var close = index + 2
        while close < end, bytes[close] != UInt8(ascii: "}") { close += 1 }
        guard close < end else { break }
        var start = index + 2, stop = close
        while start < stop, bytes[start] == 0x20 { start += 1 }
        while stop > start, bytes[stop - 1] == 0x20 { stop -= 1 }
        let inner = bytes[start..<stop]
        if let dot = inner.firstIndex(of: UInt8(ascii: ".")) {
            let qualifier = bytes[start..<dot], name = bytes[(dot + 1)..<stop]
            if !qualifier.isEmpty, !name.isEmpty, qualifier.allSatisfy(isNameByte), name.allSatisfy(isNameByte) {
                result.append((String(decoding: qualifier, as: UTF8.self), String(decoding: name, as: UTF8.self), start..<dot))
            }
        }
        index = close + 1
    }
    return result
}
