import LookMLProject
import LookMLSyntax

/// LK304: models without a connection.
struct ModelConnectionRule: LintRule {
    static let description = RuleDescription(
        code: "LK304", name: "models.connection",
        summary: "A model file with explores but no `connection:`.",
        groups: [.correctness], severity: .error,
        rationale: "Looker cannot run a model's queries without a connection; its explores show an error.",
        triggering: [
            RuleExample.model("""
            include: "/views/*.view.lkml"

            ↓explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {}
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ])

    func check(_ context: LintContext, _ sink: RuleSink) {
        for model in context.project.models {
            guard let reader = context.syntax.readers[model.file] else { continue }
            let items = reader.fields(reader.tree.document.items)
            guard !items.contains(where: { reader.key($0) == "connection" }),
                  let explore = items.first(where: { reader.key($0) == "explore" }) else { continue }
            sink.report("model '\(model.name)' has explores but no 'connection'", file: model.file, range: explore.key.textRange)
        }
    }
}
