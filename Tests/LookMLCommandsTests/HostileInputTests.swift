import Foundation
import LookMLTestSupport
import Testing
@testable import LookMLCommands

/// Input a project should never contain, through the commands: each case exits with the documented code, points at
/// the problem with `file:line:col` where there is one, and writes nothing (the tree's bytes are compared before and
/// after).
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
    /// A model and a view already in fmt form, so that any write a command makes shows in the tree.
    static let model = "connection: \"c\"\ninclude: \"/views/*.view\"\n\nexplore: users {}\n"
    static let view = "view: users {\n  sql_table_name: public.users ;;\n\n  dimension: id {\n    primary_key: yes\n    sql: ${TABLE}.id ;;\n  }\n}\n"

    /// An in-memory project `p` with the model, the view and `extra` files (raw bytes), by path below `p/`.
    static func project(_ extra: [String: [UInt8]] = [:]) throws -> InMemoryFileSystem {
        let files = InMemoryFileSystem(files: ["p/m.model.lkml": model, "p/views/users.view.lkml": view])
        for (path, bytes) in extra { try files.writeAtomically("p/" + path, bytes) }
        return files
    }

    /// Every file below `p/` with its bytes.
    static func tree(_ files: InMemoryFileSystem) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for path in try files.files(under: "p") { result[path] = try files.read(path) }
        return result
    }

    /// Runs `fmt`, `check` and `lint` on the project and expects each to exit 1 and name `location` (a path below
    /// `p/`, then `:line:col: error: `, then `message` and the syntax id: `[id]`, or in lint `(id) [LK001]`), and
    /// nothing to be written.
    static func expectSyntaxError(_ extra: [String: [UInt8]], at location: String, _ text: String, _ id: String) throws {
        let message = "\(text) [\(id)]"
        let files = try project(extra)
        let before = try tree(files)
        let format = runTool(["fmt", "p"], files: files)
        #expect(format.exitCode == 1)
        #expect(format.error.contains("p/\(location): error: \(message)"), "fmt: \(format.error)")
        #expect(format.error.contains("with syntax errors (not formatted)"))
        let check = runTool(["check", "p"], files: files)
        #expect(check.exitCode == 1)
        #expect(check.output.contains("\(location): error: \(message)"), "check: \(check.output)")
        let lint = runTool(["lint", "p"], files: files)
        #expect(lint.exitCode == 1)
        #expect(lint.output.contains("\(location): error: \(text) (\(id)) [LK001]"), "lint: \(lint.output)")
        #expect(try tree(files) == before, "nothing may be written")
    }

    @Test("a binary file named .lkml: P015 at 1:1, nothing written")
    func binaryFile() throws {
        var random = SeededRandom(seed: 7)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        try Self.expectSyntaxError(["views/logo.view.lkml": png], at: "views/logo.view.lkml:1:1",
                                   "the file is not valid UTF-8 (is it a binary file?)", "P015")
    }

    @Test("invalid UTF-8 inside a string: P015 at the bad byte, nothing written")
    func invalidUTF8() throws {
        let text: [UInt8] = Array("view: orders {\n  label: \"caf".utf8) + [0xC3, 0x28] + Array("\"\n}\n".utf8)
        try Self.expectSyntaxError(["views/orders.view.lkml": text], at: "views/orders.view.lkml:2:14",
                                   "the file is not valid UTF-8 (is it a binary file?)", "P015")
    }

    @Test("NUL bytes: P011 at the first one, nothing written")
    func nulBytes() throws {
        let text: [UInt8] = Array("view: orders {\n  dimension: a".utf8) + [0, 0] + Array("b {}\n}\n".utf8)
        try Self.expectSyntaxError(["views/orders.view.lkml": text], at: "views/orders.view.lkml:2:15", "invalid NUL byte in LookML", "P011")
    }

    @Test("an unterminated string: P006 at its quote, nothing written")
    func unterminatedString() throws {
        let text = "view: orders {\n  label: \"never closed\n  dimension: id {}\n}\n"
        try Self.expectSyntaxError(["views/orders.view.lkml": Array(text.utf8)], at: "views/orders.view.lkml:2:10",
                                   "unterminated string: expected a closing '\"' on this line", "P006")
    }

    @Test("an unterminated block: P004 at the end of the file, nothing written")
    func unterminatedBlock() throws {
        let text = "view: orders {\n  dimension: id {\n    type: number\n"
        try Self.expectSyntaxError(["views/orders.view.lkml": Array(text.utf8)], at: "views/orders.view.lkml:3:17",
                                   "expected '}' to close 'dimension: id' opened at line 2", "P004")
    }

    @Test("an expression without ';;': P001, nothing written")
    func unterminatedExpression() throws {
        let text = "view: orders {\n  dimension: id {\n    sql: ${TABLE}.id\n  }\n}\n"
        try Self.expectSyntaxError(["views/orders.view.lkml": Array(text.utf8)], at: "views/orders.view.lkml:3:21",
                                   "expected ';;' to close 'sql' started at line 3", "P001")
    }

    @Test("an unterminated Liquid tag in SQL: validate exits 1 with S007 at the tag, nothing written")
    func unterminatedLiquidTag() throws {
        let text = "view: orders {\n  sql_table_name: public.orders ;;\n\n  dimension: id {\n    sql: {% if x %} ${TABLE}.id {% endif ;;\n  }\n}\n"
        let files = try Self.project(["views/orders.view.lkml": Array(text.utf8)])
        try files.writeAtomically("p/m.model.lkml", Array((Self.model + "\nexplore: orders {}\n").utf8))
        let before = try Self.tree(files)
        for dialect in ["snowflake", "postgres"] {
            let validate = runTool(["validate", "p", "--dialect", dialect], files: files)
            #expect(validate.exitCode == 1)
            #expect(validate.output.contains("views/orders.view.lkml:5:33: error: unterminated Liquid tag: no closing %} (explore 'orders', field 'orders.id') [S007]"),
                    "\(dialect): \(validate.output)")
        }
        #expect(try Self.tree(files) == before)
    }

    /// Includes that lead back to their own file: the commands finish (the suite has a time limit) and report only
    /// what is really wrong.
    static func expectIncludeCycleHandled(_ extra: [String: String]) throws {
        let files = try project(extra.mapValues { Array($0.utf8) })
        let before = try tree(files)
        let check = runTool(["check", "p"], files: files)
        #expect(check.exitCode == 0, "\(check.output)\(check.error)")
        let lint = runTool(["lint", "p"], files: files)
        #expect(lint.exitCode == 0, "\(lint.output)\(lint.error)")
        let validate = runTool(["validate", "p", "--dialect", "postgres"], files: files)
        #expect(validate.exitCode == 0, "\(validate.output)\(validate.error)")
        let sql = runTool(["sql", "m/users", "p"], files: files)
        #expect(sql.exitCode == 0 && sql.output.contains("FROM public.users"), "\(sql.output)\(sql.error)")
        #expect(runTool(["fmt", "--check", "p"], files: files).exitCode == 0)
        #expect(try tree(files) == before)
    }

    @Test("a model that includes itself")
    func modelIncludesItself() throws {
        try Self.expectIncludeCycleHandled(["m.model.lkml": "connection: \"c\"\ninclude: \"m.model\"\ninclude: \"/**/*.model.lkml\"\ninclude: \"/views/*.view\"\n\nexplore: users {}\n"])
    }

    @Test("two files that include each other, and an explore file that includes its own folder")
    func filesIncludeEachOther() throws {
        try Self.expectIncludeCycleHandled([
            "views/a.view.lkml": "include: \"b.view\"\n\nview: a {\n  extends: [users]\n}\n",
            "views/b.view.lkml": "include: \"a.view\"\n\nview: b {\n  extends: [a]\n}\n",
            "views/all.explore.lkml": "include: \"*\"\ninclude: \"/views/**/*.lkml\"\n",
        ])
    }

    @Test("symbolic link loops in the project (a folder linking to its parent, a self link, two links to each other): commands finish and skip them")
    func symlinkLoops() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-links-\(UUID().uuidString)").path
        let manager = FileManager.default
        defer { try? manager.removeItem(atPath: root) }
        try manager.createDirectory(atPath: root + "/views", withIntermediateDirectories: true)
        try Data(Self.model.utf8).write(to: URL(fileURLWithPath: root + "/m.model.lkml"))
        try Data(Self.view.utf8).write(to: URL(fileURLWithPath: root + "/views/users.view.lkml"))
        try manager.createSymbolicLink(atPath: root + "/views/up", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: root + "/views/self.view.lkml", withDestinationPath: "self.view.lkml")
        try manager.createSymbolicLink(atPath: root + "/views/a.view.lkml", withDestinationPath: "b.view.lkml")
        try manager.createSymbolicLink(atPath: root + "/views/b.view.lkml", withDestinationPath: "a.view.lkml")
        func tree() throws -> [String: [UInt8]] {
            var result: [String: [UInt8]] = [:]
            for path in try LocalFileSystem().files(under: root) { result[path] = try LocalFileSystem().read(path) }
            return result
        }
        let before = try tree()
        #expect(before.count == 2)
        func run(_ arguments: [String]) -> (code: Int32, text: String) {
            let capture = CapturingConsole()
            let code = LookMLTool.run(arguments, context: CommandContext(console: capture.console, fileSystem: LocalFileSystem()))
            return (code, capture.outputText + capture.errorText)
        }
        for arguments in [["check", root], ["lint", root], ["fmt", root], ["validate", root, "--dialect", "snowflake"], ["parse", "--format", "summary", root]] {
            let result = run(arguments)
            #expect(result.code == 0, "\(arguments[0]): \(result.text)")
        }
        // A looping link named directly is an error naming it and saying why, not a hang; so is a looping project root.
        let direct = run(["fmt", root + "/views/self.view.lkml"])
        #expect(direct.code == 2 && direct.text.contains("too many levels of symbolic links: '\(root)/views/self.view.lkml'"), "\(direct.text)")
        try manager.createSymbolicLink(atPath: root + "-loop", withDestinationPath: root + "-loop")
        defer { try? manager.removeItem(atPath: root + "-loop") }
        let loopedRoot = run(["check", root + "-loop"])
        #expect(loopedRoot.code == 2 && loopedRoot.text.contains("too many levels of symbolic links: '\(root)-loop'"), "\(loopedRoot.text)")
        let absent = run(["check", root + "-absent"])
        #expect(absent.code == 2 && absent.text.contains("no such file or directory: '\(root)-absent'"), "\(absent.text)")
        #expect(try tree() == before)
    }

    @Test("generate --out under a regular file: exit 2 naming the path, nothing written")
    func generateIntoFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-outfile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let file = root + "/notes.txt"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: file))
        for (out, message) in [(file + "/blocks", "cannot create directory '\(file)/blocks': Not a directory"),
                               (file, "cannot create directory '\(file)': a file is in the way")] {
            let capture = CapturingConsole()
            let code = LookMLTool.run(["generate", "--out", out], context: CommandContext(console: capture.console, fileSystem: LocalFileSystem()))
            #expect(code == 2)
            #expect(capture.errorText.contains(message), "\(capture.errorText)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["notes.txt"])
        #expect(FileManager.default.contents(atPath: file) == Data("keep me\n".utf8))
    }

    @Test("rename with a write failing midway (disk full): exit 2, every file as it was")
    func renameFailingMidway() throws {
        var extra: [String: [UInt8]] = [:]
        for index in 0..<6 {
            extra["views/v\(index).view.lkml"] = Array("view: v\(index) {\n  extends: [users]\n\n  dimension: d {\n    sql: ${users.id} ;;\n  }\n}\n".utf8)
        }
        let files = try Self.project(extra)
        let before = try Self.tree(files)
        // The files are written in path order: the failure comes after some were written.
        files.failingWrites = ["p/views/v3.view.lkml"]
        let run = runTool(["rename", "view", "users", "people", "p"], files: files)
        #expect(run.exitCode == 2)
        #expect(run.error.contains("cannot write 'p/views/v3.view.lkml': No space left on device; no file was changed"), "\(run.error)")
        #expect(try Self.tree(files) == before)
        files.failingWrites = []
        #expect(runTool(["rename", "view", "users", "people", "p"], files: files).exitCode == 0)
        #expect(try Self.tree(files) != before)
    }

    @Test("fmt with a write failing midway (disk full): exit 2 naming the file, which keeps its bytes; the others are formatted")
    func formatFailingMidway() throws {
        var extra: [String: [UInt8]] = [:]
        for index in 0..<6 { extra["views/v\(index).view.lkml"] = Array("view: v\(index) { dimension: d { sql: ${TABLE}.d ;; } }".utf8) }
        let files = try Self.project(extra)
        let before = try Self.tree(files)
        files.failingWrites = ["p/views/v3.view.lkml"]
        let run = runTool(["fmt", "p"], files: files)
        #expect(run.exitCode == 2)
        #expect(run.error.contains("lookml fmt: error: cannot write 'p/views/v3.view.lkml': No space left on device"), "\(run.error)")
        let after = try Self.tree(files)
        #expect(after["p/views/v3.view.lkml"] == before["p/views/v3.view.lkml"])
        for index in [0, 1, 2, 4, 5] {
            #expect(files["p/views/v\(index).view.lkml"] == "view: v\(index) {\n  dimension: d {\n    sql: ${TABLE}.d ;;\n  }\n}\n")
        }
    }
}
