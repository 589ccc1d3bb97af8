import LookMLProject
import LookMLSyntax

/// A rule that reports, under its own code, what `lookml check` finds under some of the checker's ids. The checker
/// runs once per lint (`LintContext.checkFindings`); each wrapping rule selects its ids.
protocol CheckerBackedRule: ProjectLintRule {
    /// The checker ids (`LKM-C001`) this rule reports.
    static var checkIDs: Set<String> { get }
    /// Which files: LookML only (the default), or YAML dashboards only.
    static var inDashboards: Bool { get }
}

extension CheckerBackedRule {
    static var inDashboards: Bool { false }

    func check(_ context: LintContext, _ sink: RuleSink) {
        for finding in context.checkFindings where Self.checkIDs.contains(finding.id) {
            let isDashboard = context.project.files[finding.file]?.kind == .dashboard
            guard isDashboard == Self.inDashboards else { continue }
            sink.report("\(finding.message) (\(finding.code))", file: finding.file, range: finding.range)
        }
    }
}
