/// The exit codes of every command, in one place.
public enum ExitCode: Int32, Sendable {
    /// Nothing found; the work was done.
    case success = 0
    /// Findings: syntax errors, files that would change under `--check`, check or lint findings.
    case findings = 1
    /// Usage error, or a file that could not be read or written.
    case failure = 2
}

/// Errors that end a command. Each maps to an exit code; the message is printed as `lookml: error: …`.
public enum CommandError: Error, Equatable, CustomStringConvertible {
    /// The command line is wrong; the message says how, and `--help` says more.
    case usage(String)
    /// A file or directory could not be read or written.
    case io(String)

    public var exitCode: ExitCode { .failure }

    public var description: String {
        switch self {
        case .usage(let message), .io(let message): return message
        }
    }
}
