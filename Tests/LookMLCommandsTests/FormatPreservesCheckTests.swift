import Foundation
import LookMLCommands
import LookMLTestSupport
import Testing

/// `lookml fmt` rewrites layout only, so `lookml check` must find the same things before and after it, on seeded
/// random projects with mistakes in them. Positions may move only where fmt moved lines.
@Suite("fmt keeps check findings")
struct FormatPreservesCheckTests {
    /// A `check --format json` record.
    struct Record: Decodable, Hashable, CustomStringConvertible {
        var id: String
        var severity: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int

        var description: String { "\(file):\(line):\(column)-\(endLine):\(endColumn) \(id) \(message)" }
    }

    /// How much of a finding's position survives fmt in its file.
    enum Layout { case unchanged, sameLines, moved }

    /// The findings of `check` on the in-memory project `p`.
    static func check(_ files: InMemoryFileSystem) throws -> [Record] {
        let run = runTool(["check", "p", "--format", "json"], files: files)
        try #require(run.exitCode == 0 || run.exitCode == 1, "check failed: \(run.error)")
        return try JSONDecoder().decode([Record].self, from: Data(run.output.utf8))
    }

    /// The lines of a text with their spacing removed: equal when fmt only re-indented or re-spaced within lines.
    static func lineShape(_ text: String) -> [String] {
        // Split on Characters that are line breaks: "\r\n" is one Character.
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in String(line.filter { !$0.isWhitespace }) }
    }

    /// A finding as far as fmt may not change it: everything in a file fmt left alone, the lines in a file whose
    /// lines fmt kept, and everywhere id, severity, file, message and the text the finding points at.
    static func key(_ record: Record, _ layout: Layout, text: String) -> String {
        switch layout {
        case .unchanged: return record.description
        case .sameLines: return "\(record.file):\(record.line)-\(record.endLine) \(record.id) \(record.severity) \(record.message) at '\(excerpt(record, text))'"
        case .moved: return "\(record.file) \(record.id) \(record.severity) \(record.message) at '\(excerpt(record, text))'"
        }
    }

    /// The text between a finding's start and end (columns count Unicode scalars).
    static func excerpt(_ record: Record, _ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array(String($0).unicodeScalars) }
        guard record.line >= 1, record.endLine <= lines.count, record.line <= record.endLine else { return "<out of range>" }
        if record.line == record.endLine {
            let line = lines[record.line - 1]
            guard record.column >= 1, record.column <= record.endColumn, record.endColumn - 1 <= line.count else { return "<out of range>" }
            return String(String.UnicodeScalarView(line[(record.column - 1)..<(record.endColumn - 1)]))
        }
        return "<lines \(record.endLine - record.line + 1)>"
    }

    /// The findings in file and position order, as keys: fmt never reorders tokens, so the order stays.
    static func keys(_ records: [Record], layouts: [String: Layout], texts: [String: String]) -> [String] {
        records.sorted { ($0.file, $0.line, $0.column, $0.id, $0.message) < ($1.file, $1.line, $1.column, $1.id, $1.message) }
            .map { key($0, layouts[$0.file] ?? .moved, text: texts[$0.file] ?? "") }
    }

    @Test("random projects: check finds the same before and after fmt", arguments: Array(UInt64(1)...20))
    func sameFindings(seed: UInt64) throws {
        var generator = RandomProject(seed: seed)
        let project = generator.files(views: 10, fieldsPerView: 4, mistakes: true)
        let files = InMemoryFileSystem(files: Dictionary(uniqueKeysWithValues: project.map { ("p/" + $0.key, $0.value) }))
        let before = try Self.check(files)
        #expect(!before.isEmpty, "seed \(seed): the project should have mistakes for check to find")

        let format = runTool(["fmt", "p"], files: files)
        try #require(format.exitCode == 0, "seed \(seed): \(format.error)")
        #expect(runTool(["fmt", "--check", "p"], files: files).exitCode == 0, "seed \(seed): fmt is idempotent")
        let after = try Self.check(files)

        var layouts: [String: Layout] = [:]
        var textsBefore: [String: String] = [:], textsAfter: [String: String] = [:]
        var changed = 0
        for (path, old) in project {
            let new = try #require(files["p/" + path])
            textsBefore["p/" + path] = old
            textsAfter["p/" + path] = new
            layouts["p/" + path] = new == old ? .unchanged : Self.lineShape(new) == Self.lineShape(old) ? .sameLines : .moved
            if new != old { changed += 1 }
        }
        #expect(changed > 0, "seed \(seed): fmt should have had something to do")
        let keysBefore = Self.keys(before, layouts: layouts, texts: textsBefore)
        let keysAfter = Self.keys(after, layouts: layouts, texts: textsAfter)
        #expect(!keysBefore.contains { $0.contains("<out of range>") }, "seed \(seed): \(before)")
        #expect(keysBefore == keysAfter, """
            seed \(seed): only before fmt: \(keysBefore.filter { !keysAfter.contains($0) })
            only after fmt: \(keysAfter.filter { !keysBefore.contains($0) })
            """)
    }
}
