import LookMLProject
import LookMLSyntax

/// LK401: dashboard tiles on fields, explores or models that do not exist.
struct DashboardMissingFieldRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.unknownField.0, CheckMessages.unknownExplore.0, CheckMessages.unknownModel.0,
                                        CheckMessages.unknownView.0, CheckMessages.unknownSet.0, CheckMessages.notJoined.0]
    static let inDashboards = true
    static let description = RuleDescription(
        code: "LK401", name: "dashboards.missing_field",
        summary: "A dashboard tile or filter on a field, explore or model that does not exist.",
        groups: [.correctness], severity: .error,
        rationale: """
        A LookML dashboard keeps working after a rename only if its tiles follow. A tile whose field, explore or
        model is gone shows an error instead of data. Every place a dashboard names a field is checked: `fields`,
        `sorts`, `pivots`, `filters`, `listen`, and visualisation settings keyed by field.
        """,
        triggering: [
            RuleExample(files: [
                ExampleFile("models/shop.model.lkml", """
                connection: "warehouse"
                include: "/views/*.view.lkml"
                include: "/dashboards/*.dashboard.lookml"

                explore: orders {}
                """),
                ExampleFile("views/orders.view.lkml", ordersView),
                ExampleFile("dashboards/overview.dashboard.lookml", """
                - dashboard: overview
                  title: Overview
                  elements:
                  - name: orders_by_user
                    model: shop
                    explore: orders
                    type: looker_grid
                    fields: [orders.user_id, orders.↓order_count]
                """),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ExampleFile("models/shop.model.lkml", """
                connection: "warehouse"
                include: "/views/*.view.lkml"
                include: "/dashboards/*.dashboard.lookml"

                explore: orders {}
                """),
                ExampleFile("views/orders.view.lkml", ordersView),
                ExampleFile("dashboards/overview.dashboard.lookml", """
                - dashboard: overview
                  title: Overview
                  elements:
                  - name: orders_by_user
                    model: shop
                    explore: orders
                    type: looker_grid
                    fields: [orders.user_id, orders.count]
                """),
            ]),
        ])
}
