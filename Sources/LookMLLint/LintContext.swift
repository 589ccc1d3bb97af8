import LookMLProject
import LookMLSyntax

/// Everything project rules read: the project model, every file's summary, and answers several rules share — all
/// computed when the context is made (on all cores) and never changed after, so rules can run on several threads at
/// once.
public final class LintContext: Sendable {
    public let project: Project
    public let summary: ProjectSummary
    /// Findings handed in from outside the linter (the offline SQL validator, when a dialect is configured).
    public let externalFindings: [ExternalFinding]
    /// What `lookml check` finds (syntax diagnostics included), for every rule that wraps it.
    public let checkFindings: [Finding]
    /// Each model's scope, by model name order.
    public let scopes: [ModelScope]
    /// Every explore of every model with the views behind its aliases.
    public let exploreUses: [ExploreUse]
    /// Every reference site that names a view (definitions included), in file and byte order: read by more than
    /// one rule, made once.
    public let viewReferences: [Reference]
    /// `brazeFields(of:)` per `model/explore`.
    let brazeFieldsByExplore: [String: [BrazeField]]

    /// The context of a project whose files' summaries are `summary`.
    public init(project: Project, summary: ProjectSummary, externalFindings: [ExternalFinding] = []) {
        self.project = project
        self.summary = summary
        self.externalFindings = externalFindings
        checkFindings = Checker(project: project).check()
        PhaseTimer.mark("check")
        viewReferences = project.references(ofKind: .view)
        PhaseTimer.mark("references to views")
        let scopes = project.models.sorted { $0.name < $1.name }.map { project.scope(of: $0) }
        self.scopes = scopes
        let usesByScope: [[ExploreUse]] = scopes.map { scope in
            scope.explores.keys.sorted().compactMap { name in
                guard let aliases = scope.aliases(ofExplore: name), let definitions = scope.explores[name] else { return nil }
                let base = definitions.first { !$0.isRefinement } ?? definitions[0]
                return ExploreUse(scope: scope, name: name, definition: base, aliases: aliases)
            }
        }
        let uses = usesByScope.flatMap { $0 }
        exploreUses = uses
        // Only an explore that reads a view with a Braze-tagged field (its own, a refinement's or an ancestor's) can
        // show one: the others need no look at their fields. A model's explores share one memo of merged views.
        let brazeViews = LintContext.viewsWithBrazeTags(project)
        PhaseTimer.mark("explores of \(scopes.count) models")
        let fields = parallelMap(usesByScope.count) { index in
            let memo = FieldDefinitionMemo(scopes[index])
            return usesByScope[index].map { use in
                use.aliases.values.contains(where: brazeViews.contains) ? LintContext.collectBrazeFields(of: use, summary: summary, memo: memo, brazeViews: brazeViews) : []
            }
        }.flatMap { $0 }
        brazeFieldsByExplore = Dictionary(zip(uses.map(LintContext.brazeKey), fields), uniquingKeysWith: { first, _ in first })
        PhaseTimer.mark("Braze fields of \(uses.count) explores")
    }

    /// The names of views with a Braze-tagged field in any definition or refinement, and of the views that extend
    /// them, project-wide.
    static func viewsWithBrazeTags(_ project: Project) -> Set<String> {
        var names = Set(project.views.filter { $0.fields.contains(where: \.hasBrazeTag) }.map(\.name))
        var added = !names.isEmpty
        while added {
            added = false
            for view in project.views where !names.contains(view.name) && view.extends.contains(where: names.contains) {
                names.insert(view.name)
                added = true
            }
        }
        return names
    }

    /// True when the view, as one model sees it, declares a `primary_key: yes` dimension.
    public func hasPrimaryKey(_ view: String, in scope: ModelScope) -> Bool {
        scope.fieldDefinitions(ofView: view).contains { $0.isPrimaryKey }
    }

    /// Every join of an explore in a scope: its base definition's, its refinements', and those of the explores it
    /// extends.
    public func joins(ofExplore name: String, in scope: ModelScope) -> [JoinSummary] {
        var visiting = Set<String>()
        func collect(_ name: String) -> [JoinSummary] {
            guard visiting.insert(name).inserted, let definitions = scope.explores[name] else { return [] }
            var joins: [JoinSummary] = []
            for parent in definitions.flatMap(\.extends) { joins += collect(parent) }
            for definition in definitions {
                guard let explore = summary.explore(definition) else { continue }
                joins += explore.joins
            }
            return joins
        }
        return collect(name)
    }

    /// The views (base and refinements) of a view name in a scope.
    public func views(named name: String, in scope: ModelScope) -> [ViewSummary] {
        (scope.views[name] ?? []).compactMap { summary.view($0) }
    }
}

/// One explore as a model sees it: the views behind its aliases.
public struct ExploreUse: Sendable {
    public let scope: ModelScope
    public let name: String
    /// The explore's base definition (not a refinement, when there is one).
    public let definition: ExploreDefinition
    /// Alias → view.
    public let aliases: [String: String]

    public var modelName: String { scope.model.name }
}

/// A finding made outside the linter, reported under one of its rules (see `SQLDialectRule`).
public struct ExternalFinding: Hashable, Sendable {
    public var source: String
    public var severity: Severity
    public var message: String
    public var location: SourceRange

    public init(source: String, severity: Severity, message: String, location: SourceRange) {
        self.source = source
        self.severity = severity
        self.message = message
        self.location = location
    }
}

/// The hook for the offline SQL validator: given a project and a dialect name, it returns its findings.
/// `lookml lint` calls the provider registered for the configured `dialect`; none is registered yet.
public protocol ExternalFindingProvider: Sendable {
    func findings(in project: Project, dialect: String) -> [ExternalFinding]
}
