import Foundation
import Testing
import LookMLFormat
import LookMLSyntax

/// Golden files: `Golden/NAME.input.lkml` formats to `Golden/NAME.expected.lkml`.
/// Regenerate with: `LOOKML_UPDATE_GOLDEN=1 swift test --filter GoldenTests` (then review the diff).
@Suite("Formatter golden files")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".input.lkml") }.map { String($0.dropLast(".input.lkml".count)) }.sorted()

    @Test("golden files are present")
    func present() { #expect(Self.names.count >= 3) }

    @Test("formats to the golden output", arguments: names)
    func golden(name: String) throws {
        let input = try Data(contentsOf: Self.directory.appendingPathComponent("\(name).input.lkml"))
        let formatted = try Formatter().format(SyntaxTree.parse(SourceFile(path: name, bytes: Array(input))))
        let expectedURL = Self.directory.appendingPathComponent("\(name).expected.lkml")
        if ProcessInfo.processInfo.environment["LOOKML_UPDATE_GOLDEN"] == "1" {
            try Data(formatted).write(to: expectedURL)
        }
        let expected = try Data(contentsOf: expectedURL)
        #expect(String(decoding: formatted, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
