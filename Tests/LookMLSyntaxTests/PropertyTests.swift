import Testing
@testable import LookMLSyntax
import LookMLTestSupport

@Suite("Seeded random LookML")
struct PropertyTests {
    @Test("valid documents round-trip and parse without errors", arguments: [1, 2, 3] as [UInt64])
    func validDocuments(seed: UInt64) {
        var generator = RandomLookML(seed: seed)
        generator.lineBreak = seed == 3 ? "\r\n" : "\n"
        for index in 0..<1000 {
            let text = generator.document()
            let tree = SyntaxTree.parse(text)
            #expect(tree.description == text, "seed \(seed) case \(index)")
            let errors = tree.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed) case \(index): \(errors.map(\.message)) in\n\(text)")
            if !errors.isEmpty { return }
        }
    }

    @Test("mutated documents round-trip, never crash, and report in-bounds positions", arguments: [10, 11, 12] as [UInt64])
    func mutatedDocuments(seed: UInt64) {
        var generator = RandomLookML(seed: seed)
        for index in 0..<1500 {
            let bytes = generator.mutated(generator.document(), edits: 1 + index % 5)
            let tree = SyntaxTree.parse(SourceFile(path: "fuzz", bytes: bytes))
            #expect(tree.printedBytes() == bytes, "seed \(seed) case \(index)")
            for diagnostic in tree.diagnostics {
                #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= bytes.count)
            }
            // The parser's "nothing to report" shortcut must never hide a diagnostic the full walk finds.
            let full = SyntaxValidator(source: tree.source).diagnose(tree.document, walkTree: true)
            #expect(full.map(\.message) == tree.diagnostics.map(\.message), "seed \(seed) case \(index)")
        }
    }
}
