import Foundation
import Testing
import LookMLFormat
import LookMLSyntax
import LookMLTestSupport

/// The formatter's promises, checked on every syntax fixture and on seeded random documents.
@Suite("Formatter properties")
struct FormatterPropertyTests {
    static let fixtureDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("LookMLSyntaxTests/Fixtures/valid")
    static let fixtures: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? [])
        .filter { $0.hasSuffix(".lkml") }.sorted()

    /// Formats, and checks idempotence, lkml-json equality and that the output parses cleanly.
    static func checkPromises(_ source: SourceFile, label: String) {
        let tree = SyntaxTree.parse(source)
        guard let once = try? Formatter().format(tree) else {
            Issue.record("\(label): did not format: \(tree.diagnostics.map(\.message))")
            return
        }
        let formattedTree = SyntaxTree.parse(SourceFile(path: label, bytes: once))
        #expect(!formattedTree.hasErrors, "\(label): formatted output has errors:\n\(String(decoding: once, as: UTF8.self))")
        let twice = try? Formatter().format(formattedTree)
        #expect(twice == once, "\(label): not idempotent:\n--- once\n\(String(decoding: once, as: UTF8.self))\n--- twice\n\(String(decoding: twice ?? [], as: UTF8.self))")
        var before = LkmlJSONConverter(tree: tree)
        var after = LkmlJSONConverter(tree: formattedTree)
        #expect(before.json() == after.json(), "\(label): lkml-json changed")
    }

    @Test("fixtures: idempotent, same lkml-json, clean output", arguments: fixtures)
    func fixture(file: String) throws {
        let bytes = try Data(contentsOf: Self.fixtureDirectory.appendingPathComponent(file))
        Self.checkPromises(SourceFile(path: file, bytes: Array(bytes)), label: file)
    }

    @Test("random documents: idempotent, same lkml-json, clean output", arguments: [21, 22, 23] as [UInt64])
    func random(seed: UInt64) {
        var generator = RandomLookML(seed: seed)
        generator.lineBreak = seed == 23 ? "\r\n" : "\n"
        for index in 0..<700 {
            Self.checkPromises(SourceFile(path: "random", text: generator.document()), label: "seed \(seed) case \(index)")
        }
    }

    @Test("lone carriage returns end lines for comments too (found by the fuzzer)", arguments: [
        "vfew: crlf {\r\n    sion: id ytype: string}\r# ekp  # ekpt\r\n  measure: { dimension: id {type: string}\r# ekp  # ekpt\r\n  measure: {typecn:uto}\r\n}\r\n",
        "view: a {}\r# own line\rview: b {\r  type: x\r# before sql\r  sql: y ;;\r}\r",
    ])
    func loneCarriageReturns(text: String) {
        Self.checkPromises(SourceFile(path: "lone-cr", text: text), label: "lone CR")
    }

    @Test("files with syntax errors are refused, not reformatted")
    func refusesErrors() {
        #expect(throws: Formatter.Failure.syntaxErrors(count: 2)) { try Formatter().format("view: v { sql: x }") }  // no `;;`, so no `}` either
    }

    @Test("a one-line block is expanded; an empty block stays {}")
    func blocks() throws {
        #expect(try Formatter().format("view: v { dimension: d {} }") == "view: v {\n  dimension: d {}\n}\n")
    }

    @Test("long lists wrap one item per line; short ones stay on one line")
    func lists() throws {
        let long = (1...20).map { "view.field_number_\($0)" }.joined(separator: ", ")
        let formatted = try Formatter().format("set: s { fields: [\(long)] }")
        #expect(formatted.hasPrefix("set: s {\n  fields: [\n    view.field_number_1,\n    view.field_number_2,\n"))
        #expect(formatted.hasSuffix("    view.field_number_20\n  ]\n}\n"))
        #expect(try Formatter().format("fields: [a,b ,  c]") == "fields: [a, b, c]\n")
    }
}
