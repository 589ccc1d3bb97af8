import Foundation
import Testing
@testable import BlockGenerator

/// Golden output of the generator for default and customised naming in both dialects: a representative subset of the
/// files in full (`Golden/<configuration>/…`) and the SHA-256 of every file (`Golden/<configuration>.sha256`).
/// Regenerate with: `LOOKML_UPDATE_GOLDEN=1 swift test --filter BlockGeneratorTests` (then review the diff).
@Suite("Generator golden files")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let configurations = ["default-snowflake", "default-postgres", "custom-snowflake", "custom-postgres"]
    /// Default view, model and dashboard names of the files kept in full.
    static let views = ["users_behaviors_purchase", "message_cadence", "canvas_lift", "weekly_retention"]
    static let models = ["user_behavior"]
    static let dashboards = ["purchases"]

    static func subsetPaths(_ naming: Naming) -> Set<String> {
        Set(views.map { "views/\(naming.viewName($0)).view.lkml" } + models.map { "\(naming.modelName($0)).model.lkml" }
            + dashboards.map { "dashboards/\(naming.dashboardName($0)).dashboard.lookml" })
    }

    @Test("matches the golden files", arguments: configurations)
    func golden(configuration name: String) throws {
        let configuration = Fixtures.configurations.first { $0.name == name }!
        let naming = Fixtures.naming(configuration.yaml, dialect: configuration.dialect)
        let files = Fixtures.generate(configuration.yaml, dialect: configuration.dialect)
        let subset = files.filter { Self.subsetPaths(naming).contains($0.path) }
        #expect(subset.count == Self.subsetPaths(naming).count)
        let hashes = files.map { "\(SHA256.hex($0.contents))  \($0.path)\n" }.joined()
        let folder = Self.directory.appendingPathComponent(name)
        let hashFile = Self.directory.appendingPathComponent("\(name).sha256")
        if ProcessInfo.processInfo.environment["LOOKML_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: folder)
            try Fixtures.write(subset, to: folder)
            try Data(hashes.utf8).write(to: hashFile)
        }
        for file in subset {
            let expected = try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(file.contents == expected, "\(name)/\(file.path) differs from its golden file")
        }
        let expectedHashes = try String(contentsOf: hashFile, encoding: .utf8)
        #expect(hashes == expectedHashes, "\(name): the generated files differ from Golden/\(name).sha256")
    }

    @Test("SHA-256 matches the standard test vectors")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
