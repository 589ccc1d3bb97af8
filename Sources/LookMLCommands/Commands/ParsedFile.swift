import LookMLSyntax

/// Reads and parses files on all cores, keeping their order.
struct ParsedFiles {
    /// One file's outcome: its tree, or the error that stopped it from being read.
    enum Outcome {
        case parsed(SyntaxTree)
        case unreadable(CommandError)
    }

    static func parse(_ paths: [String], fileSystem: any FileSystem) -> [Outcome] {
        parallelMap(paths.count) { index in
            do throws(CommandError) {
                let bytes = try fileSystem.read(paths[index])
                return .parsed(SyntaxTree.parse(SourceFile(path: paths[index], bytes: bytes)))
            } catch {
                return .unreadable(error)
            }
        }
    }
}

extension CommandContext {
    /// Prints a file's diagnostics to standard error, coloured on a terminal.
    func report(_ diagnostics: [Diagnostic], in source: SourceFile) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(colored: console.colorsErrors)
        console.err(diagnostics.map { renderer.render($0, in: source) }.joined())
    }
}
