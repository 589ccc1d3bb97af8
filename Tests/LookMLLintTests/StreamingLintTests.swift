import LookMLLint
import LookMLProject
import LookMLSyntax
import LookMLTestSupport
import Testing

/// `lookml lint` runs the file rules while each file is loaded and drops the trees; the result must be the one a
/// project kept whole in memory gives.
@Suite("Linting as files load")
struct StreamingLintTests {
    @Test("file rules run at load time and trees dropped give the same findings as a project with its trees", arguments: 1...12)
    func sameFindings(seed: UInt64) {
        var generator = RandomProject(seed: seed)
        var files = generator.files(views: 10, fieldsPerView: 5, mistakes: true)
        // A suppression comment, so directives found at load time are used too.
        files["views/v1.view.lkml"] = "# lookml-lint: disable-file=all - legacy view\n" + files["views/v1.view.lkml"]!
        let linter = Linter()

        let whole = Project(files: files.map { ProjectFile(path: $0.key, bytes: Array($0.value.utf8)) })
        let expected = linter.lint(whole)

        var inspections: [String: FileLintResult] = [:]
        let streamed = Project(files: files.map { path, text in
            ProjectFile(path: path, bytes: Array(text.utf8), retainingTree: false) { file, tree in
                inspections[file.path] = linter.lintFile(file, tree: tree)
            }
        })
        #expect(inspections.count == files.count)
        let result = linter.lint(streamed, files: inspections)

        #expect(!expected.findings.isEmpty)
        #expect(expected.suppressedCount > 0)
        #expect(result.findings == expected.findings)
        #expect(result.suppressedCount == expected.suppressedCount)
    }
}
