import Foundation
import LookMLCommands
import LookMLLint
import LookMLProject
import LookMLSyntax

/// A project from in-memory files (project-relative paths).
func makeProject(_ files: [(path: String, text: String)]) -> Project {
    Project(files: files.map { ProjectFile(path: $0.path, bytes: Array($0.text.utf8)) })
}

func makeProject(_ files: [String: String]) -> Project {
    makeProject(files.map { ($0.key, $0.value) })
}

/// Lints a project with a configuration; by default every default rule runs.
func lint(_ project: Project, configuration: LintConfiguration = LintConfiguration()) -> [LintFinding] {
    Linter(configuration: configuration).lint(project).findings
}

/// `file:line:col code` for each finding, for readable expectations.
func summary(_ findings: [LintFinding], in project: Project) -> [String] {
    findings.map { finding in
        let location = project.files[finding.file].map { $0.source.location(of: finding.range.lowerBound) }
        return "\(finding.file):\(location?.line ?? 0):\(location?.column ?? 0) \(finding.code)"
    }
}

/// The result of running `lookml` in-process.
struct ToolRun {
    let exitCode: Int32
    let output: String
    let error: String
}

func runTool(_ arguments: [String], files: InMemoryFileSystem, environment: [String: String] = [:]) -> ToolRun {
    let capture = CapturingConsole()
    let context = CommandContext(console: capture.console, fileSystem: files, environment: environment)
    let code = LookMLTool.run(arguments, context: context)
    return ToolRun(exitCode: code, output: capture.outputText, error: capture.errorText)
}

/// The repository root (for docs/rules.md).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A small project with a few findings of different severities, for command and reporter tests.
enum SampleProject {
    static let model = """
    connection: "warehouse"
    include: "/views/*.view.lkml"

    explore: orders {
      join: users {
        sql_on: ${orders.user_id} = ${users.id} ;;
      }
    }
    """

    static let orders = """
    view: orders {
      sql_table_name: shop.orders ;;
      dimension: id {
        primary_key: yes
        sql: ${TABLE}.id ;;
      }
      dimension: user_id {
        sql: ${TABLE}.user_id ;;
        tags: [braze_id]
      }
      measure: count {
        type: count
      }
    }
    """

    static let users = """
    view: users {
      sql_table_name: shop.users ;;
      dimension: id {
        sql: ${TABLE}.id ;;
      }
      dimension: email {
        sql: ${TABLE}.email ;;
      }
    }
    """

    static var files: [String: String] {
        ["p/models/shop.model.lkml": model, "p/views/orders.view.lkml": orders, "p/views/users.view.lkml": users]
    }

    static func fileSystem(_ extra: [String: String] = [:]) -> InMemoryFileSystem {
        InMemoryFileSystem(files: files.merging(extra) { $1 })
    }
}
