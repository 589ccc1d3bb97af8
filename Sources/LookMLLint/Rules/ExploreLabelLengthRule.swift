import LookMLProject
import LookMLSyntax

/// LK203: explore labels too long for the menu.
struct ExploreLabelLengthRule: FileLintRule {
    static let description = RuleDescription(
        code: "LK203", name: "explores.label_length",
        summary: "An explore label (written, or derived from the name) longer than 25 characters.",
        groups: [.style], severity: .warning,
        rationale: """
        The Explore menu cuts long labels, and users cannot tell `Braze Email Message Engagement…` from its
        neighbours. Keep labels short (`max_length`, 25 by default) and move detail to `description`. Without a
        `label`, Looker shows the name with underscores as spaces.
        """,
        options: [RuleOption("max_length", default: .int(25), "The longest label allowed, in characters.")],
        triggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              label: ↓"Orders with their users and refunds"
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: ↓orders_with_users_and_refunds {
              view_name: orders
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
        ],
        nonTriggering: [
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              label: "Orders"
              description: "Orders with their users and refunds."
            }
            """, ExampleFile("views/orders.view.lkml", ordersView)),
            RuleExample.model("""
            connection: "warehouse"
            include: "/views/*.view.lkml"

            explore: orders {
              label: "Orders with their users and refunds"
            }
            """, ExampleFile("views/orders.view.lkml", ordersView), options: ["max_length": .int(40)]),
        ])

    func check(_ file: FileSyntax, _ sink: RuleSink) {
        let limit = sink.int("max_length")
        for explore in file.explores {
            if let label = explore.syntax.scalar("label") {
                guard label.text.count > limit, !label.text.contains("{{"), !label.text.contains("{%") else { continue }
                sink.report("explore label '\(label.text)' is \(label.text.count) characters; keep it to \(limit)", at: explore.syntax.location(label.token.textRange))
            } else if !explore.isRefinement {
                let derived = explore.name.replacingOccurrences(of: "_", with: " ")
                guard derived.count > limit else { continue }
                sink.report("explore '\(explore.name)' has no label, and its name shows as a \(derived.count)-character label; add a 'label' of at most \(limit)",
                            at: explore.location)
            }
        }
    }
}
