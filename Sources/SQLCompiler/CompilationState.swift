import LookMLProject
import SQLDialect

/// What a query and the native derived tables compiled inside it share: the model, the dialect, the CTEs,
/// the diagnostics and the LookML texts read.
final class CompilationState {
    let model: ResolvedModel
    let profile: DialectProfile

    private(set) var ctes: [(name: String, body: SQLText)] = []
    private var cteNames: Set<String> = []
    private var ctesInProgress: Set<String> = []
    private(set) var diagnostics: [CompileDiagnostic] = []
    private var diagnosticKeys: Set<CompileDiagnostic> = []
    private(set) var expressions: [(text: LookMLScalar, owner: SQLOwner)] = []
    private var expressionKeys: Set<SourceRange> = []

    init(model: ResolvedModel, profile: DialectProfile) {
        self.model = model
        self.profile = profile
    }

    func report(_ kind: CompileDiagnostic.Kind, _ message: String, at location: SourceRange, owner: SQLOwner?, suggestion: String? = nil) {
        let diagnostic = CompileDiagnostic(kind: kind, message: message, location: location, owner: owner, suggestion: suggestion)
        if diagnosticKeys.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    func record(_ text: LookMLScalar, owner: SQLOwner) {
        if expressionKeys.insert(text.location).inserted { expressions.append((text, owner)) }
    }

    /// Registers the CTE of a derived table once, after the CTEs its body needs. `build` runs only the first time.
    /// Returns false when the table is already being built (a cycle).
    func registerCTE(_ name: String, build: () -> SQLText) -> Bool {
        if cteNames.contains(name) { return true }
        guard ctesInProgress.insert(name).inserted else { return false }
        let body = build()
        ctesInProgress.remove(name)
        cteNames.insert(name)
        ctes.append((name, body))
        return true
    }
}
