import Testing
@testable import BlockGenerator

@Suite("Generate manifest and plan")
struct ManifestTests {
    func file(_ path: String, _ contents: String, block: String = "b") -> GeneratedFile {
        GeneratedFile(path: path, contents: contents, block: block)
    }

    @Test("the manifest renders deterministically and loads back")
    func roundTrip() throws {
        let manifest = GenerationManifest(files: ["views/b.view.lkml": .init(block: "user-behavior", sha256: SHA256.hex("b")),
                                                  "a.model.lkml": .init(block: "user-behavior", sha256: SHA256.hex("a"))])
        let text = manifest.rendered()
        #expect(text.hasPrefix("{\n  \"generator\": \"lookml generate\",\n  \"version\": 1,\n  \"files\": {\n    \"a.model.lkml\": {"))
        #expect(try GenerationManifest.load(Array(text.utf8), path: "m.json") == manifest)
        #expect(GenerationManifest().rendered() == "{\n  \"generator\": \"lookml generate\",\n  \"version\": 1,\n  \"files\": {}\n}\n")
        #expect(try GenerationManifest.load(Array(GenerationManifest().rendered().utf8), path: "m.json") == GenerationManifest())
    }

    @Test("a malformed manifest is an error")
    func malformed() {
        #expect(throws: BlockError.self) { try GenerationManifest.load(Array("{\"version\": 2}".utf8), path: "m.json") }
        #expect(throws: BlockError.self) { try GenerationManifest.load(Array("{\"version\": 1, \"files\": {\"a\": {\"block\": \"b\", \"sha256\": \"xyz\"}}}".utf8), path: "m.json") }
    }

    @Test("create, update, unchanged, skip, overwrite, obsolete")
    func plan() {
        let previous = GenerationManifest(files: [
            "same": .init(block: "b", sha256: SHA256.hex("1")),
            "ours": .init(block: "b", sha256: SHA256.hex("old")),
            "edited": .init(block: "b", sha256: SHA256.hex("old")),
            "renamed": .init(block: "b", sha256: SHA256.hex("r")),
            "gone": .init(block: "b", sha256: SHA256.hex("g")),
            "other-block": .init(block: "c", sha256: SHA256.hex("o")),
        ])
        let disk = ["same": "1", "ours": "old", "edited": "edited by hand", "theirs": "user file", "renamed": "r", "other-block": "o"]
        let files = [file("new", "n"), file("same", "1"), file("ours", "new"), file("edited", "new"), file("theirs", "new")]
        let plan = GenerationPlan.make(files: files, current: { disk[$0].map { Array($0.utf8) } }, previous: previous, force: false)
        let actions = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.path, $0.action) })
        #expect(actions == ["new": .create, "same": .unchanged, "ours": .update, "edited": .skip, "theirs": .skip, "renamed": .obsolete])
        #expect(plan.hasDrift)
        #expect(plan.manifest.files["ours"]?.sha256 == SHA256.hex("new"))
        #expect(plan.manifest.files["edited"]?.sha256 == SHA256.hex("old"))
        #expect(plan.manifest.files["theirs"] == nil)
        #expect(plan.manifest.files["gone"] == nil)
        #expect(plan.manifest.files["other-block"] != nil)
        let forced = GenerationPlan.make(files: files, current: { disk[$0].map { Array($0.utf8) } }, previous: previous, force: true)
        #expect(forced.steps.first { $0.path == "edited" }?.action == .overwrite)
        #expect(forced.manifest.files["theirs"]?.sha256 == SHA256.hex("new"))
        let clean = GenerationPlan.make(files: [file("same", "1")], current: { disk[$0].map { Array($0.utf8) } },
                                        previous: GenerationManifest(files: ["same": previous.files["same"]!]), force: false)
        #expect(!clean.hasDrift)
    }
}
