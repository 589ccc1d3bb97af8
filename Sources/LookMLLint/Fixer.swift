import LookMLProject
import LookMLSyntax

/// Applies the safe fixes of findings: per file, edits in order, overlapping edits skipped (a second run of
/// `--fix` picks them up).
public struct Fixer: Sendable {
    /// One file's new content and the fixes that produced it.
    public struct FileChange: Sendable {
        public var path: String
        public var old: [UInt8]
        public var new: [UInt8]
        public var applied: [LintFinding]
    }

    public init() {}

    public func changes(for findings: [LintFinding], in project: Project) -> [FileChange] {
        var byFile: [String: [LintFinding]] = [:]
        for finding in findings where finding.fix != nil { byFile[finding.file, default: []].append(finding) }
        var changes: [FileChange] = []
        for path in byFile.keys.sorted() {
            guard let file = project.files[path] else { continue }
            let candidates = byFile[path]!.sorted { ($0.fix!.edits.map(\.range.lowerBound).min() ?? 0, $0.code) < ($1.fix!.edits.map(\.range.lowerBound).min() ?? 0, $1.code) }
            var taken: [Range<Int>] = []
            var edits: [TextEdit] = []
            var applied: [LintFinding] = []
            for finding in candidates {
                let fixEdits = finding.fix!.edits
                // An edit touching another fix's edit would conflict; zero-width insertions at the same place too.
                let conflicts = fixEdits.contains { edit in
                    taken.contains { $0.overlaps(edit.range) || $0.lowerBound == edit.range.lowerBound || (edit.range.isEmpty && $0.contains(edit.range.lowerBound)) }
                }
                guard !conflicts, fixEdits.allSatisfy({ $0.range.upperBound <= file.source.bytes.count }) else { continue }
                taken += fixEdits.map(\.range)
                edits += fixEdits
                applied.append(finding)
            }
            guard !edits.isEmpty else { continue }
            let old = file.source.bytes
            let new = Self.apply(edits, to: old)
            if new != old { changes.append(FileChange(path: path, old: old, new: new, applied: applied)) }
        }
        return changes
    }

    /// The bytes with non-overlapping edits applied.
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) })
        where edit.range.lowerBound >= cursor {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return output
    }
}
