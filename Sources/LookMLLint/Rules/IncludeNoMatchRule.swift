import LookMLProject
import LookMLSyntax

/// LK301: include globs that match no file.
struct IncludeNoMatchRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.includeMatchesNothing.0]
    static let description = RuleDescription(
        code: "LK301", name: "includes.no_match",
        summary: "An `include:` pattern that matches no file of the project.",
        groups: [.correctness], severity: .warning,
        rationale: """
        An include that matches nothing is a typo, or a leftover from a moved or deleted file. Patterns start at the
        project root with `/`, are relative to the including file otherwise, and `*.view` means `*.view.lkml`.
        Includes of other projects (`//project/…`) are not checked.
        """,
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "↓/view/*.view.lkml"
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"
            include: "//shared_project/views/*.view.lkml"
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ])
}
