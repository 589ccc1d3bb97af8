import Foundation
import Testing

/// The README's main command, end to end on a throwaway cluster: generate, seed, validate every explore, run every
/// tile — twice, since a re-run must work too.
@Suite("quickstart")
struct QuickstartTests {
    @Test("validates every explore and runs every dashboard tile, and a re-run works")
    func quickstart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-quickstart-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for _ in 0..<2 {
            let run = runTool(["quickstart", directory, "--users", "60", "--days", "10"])
            #expect(run.exitCode == 0, "\(run.all)")
            #expect(run.error.contains("explores validated (0 with problems)"))
            #expect(run.error.contains("tiles run (0 failed)"))
            let explores = run.output.split(separator: "\n").filter { $0.hasSuffix("  ok") && $0.contains("/") }
            #expect(explores.count >= 19 + 40)
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/.lookml-generate.json"))
    }
}
