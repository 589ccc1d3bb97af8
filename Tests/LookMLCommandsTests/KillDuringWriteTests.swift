import Foundation
import LookMLTestSupport
import Testing
@testable import LookMLCommands

/// `fmt`, `rename` and `generate` killed with SIGKILL at seeded moments while they write: every file is its old or
/// its new content (never empty, truncated or mixed), the only other files are hidden temporaries that no walk loads,
/// and a normal run afterwards finishes the job and leaves nothing behind. The tests run the real `lookml` binary on
/// the real file system.
@Suite("SIGKILL during writes", .serialized)
struct KillDuringWriteTests {
    /// Kill moments: seeded fractions of the time a complete run spends writing.
    static func delays(seed: UInt64, count: Int, fullRun: Double) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in fullRun * Double.random(in: 0.05...0.95, using: &random) }
    }

    /// A random project of `views` view files (plus a base view, a model and a dashboard), in messy layouts.
    static func project(seed: UInt64, views: Int) -> [String: [UInt8]] {
        var generator = RandomProject(seed: seed)
        return generator.files(views: views, mistakes: false).bytes
    }

    /// Starts `arguments`, waits until it starts writing into `watched` and `delay` seconds more, and kills it.
    /// Returns the pid.
    static func killed(_ arguments: [String], writingInto watched: String, after delay: Double) throws -> pid_t {
        let watch = WriteWatch(watched)
        let process = try ToolProcess.start(arguments)
        while process.isRunning, !watch.changed() { usleep(100) }
        usleep(UInt32(delay * 1_000_000))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// How long a complete run of `arguments` writes: from its first write into `watched` to its exit.
    static func writingTime(_ arguments: [String], writingInto watched: String) throws -> Double {
        let watch = WriteWatch(watched)
        let process = try ToolProcess.start(arguments)
        while process.isRunning, !watch.changed() { usleep(100) }
        let started = Date()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "lookml \(arguments.joined(separator: " ")) failed")
        return Date().timeIntervalSince(started)
    }

    /// The state after a killed run: each of the `old` and `new` files is byte-equal to one of them (absent counts
    /// when it is absent in one), and every other file is a temporary of the killed process: hidden, not LookML by
    /// name, and not found by the walk commands use.
    static func expectOldOrNew(_ root: String, old: [String: [UInt8]], new: [String: [UInt8]], killedPid: pid_t,
                               _ comment: String) throws {
        let after = snapshot(root)
        for path in Set(old.keys).union(new.keys).sorted() {
            let bytes = after[path]
            #expect(bytes == old[path] || bytes == new[path],
                    "\(comment): \(path) is neither its old nor its new content (\(bytes?.count ?? -1) bytes; old \(old[path]?.count ?? -1), new \(new[path]?.count ?? -1))")
        }
        let walked = Set(try LocalFileSystem().files(under: root))
        for path in after.keys.sorted() where old[path] == nil && new[path] == nil {
            let name = String(path.split(separator: "/").last!)
            #expect(name.hasPrefix("."), "\(comment): leftover '\(path)' is not hidden")
            #expect(!name.hasSuffix(".lkml") && !name.hasSuffix(".lookml"), "\(comment): leftover '\(path)' has a LookML name")
            #expect(LocalFileSystem.temporaryOwner(name) == killedPid, "\(comment): '\(path)' is not a temporary of the killed run")
            #expect(!walked.contains(root + "/" + path), "\(comment): the walk finds the leftover '\(path)'")
        }
    }

    @Test("fmt killed while writing: each file old or new, no LookML-named leftovers; a re-run finishes clean")
    func format() throws {
        let scratch = try ScratchDirectory("kill-fmt")
        try scratch.write(Self.project(seed: 0xF0A7, views: 200), under: "pristine")
        try scratch.copy("pristine", to: "expected")
        let writing = try Self.writingTime(["fmt", scratch.join("expected")], writingInto: scratch.join("expected/views"))
        let old = snapshot(scratch.join("pristine")), new = snapshot(scratch.join("expected"))
        let changed = old.keys.filter { old[$0] != new[$0] }.count
        try #require(changed > 150, "the project must give fmt work to do (\(changed) files changed)")

        for (index, delay) in Self.delays(seed: 11, count: 4, fullRun: writing).enumerated() {
            try scratch.copy("pristine", to: "work")
            let work = scratch.join("work")
            let pid = try Self.killed(["fmt", work], writingInto: work + "/views", after: delay)
            try Self.expectOldOrNew(work, old: old, new: new, killedPid: pid, "kill \(index) at \(delay) s")
            // A normal run finishes the job, and the abandoned temporaries are gone.
            let again = try ToolProcess.run(["fmt", work])
            #expect(again.status == 0, "\(again.error)")
            #expect(differences(snapshot(work), new) == [], "kill \(index): after a re-run the tree is what one complete run writes")
        }
    }

    @Test("rename killed while writing: each file old or new, no LookML-named leftovers")
    func rename() throws {
        let scratch = try ScratchDirectory("kill-rename")
        try scratch.write(Self.project(seed: 0x4E4A, views: 200), under: "pristine")
        try scratch.copy("pristine", to: "expected")
        let arguments = ["rename", "view", RandomProject.baseView, "core"]
        let writing = try Self.writingTime(arguments + [scratch.join("expected")], writingInto: scratch.join("expected/views"))
        let old = snapshot(scratch.join("pristine")), new = snapshot(scratch.join("expected"))
        try #require(old.keys.filter { old[$0] != new[$0] }.count > 200, "the rename must touch every view file")

        for (index, delay) in Self.delays(seed: 12, count: 4, fullRun: writing).enumerated() {
            try scratch.copy("pristine", to: "work")
            let work = scratch.join("work")
            let pid = try Self.killed(arguments + [work], writingInto: work + "/views", after: delay)
            try Self.expectOldOrNew(work, old: old, new: new, killedPid: pid, "kill \(index) at \(delay) s")
        }
        // The leftovers are never read as LookML: check loads the half-renamed project without a word about them.
        let check = try ToolProcess.run(["check", scratch.join("work")])
        #expect(check.status == 0 || check.status == 1)
        #expect(!check.error.contains(".lookml-"))
    }

    @Test("generate killed while holding its lock and writing: each file old or new; the next run neither waits nor leaves anything behind")
    func generate() throws {
        let scratch = try ScratchDirectory("kill-generate")
        let include = ["--include", "content-cards,sms"]
        let first = try ToolProcess.run(["generate", "--out", scratch.join("pristine")] + include)
        try #require(first.status == 0, "\(first.error)")
        try scratch.copy("pristine", to: "expected")
        // The killed runs switch the dialect, so most files are updated.
        let arguments = ["generate", "--dialect", "postgres"] + include
        let writing = try Self.writingTime(arguments + ["--out", scratch.join("expected")], writingInto: scratch.join("expected/views"))
        let old = snapshot(scratch.join("pristine")), new = snapshot(scratch.join("expected"))
        try #require(old.keys.filter { old[$0] != new[$0] }.count > 20)

        for (index, delay) in Self.delays(seed: 13, count: 3, fullRun: writing).enumerated() {
            try scratch.copy("pristine", to: "work")
            let work = scratch.join("work")
            // The run holds the directory lock from its start, so every kill here leaves that lock behind if it can stay.
            let pid = try Self.killed(arguments + ["--out", work], writingInto: work + "/views", after: delay)
            try Self.expectOldOrNew(work, old: old, new: new, killedPid: pid, "kill \(index) at \(delay) s")
            let again = try ToolProcess.run(arguments + ["--out", work], timeout: 60)
            #expect(again.status == 0, "kill \(index): the run after a killed one must finish: \(again.error)")
            #expect(!again.error.contains("waiting"), "kill \(index): the lock of a killed run must not be held: \(again.error)")
            #expect(differences(snapshot(work), new) == [], "kill \(index): after a re-run the tree is what one complete run writes")
        }
    }

    @Test("a lock file left by a killed generate (with any content) does not make the next run wait")
    func staleLockFile() throws {
        let scratch = try ScratchDirectory("stale-lock")
        try scratch.write([".lookml-generate.lock": Array("4242\n".utf8)], under: "out")
        let run = try ToolProcess.run(["generate", "--out", scratch.join("out")], timeout: 60)
        #expect(run.status == 0, "\(run.error)")
        #expect(!run.error.contains("waiting"), "\(run.error)")
    }
}

/// Tells when a process starts writing into a folder, however it writes: the folder changes when a file is created
/// or renamed there, and its first files (in name order, the order the commands write them) change their inode or
/// modification time when replaced or rewritten in place.
struct WriteWatch {
    let paths: [String]
    let initial: [[Int]]

    init(_ directory: String) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        paths = [directory] + names.prefix(2).map { directory + "/" + $0 }
        initial = paths.map(WriteWatch.signature)
    }

    func changed() -> Bool { paths.map(WriteWatch.signature) != initial }

    static func signature(_ path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size)]
    }
}
