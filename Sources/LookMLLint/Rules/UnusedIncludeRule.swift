import LookMLProject
import LookMLSyntax

/// LK302: includes whose files the model never uses.
struct UnusedIncludeRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK302", name: "includes.unused",
        summary: "A model's `include:` whose files hold only views that none of the model's explores use.",
        groups: [.maintainability, .performance], severity: .warning,
        rationale: """
        Every included file is parsed and validated with the model, and its views become candidates for name
        clashes. An include that brings in nothing the model's explores join is dead weight: narrow the pattern or
        remove it. Files that define explores, datagroups or anything besides views count as used, and so do
        dashboards.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/orders.view.lkml"
            include: "↓/views/users.view.lkml"

            explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/orders.view.lkml"
            include: "/explores/*.explore.lkml"
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("explores/orders.explore.lkml", """
            explore: orders {}
            """)),
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/orders.view.lkml"
            include: "/views/users.view.lkml"

            explore: orders {
              join: users {
                sql_on: ${orders.user_id} = ${users.id} ;;
                relationship: many_to_one
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        var viewsByFile: [String: [String]] = [:]
        for view in context.summary.views { viewsByFile[view.file, default: []].append(view.name) }
        // View names referenced in each file (a view's references to itself left out).
        var viewReferences: [String: Set<String>] = [:]
        for reference in context.viewReferences {
            if case .view(let owner) = reference.scope, owner == reference.name { continue }
            viewReferences[reference.location.file, default: []].insert(reference.name)
        }
        for scope in context.scopes {
            let model = scope.model
            // Views the model's explores use, with their ancestors, and views named anywhere in the model's files.
            var used = Set<String>()
            for use in context.exploreUses where use.scope.model.name == model.name { used.formUnion(use.aliases.values) }
            for file in scope.files { used.formUnion(viewReferences[file] ?? []) }
            var queue = Array(used)
            while let name = queue.popLast() {
                for view in context.views(named: name, in: scope) {
                    for parent in view.extends where used.insert(parent).inserted { queue.append(parent) }
                }
            }
            for include in model.includes {
                guard case .files(let matches) = context.project.resolve(include: include.pattern, from: model.file), !matches.isEmpty else { continue }
                let useful = matches.contains { path in
                    guard let file = context.summary.files[path], !file.definesMoreThanViews else { return true }
                    return viewsByFile[path, default: []].contains { used.contains($0) }
                }
                guard !useful else { continue }
                sink.report("include '\(include.pattern)' brings only views that no explore of model '\(model.name)' uses", at: include.location)
            }
        }
    }
}
