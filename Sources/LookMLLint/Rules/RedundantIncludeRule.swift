import LookMLProject
import LookMLSyntax

/// LK303: includes already covered by earlier ones.
struct RedundantIncludeRule: ProjectLintRule {
    static let description = RuleDescription(
        code: "LK303", name: "includes.redundant",
        summary: "An `include:` whose files an earlier include of the same file already matches.",
        groups: [.maintainability], severity: .warning,
        rationale: """
        A second include of the same files changes nothing; it only makes the list longer to read and easy to get
        wrong when files move. Remove it.
        """,
        fix: "Removes the include's line.",
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"
            include: "↓/views/orders.view.lkml"

            explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/orders.view.lkml"
            include: "/views/users.view.lkml"

            explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView), ExampleFile("views/users.view.lkml", usersView)),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for (path, includes) in context.project.includes.sorted(by: { $0.key < $1.key }) {
            var seen = Set<String>()
            for include in includes {
                guard case .files(let matches) = context.project.resolve(include: include.pattern, from: path), !matches.isEmpty else { continue }
                if matches.allSatisfy(seen.contains) {
                    sink.report("include '\(include.pattern)' matches only files that earlier includes already bring in", at: include.location,
                                fix: lineRemoval(include.location, in: context))
                }
                seen.formUnion(matches)
            }
        }
    }

    /// Removes the whole `include:` line when it stands alone on it.
    private func lineRemoval(_ location: SourceRange, in context: LintContext) -> Fix? {
        guard let line = context.summary.files[location.file]?.includeLines.first(where: { $0.range.contains(location.range.lowerBound) }),
              let removal = line.removal else { return nil }
        return Fix("removed the redundant include", edits: [TextEdit(range: removal, replacement: "")])
    }
}
