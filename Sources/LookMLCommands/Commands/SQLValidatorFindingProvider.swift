import LookMLLint
import LookMLProject
import SQLCompiler
import SQLDialect

/// The offline SQL validator (`lookml validate`) as a source of lint findings: what `lookml lint` reports under
/// `sql.dialect` when `.lookml-lint.yml` sets a `dialect:`. Register it as `LintCommand.dialectProvider`.
public struct SQLValidatorFindingProvider: ExternalFindingProvider {
    public init() {}

    public func findings(in project: Project, dialect: String) -> [ExternalFinding] {
        guard let profile = DialectProfile.named(dialect) else { return [] }
        return SQLValidator(compiler: SQLCompiler(project: project), dialect: profile).validate().map { finding in
            ExternalFinding(source: "lookml validate \(finding.code)", severity: finding.severity, message: finding.message,
                            location: SourceRange(file: finding.file, range: finding.range))
        }
    }
}
