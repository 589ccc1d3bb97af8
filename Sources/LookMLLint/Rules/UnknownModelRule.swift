import LookMLProject
import LookMLSyntax

/// LK013: a model name that resolves to nothing.
struct UnknownModelRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownModel.0]
    static let description = RuleDescription(
        code: "LK013", name: "references.unknown_model",
        summary: "A model named in an explore link (`/explore/model/explore`) that has no `.model.lkml` file.",
        groups: [.correctness], severity: .error,
        rationale: "Links to a model that does not exist lead users to an error page.",
        insideStrings: "explore links are strings (`url: \"/explore/model/explore\"`).",
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              link: {
                label: "Orders by user"
                url: "/explore/↓shopp/orders?fields=orders.id"
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              link: {
                label: "Orders by user"
                url: "/explore/example/orders?fields=orders.id"
              }
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ])
}
