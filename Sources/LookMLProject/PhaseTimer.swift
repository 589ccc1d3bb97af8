#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Phase times for profiling large projects: with `LOOKML_TIMINGS` set in the environment, each `mark` prints the
/// wall time and the CPU time of the whole process (all threads) since the previous one to standard error
/// (`lookml: 1234 ms (cpu 2400 ms)  parse`); CPU near twice the wall time means both cores were busy. Without the
/// variable, marks cost one check.
public enum PhaseTimer {
    private static let enabled = getenv("LOOKML_TIMINGS") != nil
    private static let last = Mutex<(wall: Double, cpu: Double)>((now(CLOCK_MONOTONIC), now(CLOCK_PROCESS_CPUTIME_ID)))

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Starts timing: the next `mark` measures from here.
    public static func start() {
        guard enabled else { return }
        let time = (wall: now(CLOCK_MONOTONIC), cpu: now(CLOCK_PROCESS_CPUTIME_ID))
        last.withLock { $0 = time }
    }

    /// Ends the phase named `phase`.
    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let time = (wall: now(CLOCK_MONOTONIC), cpu: now(CLOCK_PROCESS_CPUTIME_ID))
        let elapsed = last.withLock { previous in
            defer { previous = time }
            return (wall: time.wall - previous.wall, cpu: time.cpu - previous.cpu)
        }
        let line = "lookml: " + String(Int(elapsed.wall * 1000)) + " ms (cpu " + String(Int(elapsed.cpu * 1000)) + " ms)  "
            + phase() + "\n"
        var bytes = Array(line.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
