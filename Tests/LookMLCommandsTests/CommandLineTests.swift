import Foundation
import Testing
@testable import LookMLCommands

@Suite("Command line")
struct CommandLineTests {
    static let subcommands = LookMLTool.commands.map(\.name)

    @Test("--help works on every subcommand and shows the sections", arguments: subcommands)
    func help(subcommand: String) {
        let run = runTool([subcommand, "--help"])
        #expect(run.exitCode == 0)
        #expect(run.output.contains("OVERVIEW:") && run.output.contains("USAGE: lookml \(subcommand)") && run.output.contains("OPTIONS:"))
        #expect(runTool(["help", subcommand]).output == run.output)
    }

    @Test("top-level help lists every subcommand and the exit codes")
    func topLevelHelp() {
        let run = runTool(["--help"])
        #expect(run.exitCode == 0)
        for name in Self.subcommands { #expect(run.output.contains("  \(name) ")) }
        #expect(run.output.contains("EXIT CODES"))
        #expect(runTool([]).exitCode == 2)
    }

    @Test("--version prints the version")
    func version() {
        #expect(runTool(["--version"]).output == "lookml \(LookMLTool.version)\n")
    }

    @Test("usage errors exit 2 with a hint")
    func usageErrors() {
        let unknownCommand = runTool(["frmt"])
        #expect(unknownCommand.exitCode == 2)
        #expect(unknownCommand.error.contains("did you mean 'fmt'?"))
        let unknownOption = runTool(["parse", "--colour", "x.lkml"])
        #expect(unknownOption.exitCode == 2)
        #expect(unknownOption.error.contains("unknown option '--colour'"))
        let badFormat = runTool(["parse", "--format", "yaml", "x.lkml"])
        #expect(badFormat.exitCode == 2)
        #expect(badFormat.error.contains("choose from: json, lkml-json, tree, summary"))
        #expect(runTool(["print"]).exitCode == 2)
    }

    @Test("a missing file exits 2 and names it")
    func missingFile() {
        let run = runTool(["parse", "nowhere.lkml"])
        #expect(run.exitCode == 2)
        #expect(run.error.contains("nowhere.lkml"))
    }
}

@Suite("parse, print, fmt")
struct CommandTests {
    static let clean = "view: users {\n  dimension: id {\n    sql: ${TABLE}.id ;;\n  }\n}\n"
    static let messy = "view: users { dimension: id { sql: ${TABLE}.id ;; } }"
    static let broken = "view: users {\n  dimension: id {\n    sql: ${TABLE}.id\n  }\n"

    @Test("print returns the input byte for byte, even when broken, and exits 1 on errors")
    func print() {
        let files = InMemoryFileSystem(files: ["a.lkml": Self.messy, "b.lkml": Self.broken])
        let good = runTool(["print", "a.lkml"], files: files)
        #expect(good.exitCode == 0 && good.output == Self.messy && good.error.isEmpty)
        let bad = runTool(["print", "b.lkml"], files: files)
        #expect(bad.exitCode == 1 && bad.output == Self.broken)
        #expect(bad.error.contains("b.lkml:3:21: error: expected ';;' to close 'sql' started at line 3 [P001]"))
    }

    @Test("parse --format lkml-json: one file gives its document, a directory an object keyed by path")
    func parseLkmlJSON() throws {
        let files = InMemoryFileSystem(files: ["p/views/a.view.lkml": Self.clean, "p/b.model.lkml": "connection: \"c\"\n",
                                               "p/d.dashboard.lookml": "- dashboard: x\n"])
        let one = runTool(["parse", "--format", "lkml-json", "p/b.model.lkml"], files: files)
        #expect(one.exitCode == 0)
        #expect(one.output == "{\n  \"connection\": \"c\"\n}\n")
        let all = runTool(["parse", "--format=lkml-json", "p"], files: files)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(all.output.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["p/b.model.lkml", "p/views/a.view.lkml"])
    }

    @Test("parse --format json carries positions; tree and summary work")
    func parseOtherFormats() throws {
        let files = InMemoryFileSystem(files: ["a.lkml": Self.clean, "b.lkml": Self.broken])
        let json = runTool(["parse", "a.lkml"], files: files)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item["kind"] as? String == "block" && item["name"] as? String == "users")
        let start = (item["range"] as? [String: Any])?["start"] as? [String: Int]
        #expect(start == ["line": 1, "column": 1, "offset": 0])
        #expect(runTool(["parse", "--format", "tree", "a.lkml"], files: files).output.contains("block view users @1:1"))
        let summary = runTool(["parse", "--format", "summary", "a.lkml", "b.lkml"], files: files)
        #expect(summary.exitCode == 1)
        #expect(summary.output.hasPrefix("2 files, "))
    }

    @Test("text reports name files under the root given, as JSON reports do")
    func reportPathsUnderRoot() throws {
        let files = InMemoryFileSystem(files: [
            "p/m.model.lkml": "connection: \"c\"\ninclude: \"views/*.view.lkml\"\nexplore: users {}\n",
            "p/views/users.view.lkml": "view: users {\n  dimension: id {\n    sql: ${nope} ;;\n  }\n}\n",
        ])
        let check = runTool(["check", "p"], files: files)
        #expect(check.exitCode == 1)
        #expect(check.output.hasPrefix("p/views/users.view.lkml:3:12: error: unknown field 'nope' in view 'users' [C002]\n"), "\(check.output)")
        let json = runTool(["check", "p", "--format", "json"], files: files)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(records.map { $0["file"] as? String } == ["p/views/users.view.lkml"])
        let lint = runTool(["lint", "p"], files: files)
        let located = lint.output.split(separator: "\n").filter { $0.contains(".lkml:") && !$0.hasPrefix(" ") }
        #expect(!located.isEmpty && located.allSatisfy { $0.hasPrefix("p/") }, "\(lint.output)")
    }

    @Test("fmt rewrites files, is idempotent, and leaves broken files untouched")
    func formatWrites() {
        let files = InMemoryFileSystem(files: ["p/a.lkml": Self.messy, "p/b.lkml": Self.broken, "p/c.lkml": Self.clean])
        let first = runTool(["fmt", "p"], files: files)
        #expect(first.exitCode == 1)  // b.lkml has errors
        #expect(files["p/a.lkml"] == Self.clean)
        #expect(files["p/b.lkml"] == Self.broken)
        #expect(first.error.contains("1 file reformatted, 1 unchanged, 1 with syntax errors"))
        let second = runTool(["fmt", "p/a.lkml", "p/c.lkml"], files: files)
        #expect(second.exitCode == 0)
        #expect(second.error.contains("0 files reformatted, 2 unchanged"))
    }

    @Test("fmt --check lists files and writes nothing; --diff prints a unified diff and writes nothing")
    func formatCheckAndDiff() {
        let files = InMemoryFileSystem(files: ["a.lkml": Self.messy, "c.lkml": Self.clean])
        let check = runTool(["fmt", "--check", "a.lkml", "c.lkml"], files: files)
        #expect(check.exitCode == 1 && check.output == "a.lkml\n")
        #expect(files["a.lkml"] == Self.messy)
        let diff = runTool(["fmt", "--diff", "a.lkml"], files: files)
        #expect(diff.exitCode == 0)
        #expect(diff.output.hasPrefix("--- a/a.lkml\n+++ b/a.lkml\n@@ -1 +1,5 @@\n-view: users { dimension: id { sql: ${TABLE}.id ;; } }\n+view: users {\n"))
        #expect(files["a.lkml"] == Self.messy)
    }

    @Test("a failing write reports an I/O error, exits 2, and keeps the original")
    func failingWrite() {
        let files = InMemoryFileSystem(files: ["a.lkml": Self.messy])
        files.failingWrites = ["a.lkml"]
        let run = runTool(["fmt", "a.lkml"], files: files)
        #expect(run.exitCode == 2)
        #expect(run.error.contains("No space left on device"))
        #expect(files["a.lkml"] == Self.messy)
    }

    @Test("fmt - formats standard input to standard output")
    func formatStandardInput() {
        let run = runTool(["fmt", "-"], stdin: Self.messy)
        #expect(run.exitCode == 0 && run.output == Self.clean)
    }
}

@Suite("Local file system")
struct LocalFileSystemTests {
    @Test("atomic writes replace content, keep permissions, and leave no temporary files")
    func atomicWrite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.view.lkml").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let fileSystem = LocalFileSystem()
        try fileSystem.writeAtomically(path, Array("new".utf8))
        #expect(try fileSystem.read(path) == Array("new".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.view.lkml"])
    }

    @Test("the walk skips hidden folders and does not follow directory links")
    func walk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-walk-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("views"), withIntermediateDirectories: true)
        try manager.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: directory) }
        try Data().write(to: directory.appendingPathComponent("views/a.view.lkml"))
        try Data().write(to: directory.appendingPathComponent(".git/b.lkml"))
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("views/loop").path, withDestinationPath: directory.path)
        let files = try LocalFileSystem().files(under: directory.path)
        #expect(files == [directory.appendingPathComponent("views/a.view.lkml").path])
    }
}

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("hunks with context")
    func hunks() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b") ==
            "--- a\n+++ b\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n")
        #expect(UnifiedDiff.make(old: old, new: old, oldName: "a", newName: "b").isEmpty)
    }
}

@Suite("generate, concurrently")
struct ConcurrentGenerateTests {
    @Test("two generate runs on one directory are serialised: both succeed and the result is what one run writes")
    func serialised() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let codes = LockedCodes()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                let capture = CapturingConsole()
                let context = CommandContext(console: capture.console, fileSystem: LocalFileSystem())
                codes.append(LookMLTool.run(["generate", "--out", directory], context: context))
                group.leave()
            }.start()
        }
        group.wait()
        #expect(codes.values == [0, 0])
        let capture = CapturingConsole()
        let context = CommandContext(console: capture.console, fileSystem: LocalFileSystem())
        #expect(LookMLTool.run(["generate", "--out", directory, "--check"], context: context) == 0)
    }
}

private final class LockedCodes: @unchecked Sendable {
    private let lock = NSLock()
    private var codes: [Int32] = []
    func append(_ code: Int32) { lock.lock(); codes.append(code); lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return codes }
}
