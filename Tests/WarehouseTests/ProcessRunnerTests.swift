import Testing
import Warehouse

@Suite("Process runner")
struct ProcessRunnerTests {
    @Test("returns the exit status and the interleaved output")
    func exitStatusAndOutput() {
        let result = ProcessRunner.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(result.termination == .exited(3))
        #expect(result.output == "out\nerr\n")
        #expect(!result.succeeded)
    }

    @Test("check throws with the command, the status and the output")
    func checkThrows() {
        let failure = #expect(throws: ProcessFailure.self) {
            try ProcessRunner.check("/bin/sh", ["-c", "echo something broke >&2; exit 4"])
        }
        #expect(failure?.result.termination == .exited(4))
        #expect(failure?.description.contains("exit status 4") == true)
        #expect(failure?.description.contains("something broke") == true)
        #expect(throws: Never.self) { try ProcessRunner.check("/bin/true", []) }
    }

    @Test("a child past its timeout is killed; a missing program is reported")
    func timeoutAndMissing() {
        let started = ContinuousClock.now
        #expect(ProcessRunner.run("/bin/sleep", ["20"], timeout: .milliseconds(200)).termination == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(5))
        guard case .notStarted = ProcessRunner.run("/nonexistent/program", []).termination else {
            Issue.record("expected notStarted")
            return
        }
    }

    @Test("the working directory and environment are the child's")
    func directoryAndEnvironment() {
        let result = ProcessRunner.run("/bin/sh", ["-c", "pwd; echo $ONLY"], workingDirectory: "/tmp", environment: ["ONLY": "this"])
        #expect(result.output == "/tmp\nthis\n")
    }

    @Test("a daemon left behind does not hold up the caller")
    func daemonDoesNotHang() {
        let started = ContinuousClock.now
        let result = ProcessRunner.run("/bin/sh", ["-c", "sleep 3 & echo started"])
        #expect(result.output == "started\n")
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
