import Foundation
import Testing
@testable import LookMLCommands

/// Temporaries of atomic writes are named after the writing process, so the next writer can tell abandoned ones
/// (their process is gone: killed between creating and renaming them) from ones still being written.
@Suite("Abandoned temporaries")
struct AbandonedTemporaryTests {
    @Test("temporary names carry the writer's pid; other names are not temporaries", arguments: [
        (".users.view.lkml.lookml-4242-aB3dE9", 4242 as Int32?),
        ("..lookml-generate.json.lookml-7-ZZZZZZ", 7),
        (".users.view.lkml.lookml-aB3dE9", nil),           // the older name, without a pid
        ("users.view.lkml", nil),
        (".lookml-12-abcdef", nil),                          // no target name
        (".x.lkml.lookml-12-abc", nil),                      // not six characters
        (".x.lkml.lookml--abcdef", nil),
        (".x.lkml.lookml-12-abc_ef", nil),
        (".lookml-generate.lock", nil),
    ])
    func names(name: String, owner: Int32?) {
        #expect(LocalFileSystem.temporaryOwner(name) == owner)
    }

    @Test("the first write into a directory removes temporaries of dead processes and keeps everything else")
    func sweep() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dead = Int32.max - 1  // above any pid_max: no such process
        let files: [String: [UInt8]] = [
            ".a.view.lkml.lookml-\(dead)-Ab12Cd": Array("view: a {".utf8),
            ".b.view.lkml.lookml-\(getpid())-Ab12Cd": Array("in flight".utf8),
            ".a.view.lkml.lookml-Ab12Cd": Array("older name".utf8),
            ".keep": [],
            "a.view.lkml": Array("view: a {}\n".utf8),
        ]
        let views = root + "/views"
        try FileManager.default.createDirectory(atPath: views, withIntermediateDirectories: true)
        for (path, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: views + "/" + path)) }
        try LocalFileSystem().writeAtomically(views + "/a.view.lkml", Array("view: a { }\n".utf8))
        let remaining = try FileManager.default.contentsOfDirectory(atPath: views).sorted()
        #expect(remaining == [".a.view.lkml.lookml-Ab12Cd", ".b.view.lkml.lookml-\(getpid())-Ab12Cd", ".keep", "a.view.lkml"])
        #expect(try LocalFileSystem().read(views + "/a.view.lkml") == Array("view: a { }\n".utf8))
    }
}
