import LookMLProject
import LookMLSyntax

/// Reads and parses one file on the calling thread.
enum ParsedFiles {
    /// One file's outcome: its tree, or the error that stopped it from being read.
    enum Outcome {
        case parsed(SyntaxTree)
        case unreadable(CommandError)
    }

    static func parse(_ path: String, fileSystem: any FileSystem) -> Outcome {
        do throws(CommandError) {
            let bytes = try fileSystem.read(path)
            return .parsed(SyntaxTree.parse(SourceFile(path: path, bytes: bytes)))
        } catch {
            return .unreadable(error)
        }
    }
}

/// What a worker thread hands back for one file: the rendered output and diagnostics, never the tree, so that
/// memory stays bounded by the largest files in flight rather than by the whole project.
struct FileReport: Sendable {
    var path: String
    /// The command's output for this file.
    var output: [UInt8] = []
    /// Diagnostics rendered for standard error.
    var diagnostics: String = ""
    var errors = 0
    var warnings = 0
    var bytes = 0
    /// Set when the file could not be read.
    var failure: CommandError?
}

extension CommandContext {
    /// Renders diagnostics for standard error, coloured on a terminal.
    func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        let renderer = DiagnosticRenderer(colored: console.colorsErrors)
        return diagnostics.map { renderer.render($0, in: source) }.joined()
    }

    /// Prints a file's diagnostics to standard error.
    func report(_ diagnostics: [Diagnostic], in source: SourceFile) {
        guard !diagnostics.isEmpty else { return }
        console.err(render(diagnostics, in: source))
    }

    /// Parses every file on all cores, lets `work` turn each tree into a report, and returns the reports in order.
    func parseEach(_ paths: [String], _ work: @escaping @Sendable (SyntaxTree, inout FileReport) -> [Diagnostic]) -> [FileReport] {
        parallelMap(paths.count) { index in
            var report = FileReport(path: paths[index])
            switch ParsedFiles.parse(paths[index], fileSystem: fileSystem) {
            case .unreadable(let error):
                report.failure = error
            case .parsed(let tree):
                let extra = work(tree, &report)
                let all = (tree.diagnostics + extra).sorted { $0.range.lowerBound < $1.range.lowerBound }
                report.bytes = tree.source.bytes.count
                report.errors = all.filter { $0.severity == .error }.count
                report.warnings = all.filter { $0.severity == .warning }.count
                if !all.isEmpty { report.diagnostics = render(all, in: tree.source) }
            }
            return report
        }
    }
}
