import Foundation
import Testing
@testable import LookMLSyntax

@Suite("Valid fixtures")
struct ValidFixtureTests {
    static let names = Fixtures.names(in: "valid")

    @Test("the fixture set is present")
    func fixturesExist() {
        #expect(Self.names.count >= 20)
    }

    @Test("parse then print returns the input byte for byte", arguments: names)
    func roundTrip(name: String) {
        let source = Fixtures.source("valid", name)
        #expect(SyntaxTree.parse(source).printedBytes() == source.bytes)
    }

    @Test("parses without errors", arguments: names)
    func noErrors(name: String) {
        let tree = SyntaxTree.parse(Fixtures.source("valid", name))
        let errors = tree.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { DiagnosticRenderer().render($0, in: tree.source) })")
    }

    @Test("fieldCount counts every key: value (one per ':' token, bar Looker's stray '{:')", arguments: names)
    func fieldCount(name: String) {
        let tree = SyntaxTree.parse(Fixtures.source("valid", name))
        var colons = 0
        tree.document.forEachToken { if $0.kind == .colon { colons += 1 } }
        let stray = tree.diagnostics.filter { $0.id.rawValue == "LKM-P009" }.count
        #expect(tree.document.fieldCount == colons - stray)
    }

    @Test("lkml-json equals the expected structure", arguments: names)
    func lkmlJSON(name: String) throws {
        let expected = String(decoding: Fixtures.bytes("valid", name, extension: "lkml.json"), as: UTF8.self)
        try #require(!expected.isEmpty, "missing \(name).lkml.json")
        var converter = LkmlJSONConverter(tree: SyntaxTree.parse(Fixtures.source("valid", name)))
        let actual = String(decoding: converter.json(), as: UTF8.self)
        #expect(jsonEqual(actual, expected), "\(name): got \(actual)")
    }
}

@Suite("Invalid fixtures")
struct InvalidFixtureTests {
    static let names = Fixtures.names(in: "invalid")

    /// Expected diagnostics: one `line:column severity id` per line.
    static func expected(_ name: String) -> [String] {
        String(decoding: Fixtures.bytes("invalid", name, extension: "expected"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    @Test("parse then print returns the input byte for byte", arguments: names)
    func roundTrip(name: String) {
        let source = Fixtures.source("invalid", name)
        #expect(SyntaxTree.parse(source).printedBytes() == source.bytes)
    }

    @Test("diagnostics have the expected ids and locations", arguments: names)
    func diagnostics(name: String) {
        let tree = SyntaxTree.parse(Fixtures.source("invalid", name))
        let actual = tree.diagnostics.map { diagnostic in
            let location = tree.source.location(of: diagnostic.range.lowerBound)
            return "\(location.line):\(location.column) \(diagnostic.severity.rawValue) \(diagnostic.id.rawValue)"
        }
        #expect(actual == Self.expected(name))
    }

    @Test("every syntax diagnostic id has a fixture")
    func everyIDCovered() {
        var covered = Set<String>()
        for name in Self.names {
            for line in Self.expected(name) { covered.insert(String(line.split(separator: " ").last ?? "")) }
        }
        let all = (1...15).map { "LKM-P" + ($0 < 10 ? "00" : "0") + String($0) }
        #expect(all.filter { !covered.contains($0) } == [])
    }
}
