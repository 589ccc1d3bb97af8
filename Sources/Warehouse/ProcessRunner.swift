import CProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended.
public enum Termination: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)
    /// It ran past the timeout and was killed.
    case timedOut
    /// It could not be started (errno).
    case notStarted(Int32)

    public var description: String {
        switch self {
        case .exited(let code): return "exit status \(code)"
        case .signalled(let signal): return "killed by signal \(signal)"
        case .timedOut: return "timed out"
        case .notStarted(let code): return "could not start: \(String(cString: strerror(code)))"
        }
    }
}

/// A finished child process: how it ended and what it wrote to standard output and error (interleaved).
public struct ProcessResult: Sendable {
    public var command: [String]
    public var termination: Termination
    public var output: String

    public var succeeded: Bool { termination == .exited(0) }
}

/// A child process that did not succeed: the command, how it ended and everything it printed.
public struct ProcessFailure: Error, Sendable, CustomStringConvertible {
    public var result: ProcessResult

    public var description: String {
        let output = result.output.trimmingWhitespace()
        return "'\(result.command.joined(separator: " "))' failed (\(result.termination))" + (output.isEmpty ? "" : ":\n" + output)
    }
}

/// Runs subprocesses (initdb, pg_ctl) and captures their output — the one place the toolkit starts programs.
///
/// Output goes to an unlinked temporary file rather than a pipe, so a daemon that a child leaves behind
/// (the postmaster that `pg_ctl start` forks) can never hold a pipe open and hang the caller. The child gets
/// `/dev/null` as standard input, no other inherited descriptors, and its own process group (so a Ctrl-C at the
/// terminal reaches the toolkit, which then shuts the server down in order).
public enum ProcessRunner {
    /// Runs `executable` with `arguments`; returns however it ended. `user` runs it as another user through
    /// `runuser` (only when this process is root).
    public static func run(_ executable: String, _ arguments: [String], user: String? = nil,
                           workingDirectory: String? = nil, environment: [String: String]? = nil,
                           timeout: Duration = .seconds(120)) -> ProcessResult {
        var command = [executable] + arguments
        if let user, geteuid() == 0 { command = ["/usr/sbin/runuser", "-u", user, "--"] + command }
        let path = command[0]

        var template = Array("/tmp/lookml-process-XXXXXX".utf8CString)
        let outputDescriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard outputDescriptor >= 0 else { return ProcessResult(command: command, termination: .notStarted(errno), output: "") }
        _ = fcntl(outputDescriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(outputDescriptor) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, outputDescriptor, 2)
        lookml_spawn_add_closefrom(&actions, 3)
        if let workingDirectory { lookml_spawn_add_chdir(&actions, workingDirectory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let environmentList = (environment ?? currentEnvironment()).map { "\($0.key)=\($0.value)" }.sorted()
        let argv = command.map { strdup($0) } + [nil]
        let envp = environmentList.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { return ProcessResult(command: command, termination: .notStarted(spawned), output: "") }

        let termination = wait(for: pid, timeout: timeout)
        return ProcessResult(command: command, termination: termination, output: readAll(outputDescriptor))
    }

    /// Like `run`, but a child that does not exit with status 0 is an error carrying its status and output.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String], user: String? = nil,
                             workingDirectory: String? = nil, environment: [String: String]? = nil,
                             timeout: Duration = .seconds(120)) throws(ProcessFailure) -> ProcessResult {
        let result = run(executable, arguments, user: user, workingDirectory: workingDirectory,
                         environment: environment, timeout: timeout)
        guard result.succeeded else { throw ProcessFailure(result: result) }
        return result
    }

    private static func wait(for pid: pid_t, timeout: Duration) -> Termination {
        let deadline = ContinuousClock.now + timeout
        var pause: UInt32 = 500
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { return .exited(-1) }
            if ContinuousClock.now >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func readAll(_ descriptor: Int32) -> String {
        lseek(descriptor, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This process's environment.
    public static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}
