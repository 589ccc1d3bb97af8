import LookMLProject
import LookMLSyntax

/// LK004: a dashboard file that is not valid YAML.
struct DashboardYAMLRule: CheckerBackedRule {
    static let checkIDs: Set<String> = [CheckMessages.invalidDashboard.0]
    static let inDashboards = true
    static let description = RuleDescription(
        code: "LK004", name: "syntax.dashboard_yaml",
        summary: "A `.dashboard.lookml` file that is not valid YAML.",
        groups: [.correctness], severity: .error,
        rationale: """
        LookML dashboards are YAML. A file that does not load is skipped entirely by Looker, and none of its tiles
        can be checked.
        """,
        triggering: [
            RuleExample("""
            - dashboard: overview
              title: Overview
              elements:
              - name: orders
                ↓- title: [Orders
            """, path: "dashboards/overview.dashboard.lookml"),
        ],
        nonTriggering: [
            RuleExample("""
            - dashboard: overview
              title: Overview
              elements: []
            """, path: "dashboards/overview.dashboard.lookml"),
        ])
}
