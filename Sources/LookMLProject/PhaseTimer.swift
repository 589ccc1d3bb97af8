#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Phase times for profiling large projects: with `LOOKML_TIMINGS` set in the environment, each `mark` prints the
/// wall time since the previous one to standard error (`lookml: 1.234 s  parse`). Without it, marks cost one check.
public enum PhaseTimer {
    private static let enabled = getenv("LOOKML_TIMINGS") != nil
    private static let last = Mutex<Double>(now())

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Starts timing: the next `mark` measures from here.
    public static func start() {
        guard enabled else { return }
        let time = now()
        last.withLock { $0 = time }
    }

    /// Ends the phase named `phase`.
    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let time = now()
        let elapsed = last.withLock { previous in
            defer { previous = time }
            return time - previous
        }
        let line = "lookml: " + String(Int(elapsed * 1000)) + " ms  " + phase() + "\n"
        var bytes = Array(line.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
