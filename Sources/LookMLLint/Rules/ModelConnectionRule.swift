import LookMLProject
import LookMLSyntax

/// LK304: models without a connection.
struct ModelConnectionRule: FileLintRule {
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

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        guard let model = file.file.modelName, let reader = file.reader else { return }
        let items = file.topLevelFields
        guard !items.contains(where: { reader.key($0) == "connection" }),
              let explore = items.first(where: { reader.key($0) == "explore" }) else { return }
        sink.report("model '\(model)' has explores but no 'connection'", file: file.path, range: explore.key.textRange)
    }
}
